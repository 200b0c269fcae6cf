import { describe, expect, it } from "vitest";
import { diffSnapshots } from "../review/snapshot";
import { MONITORING_SNAPSHOT_LABELS, monitoringSnapshot } from "./snapshot";
import type { MonitoringExecution, MonitoringItem, ReportAnswers } from "./types";

const execution = (executed: number): MonitoringExecution => ({ budget: 100_000_000, byMonth: [], executed });

const item = (uid: string, name: string, patch: Partial<MonitoringItem> = {}): MonitoringItem => ({
  uid,
  level1: "产出指标",
  level2: "数量指标",
  name,
  kind: "quantitative",
  operator: ">=",
  target: "50",
  unit: "人",
  progress: null,
  expected: null,
  likelihood: null,
  cause: null,
  causeNote: null,
  measures: null,
  ...patch,
});

const answers: ReportAnswers = {
  overallStatus: "基本按计划推进",
  expectedYearEnd: 95_000_000,
  executionNote: null,
  items: [
    {
      uid: "u1",
      answers: {
        progress: "30",
        expected: "45",
        likelihood: "possible",
        cause: "经费保障",
        causeNote: "资金晚到",
        measures: "加快拨付",
      },
    },
  ],
};

describe("monitoringSnapshot", () => {
  it("keeps the report's fields in 万元 and each indicator's answers with Chinese likelihood labels", () => {
    const s = monitoringSnapshot({
      answers,
      items: [
        item("u1", "受益学生人数"),
        item("u2", "满意度", { level1: "满意度指标", level2: "", likelihood: "certain" }),
      ],
      execution: execution(40_005_000),
    });
    expect(s).toEqual({
      fields: {
        overallStatus: "基本按计划推进",
        executed: "40.01",
        expectedYearEnd: "95.00",
        executionNote: null,
      },
      items: [
        {
          key: "u1",
          label: "受益学生人数",
          group: "产出指标/数量指标",
          values: {
            progress: "30",
            expected: "45",
            likelihood: "有可能",
            cause: "经费保障",
            causeNote: "资金晚到",
            measures: "加快拨付",
          },
        },
        {
          key: "u2",
          label: "满意度",
          group: "满意度指标",
          values: {
            progress: null,
            expected: null,
            likelihood: "确定能",
            cause: null,
            causeNote: null,
            measures: null,
          },
        },
      ],
    });
    for (const f of [...Object.keys(s.fields), ...Object.keys(s.items[0]?.values ?? {})])
      expect(MONITORING_SNAPSHOT_LABELS[f]).toBeTruthy();
  });

  it("diffs two submissions item by item", () => {
    const items = [item("u1", "受益学生人数")];
    const before = monitoringSnapshot({
      answers: { ...answers, expectedYearEnd: null },
      items,
      execution: execution(40_000_000),
    });
    const first = answers.items[0];
    if (!first) throw new Error("fixture");
    const after = monitoringSnapshot({
      answers: { ...answers, items: [{ uid: "u1", answers: { ...first.answers, likelihood: "certain" } }] },
      items,
      execution: execution(40_000_000),
    });
    const diff = diffSnapshots(before, after);
    expect(diff.fields).toEqual([{ field: "expectedYearEnd", before: null, after: "95.00" }]);
    expect(diff.items).toEqual([
      {
        status: "changed",
        key: "u1",
        label: "受益学生人数",
        group: "产出指标/数量指标",
        changes: [{ field: "likelihood", before: "有可能", after: "确定能" }],
      },
    ]);
  });
});
