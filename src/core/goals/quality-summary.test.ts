import { describe, expect, it } from "vitest";
import { checkGoalTable, GOAL_RULES, summariseFindings } from "./quality";
import { generateTables, goodTable } from "./test-tables";
import type { GoalTable } from "./types";

const withChanges = (change: (t: GoalTable) => void): GoalTable => {
  const t = goodTable();
  change(t);
  return t;
};

describe("summariseFindings", () => {
  it("counts findings by rule and by department, most first", () => {
    const vague = withChanges((t) => {
      t.indicators[2]!.target = "进一步提高";
      t.indicators[5]!.name = "校舍条件明显改善";
    });
    const badWeight = withChanges((t) => {
      t.indicators[0]!.weight = 15;
      t.indicators[2]!.target = "较好";
    });
    const items = [
      { departmentCode: "120", departmentName: "区教育局", findings: checkGoalTable(vague).findings },
      { departmentCode: "120", departmentName: "区教育局", findings: checkGoalTable(badWeight).findings },
      { departmentCode: "120", departmentName: "区教育局", findings: checkGoalTable(goodTable()).findings },
      { departmentCode: "105", departmentName: "区财政局", findings: checkGoalTable(goodTable()).findings },
      { departmentCode: "131", departmentName: "区卫健委", findings: checkGoalTable(badWeight).findings },
    ];
    const summary = summariseFindings(items);

    expect(summary.totals).toEqual({ tables: 5, tablesWithErrors: 2, tablesWithWarnings: 3, errors: 2, warnings: 4 });
    expect(summary.byRule).toEqual([
      { code: "GOAL_VAGUE", title: "表述模糊", severity: "warning", count: 4, tables: 3 },
      { code: "GOAL_WEIGHTS_NOT_100", title: "权重合计不等于100", severity: "error", count: 2, tables: 2 },
    ]);
    expect(summary.byDepartment).toEqual([
      { departmentCode: "120", departmentName: "区教育局", errors: 1, warnings: 3, tables: 3, tablesWithErrors: 1 },
      { departmentCode: "131", departmentName: "区卫健委", errors: 1, warnings: 1, tables: 1, tablesWithErrors: 1 },
      { departmentCode: "105", departmentName: "区财政局", errors: 0, warnings: 0, tables: 1, tablesWithErrors: 0 },
    ]);
  });

  it("is empty for no tables", () => {
    expect(summariseFindings([])).toEqual({
      byRule: [],
      byDepartment: [],
      totals: { tables: 0, tablesWithErrors: 0, tablesWithWarnings: 0, errors: 0, warnings: 0 },
    });
  });

  it("adds up over a district of generated tables", () => {
    const tables = generateTables(500, 11);
    const items = tables.map((t, i) => ({
      departmentCode: `D${i % 17}`,
      departmentName: `部门${i % 17}`,
      findings: checkGoalTable(t).findings,
    }));
    const { byRule, byDepartment, totals } = summariseFindings(items);
    const all = items.flatMap((x) => x.findings);
    expect(totals.errors + totals.warnings).toBe(all.length);
    expect(byRule.reduce((s, r) => s + r.count, 0)).toBe(all.length);
    expect(byDepartment.reduce((s, d) => s + d.errors + d.warnings, 0)).toBe(all.length);
    expect(byDepartment.reduce((s, d) => s + d.tables, 0)).toBe(500);
    expect(byDepartment.reduce((s, d) => s + d.tablesWithErrors, 0)).toBe(totals.tablesWithErrors);
    for (let i = 1; i < byRule.length; i++) expect(byRule[i - 1]!.count).toBeGreaterThanOrEqual(byRule[i]!.count);
    for (const r of byRule) {
      expect(r.tables).toBe(items.filter((x) => x.findings.some((f) => f.code === r.code)).length);
      expect(GOAL_RULES.find((g) => g.code === r.code)?.title).toBe(r.title);
    }
  });
});
