import { dateInChina } from "../calendar";
import type { GoalStatus } from "../goals/workflow";

/**
 * Tasks (任务): the work finance issues to an organisation, with a due date. Every phase issues its work
 * as tasks, so it shows in the owners' inboxes and in finance's progress view. A task's status follows
 * the object it concerns (a goal table, later a monitoring report, a self-evaluation …): nobody keeps it
 * by hand.
 */
export const TASK_KINDS = ["goal_declaration"] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  goal_declaration: "绩效目标申报",
};

/** The object a task concerns, by kind of task. */
export const TASK_OBJECT_KIND: Record<TaskKind, "goal_table"> = {
  goal_declaration: "goal_table",
};

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

/**
 * A goal declaration task follows its goal table: a draft never saved is to do, a saved draft is in
 * progress, submitted (to the department or on to finance) is submitted, returned is returned, approved
 * is done.
 */
export function goalTaskStatus(status: GoalStatus, edited: boolean): TaskStatus {
  switch (status) {
    case "draft":
      return edited ? "in_progress" : "todo";
    case "submitted":
    case "dept_approved":
      return "submitted";
    case "returned":
      return "returned";
    case "approved":
      return "done";
  }
}
