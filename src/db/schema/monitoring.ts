import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  check,
  customType,
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
import { ACTION_STATUSES } from "../../core/monitoring/actions";
import { ACTION_KINDS, LIKELIHOODS, MONITORING_KINDS } from "../../core/monitoring/types";
import { DESK_STATUSES } from "../../core/review/desk-workflow";
import { appNow, regionCode, sqlList, stamps } from "./columns";
import { goalTables } from "./goals";
import { orgs } from "./org";
import { deptBudgets, projects } from "./projects";

/**
 * 监控轮次: finance monitors a fiscal year as of a cut-off month N (domain.md §4), with a due date for the
 * reports. A year may have more than one round (half-year, then the third quarter), one per month.
 */
export const monitoringRounds = pgTable(
  "monitoring_rounds",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    fiscalYear: smallint("fiscal_year").notNull(),
    cutoffMonth: smallint("cutoff_month").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    /** Until when departments choose what they monitor. */
    selectionDueOn: date("selection_due_on", { mode: "string" }).notNull(),
    status: text("status").notNull().default("open"),
    openedBy: integer("opened_by"),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "monitoring_rounds_pkey", columns: [t.id, t.regionCode] }),
    uniqueIndex("monitoring_rounds_month_uq").on(t.regionCode, t.fiscalYear, t.cutoffMonth),
    check("monitoring_rounds_month_ck", sql`${t.cutoffMonth} between 1 and 12`),
    check("monitoring_rounds_status_ck", sql`${t.status} in ('open','closed')`),
    check("monitoring_rounds_due_ck", sql`${t.selectionDueOn} <= ${t.dueOn}`),
  ],
);

const roundFk = (name: string, t: { roundId: AnyPgColumn; regionCode: AnyPgColumn }) =>
  foreignKey({
    name,
    columns: [t.roundId, t.regionCode],
    foreignColumns: [monitoringRounds.id, monitoringRounds.regionCode],
  });

/** A department's choice of what it monitors in a round; confirmed when it says it has chosen. */
export const monitoringSelections = pgTable(
  "monitoring_selections",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    roundId: integer("round_id").notNull(),
    departmentId: integer("department_id").notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    confirmedBy: integer("confirmed_by"),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "monitoring_selections_pkey", columns: [t.id, t.regionCode] }),
    roundFk("monitoring_selections_round_fk", t),
    foreignKey({
      name: "monitoring_selections_department_fk",
      columns: [t.departmentId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    uniqueIndex("monitoring_selections_uq").on(t.roundId, t.departmentId, t.regionCode),
  ],
);

/**
 * 监控表: one monitored project or department-wide budget in a round, with the unit's answers. Execution
 * figures are read from the imported monthly execution (never copied); the goal side is copied from the
 * approved goal table into its items when the report is issued.
 */
export const monitoringReports = pgTable(
  "monitoring_reports",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    fiscalYear: smallint("fiscal_year").notNull(),
    roundId: integer("round_id").notNull(),
    kind: text("kind").notNull(),
    subjectKind: text("subject_kind").notNull(),
    projectId: integer("project_id"),
    deptBudgetId: integer("dept_budget_id"),
    departmentId: integer("department_id").notNull(),
    unitId: integer("unit_id").notNull(),
    subjectCode: text("subject_code").notNull(),
    goalTableId: integer("goal_table_id").notNull(),
    /** Who chose it: the department (部门监控) or finance (for a department, or as key monitoring). */
    selectedBy: text("selected_by").notNull(),
    status: text("status").notNull().default("draft"),
    returnedBy: text("returned_by"),
    overallStatus: text("overall_status").notNull().default(""),
    expectedYearEnd: bigint("expected_year_end", { mode: "number" }),
    executionNote: text("execution_note"),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "monitoring_reports_pkey", columns: [t.id, t.regionCode] }),
    roundFk("monitoring_reports_round_fk", t),
    foreignKey({
      name: "monitoring_reports_project_fk",
      columns: [t.projectId, t.regionCode],
      foreignColumns: [projects.id, projects.regionCode],
    }),
    foreignKey({
      name: "monitoring_reports_dept_budget_fk",
      columns: [t.deptBudgetId, t.regionCode],
      foreignColumns: [deptBudgets.id, deptBudgets.regionCode],
    }),
    foreignKey({
      name: "monitoring_reports_department_fk",
      columns: [t.departmentId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    foreignKey({
      name: "monitoring_reports_unit_fk",
      columns: [t.unitId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    foreignKey({
      name: "monitoring_reports_goal_table_fk",
      columns: [t.goalTableId, t.regionCode],
      foreignColumns: [goalTables.id, goalTables.regionCode],
    }),
    // A subject is monitored once per round: a key pick of a project its department chose turns that report key.
    uniqueIndex("monitoring_reports_subject_uq").on(t.roundId, t.subjectKind, t.subjectCode, t.regionCode),
    index("monitoring_reports_dept_idx").on(t.regionCode, t.roundId, t.departmentId),
    check("monitoring_reports_kind_ck", sql`${t.kind} in (${sqlList(MONITORING_KINDS)})`),
    check(
      "monitoring_reports_subject_ck",
      sql`${t.subjectKind} in ('project','deptWide')
      and (${t.subjectKind} = 'project') = (${t.projectId} is not null)
      and (${t.subjectKind} = 'deptWide') = (${t.deptBudgetId} is not null)`,
    ),
    check("monitoring_reports_selected_ck", sql`${t.selectedBy} in ('department','finance')`),
    check("monitoring_reports_status_ck", sql`${t.status} in (${sqlList(DESK_STATUSES)})`),
    check("monitoring_reports_expected_ck", sql`${t.expectedYearEnd} is null or ${t.expectedYearEnd} >= 0`),
  ],
);

const reportFk = (name: string, t: { reportId: AnyPgColumn; regionCode: AnyPgColumn }) =>
  foreignKey({
    name,
    columns: [t.reportId, t.regionCode],
    foreignColumns: [monitoringReports.id, monitoringReports.regionCode],
  });

/** Each indicator of a report: the approved goal as copied, and the unit's answers. */
export const monitoringItems = pgTable(
  "monitoring_items",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    reportId: integer("report_id").notNull(),
    position: smallint("position").notNull(),
    uid: text("uid").notNull(),
    level1: text("level1").notNull(),
    level2: text("level2").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    operator: text("operator"),
    target: text("target").notNull(),
    unit: text("unit"),
    progress: text("progress"),
    expected: text("expected"),
    likelihood: text("likelihood"),
    cause: text("cause"),
    causeNote: text("cause_note"),
    measures: text("measures"),
  },
  (t) => [
    primaryKey({ name: "monitoring_items_pkey", columns: [t.id, t.regionCode] }),
    reportFk("monitoring_items_report_fk", t).onDelete("cascade"),
    uniqueIndex("monitoring_items_uid_uq").on(t.reportId, t.uid, t.regionCode),
    check(
      "monitoring_items_likelihood_ck",
      sql`${t.likelihood} is null or ${t.likelihood} in (${sqlList(LIKELIHOODS)})`,
    ),
  ],
);

/** A recorded key-monitoring draw: population and parameters, so anyone can re-run it (domain.md §7). */
export const monitoringDraws = pgTable(
  "monitoring_draws",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    roundId: integer("round_id").notNull(),
    algorithm: text("algorithm").notNull(),
    params: jsonb("params").notNull(),
    population: jsonb("population").notNull(),
    result: jsonb("result").notNull(),
    createdBy: integer("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(appNow),
  },
  (t) => [
    primaryKey({ name: "monitoring_draws_pkey", columns: [t.id, t.regionCode] }),
    roundFk("monitoring_draws_round_fk", t),
    // A round is sampled once; finance may still add picks by hand.
    uniqueIndex("monitoring_draws_round_uq").on(t.roundId, t.regionCode),
  ],
);

/** 整改措施 of a red or yellow report: a requirement, an owner (the report's declarer) and a due date. */
export const monitoringActions = pgTable(
  "monitoring_actions",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    fiscalYear: smallint("fiscal_year").notNull(),
    reportId: integer("report_id").notNull(),
    kind: text("kind").notNull(),
    requirement: text("requirement").notNull(),
    orgId: integer("org_id").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    status: text("status").notNull().default("open"),
    /** 整改情况: what the unit did. */
    response: text("response"),
    /** Finance's comment when it closes or returns it. */
    reviewNote: text("review_note"),
    /** For adjust_goal: the approved goal table whose revision it asked for. */
    goalTableId: integer("goal_table_id"),
    createdBy: integer("created_by"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "monitoring_actions_pkey", columns: [t.id, t.regionCode] }),
    reportFk("monitoring_actions_report_fk", t),
    foreignKey({
      name: "monitoring_actions_org_fk",
      columns: [t.orgId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    index("monitoring_actions_report_idx").on(t.regionCode, t.reportId),
    check("monitoring_actions_kind_ck", sql`${t.kind} in (${sqlList(ACTION_KINDS)})`),
    check("monitoring_actions_status_ck", sql`${t.status} in (${sqlList(ACTION_STATUSES)})`),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Files attached to a record of any module (整改佐证 now; rectification evidence, evaluation reports later),
 * kept in the database so a write and its files commit together and a backup holds both.
 */
export const attachments = pgTable(
  "attachments",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    entity: text("entity").notNull(),
    recordId: integer("record_id").notNull(),
    name: text("name").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: integer("uploaded_by"),
    uploaderName: text("uploader_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(appNow),
  },
  (t) => [
    primaryKey({ name: "attachments_pkey", columns: [t.id, t.regionCode] }),
    index("attachments_record_idx").on(t.regionCode, t.entity, t.recordId),
    check("attachments_size_ck", sql`${t.size} between 1 and 10485760`),
  ],
);
