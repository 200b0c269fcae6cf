import { describe, expect, it } from "vitest";
import { isPercentUnit, parseMeasure } from "./measure";

describe("parseMeasure", () => {
  it("reads plain, grouped, full-width, signed and percent numbers", () => {
    expect(parseMeasure("1200")).toEqual({ value: 1200, text: "1200", percent: false });
    expect(parseMeasure(" 1,200.5 ")).toEqual({ value: 1200.5, text: "1200.5", percent: false });
    expect(parseMeasure("１，２００")).toEqual({ value: 1200, text: "1200", percent: false });
    expect(parseMeasure("８５．５％")).toEqual({ value: 85.5, text: "85.5", percent: true });
    expect(parseMeasure("85 %")).toEqual({ value: 85, text: "85", percent: true });
    expect(parseMeasure("-3.5")).toEqual({ value: -3.5, text: "-3.5", percent: false });
    expect(parseMeasure("\u22123")).toEqual({ value: -3, text: "-3", percent: false });
    expect(parseMeasure("007")).toEqual({ value: 7, text: "7", percent: false });
    expect(parseMeasure("-0")).toEqual({ value: 0, text: "0", percent: false });
  });

  it("refuses what is not a plain number", () => {
    for (const t of ["", " ", "约50", "50个", "1,2", "12,34,567", ".5", "5.", "1e3", "NaN", "50%%", "%50", "1 200"])
      expect(parseMeasure(t)).toBeNull();
    expect(parseMeasure("1".repeat(31))).toBeNull();
  });
});

describe("isPercentUnit", () => {
  it("knows the half- and full-width percent sign", () => {
    expect(isPercentUnit("%")).toBe(true);
    expect(isPercentUnit(" ％ ")).toBe(true);
    expect(isPercentUnit("个")).toBe(false);
    expect(isPercentUnit(null)).toBe(false);
  });
});
