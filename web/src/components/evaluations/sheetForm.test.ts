import { describe, expect, it } from "vitest";
import type { FrameworkRow } from "../../api/evaluations/evaluations";
import { meanHalfUp, sheetIssues, sheetPayload, sheetTotal } from "./sheetForm";

const row = (uid: string, points: number): FrameworkRow => ({
  uid,
  level1: "decision",
  level1Label: "决策",
  level2: "项目立项",
  name: uid,
  points,
  standard: "",
});
const rows = [row("A", 3), row("B", 5.5)];

describe("a scoring sheet on the page", () => {
  it("checks points within the indicator's weight, two decimals, and completeness only for submitting", () => {
    const f = { A: { points: 3.01, comment: "" }, B: { points: null, comment: "" } };
    expect([...sheetIssues(rows, f, false)]).toEqual([["A", "得分须在0至3分之间，最多两位小数"]]);
    expect(sheetIssues(rows, f, true).get("B")).toBe("请评分");
    expect(sheetIssues(rows, { A: { points: 1.005, comment: "" }, B: { points: 0, comment: "" } }, true).size).toBe(1);
  });

  it("totals exactly and sends only the scored indicators", () => {
    const f = { A: { points: 0.1, comment: " 依据充分 " }, B: { points: 0.2, comment: "" } };
    expect(sheetTotal(rows, f)).toBe(0.3);
    expect(sheetPayload(rows, { ...f, B: { points: null, comment: "x" } })).toEqual([
      { uid: "A", points: 0.1, comment: "依据充分" },
    ]);
  });

  it("rounds the mean half up to two decimals", () => {
    expect(meanHalfUp([80.33, 80.34])).toBe(80.34);
    expect(meanHalfUp([1, 2, 2])).toBe(1.67);
    expect(meanHalfUp([])).toBeNull();
  });
});
