import { describe, expect, it } from "vitest";
import { isBlankMark, isQualitativeTarget, readTarget } from "./target";

describe("readTarget: the operator is read from the target's text", () => {
  it.each([
    ["≥95%", ">=", "95%"],
    [">=95%", ">=", "95%"],
    ["不低于1,200人", ">=", "1,200人"],
    ["90%以上", ">=", "90%"],
    ["≤ 90万元", "<=", "90万元"],
    ["10天以内", "<=", "10天"],
    ["=100%", "=", "100%"],
    ["＝100％", "=", "100%"],
    ["50个", null, "50个"],
  ])("%s → %s %s", (text, operator, value) => {
    const t = readTarget(text);
    expect(t.operator).toBe(operator);
    expect(t.value).toBe(value);
    expect(t.quantity).not.toBeNull();
  });

  it("a target naming no number is qualitative; a blank or a dash is neither", () => {
    expect(isQualitativeTarget("按时完成")).toBe(true);
    expect(isQualitativeTarget("效果明显")).toBe(true);
    expect(isQualitativeTarget("12月底前完成")).toBe(true);
    expect(isQualitativeTarget("6月前")).toBe(true);
    expect(isQualitativeTarget("≤6个月")).toBe(false);
    expect(isQualitativeTarget("10个工作日以内")).toBe(false);
    expect(isQualitativeTarget("≥95%")).toBe(false);
    expect(isQualitativeTarget("")).toBe(false);
    expect(isQualitativeTarget("/")).toBe(false);
    expect(["", "/", "—", "……", " - "].every(isBlankMark)).toBe(true);
    expect(isBlankMark("0")).toBe(false);
  });
});
