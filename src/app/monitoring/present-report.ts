import type { MonitoringRules } from "../../core/monitoring/types";
import { checkReport } from "../../core/monitoring/validate-report";
import { indicatorLight, reportLight } from "../../core/monitoring/warning";
import { monitoringWorkflow } from "../../core/monitoring/workflow";
import { percent } from "../../core/percent";
import { isOverdue } from "../../core/tasks/tasks";
import type { MonitoringRound, ReportDetail, ReportFigures } from "./ports";

/** A report in a list: its figures, its light and why, computed now from the execution and answers. */
export function presentReportRow(f: ReportFigures, round: MonitoringRound, rules: MonitoringRules, now: Date) {
  const lit = reportLight(
    { budget: f.budget, executed: f.executed, cutoffMonth: round.cutoffMonth, items: f.items },
    rules,
  );
  return {
    id: f.id,
    roundId: f.roundId,
    kind: f.kind,
    subjectKind: f.subjectKind,
    code: f.code,
    name: f.name,
    department: f.department,
    unit: f.unit,
    status: f.status,
    statusText: monitoringWorkflow.statusText(f),
    budget: f.budget,
    executed: f.executed,
    rate: lit.execution.rate,
    timeProgress: lit.execution.timeProgress,
    expectedYearEnd: f.expectedYearEnd,
    light: lit.light,
    reasons: lit.reasons,
    answered: f.items.filter((i) => i.likelihood !== null).length,
    indicators: f.items.length,
    taskStatus: f.taskStatus,
    dueOn: f.dueOn,
    overdue: f.taskStatus !== null && f.dueOn !== null && isOverdue({ status: f.taskStatus, dueOn: f.dueOn }, now),
    openActions: f.openActions,
    updatedAt: f.updatedAt,
  };
}

export type ReportRow = ReturnType<typeof presentReportRow>;

/** The answers of a report as stored, in the shape the checks and snapshots take. */
export const answersOf = (d: ReportDetail) => ({
  ...d.answers,
  items: d.items.map((i) => ({
    uid: i.uid,
    answers: {
      progress: i.progress,
      expected: i.expected,
      likelihood: i.likelihood,
      cause: i.cause,
      causeNote: i.causeNote,
      measures: i.measures,
    },
  })),
});

/** A report as its page shows it: figures, lights and reasons, the submission checks, and what the viewer may do. */
export function presentReport(
  d: ReportDetail,
  rules: MonitoringRules,
  viewer: { role: Parameters<typeof monitoringWorkflow.allowedActions>[1] },
  declarer: Parameters<typeof monitoringWorkflow.allowedActions>[2],
) {
  const cutoffMonth = d.round.cutoffMonth;
  const lit = reportLight(
    { budget: d.execution.budget, executed: d.execution.executed, cutoffMonth, items: d.items },
    rules,
  );
  const issues = checkReport(answersOf(d), { items: d.items, execution: d.execution, cutoffMonth, rules }, "submit");
  const open = d.round.status === "open";
  return {
    id: d.id,
    round: { ...d.round, timeProgress: percent(cutoffMonth, 12) },
    kind: d.kind,
    subjectKind: d.subjectKind,
    code: d.code,
    name: d.name,
    department: d.department,
    unit: d.unit,
    goalTableId: d.goalTableId,
    selectedBy: d.selectedBy,
    status: d.status,
    statusText: monitoringWorkflow.statusText(d),
    execution: { ...d.execution, ...lit.execution },
    overallGoal: d.overallGoal,
    overallStatus: d.answers.overallStatus,
    expectedYearEnd: d.answers.expectedYearEnd,
    executionNote: d.answers.executionNote,
    items: d.items.map((i) => ({ ...i, light: indicatorLight(i.likelihood).light })),
    light: lit.light,
    reasons: lit.reasons,
    issues,
    causeCategories: rules.causeCategories,
    rulesVersion: rules.version,
    editable: open && monitoringWorkflow.isEditable(d, viewer.role, declarer),
    allowedActions: open ? monitoringWorkflow.allowedActions(d, viewer.role, declarer) : [],
    taskId: d.taskId,
    updatedAt: d.updatedAt,
    version: d.version,
  };
}
