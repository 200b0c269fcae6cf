import type { ActionStatus } from "../../core/monitoring/actions";
import type { ActionKind } from "../../core/monitoring/types";
import type { DeskStatus } from "../../core/review/desk-workflow";
import type { Scope } from "../../core/scope";
import type { TaskStatus } from "../../core/tasks/tasks";
import type { OrgRef } from "../org/ports";
import type { Page } from "../ports";

/** Ports of follow-up actions (整改措施) of monitoring reports. src/db implements them (db/repos/monitoring/actions.ts). */

export interface ActionRecord {
  id: number;
  fiscalYear: number;
  kind: ActionKind;
  requirement: string;
  status: ActionStatus;
  dueOn: string;
  response: string | null;
  reviewNote: string | null;
  /** For adjust_goal: the approved goal table whose revision it asked for. */
  goalTableId: number | null;
  /** The organisation that carries it out (the report's declarer). */
  org: OrgRef;
  department: OrgRef;
  report: {
    id: number;
    roundId: number;
    cutoffMonth: number;
    code: string;
    name: string;
    subjectKind: "project" | "deptWide";
    status: DeskStatus;
  };
  taskId: number | null;
  taskStatus: TaskStatus | null;
  attachments: number;
  createdByName: string | null;
  createdAt: string;
  closedAt: string | null;
  updatedAt: string;
  version: number;
}

import type { ActionSort } from "../../core/monitoring/actions";

export type { ActionSort };

export interface ActionFilter {
  roundId?: number | undefined;
  fiscalYear?: number | undefined;
  reportId?: number | undefined;
  departmentId?: number | undefined;
  status?: ActionStatus | undefined;
  kind?: ActionKind | undefined;
  /** Only actions the owner still has to act on past their due day (as of `today`). */
  overdue?: boolean | undefined;
  q?: string | undefined;
}

export interface NewAction {
  fiscalYear: number;
  reportId: number;
  kind: ActionKind;
  requirement: string;
  orgId: number;
  dueOn: string;
  goalTableId: number | null;
  createdBy: number | null;
  /** The title of its 监控整改 task. */
  taskTitle: string;
}

export interface MonitoringActionRepo {
  /** Inserts the action and its 监控整改 task (to do) for the owner; the ids. */
  insert(regionCode: string, a: NewAction): Promise<{ id: number; taskId: number }>;
  get(scope: Scope, id: number): Promise<ActionRecord | null>;
  list(
    scope: Scope,
    filter: ActionFilter,
    today: string,
    paging: { sort: ActionSort; order: "asc" | "desc"; page: number; pageSize: number },
  ): Promise<Page<ActionRecord>>;
  /** The report's actions of this kind not yet closed (to refuse a second one). */
  openOfKind(regionCode: string, reportId: number, kind: ActionKind): Promise<number>;
  /** Locks the action's row for this transaction and reads its state. */
  lockState(regionCode: string, id: number): Promise<{ status: ActionStatus; version: number } | null>;
  /** Moves the action at `version` (the caller holds the lock) and its task; the new version, null when stale. */
  setStatus(
    regionCode: string,
    id: number,
    version: number,
    next: { status: ActionStatus; response?: string; reviewNote?: string | null; closedAt: Date | null },
    taskStatus: TaskStatus,
  ): Promise<number | null>;
}
