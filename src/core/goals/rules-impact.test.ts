import { describe, expect, it } from "vitest";
import { DEFAULT_GOAL_RULES } from "./goal-rules";
import { checkGoalTable } from "./quality";
import { rulesImpact } from "./rules-impact";
import { generateTables, goodTable } from "./test-tables";

const current = { template: DEFAULT_GOAL_RULES.template, policy: DEFAULT_GOAL_RULES.policy };

describe("rulesImpact", () => {
  it("changes nothing when the rules are the same, and its totals are those of checkGoalTable", () => {
    const tables = generateTables(200, 7);
    const impact = rulesImpact(tables, current, current);
    const results = tables.map((t) => checkGoalTable(t, current));
    expect(impact.tables).toBe(200);
    expect(impact.before).toEqual(impact.after);
    expect(impact.before.errors).toBe(results.reduce((s, r) => s + r.errors, 0));
    expect(impact.before.warnings).toBe(results.reduce((s, r) => s + r.warnings, 0));
    expect(impact.before.tablesWithErrors).toBe(results.filter((r) => r.errors > 0).length);
    expect(impact).toMatchObject({
      tablesGainingFindings: 0,
      tablesLosingFindings: 0,
      tablesNewlyBlocked: 0,
      byRule: [],
    });
  });

  it("counts the tables a stricter rule flags and the ones a looser rule clears", () => {
    const good = goodTable();
    const n = good.indicators.length;
    const stricter = { ...current, policy: { ...current.policy, minIndicators: n + 1 } };
    const impact = rulesImpact([good, good], current, stricter);
    expect(impact.before).toEqual({ errors: 0, warnings: 0, tablesWithErrors: 0, tablesWithWarnings: 0 });
    expect(impact.tablesGainingFindings).toBe(2);
    expect(impact.byRule).toEqual([expect.objectContaining({ code: "GOAL_TOO_FEW", before: 0, after: 2 })]);
    expect(impact.tablesNewlyBlocked).toBe(impact.after.tablesWithErrors);
    const back = rulesImpact([good], stricter, current);
    expect(back).toMatchObject({ tablesGainingFindings: 0, tablesLosingFindings: 1 });
  });

  it("a level 2 taken out of the framework flags every table that uses it", () => {
    const tables = generateTables(100, 3);
    const using = tables.filter((t) => t.indicators.some((i) => i.level2 === "时效指标")).length;
    expect(using).toBeGreaterThan(0);
    const without = {
      ...current,
      template: {
        ...current.template,
        levels: current.template.levels.map((l) => ({ ...l, level2: l.level2.filter((x) => x !== "时效指标") })),
      },
    };
    const impact = rulesImpact(tables, current, without);
    expect(impact.tablesGainingFindings).toBe(using);
    expect(impact.byRule.find((r) => r.code === "GOAL_UNKNOWN_LEVEL")?.after).toBeGreaterThan(0);
  });
});
