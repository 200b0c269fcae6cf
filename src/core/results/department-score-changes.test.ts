import { describe, expect, it } from "vitest";
import { DEFAULT_DEPT_SCORE_TEMPLATE as T } from "./department-score";
import { deptScoreTemplateChanges } from "./department-score-changes";

describe("deptScoreTemplateChanges", () => {
  it("names weights changed, components added and removed; 30 and 30.00 are the same weight", () => {
    const after = {
      components: [
        { key: "selfEvalQuality" as const, weight: 30.0 },
        { key: "deptEval" as const, weight: 35 },
        { key: "rectification" as const, weight: 15 },
        { key: "taskTimeliness" as const, weight: 20 },
      ],
    };
    expect(deptScoreTemplateChanges(T, after)).toEqual([
      { kind: "removed", section: "考核内容与权重", item: "考核内容", before: "重点评价（权重20.00）", after: null },
      { kind: "changed", section: "考核内容与权重", item: "“部门评价”的权重", before: "25.00", after: "35.00" },
      { kind: "changed", section: "考核内容与权重", item: "“任务完成及时性”的权重", before: "10.00", after: "20.00" },
    ]);
    expect(deptScoreTemplateChanges(after, T)).toContainEqual({
      kind: "added",
      section: "考核内容与权重",
      item: "考核内容",
      before: null,
      after: "重点评价（权重20.00）",
    });
  });
  it("is empty for the same template, and names a new order", () => {
    expect(deptScoreTemplateChanges(T, structuredClone(T))).toEqual([]);
    const reversed = { components: [...T.components].reverse() };
    expect(deptScoreTemplateChanges(T, reversed)).toEqual([
      {
        kind: "changed",
        section: "考核内容与权重",
        item: "考核内容的顺序",
        before: "自评质量、部门评价、重点评价、整改落实、任务完成及时性",
        after: "任务完成及时性、整改落实、重点评价、部门评价、自评质量",
      },
    ]);
  });
});
