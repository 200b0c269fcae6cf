import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
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
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { DESK_STATUSES } from "../../core/review/desk-workflow";
import { QUALITATIVE_TIERS } from "../../core/selfeval/rules";
import { regionCode, sqlList, stamps } from "./columns";
import { goalTables } from "./goals";
import { orgs } from "./org";
import { deptBudgets, projects } from "./projects";

/** Points with two decimals, read as JS numbers (exact: at most 5 digits). */
const points = (name: string) => numeric(name, { precision: 7, scale: 2, mode: "number" });

/**
 * 单位自评: finance opens the year's self-evaluation once; every project and department-wide budget with
 * an approved goal table gets its form, every declaring organisation its task. The rules version in
 * effect when it opened is recorded: the rules are frozen while it is open.
 */
export const selfevalRounds = pgTable(
  "selfeval_rounds",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    fiscalYear: smallint("fiscal_year").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    rulesVersion: text("rules_version").notNull(),
    status: text("status").notNull().default("open"),
    openedBy: integer("opened_by"),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "selfeval_rounds_pkey", columns: [t.id, t.regionCode] }),
    uniqueIndex("selfeval_rounds_year_uq").on(t.regionCode, t.fiscalYear),
    check("selfeval_rounds_status_ck", sql`${t.status} in ('open','closed')`),
  ],
);

/**
 * 自评表: one per subject and year. Budget figures are read live from the imported budget and execution
 * while the form is being filled, and kept as they were when it was submitted (`start_budget` …), so an
 * approved score never moves. Scores are computed on read, never stored.
 */
export const selfevalForms = pgTable(
  "selfeval_forms",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    fiscalYear: smallint("fiscal_year").notNull(),
    roundId: integer("round_id").notNull(),
    subjectKind: text("subject_kind").notNull(),
    projectId: integer("project_id"),
    deptBudgetId: integer("dept_budget_id"),
    departmentId: integer("department_id").notNull(),
    unitId: integer("unit_id").notNull(),
    subjectCode: text("subject_code").notNull(),
    goalTableId: integer("goal_table_id").notNull(),
    rulesVersion: text("rules_version").notNull(),
    status: text("status").notNull().default("draft"),
    returnedBy: text("returned_by"),
    /** Points of the execution rate, and of levels without an indicator (dropped, the total rescaled). */
    executionWeight: points("execution_weight").notNull(),
    missingWeight: points("missing_weight").notNull().default(0),
    /** 实际完成情况 of the overall goal. */
    overallActual: text("overall_actual").notNull().default(""),
    /** The figures as submitted: null while the form is being filled (then read live). */
    startBudget: bigint("start_budget", { mode: "number" }),
    adjustedBudget: bigint("adjusted_budget", { mode: "number" }),
    executed: bigint("executed", { mode: "number" }),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "selfeval_forms_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "selfeval_forms_round_fk",
      columns: [t.roundId, t.regionCode],
      foreignColumns: [selfevalRounds.id, selfevalRounds.regionCode],
    }),
    foreignKey({
      name: "selfeval_forms_project_fk",
      columns: [t.projectId, t.regionCode],
      foreignColumns: [projects.id, projects.regionCode],
    }),
    foreignKey({
      name: "selfeval_forms_dept_budget_fk",
      columns: [t.deptBudgetId, t.regionCode],
      foreignColumns: [deptBudgets.id, deptBudgets.regionCode],
    }),
    foreignKey({
      name: "selfeval_forms_department_fk",
      columns: [t.departmentId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    foreignKey({
      name: "selfeval_forms_unit_fk",
      columns: [t.unitId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    foreignKey({
      name: "selfeval_forms_goal_table_fk",
      columns: [t.goalTableId, t.regionCode],
      foreignColumns: [goalTables.id, goalTables.regionCode],
    }),
    uniqueIndex("selfeval_forms_subject_uq").on(t.regionCode, t.fiscalYear, t.subjectKind, t.subjectCode),
    index("selfeval_forms_dept_idx").on(t.regionCode, t.fiscalYear, t.departmentId),
    check(
      "selfeval_forms_subject_ck",
      sql`${t.subjectKind} in ('project','deptWide')
      and (${t.subjectKind} = 'project') = (${t.projectId} is not null)
      and (${t.subjectKind} = 'deptWide') = (${t.deptBudgetId} is not null)`,
    ),
    check("selfeval_forms_status_ck", sql`${t.status} in (${sqlList(DESK_STATUSES)})`),
  ],
);

const formFk = (name: string, t: { formId: AnyPgColumn; regionCode: AnyPgColumn }) =>
  foreignKey({ name, columns: [t.formId, t.regionCode], foreignColumns: [selfevalForms.id, selfevalForms.regionCode] });

/**
 * Each scored item of a form: a goal indicator as approved (projects) or a row of the department-wide
 * template (its formula copied), with its points (分值) set when issued, and the unit's answers.
 */
export const selfevalItems = pgTable(
  "selfeval_items",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    formId: integer("form_id").notNull(),
    position: smallint("position").notNull(),
    uid: text("uid").notNull(),
    level1: text("level1").notNull(),
    level2: text("level2").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    operator: text("operator"),
    target: text("target").notNull(),
    unit: text("unit"),
    weight: points("weight").notNull(),
    /** Department-wide template rows: the formula and its scoring standard as they were when issued. */
    formula: jsonb("formula"),
    explanation: text("explanation"),
    actual: text("actual"),
    tier: text("tier"),
    points: points("points"),
    notApplicable: boolean("not_applicable").notNull().default(false),
    /** Checklist rows: the keys of the items found wanting. */
    failed: jsonb("failed"),
    /** 偏差原因分析及改进措施. */
    note: text("note"),
  },
  (t) => [
    primaryKey({ name: "selfeval_items_pkey", columns: [t.id, t.regionCode] }),
    formFk("selfeval_items_form_fk", t).onDelete("cascade"),
    uniqueIndex("selfeval_items_uid_uq").on(t.formId, t.uid, t.regionCode),
    check("selfeval_items_tier_ck", sql`${t.tier} is null or ${t.tier} in (${sqlList(QUALITATIVE_TIERS)})`),
    check("selfeval_items_weight_ck", sql`${t.weight} >= 0 and ${t.weight} <= 100`),
  ],
);
