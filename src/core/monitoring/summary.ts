import { TASK_STATUSES, type TaskStatus } from "../tasks/tasks";
import type { ActionStatus } from "./actions";
import { LIGHTS, type Light, MONITORING_KINDS, type MonitoringKind } from "./types";

/**
 * Finance's overview of a monitoring round: the reports' tasks by kind and status, the lights, and the
 * follow-up actions. Overdue flags are the caller's (`isOverdue` of core/tasks for tasks); they are
 * counted as given.
 */
export interface RoundReport {
  kind: MonitoringKind;
  taskStatus: TaskStatus;
  overdue: boolean;
  light: Light;
}

export interface RoundAction {
  status: ActionStatus;
  overdue: boolean;
}

export interface TaskCounts {
  total: number;
  byStatus: Record<TaskStatus, number>;
  overdue: number;
}

export interface RoundSummary {
  tasks: Record<MonitoringKind, TaskCounts>;
  lights: Record<Light, number>;
  /** open: every action not yet closed (open, submitted, returned). */
  actions: { open: number; closed: number; overdue: number; total: number };
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function summariseRound(reports: readonly RoundReport[], actions: readonly RoundAction[]): RoundSummary {
  const tasks = Object.fromEntries(
    MONITORING_KINDS.map((k) => [k, { total: 0, byStatus: zeros(TASK_STATUSES), overdue: 0 }]),
  ) as Record<MonitoringKind, TaskCounts>;
  const lights = zeros(LIGHTS);
  for (const r of reports) {
    const t = tasks[r.kind];
    t.total += 1;
    t.byStatus[r.taskStatus] += 1;
    if (r.overdue) t.overdue += 1;
    lights[r.light] += 1;
  }
  const closed = actions.filter((a) => a.status === "closed").length;
  return {
    tasks,
    lights,
    actions: {
      open: actions.length - closed,
      closed,
      overdue: actions.filter((a) => a.overdue).length,
      total: actions.length,
    },
  };
}
