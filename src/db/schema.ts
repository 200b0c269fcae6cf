import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
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

/** Money columns are integer fen; mode "number" is exact below 2^53 (see core/money.ts). */
const fen = (name: string) => bigint(name, { mode: "number" }).notNull().default(0);
const stamps = {
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const regions = pgTable("regions", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  ...stamps,
});

/**
 * Organisations: the finance bureau, departments (主管部门), units (预算单位) and third-party firms.
 * `path` is the chain of codes from the top ("101/101002"): a department's scope is a path prefix.
 */
export const orgs = pgTable(
  "orgs",
  {
    id: serial("id").primaryKey(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    parentId: integer("parent_id"),
    path: text("path").notNull(),
    sector: text("sector"),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    sortOrder: integer("sort_order").notNull().default(0),
    ...stamps,
  },
  (t) => [
    uniqueIndex("orgs_region_code_uq").on(t.regionCode, t.code),
    index("orgs_parent_idx").on(t.parentId),
    index("orgs_path_idx").on(t.regionCode, t.path),
    check("orgs_kind_ck", sql`${t.kind} in ('bureau','department','unit','firm')`),
  ],
);

/** 项目库: one row per budget project and fiscal year, keyed by the budget system's project code. */
export const projects = pgTable(
  "projects",
  {
    id: serial("id").primaryKey(),
    regionCode: text("region_code").notNull(),
    fiscalYear: smallint("fiscal_year").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    departmentId: integer("department_id")
      .notNull()
      .references(() => orgs.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => orgs.id),
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
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    month: smallint("month").notNull(),
    executed: fen("executed"),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.month] }),
    check("project_execution_month_ck", sql`${t.month} between 1 and 12`),
    check("project_execution_amount_ck", sql`${t.executed} >= 0`),
  ],
);

/** 部门整体支出: a department's whole budget for the year. */
export const deptBudgets = pgTable(
  "dept_budgets",
  {
    id: serial("id").primaryKey(),
    regionCode: text("region_code").notNull(),
    fiscalYear: smallint("fiscal_year").notNull(),
    departmentId: integer("department_id")
      .notNull()
      .references(() => orgs.id),
    initialBudget: fen("initial_budget"),
    adjustedBudget: fen("adjusted_budget"),
    fiscalFunds: fen("fiscal_funds"),
    otherFunds: fen("other_funds"),
    ...stamps,
  },
  (t) => [
    uniqueIndex("dept_budgets_uq").on(t.regionCode, t.fiscalYear, t.departmentId),
    check("dept_budgets_split_ck", sql`${t.fiscalFunds} + ${t.otherFunds} = ${t.adjustedBudget}`),
  ],
);

export const deptExecution = pgTable(
  "dept_execution",
  {
    deptBudgetId: integer("dept_budget_id")
      .notNull()
      .references(() => deptBudgets.id, { onDelete: "cascade" }),
    month: smallint("month").notNull(),
    executed: fen("executed"),
  },
  (t) => [
    primaryKey({ columns: [t.deptBudgetId, t.month] }),
    check("dept_execution_month_ck", sql`${t.month} between 1 and 12`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role").notNull(),
    regionCode: text("region_code").notNull(),
    orgId: integer("org_id")
      .notNull()
      .references(() => orgs.id),
    phone: text("phone"),
    active: boolean("active").notNull().default(true),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    ...stamps,
  },
  (t) => [uniqueIndex("users_username_uq").on(sql`lower(${t.username})`)],
);

/** Sessions live in the database; the cookie holds a random token whose SHA-256 is the key. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Bearer tokens for the budget system's integration; they act as their owning user. */
export const apiTokens = pgTable("api_tokens", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

/** What a third-party firm or expert body may see: one row per assigned project. */
export const assignments = pgTable(
  "assignments",
  {
    orgId: integer("org_id")
      .notNull()
      .references(() => orgs.id),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.projectId, t.purpose] }), index("assignments_project_idx").on(t.projectId)],
);

/** Append-only, hash-chained audit log: hash = sha256(prev_hash ‖ canonical row). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorId: integer("actor_id"),
    actorName: text("actor_name").notNull(),
    regionCode: text("region_code"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    reason: text("reason"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_entity_idx").on(t.entity, t.entityId),
    index("audit_actor_idx").on(t.actorId),
    index("audit_at_idx").on(t.at),
  ],
);

/** One row per committed import batch, so a re-import of the same file is recognisable. */
export const importBatches = pgTable("import_batches", {
  id: serial("id").primaryKey(),
  regionCode: text("region_code").notNull(),
  kind: text("kind").notNull(),
  fileName: text("file_name").notNull(),
  sha256: text("sha256").notNull(),
  counts: jsonb("counts").notNull(),
  actorId: integer("actor_id"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
