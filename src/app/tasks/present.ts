import { isOverdue, TASK_KIND_LABELS, TASK_STATUS_LABELS } from "../../core/tasks/tasks";
import type { TaskRecord } from "./ports";

const DAY_MS = 86_400_000;
const dayNumber = (d: string) =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY_MS;

/** Whole days from `today` to `dueOn` (both YYYY-MM-DD): 0 on the due day, negative once past it. */
export const daysBetween = (today: string, dueOn: string) => dayNumber(dueOn) - dayNumber(today);

/**
 * Where the owner does the work of a task: for a goal table, its subject's current revision; for a
 * department's choice of monitoring subjects, the round's selection page (the task's current object is
 * the round); a monitoring report or follow-up action, its own page; 单位自评, the organisation's forms; a
 * spot-check review (抽查复核), its re-scoring page; an expert's scoring, the evaluation's page; the year's
 * department evaluation, the department's evaluations; a 预算调整告知, its line of the adjustment list; a
 * publication's drafting or approval, the publication's page.
 */
export function taskLink(t: Pick<TaskRecord, "kind" | "objectKind" | "objectId" | "currentObjectId">): string {
  switch (t.objectKind) {
    case "org":
      // An organisation's work of the year over all its records: its goal tables, or its self-evaluations.
      if (t.kind === "department_evaluation") return "/evaluations?kind=department";
      return t.kind === "selfeval" ? "/selfeval/forms" : "/goal-tables";
    case "goal_table":
      return `/goal-tables/${t.currentObjectId ?? t.objectId}`;
    case "monitoring_selection":
      return t.currentObjectId === null ? "/monitoring" : `/monitoring/rounds/${t.currentObjectId}/select`;
    case "monitoring_report":
      return `/monitoring/reports/${t.objectId}`;
    case "monitoring_action":
      return `/monitoring/follow-ups/${t.objectId}`;
    case "selfeval_review":
      return `/review/items/${t.objectId}`;
    case "rectification_item":
      return `/rectification/items/${t.objectId}`;
    case "evaluation_member":
      // An expert's sheet is scored on the evaluation's page (its current object).
      return t.currentObjectId === null ? "/evaluations" : `/evaluations/${t.currentObjectId}`;
    case "result_adjustment":
      return `/results/adjustments/${t.objectId}`;
    case "publication_version":
      // A version is drafted and approved on its publication's page (its current object).
      return t.currentObjectId === null ? "/disclosure" : `/disclosure/publications/${t.currentObjectId}`;
    default:
      return "/";
  }
}

/** A task as the API shows it: labels, the overdue flag and days left as of `now` in China. */
export function presentTask(t: TaskRecord, now: Date, today: string) {
  return {
    ...t,
    kindLabel: TASK_KIND_LABELS[t.kind],
    statusLabel: TASK_STATUS_LABELS[t.status],
    overdue: isOverdue(t, now),
    daysLeft: daysBetween(today, t.dueOn),
    link: taskLink(t),
  };
}
