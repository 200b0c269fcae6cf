import { dateInChina } from "../calendar";
import type { GoalStatus } from "../goals/workflow";

/**
 * Tasks (任务): the work finance issues to an organisation, with a due date. Every phase issues its work
 * as tasks, so it shows in the owners' inboxes and in finance's progress view. A task's status follows
 * the object it concerns (a goal table, later a monitoring report, a self-evaluation …): nobody keeps it
 * by hand.
 */
export const TASK_KINDS = [
  "goal_declaration",
  "goal_revision",
  "monitoring_selection",
  "monitoring_department",
  "monitoring_key",
  "monitoring_action",
  "selfeval",
  "selfeval_review",
  "rectification",
  "evaluation_scoring",
  "department_evaluation",
  "result_adjustment",
  "publication_draft",
  "publication_approve",
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  goal_declaration: "绩效目标申报",
  goal_revision: "绩效目标调整",
  monitoring_selection: "部门监控对象选取",
  monitoring_department: "部门绩效监控",
  monitoring_key: "财政重点监控",
  monitoring_action: "监控整改",
  selfeval: "单位自评",
  selfeval_review: "自评抽查复核",
  rectification: "整改落实",
  evaluation_scoring: "重点评价专家评分",
  department_evaluation: "部门评价",
  result_adjustment: "预算调整告知",
  publication_draft: "信息公开拟稿",
  publication_approve: "信息公开审核",
};

/** The object a task concerns, by kind of task: a declaration concerns the organisation's tables of the year. */
export const TASK_OBJECT_KIND = {
  goal_declaration: "org",
  goal_revision: "goal_table",
  // A department's choice of what it monitors in a round (a monitoring_departments row).
  monitoring_selection: "monitoring_selection",
  monitoring_department: "monitoring_report",
  monitoring_key: "monitoring_report",
  monitoring_action: "monitoring_action",
  // Like the goal declaration: one task per organisation that self-evaluates, over all its forms of the year.
  selfeval: "org",
  selfeval_review: "selfeval_review",
  // One task per item of a rectification notice.
  rectification: "rectification_item",
  // One expert's sheet on a key evaluation's team: the member row, owned by the expert's account.
  evaluation_scoring: "evaluation_member",
  // Like the goal declaration: one task per department over its evaluations of the year.
  department_evaluation: "org",
  // One line of an adopted adjustment list: the unit reads its project's adjustment and the reason.
  result_adjustment: "result_adjustment",
  // 信息公开: one version of a publication, drafted by its 信息员 (the task given to that account) and
  // approved by the 审核员 chosen at submission (given to that account).
  publication_draft: "publication_version",
  publication_approve: "publication_version",
} as const satisfies Record<TaskKind, string>;
export type TaskObjectKind = (typeof TASK_OBJECT_KIND)[TaskKind];

export const TASK_STATUSES = ["todo", "in_progress", "submitted", "returned", "done", "closed"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  todo: "待办",
  in_progress: "进行中",
  submitted: "已提交",
  returned: "被退回",
  done: "已完成",
  closed: "已关闭",
};

/** The statuses in which the owner still has to act: only these can be overdue or reminded. */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ["todo", "in_progress", "returned"];

export const isOpenTask = (status: TaskStatus) => OPEN_TASK_STATUSES.includes(status);

/**
 * Overdue: the owner still has to act and the due day has passed in China. The due day itself is not
 * overdue; from 00:00 Beijing time the day after, it is.
 */
export const isOverdue = (task: { status: TaskStatus; dueOn: string }, now: Date) =>
  isOpenTask(task.status) && dateInChina(now) > task.dueOn;

/** A goal table as its declaration task sees it. */
export interface DeclaredTable {
  status: GoalStatus;
  /** Saved at least once (or a revision): work has begun. */
  edited: boolean;
}

/**
 * An organisation's goal declaration task follows its goal tables of the year (the tables it declares:
 * its projects', and a department's department-wide table): any returned → returned; all approved →
 * done; all submitted or beyond → submitted; any work begun → in progress; else to do.
 */
export function declarationStatus(tables: readonly DeclaredTable[]): TaskStatus {
  if (tables.length === 0) return "closed";
  if (tables.some((t) => t.status === "returned")) return "returned";
  if (tables.every((t) => t.status === "approved")) return "done";
  if (tables.every((t) => t.status !== "draft")) return "submitted";
  if (tables.some((t) => t.edited || t.status !== "draft")) return "in_progress";
  return "todo";
}

/** The revision a 绩效目标调整 task asked for, as its task sees it: the table asked about and the subject's current one. */
export interface RevisedTable {
  /** The revision finance asked to revise (approved when asked). */
  askedRevision: number;
  /** The subject's current table: the same revision until the declarer starts the new one. */
  current: { revision: number; status: GoalStatus } | null;
}

/**
 * A revision task follows the subject's current table: not revised yet → to do; the new revision in draft →
 * in progress; submitted or awaiting finance → submitted; returned → returned; approved → done.
 */
export function revisionStatus(t: RevisedTable): TaskStatus {
  const current = t.current;
  if (current === null) return "closed";
  if (current.revision <= t.askedRevision) return "todo";
  switch (current.status) {
    case "draft":
      return "in_progress";
    case "returned":
      return "returned";
    case "approved":
      return "done";
    default:
      return "submitted";
  }
}
