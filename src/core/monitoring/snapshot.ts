import { type Fen, fenToWan } from "../money";
import type { ReviewSnapshot } from "../review/snapshot";
import {
  ITEM_ANSWER_FIELDS,
  type ItemAnswers,
  LIKELIHOOD_LABELS,
  type MonitoringExecution,
  type MonitoringItem,
  type ReportAnswers,
} from "./types";

const wan = (fen: Fen | null) => (fen === null ? null : fenToWan(fen));

/**
 * A monitoring report as a review snapshot: the report's own answers and the execution it was filled
 * against (amounts as 万元 text, so a diff reads as the form does), and each indicator keyed by its uid
 * with the unit's answers (the likelihood as its Chinese label). An indicator the answers leave out
 * shows the answers stored on it.
 */
export function monitoringSnapshot(report: {
  answers: ReportAnswers;
  items: readonly MonitoringItem[];
  execution: Pick<MonitoringExecution, "executed">;
}): ReviewSnapshot {
  const answers = new Map(report.answers.items.map((i) => [i.uid, i.answers]));
  return {
    fields: {
      overallStatus: report.answers.overallStatus,
      executed: wan(report.execution.executed),
      expectedYearEnd: wan(report.answers.expectedYearEnd),
      executionNote: report.answers.executionNote,
    },
    items: report.items.map((item) => {
      const a: ItemAnswers = answers.get(item.uid) ?? item;
      return {
        key: item.uid,
        label: item.name,
        group: [item.level1, item.level2].filter(Boolean).join("/"),
        values: Object.fromEntries(
          ITEM_ANSWER_FIELDS.map((f) => [
            f,
            f === "likelihood" ? (a.likelihood === null ? null : LIKELIHOOD_LABELS[a.likelihood]) : a[f],
          ]),
        ),
      };
    }),
  };
}

/** The Chinese names of a monitoring snapshot's fields, for showing a diff. */
export const MONITORING_SNAPSHOT_LABELS: Record<string, string> = {
  overallStatus: "总体目标完成情况",
  executed: "截至监控月已执行数（万元）",
  expectedYearEnd: "预计全年执行数（万元）",
  executionNote: "超预算说明",
  progress: "截至监控月完成值",
  expected: "预计全年完成值",
  likelihood: "完成目标可能性",
  cause: "偏差原因",
  causeNote: "偏差原因说明",
  measures: "改进措施",
};
