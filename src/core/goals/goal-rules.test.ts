import { describe, expect, it } from "vitest";
import { DEFAULT_GOAL_RULES, nextRulesVersion, validateGoalRules } from "./goal-rules";

const { template, policy } = DEFAULT_GOAL_RULES;

describe("validateGoalRules", () => {
  it("accepts the default rules, trims names and cleans word lists", () => {
    const r = validateGoalRules(
      "2025.1",
      { ...template, levels: [{ level1: " 产出指标 ", level2: ["数量指标 ", "质量指标"] }] },
      { ...policy, vagueWords: ["进一步", " 进一步", "", "基本"] },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rules.template).toEqual({
      version: "2025.1",
      totalWeight: 100,
      levels: [{ level1: "产出指标", level2: ["数量指标", "质量指标"] }],
    });
    expect(r.rules.policy.vagueWords).toEqual(["进一步", "基本"]);
    expect(r.rules.policy.version).toBe("2025.1");
  });

  it("names every problem: empty and repeated names, empty level 2 lists, weights and thresholds out of range", () => {
    const r = validateGoalRules(
      "2025.1",
      {
        totalWeight: 0,
        levels: [
          { level1: "产出指标", level2: ["数量指标", "数量指标"] },
          { level1: "产出指标", level2: [] },
          { level1: "", level2: [" "] },
        ],
      },
      { ...policy, minIndicators: 0, maxQualitativeShare: 1.5 },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.field)).toEqual([
      "template.totalWeight",
      "template.levels.0.level2.1",
      "template.levels.1.level1",
      "template.levels.1.level2",
      "template.levels.2.level1",
      "template.levels.2.level2.0",
      "policy.minIndicators",
      "policy.maxQualitativeShare",
    ]);
    expect(r.issues[1]?.message).toBe("“产出指标”下二级指标“数量指标”重复");
  });

  it("refuses a template without levels", () => {
    const r = validateGoalRules("2025.1", { totalWeight: 100, levels: [] }, policy);
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toEqual(["至少要有一个一级指标"]);
  });

  it("numbers the versions of a year", () => {
    expect(nextRulesVersion(2025, 0)).toBe("2025.1");
    expect(nextRulesVersion(2025, 2)).toBe("2025.3");
  });
});
