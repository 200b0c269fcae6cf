import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { appNow, fen, regionCode, stamps } from "./columns";
import { orgs } from "./org";

/** 项目库: one row per budget project and fiscal year, keyed by the budget system's project code. */
export const projects = pgTable(
  "projects",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    fiscalYear: smallint("fiscal_year").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    departmentId: integer("department_id").notNull(),
    unitId: integer("unit_id").notNull(),
    category: text("category").notNull(),
    sector: text("sector"),
    isKey: boolean("is_key").notNull().default(false),
    initialBudget: fen("initial_budget"),
    adjustedBudget: fen("adjusted_budget"),
    fiscalFunds: fen("fiscal_funds"),
    otherFunds: fen("other_funds"),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "projects_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "projects_department_fk",
      columns: [t.departmentId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    foreignKey({
      name: "projects_unit_fk",
      columns: [t.unitId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    uniqueIndex("projects_year_code_uq").on(t.regionCode, t.fiscalYear, t.code),
    index("projects_dept_idx").on(t.regionCode, t.fiscalYear, t.departmentId),
    index("projects_unit_idx").on(t.unitId),
    check("projects_category_ck", sql`${t.category} in ('recurring','continuing','one_off')`),
    check(
      "projects_money_ck",
      sql`${t.initialBudget} >= 0 and ${t.adjustedBudget} >= 0 and ${t.fiscalFunds} >= 0 and ${t.otherFunds} >= 0`,
    ),
    check("projects_split_ck", sql`${t.fiscalFunds} + ${t.otherFunds} = ${t.adjustedBudget}`),
  ],
);

/** Executed amount (支付数) of a project in one month (not cumulative). */
export const projectExecution = pgTable(
  "project_execution",
  {
    regionCode: regionCode(),
    projectId: integer("project_id").notNull(),
    month: smallint("month").notNull(),
    executed: fen("executed"),
  },
  (t) => [
    primaryKey({ name: "project_execution_pkey", columns: [t.projectId, t.month, t.regionCode] }),
    foreignKey({
      name: "project_execution_project_fk",
      columns: [t.projectId, t.regionCode],
      foreignColumns: [projects.id, projects.regionCode],
    }).onDelete("cascade"),
    check("project_execution_month_ck", sql`${t.month} between 1 and 12`),
    check("project_execution_amount_ck", sql`${t.executed} >= 0`),
  ],
);

/** 部门整体支出: a department's whole budget for the year. */
export const deptBudgets = pgTable(
  "dept_budgets",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    fiscalYear: smallint("fiscal_year").notNull(),
    departmentId: integer("department_id").notNull(),
    initialBudget: fen("initial_budget"),
    adjustedBudget: fen("adjusted_budget"),
    fiscalFunds: fen("fiscal_funds"),
    otherFunds: fen("other_funds"),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "dept_budgets_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "dept_budgets_department_fk",
      columns: [t.departmentId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    uniqueIndex("dept_budgets_uq").on(t.regionCode, t.fiscalYear, t.departmentId),
    check("dept_budgets_split_ck", sql`${t.fiscalFunds} + ${t.otherFunds} = ${t.adjustedBudget}`),
  ],
);

export const deptExecution = pgTable(
  "dept_execution",
  {
    regionCode: regionCode(),
    deptBudgetId: integer("dept_budget_id").notNull(),
    month: smallint("month").notNull(),
    executed: fen("executed"),
  },
  (t) => [
    primaryKey({ name: "dept_execution_pkey", columns: [t.deptBudgetId, t.month, t.regionCode] }),
    foreignKey({
      name: "dept_execution_budget_fk",
      columns: [t.deptBudgetId, t.regionCode],
      foreignColumns: [deptBudgets.id, deptBudgets.regionCode],
    }).onDelete("cascade"),
    check("dept_execution_month_ck", sql`${t.month} between 1 and 12`),
  ],
);

/** What a third-party firm or expert body may see: one row per assigned project. */
export const assignments = pgTable(
  "assignments",
  {
    regionCode: regionCode(),
    orgId: integer("org_id").notNull(),
    projectId: integer("project_id").notNull(),
    purpose: text("purpose").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(appNow),
  },
  (t) => [
    primaryKey({ name: "assignments_pkey", columns: [t.orgId, t.projectId, t.purpose, t.regionCode] }),
    foreignKey({
      name: "assignments_org_fk",
      columns: [t.orgId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    foreignKey({
      name: "assignments_project_fk",
      columns: [t.projectId, t.regionCode],
      foreignColumns: [projects.id, projects.regionCode],
    }).onDelete("cascade"),
    index("assignments_project_idx").on(t.projectId),
  ],
);
