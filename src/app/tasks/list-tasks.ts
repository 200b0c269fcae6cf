import { dateInChina } from "../../core/calendar";
import { notFound } from "../../core/errors";
import { isOpenTask, type TaskKind } from "../../core/tasks/tasks";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { DepartmentProgress, TaskFilter } from "./ports";
import { presentTask } from "./present";

const INBOX_SIZE = 50;

/** Tasks within the caller's scope: finance the region, a department its own and its units', a unit its own. */
export async function listTasks(deps: Deps, actor: Actor, filter: TaskFilter, page: number, pageSize: number) {
  const scope = authorize(actor, "task.read");
  const now = deps.clock.now();
  const today = dateInChina(now);
  const found = await deps.uow.read.tasks.list(scope, actor.userId, filter, today, page, pageSize);
  return { total: found.total, rows: found.rows.map((t) => presentTask(t, now, today)) };
}

export async function getTask(deps: Deps, actor: Actor, id: number) {
  const scope = authorize(actor, "task.read");
  const task = await deps.uow.read.tasks.get(scope, id, actor.userId);
  if (!task) throw notFound("任务", id);
  const now = deps.clock.now();
  return presentTask(task, now, dateInChina(now));
}

/** 我的待办: the open tasks of the caller's organisation, most urgent first, with the counts that matter. */
export async function getInbox(deps: Deps, actor: Actor) {
  authorize(actor, "task.read");
  const now = deps.clock.now();
  const today = dateInChina(now);
  const [open, unread] = await Promise.all([
    deps.uow.read.tasks.open(actor.regionCode, actor.orgId, actor.userId, today, 10_000),
    actor.userId === null ? 0 : deps.uow.read.notifications.unreadCount(actor.userId),
  ]);
  const tasks = open.map((t) => presentTask(t, now, today));
  return {
    counts: {
      open: tasks.length,
      dueThisWeek: tasks.filter((t) => isOpenTask(t.status) && t.daysLeft >= 0 && t.daysLeft < 7).length,
      overdue: tasks.filter((t) => t.overdue).length,
      returned: tasks.filter((t) => t.status === "returned").length,
    },
    tasks: tasks.slice(0, INBOX_SIZE),
    unread,
  };
}

const rates = (p: Omit<DepartmentProgress, "department">) => ({
  ...p,
  submissionRate: p.total === 0 ? 0 : (p.submitted + p.done) / p.total,
  approvalRate: p.total === 0 ? 0 : p.done / p.total,
});

/** Progress by department of a year's tasks of a kind, within the caller's scope, with the total row. */
export async function getTaskProgress(deps: Deps, actor: Actor, fiscalYear: number, kind: TaskKind) {
  const scope = authorize(actor, "task.read");
  const today = dateInChina(deps.clock.now());
  const rows = await deps.uow.read.tasks.progress(scope, fiscalYear, kind, today);
  const keys = [
    "total",
    "todo",
    "inProgress",
    "submitted",
    "returned",
    "done",
    "closed",
    "overdue",
    "doneLate",
  ] as const;
  const total = Object.fromEntries(keys.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)])) as Omit<
    DepartmentProgress,
    "department"
  >;
  return { rows: rows.map((r) => ({ department: r.department, ...rates(r) })), total: rates(total) };
}
