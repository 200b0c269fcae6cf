import { describe, expect, it } from "vitest";
import { diffIndicators, type GoalSheetLayout, locateFinding } from "./goal-sheet";
import { checkGoalTable } from "./quality";
import { goodTable } from "./test-tables";
import type { GoalIndicator } from "./types";

const stored = (): GoalIndicator[] => goodTable().indicators.map((i, n) => ({ ...i, uid: `u${n}` }));
const fromSheet = (): GoalIndicator[] => goodTable().indicators.map((i) => ({ ...i, unit: i.unit ?? null }));

describe("diffIndicators", () => {
  it("finds nothing to do when the sheet states the stored table, blanks and nulls alike", () => {
    const sheet = fromSheet().map((i) => ({ ...i, name: ` ${i.name} `, unit: i.unit ?? "", explanation: "" }));
    const d = diffIndicators(stored(), sheet);
    expect(d.same).toBe(true);
    expect(d.counts).toEqual({ new: 0, changed: 0, unchanged: 7, removed: 0 });
    expect(d.indicators.map((i) => i.uid)).toEqual(["u0", "u1", "u2", "u3", "u4", "u5", "u6"]);
  });

  it("keeps uids of indicators matched by level 2 and name, wherever they moved", () => {
    const sheet = fromSheet();
    const moved = sheet.splice(0, 1)[0]!;
    sheet.push({ ...moved, target: "6000" });
    sheet[0] = { ...sheet[0]!, weight: 15.004 };
    sheet.splice(2, 1, { ...sheet[2]!, name: "单位面积造价" });
    const d = diffIndicators(stored(), sheet);
    expect(d.same).toBe(false);
    expect(d.indicators.map((i) => i.uid)).toEqual(["u1", "u2", undefined, "u4", "u5", "u6", "u0"]);
    expect(d.rows.filter((r) => r.change !== "unchanged")).toEqual([
      { index: 2, name: "单位面积造价", change: "new", fields: [] },
      { index: 6, name: "改造校舍面积", change: "changed", fields: ["target"] },
    ]);
    expect(d.removed.map((i) => i.name)).toEqual(["单位面积改造成本"]);
    expect(d.counts).toEqual({ new: 1, changed: 1, unchanged: 5, removed: 1 });
  });

  it("counts a reordering alone as a change of the table, not of its indicators", () => {
    const sheet = fromSheet().reverse();
    const d = diffIndicators(stored(), sheet);
    expect(d.counts.changed + d.counts.new + d.counts.removed).toBe(0);
    expect(d.same).toBe(false);
  });

  it("matches repeated names one to one, so no uid is given twice", () => {
    const twice = [...stored(), { ...stored()[0]!, uid: "u9", target: "1" }];
    const sheet = [...fromSheet(), { ...fromSheet()[0]!, target: "2" }, { ...fromSheet()[0]! }];
    const d = diffIndicators(twice, sheet);
    expect(d.indicators.map((i) => i.uid)).toEqual(["u0", "u1", "u2", "u3", "u4", "u5", "u6", "u9", undefined]);
    expect(d.rows.at(-2)).toMatchObject({ change: "changed", fields: ["target"] });
  });
});

describe("locateFinding", () => {
  const layout: GoalSheetLayout = {
    headerRow: 10,
    columns: {
      level1: { letter: "A", header: "一级指标" },
      name: { letter: "C", header: "三级指标" },
      unit: { letter: "G", header: "度量单位" },
      weight: { letter: "H", header: "权重（分）" },
    },
    rows: [11, 12, 14, 15, 16, 17, 18],
    overallGoal: { row: 9, column: { letter: "B", header: "年度总体目标" } },
    templateVersion: null,
    subjectCode: null,
    totalRow: 19,
  };

  it("puts indicator findings on their sheet row and column, table findings on 合计 or the header", () => {
    const table = goodTable();
    table.overallGoal = "改造";
    table.indicators[2] = { ...table.indicators[2]!, kind: "quantitative", operator: ">=", target: "1", unit: null };
    table.indicators[0] = { ...table.indicators[0]!, weight: 25 };
    const issues = checkGoalTable(table).findings.map((f) => locateFinding("P1", layout, f));
    expect(issues.map((i) => [i.code, i.cell, i.column])).toEqual([
      ["GOAL_OVERALL_MISSING", "B9", "年度总体目标"],
      ["GOAL_WEIGHTS_NOT_100", "H19", "权重（分）"],
      ["GOAL_UNIT_MISSING", "G14", "度量单位"],
    ]);
    expect(issues[2]!.message).toMatch(
      /^工作表“P1”G14（度量单位）：第3个指标“产出指标\/时效指标\/完工时间”：定量指标未填写计量单位（/,
    );
  });
});
