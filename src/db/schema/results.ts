import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
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
import { ADJUSTMENT_ACTIONS } from "../../core/results/rules";
import { appNow, fen, regionCode, sqlList, stamps } from "./columns";
import { importBatches } from "./imports";
import { orgs } from "./org";
import { projects } from "./projects";

/**
 * 下年度预算申请: what a project asks for the budget year, from the budget system (import) or typed by
 * finance. It belongs to the results year's project of the same code (budget year − 1): the results that
 * adjust it are that project's.
 */
export const budgetRequests = pgTable(
  "budget_requests",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    budgetYear: smallint("budget_year").notNull(),
    projectId: integer("project_id").notNull(),
    projectCode: text("project_code").notNull(),
    amount: fen("amount"),
    /** 刚性支出, as the budget system marks it. */
    rigid: boolean("rigid").notNull().default(false),
    /** The import batch that last wrote it; null when typed by hand. */
    batchId: integer("batch_id"),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "budget_requests_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "budget_requests_project_fk",
      columns: [t.projectId, t.regionCode],
      foreignColumns: [projects.id, projects.regionCode],
    }),
    foreignKey({
      name: "budget_requests_batch_fk",
      columns: [t.batchId, t.regionCode],
      foreignColumns: [importBatches.id, importBatches.regionCode],
    }),
    uniqueIndex("budget_requests_code_uq").on(t.regionCode, t.budgetYear, t.projectCode),
    uniqueIndex("budget_requests_project_uq").on(t.projectId, t.regionCode),
    check("budget_requests_amount_ck", sql`${t.amount} >= 0`),
  ],
);

/**
 * 结果应用规则集: a named rule set of a results year, versioned: a change writes the next version and
 * the old ones stay as they were, so an adoption always points at the rules it applied.
 */
export const resultRuleSets = pgTable(
  "result_rule_sets",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    /** The results year (2024); the rules adjust the requests of fiscal_year + 1. */
    fiscalYear: smallint("fiscal_year").notNull(),
    name: text("name").notNull(),
    version: integer("version").notNull(),
    rules: jsonb("rules").notNull(),
    /** Why this version was written. */
    note: text("note").notNull().default(""),
    createdBy: integer("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(appNow),
  },
  (t) => [
    primaryKey({ name: "result_rule_sets_pkey", columns: [t.id, t.regionCode] }),
    uniqueIndex("result_rule_sets_version_uq").on(t.regionCode, t.fiscalYear, t.name, t.version),
    check("result_rule_sets_version_ck", sql`${t.version} >= 1`),
  ],
);

/**
 * 采纳: the rule set version finance adopted for the year, with the list it froze. One adoption is
 * current; a change is a new adoption (seq + 1) that says why, and the one before is superseded.
 */
export const resultAdoptions = pgTable(
  "result_adoptions",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    fiscalYear: smallint("fiscal_year").notNull(),
    seq: smallint("seq").notNull(),
    ruleSetId: integer("rule_set_id").notNull(),
    status: text("status").notNull().default("current"),
    reason: text("reason").notNull().default(""),
    /** The region's average department score the list was computed with, hundredths. */
    average: bigint("average", { mode: "bigint" }),
    /** The 部门绩效考核 template version the department scores came from. */
    deptScoreVersion: text("dept_score_version").notNull(),
    /** The department scores and totals as they were when adopted (the list's own figures are its rows). */
    snapshot: jsonb("snapshot").notNull(),
    adoptedBy: integer("adopted_by"),
    adoptedAt: timestamp("adopted_at", { withTimezone: true }).notNull().default(appNow),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: "result_adoptions_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "result_adoptions_rule_set_fk",
      columns: [t.ruleSetId, t.regionCode],
      foreignColumns: [resultRuleSets.id, resultRuleSets.regionCode],
    }),
    uniqueIndex("result_adoptions_seq_uq").on(t.regionCode, t.fiscalYear, t.seq),
    // Two finance users adopting at once: one wins, the other is told the year already has an adoption.
    uniqueIndex("result_adoptions_current_uq").on(t.regionCode, t.fiscalYear).where(sql`${t.status} = 'current'`),
    check("result_adoptions_status_ck", sql`${t.status} in ('current','superseded')`),
    check("result_adoptions_reason_ck", sql`${t.seq} = 1 or length(${t.reason}) > 0`),
  ],
);

/**
 * One line of an adopted list, frozen: names and figures are copied, not joined, so a later change to a
 * project, a score or a request never changes what was adopted.
 */
export const resultAdjustments = pgTable(
  "result_adjustments",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    adoptionId: integer("adoption_id").notNull(),
    projectId: integer("project_id").notNull(),
    projectCode: text("project_code").notNull(),
    projectName: text("project_name").notNull(),
    departmentId: integer("department_id").notNull(),
    departmentName: text("department_name").notNull(),
    unitId: integer("unit_id").notNull(),
    request: fen("request"),
    action: text("action").notNull(),
    cut: fen("cut"),
    raise: fen("raise"),
    newAmount: fen("new_amount"),
    /** The rule's place in the rule set (0-based) and its label; null when no rule met the project. */
    ruleIndex: smallint("rule_index"),
    ruleLabel: text("rule_label"),
    reason: text("reason").notNull(),
    /** What the reason rests on: [{ label, link }] to the evaluation, review or rectification. */
    evidence: jsonb("evidence").notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [
    primaryKey({ name: "result_adjustments_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "result_adjustments_adoption_fk",
      columns: [t.adoptionId, t.regionCode],
      foreignColumns: [resultAdoptions.id, resultAdoptions.regionCode],
    }),
    foreignKey({
      name: "result_adjustments_unit_fk",
      columns: [t.unitId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    uniqueIndex("result_adjustments_project_uq").on(t.adoptionId, t.projectCode, t.regionCode),
    index("result_adjustments_unit_idx").on(t.regionCode, t.unitId),
    index("result_adjustments_dept_idx").on(t.regionCode, t.departmentId),
    check("result_adjustments_action_ck", sql`${t.action} in (${sqlList(ADJUSTMENT_ACTIONS)})`),
    check(
      "result_adjustments_money_ck",
      sql`${t.request} >= 0 and ${t.cut} between 0 and ${t.request} and ${t.raise} >= 0 and ${t.newAmount} = ${t.request} - ${t.cut} + ${t.raise}`,
    ),
  ],
);
