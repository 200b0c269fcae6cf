import { describe, expect, it } from "vitest";
import { DEFAULT_GOAL_RULES } from "./goal-rules";
import { goalRulesChanges } from "./goal-rules-diff";

const { template, policy } = DEFAULT_GOAL_RULES;

describe("goalRulesChanges", () => {
  it("is empty for the same rules", () => {
    expect(goalRulesChanges({ template, policy }, { template, policy })).toEqual([]);
  });

  it("names level 1 and level 2 added and removed, moved level 1, thresholds and word lists with old and new", () => {
    const changes = goalRulesChanges(
      { template, policy },
      {
        template: {
          totalWeight: 100,
          levels: [
            { level1: "效益指标", level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"] },
            { level1: "产出指标", level2: ["数量指标", "质量指标", "时效指标", "产出成本指标"] },
            { level1: "成本指标", level2: ["经济成本指标"] },
          ],
        },
        policy: { ...policy, minIndicators: 4, maxQualitativeShare: 0.4, moneyUnits: ["元", "万元"] },
      },
    );
    expect(changes).toEqual([
      {
        kind: "removed",
        section: "指标体系",
        item: "一级指标",
        before: "满意度指标（服务对象满意度指标）",
        after: null,
      },
      { kind: "added", section: "指标体系", item: "一级指标", before: null, after: "成本指标（经济成本指标）" },
      { kind: "removed", section: "指标体系", item: "“产出指标”下的二级指标", before: "成本指标", after: null },
      { kind: "added", section: "指标体系", item: "“产出指标”下的二级指标", before: null, after: "产出成本指标" },
      {
        kind: "changed",
        section: "指标体系",
        item: "一级指标的顺序",
        before: "产出指标、效益指标",
        after: "效益指标、产出指标",
      },
      { kind: "changed", section: "审核规则", item: "最少三级指标数", before: "3", after: "4" },
      { kind: "changed", section: "审核规则", item: "定性指标占比上限", before: "50%", after: "40%" },
      { kind: "removed", section: "审核规则", item: "金额单位", before: "亿元", after: null },
    ]);
  });
});
