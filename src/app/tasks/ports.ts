import type { Scope } from "../../core/scope";
import type { TaskKind, TaskStatus } from "../../core/tasks/tasks";
import type { OrgRef } from "../org/ports";
import type { Page } from "../ports";

/**
 * Ports of tasks, the outbox and in-app notifications: the spine every phase issues its work through.
 * src/db implements them.
 */

export interface TaskRecord {
  id: number;
  fiscalYear: number;
  kind: TaskKind;
  status: TaskStatus;
  title: string;
  dueOn: string;
  org: OrgRef;
  /** The owner organisation's department (itself for a department). */
  department: OrgRef;
  objectKind: string;
  objectId: number;
  /**
   * For a task about a goal table: the subject's current revision, where the work is done (a revision
   * task's object is the approved table asked about, the new revision gets another id). For a
   * department's choice of monitoring subjects: its round. Else null.
   */
  currentObjectId: number | null;
  reminders: number;
  lastRemindedAt: string | null;
  doneAt: string | null;
  updatedAt: string;
  version: number;
}

/** What opening the goal declaration created, and what was already there. */
export interface DeclarationOpened {
  tablesCreated: number;
  tablesExisting: number;
  tasksCreated: number;
  tasksExisting: number;
  /**
   * New draft tables per declaring organisation (one notification each); count 0 for an organisation
   * whose new task covers only tables it had started itself.
   */
  newTablesByOrg: { orgId: number; count: number }[];
}

/** A task whose status changed because its object did. */
export interface TaskChange {
  taskId: number;
  kind: TaskKind;
  orgId: number;
  title: string;
  from: TaskStatus;
  to: TaskStatus;
}

/** A 绩效目标调整 task as a goal table sees it. */
export interface RevisionTaskRef {
  id: number;
  /** The approved table it asks to revise. */
  goalTableId: number;
  status: TaskStatus;
  dueOn: string;
  orgId: number;
  title: string;
}

export interface TaskFilter {
  fiscalYear: number;
  kind?: TaskKind | undefined;
  status?: TaskStatus | undefined;
  departmentId?: number | undefined;
  /** Only tasks open past their due day (as of `today`). */
  overdue?: boolean | undefined;
  q?: string | undefined;
}

/** Progress of one department's tasks of a kind (its own and its units'). */
export interface DepartmentProgress {
  department: OrgRef;
  total: number;
  todo: number;
  inProgress: number;
  submitted: number;
  returned: number;
  done: number;
  closed: number;
  overdue: number;
  /** Done, but after the due day (in China): 逾期完成. */
  doneLate: number;
}

export interface TaskRepo {
  /**
   * Creates the year's missing draft goal tables (one per project, one per department with a
   * department-wide budget) and a declaration task for every organisation that declares and has none,
   * then brings every declaration task of the year up to date. Set-based and idempotent: run again (or
   * twice at once) it creates only what is missing.
   */
  openGoalDeclaration(
    regionCode: string,
    fiscalYear: number,
    dueOn: string,
    templateVersion: string,
  ): Promise<DeclarationOpened>;
  /**
   * Brings the declaration tasks of the organisations declaring these goal tables up to date with their
   * tables, and the revision tasks of their subjects with the subjects' current tables.
   */
  followGoalTables(regionCode: string, goalTableIds: readonly number[], at: Date): Promise<TaskChange[]>;
  /**
   * Issues a 绩效目标调整 task about an approved goal table to the organisation that declares it, in
   * status to do. Null when the table is no longer the current approved one or already has such a task
   * (one per table: the unique index settles two requests at once).
   */
  issueRevision(
    regionCode: string,
    goalTableId: number,
    dueOn: string,
  ): Promise<{ id: number; orgId: number; title: string } | null>;
  /** The revision tasks asked about these goal tables (any status). */
  revisionsOf(regionCode: string, goalTableIds: readonly number[]): Promise<RevisionTaskRef[]>;
  /** Who declares each of these goal tables, and what the table is called (for notices). */
  declarersOf(
    regionCode: string,
    goalTableIds: readonly number[],
  ): Promise<{ tableId: number; orgId: number; name: string }[]>;
  /** `viewerId`: the account reading; a task given to one person of a firm is only that person's. */
  get(scope: Scope, id: number, viewerId: number | null): Promise<TaskRecord | null>;
  list(
    scope: Scope,
    viewerId: number | null,
    filter: TaskFilter,
    today: string,
    page: number,
    pageSize: number,
  ): Promise<Page<TaskRecord>>;
  /** An organisation's own tasks still to act on (any year), most urgent first. */
  open(regionCode: string, orgId: number, userId: number | null, today: string, limit: number): Promise<TaskRecord[]>;
  /** Counts by department for a year and kind, within the scope. */
  progress(scope: Scope, fiscalYear: number, kind: TaskKind, today: string): Promise<DepartmentProgress[]>;
  /**
   * Writes a "due soon" outbox entry for every open task of any region due within `days` of `today`
   * (once per task: the outbox's unique index); how many were written.
   */
  noticeDueSoon(today: string, days: number): Promise<number>;
  /** Records a reminder on an open task at `version`; the new version, or null when stale or no longer open. */
  remind(regionCode: string, id: number, version: number, at: Date): Promise<number | null>;
}

/** Something to tell people: written with the change, delivered by the dispatcher. */
export interface OutboxEntry {
  kind: "assigned" | "returned" | "approved" | "reminded" | "due_soon";
  taskId: number | null;
  /** Who hears it: the active accounts of these organisations. */
  orgIds: number[];
  title: string;
  body: string;
  link: string | null;
}

export interface PendingEntry extends OutboxEntry {
  id: number;
  regionCode: string;
}

export interface OutboxRepo {
  add(regionCode: string, entries: readonly OutboxEntry[]): Promise<void>;
  /** Up to `limit` undelivered entries, locked for this transaction (others skip them). */
  takePending(limit: number): Promise<PendingEntry[]>;
  markDispatched(ids: readonly number[], at: Date): Promise<void>;
}

export interface Notification {
  id: number;
  kind: OutboxEntry["kind"];
  taskId: number | null;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationRepo {
  /**
   * In-app delivery of outbox entries: one notification per active account of each entry's organisations,
   * once (delivering an entry again adds nothing). How many notifications were added.
   */
  deliver(outboxIds: readonly number[]): Promise<number>;
  list(userId: number, unreadOnly: boolean, page: number, pageSize: number): Promise<Page<Notification>>;
  unreadCount(userId: number): Promise<number>;
  /** Marks the user's notifications read (these ids, or all); how many changed. */
  markRead(userId: number, ids: readonly number[] | "all", at: Date): Promise<number>;
}
