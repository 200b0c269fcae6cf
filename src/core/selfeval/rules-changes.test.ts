import { describe, expect, it } from "vitest";
import { DEFAULT_SELFEVAL_RULES } from "./rules";
import { selfEvalRulesChanges } from "./rules-changes";

const { version: _v, ...base } = DEFAULT_SELFEVAL_RULES;
const clone = () => structuredClone(base);

describe("what a rules change changes", () => {
  it("finds nothing in the same rules", () => {
    expect(selfEvalRulesChanges(base, clone())).toEqual([]);
  });

  it("names changed points, methods, tiers, labels and the overrating line with old and new values", () => {
    const after = clone();
    after.project.executionWeight = 20;
    after.project.levels[0]!.weight = 40;
    after.project.execution = { kind: "bands", bands: [{ minRatePercent: 90, percentOfWeight: 100 }] };
    after.project.tiers[0]!.minPercent = 85;
    after.gradeLabels.excellent = "一等";
    after.overrateThreshold = 8;
    const changes = selfEvalRulesChanges(base, after);
    expect(changes.map((c) => [c.item, c.before, c.after])).toEqual([
      ["预算执行率分值", "10", "20"],
      ["“产出指标”分值", "50", "40"],
      ["执行率计分方法", "执行率 × 分值（超过100%按100%计）", "按执行率分档：达到90%得100%"],
      ["档次“达成年度指标”", "达成年度指标：80%—100%", "达成年度指标：85%—100%"],
      ["90分（含）以上的等级名称", "优", "一等"],
      ["自评偏高提示线（分）", "10", "8"],
    ]);
    expect(changes.every((c) => c.kind === "changed")).toBe(true);
  });

  it("lists template rows added, removed and changed, with their formula in words", () => {
    const after = clone();
    const [first, ...rest] = after.deptWide.rows;
    const staff = rest.find((r) => r.key === "staffControl")!;
    staff.formula = { kind: "deductPerPoint", direction: "over", limitPercent: 100, perPoint: 1 };
    after.deptWide.rows = [...rest, { ...first!, key: "goalNew", name: "新增指标" }];
    const changes = selfEvalRulesChanges(base, after);
    expect(changes.find((c) => c.kind === "removed")?.before).toContain("绩效目标合理性");
    expect(changes.find((c) => c.kind === "added")?.after).toContain("新增指标（5分）：定性评价");
    const formula = changes.find((c) => c.item === "“在职人员控制率”的计分公式");
    expect(formula?.after).toContain("每超过1个百分点扣1.00分");
  });

  it("says when only the order of the rows changed", () => {
    const after = clone();
    after.deptWide.rows.reverse();
    const changes = selfEvalRulesChanges(base, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: "changed", item: "指标的顺序" });
  });
});
