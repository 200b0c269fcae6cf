import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { PHASES } from "../../core/plan/phases";
import { TASK_KINDS, TASK_STATUSES } from "../../core/tasks/tasks";
import { appNow, regionCode, sqlList, stamps } from "./columns";
import { orgs } from "./org";
import { users } from "./users";

/** 年度工作安排: one per region and fiscal year; its version counts every change to its phases. */
export const workPlans = pgTable(
  "work_plans",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    fiscalYear: smallint("fiscal_year").notNull(),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "work_plans_pkey", columns: [t.id, t.regionCode] }),
    uniqueIndex("work_plans_year_uq").on(t.regionCode, t.fiscalYear),
  ],
);

/** The phases of a plan with their dates; `openedAt` and `dueOn` once finance has opened the phase. */
export const planPhases = pgTable(
  "plan_phases",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    planId: integer("plan_id").notNull(),
    phase: text("phase").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    dueOn: date("due_on", { mode: "string" }),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    openedBy: integer("opened_by"),
  },
  (t) => [
    primaryKey({ name: "plan_phases_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "plan_phases_plan_fk",
      columns: [t.planId, t.regionCode],
      foreignColumns: [workPlans.id, workPlans.regionCode],
    }).onDelete("cascade"),
    uniqueIndex("plan_phases_phase_uq").on(t.planId, t.phase, t.regionCode),
    check("plan_phases_phase_ck", sql`${t.phase} in (${sqlList(PHASES)})`),
    check("plan_phases_dates_ck", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/**
 * 任务: work issued to an organisation (and optionally one of its users) about one object, with a due
 * date. Its status follows the object; one task per year, kind and object.
 */
export const tasks = pgTable(
  "tasks",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    fiscalYear: smallint("fiscal_year").notNull(),
    kind: text("kind").notNull(),
    orgId: integer("org_id").notNull(),
    ownerUserId: integer("owner_user_id"),
    objectKind: text("object_kind").notNull(),
    objectId: integer("object_id").notNull(),
    title: text("title").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    status: text("status").notNull().default("todo"),
    reminders: integer("reminders").notNull().default(0),
    lastRemindedAt: timestamp("last_reminded_at", { withTimezone: true }),
    doneAt: timestamp("done_at", { withTimezone: true }),
    /**
     * When the owner handed the work in, kept by a trigger (migration 0015): each time the task enters
     * `submitted` until it is first done, or when it is done without a submission step. Timeliness is judged
     * on it, not on when finance got round to approving; work reopened after it was done (a goal table
     * revised in the summer) does not move it.
     */
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** The first time the task was done; unlike `done_at` it stays when the task reopens. */
    firstDoneAt: timestamp("first_done_at", { withTimezone: true }),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "tasks_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({ name: "tasks_org_fk", columns: [t.orgId, t.regionCode], foreignColumns: [orgs.id, orgs.regionCode] }),
    foreignKey({ name: "tasks_owner_fk", columns: [t.ownerUserId], foreignColumns: [users.id] }),
    uniqueIndex("tasks_object_uq").on(t.regionCode, t.fiscalYear, t.kind, t.objectKind, t.objectId),
    index("tasks_year_idx").on(t.regionCode, t.fiscalYear, t.kind, t.status),
    index("tasks_org_idx").on(t.regionCode, t.orgId, t.status),
    check("tasks_kind_ck", sql`${t.kind} in (${sqlList(TASK_KINDS)})`),
    check("tasks_status_ck", sql`${t.status} in (${sqlList(TASK_STATUSES)})`),
  ],
);

/**
 * What happened that someone must hear about (a task assigned, returned, approved, reminded, due soon),
 * written by the modules in their own transaction. A dispatcher delivers each entry through every sender
 * (in-app now; e-mail, SMS or 企业微信 later) and marks it dispatched.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    kind: text("kind").notNull(),
    taskId: integer("task_id"),
    payload: jsonb("payload").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(appNow),
    dispatchedAt: timestamp("dispatched_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
  },
  (t) => [
    primaryKey({ name: "outbox_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "outbox_task_fk",
      columns: [t.taskId, t.regionCode],
      foreignColumns: [tasks.id, tasks.regionCode],
    }).onDelete("cascade"),
    index("outbox_pending_idx").on(t.id).where(sql`${t.dispatchedAt} is null`),
    // "Due in 3 days" is said once per task.
    uniqueIndex("outbox_due_soon_uq").on(t.taskId, t.regionCode).where(sql`${t.kind} = 'due_soon'`),
  ],
);

/** In-app notifications: one per recipient, unread until read. */
export const notifications = pgTable(
  "notifications",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    userId: integer("user_id").notNull(),
    outboxId: integer("outbox_id").notNull(),
    kind: text("kind").notNull(),
    taskId: integer("task_id"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(appNow),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: "notifications_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({ name: "notifications_user_fk", columns: [t.userId], foreignColumns: [users.id] }),
    foreignKey({
      name: "notifications_outbox_fk",
      columns: [t.outboxId, t.regionCode],
      foreignColumns: [outbox.id, outbox.regionCode],
    }).onDelete("cascade"),
    foreignKey({
      name: "notifications_task_fk",
      columns: [t.taskId, t.regionCode],
      foreignColumns: [tasks.id, tasks.regionCode],
    }).onDelete("cascade"),
    // A dispatcher that delivers an entry twice (after a crash) still gives each user one notification.
    uniqueIndex("notifications_once_uq").on(t.outboxId, t.userId, t.regionCode),
    index("notifications_user_idx").on(t.userId, t.readAt),
  ],
);
