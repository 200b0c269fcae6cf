import { describe, expect, it } from "vitest";
import { DEFAULT_EVALUATION_FRAMEWORK } from "./framework";
import { evaluationFrameworkChanges } from "./framework-changes";

describe("evaluationFrameworkChanges", () => {
  it("names each indicator added, removed or changed, the level-1 totals and the policy numbers", () => {
    const before = DEFAULT_EVALUATION_FRAMEWORK;
    const rows = before.rows
      .filter((r) => r.uid !== "B3")
      .map((r) => (r.uid === "O1" ? { ...r, points: 15 } : r))
      .concat({ uid: "D7", level1: "decision", level2: "项目立项", name: "新指标", points: 1, standard: "" });
    const changes = evaluationFrameworkChanges(before, {
      ...before,
      rows,
      keyProjectThresholdFen: 1_336_640_000,
    });
    expect(changes).toEqual(
      expect.arrayContaining([
        { kind: "removed", section: "评价指标", item: "指标", before: "效益/项目效益/可持续影响（5分）", after: null },
        { kind: "added", section: "评价指标", item: "指标", before: null, after: "决策/项目立项/新指标（1分）" },
        { kind: "changed", section: "评价指标", item: "“实际完成率”的分值", before: "10", after: "15" },
        { kind: "changed", section: "一级指标分值", item: "“产出”合计", before: "35.00", after: "40.00" },
        { kind: "changed", section: "一级指标分值", item: "“效益”合计", before: "30.00", after: "25.00" },
        {
          kind: "changed",
          section: "回避与评价要求",
          item: "重点项目金额标准（万元）",
          before: "500",
          after: "1336.64",
        },
      ]),
    );
    expect(changes).toHaveLength(7);
    expect(evaluationFrameworkChanges(before, structuredClone(before))).toEqual([]);
  });
});
