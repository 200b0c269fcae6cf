import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { GOAL_STATUSES } from "../../core/goals/workflow";
import { appNow, regionCode, stamps } from "./columns";
import { orgs } from "./org";
import { projects } from "./projects";

/** The statuses a goal table and its transitions may hold (core/goals/workflow.ts), as an SQL list. */
const STATUSES = GOAL_STATUSES.map((s) => `'${s}'`).join(",");

/**
 * 绩效目标表: one per project (or department-wide budget) and fiscal year and version. Version 1 is
 * the first declaration; a change after approval creates the next version with its reason, and the
 * approved one is kept.
 */
export const goalTables = pgTable(
  "goal_tables",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    fiscalYear: smallint("fiscal_year").notNull(),
    subjectKind: text("subject_kind").notNull(),
    projectId: integer("project_id"),
    departmentId: integer("department_id").notNull(),
    unitId: integer("unit_id").notNull(),
    subjectCode: text("subject_code").notNull(),
    revision: integer("revision").notNull().default(1),
    isCurrent: boolean("is_current").notNull().default(true),
    status: text("status").notNull().default("draft"),
    returnedBy: text("returned_by"),
    overallGoal: text("overall_goal").notNull().default(""),
    templateVersion: text("template_version").notNull(),
    revisionReason: text("revision_reason"),
    /** The revision this one replaced (null for revision 1): the history runs through the chain. */
    previousId: integer("previous_id"),
    /** Last year's table this one was started from (carry-over), if any. */
    carriedFromId: integer("carried_from_id"),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "goal_tables_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "goal_tables_project_fk",
      columns: [t.projectId, t.regionCode],
      foreignColumns: [projects.id, projects.regionCode],
    }),
    foreignKey({
      name: "goal_tables_department_fk",
      columns: [t.departmentId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    foreignKey({
      name: "goal_tables_unit_fk",
      columns: [t.unitId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    foreignKey({
      name: "goal_tables_previous_fk",
      columns: [t.previousId, t.regionCode],
      foreignColumns: [t.id, t.regionCode],
    }),
    foreignKey({
      name: "goal_tables_carried_from_fk",
      columns: [t.carriedFromId, t.regionCode],
      foreignColumns: [t.id, t.regionCode],
    }),
    uniqueIndex("goal_tables_uq").on(t.regionCode, t.fiscalYear, t.subjectKind, t.subjectCode, t.revision),
    index("goal_tables_dept_idx").on(t.regionCode, t.fiscalYear, t.departmentId),
    check("goal_tables_kind_ck", sql`${t.subjectKind} in ('project','deptWide')`),
    check("goal_tables_status_ck", sql`${t.status} in (${sql.raw(STATUSES)})`),
  ],
);

/** The goal table a child row belongs to, in its region. */
const goalTableFk = (name: string, t: { goalTableId: AnyPgColumn; regionCode: AnyPgColumn }) =>
  foreignKey({ name, columns: [t.goalTableId, t.regionCode], foreignColumns: [goalTables.id, goalTables.regionCode] });

/** Level-3 indicators of a goal table, in their declared order. Weights have two decimals. */
export const goalIndicators = pgTable(
  "goal_indicators",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    goalTableId: integer("goal_table_id").notNull(),
    position: smallint("position").notNull(),
    /** Stable identity of the indicator across saves, reorderings and revisions: comments are keyed by it. */
    uid: text("uid").notNull().default(sql`gen_random_uuid()::text`),
    level1: text("level1").notNull(),
    level2: text("level2").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    operator: text("operator"),
    target: text("target").notNull(),
    unit: text("unit"),
    weight: numeric("weight", { precision: 6, scale: 2, mode: "number" }).notNull(),
    explanation: text("explanation"),
  },
  (t) => [
    primaryKey({ name: "goal_indicators_pkey", columns: [t.id, t.regionCode] }),
    goalTableFk("goal_indicators_table_fk", t).onDelete("cascade"),
    uniqueIndex("goal_indicators_pos_uq").on(t.goalTableId, t.position, t.regionCode),
    uniqueIndex("goal_indicators_uid_uq").on(t.goalTableId, t.uid, t.regionCode),
    check("goal_indicators_kind_ck", sql`${t.kind} in ('quantitative','qualitative')`),
  ],
);

/** Every state change of a goal table with who, when, the comment and per-indicator comments. */
export const goalTransitions = pgTable(
  "goal_transitions",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    goalTableId: integer("goal_table_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().default(appNow),
    actorId: integer("actor_id"),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    comment: text("comment"),
    indicatorComments: jsonb("indicator_comments"),
  },
  (t) => [
    primaryKey({ name: "goal_transitions_pkey", columns: [t.id, t.regionCode] }),
    goalTableFk("goal_transitions_table_fk", t).onDelete("cascade"),
    index("goal_transitions_table_idx").on(t.goalTableId),
    check(
      "goal_transitions_status_ck",
      sql`${t.fromStatus} in (${sql.raw(STATUSES)}) and ${t.toStatus} in (${sql.raw(STATUSES)})`,
    ),
  ],
);

/** A draw of departments for the rolling on-site joint review: the population and parameters are kept so anyone can re-run it. */
export const reviewDraws = pgTable(
  "review_draws",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    fiscalYear: smallint("fiscal_year").notNull(),
    algorithm: text("algorithm").notNull(),
    params: jsonb("params").notNull(),
    population: jsonb("population").notNull(),
    result: jsonb("result").notNull(),
    createdBy: integer("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(appNow),
  },
  (t) => [
    primaryKey({ name: "review_draws_pkey", columns: [t.id, t.regionCode] }),
    // A year is drawn once: the constraint holds it even for two draws racing past the use case's check.
    uniqueIndex("review_draws_year_uq").on(t.regionCode, t.fiscalYear),
  ],
);

/** Findings and guidance of the on-site review for one picked department; revised tables link back. */
export const reviewVisits = pgTable(
  "review_visits",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    drawId: integer("draw_id").notNull(),
    departmentId: integer("department_id").notNull(),
    reviewedOn: text("reviewed_on"),
    findings: text("findings").notNull().default(""),
    guidance: text("guidance").notNull().default(""),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "review_visits_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "review_visits_draw_fk",
      columns: [t.drawId, t.regionCode],
      foreignColumns: [reviewDraws.id, reviewDraws.regionCode],
    }),
    foreignKey({
      name: "review_visits_department_fk",
      columns: [t.departmentId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    uniqueIndex("review_visits_uq").on(t.drawId, t.departmentId, t.regionCode),
  ],
);

export const reviewVisitTables = pgTable(
  "review_visit_tables",
  {
    regionCode: regionCode(),
    visitId: integer("visit_id").notNull(),
    goalTableId: integer("goal_table_id").notNull(),
    actedOn: boolean("acted_on").notNull().default(false),
    note: text("note"),
  },
  (t) => [
    primaryKey({ name: "review_visit_tables_pkey", columns: [t.visitId, t.goalTableId, t.regionCode] }),
    foreignKey({
      name: "review_visit_tables_visit_fk",
      columns: [t.visitId, t.regionCode],
      foreignColumns: [reviewVisits.id, reviewVisits.regionCode],
    }).onDelete("cascade"),
    goalTableFk("review_visit_tables_table_fk", t),
  ],
);
