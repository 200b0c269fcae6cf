import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
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

/**
 * Login attempt counters per account ("u:<name>"), client address ("a:<ip>") and pair ("p:<name>@<ip>"), in
 * the database so that several server processes share them. `next_slot` spaces out a slowed key's attempts;
 * `slot_holder` names the attempt that took the slot, so that attempts with the same clock reading are told
 * apart.
 */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  failures: integer("failures").notNull().default(0),
  nextSlot: timestamp("next_slot", { withTimezone: true }),
  slotHolder: text("slot_holder"),
});

/** Bearer tokens for the budget system's integration; they act as their owning user. */
export const apiTokens = pgTable("api_tokens", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** Null: valid until revoked. */
  expiresAt: timestamp("expires_at", { withTimezone: true }),
  /** Recorded at most every few minutes, so an integration's traffic does not write on every call. */
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
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

/**
 * Versioned rule sets per region, year and module ([policy] rules of domain.md: indicator template,
 * goal quality thresholds, monitoring warning thresholds, scoring weights …). The body is the
 * module's policy object; a new version never overwrites an old one.
 */
export const ruleSets = pgTable(
  "rule_sets",
  {
    id: serial("id").primaryKey(),
    regionCode: text("region_code").notNull(),
    fiscalYear: smallint("fiscal_year").notNull(),
    module: text("module").notNull(),
    version: text("version").notNull(),
    body: jsonb("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: integer("created_by"),
  },
  (t) => [uniqueIndex("rule_sets_uq").on(t.regionCode, t.fiscalYear, t.module, t.version)],
);

/**
 * 绩效目标表: one per project (or department-wide budget) and fiscal year and version. Version 1 is
 * the first declaration; a change after approval creates the next version with its reason, and the
 * approved one is kept.
 */
export const goalTables = pgTable(
  "goal_tables",
  {
    id: serial("id").primaryKey(),
    regionCode: text("region_code").notNull(),
    fiscalYear: smallint("fiscal_year").notNull(),
    subjectKind: text("subject_kind").notNull(),
    projectId: integer("project_id").references(() => projects.id),
    departmentId: integer("department_id")
      .notNull()
      .references(() => orgs.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => orgs.id),
    subjectCode: text("subject_code").notNull(),
    revision: integer("revision").notNull().default(1),
    isCurrent: boolean("is_current").notNull().default(true),
    status: text("status").notNull().default("draft"),
    returnedBy: text("returned_by"),
    overallGoal: text("overall_goal").notNull().default(""),
    templateVersion: text("template_version").notNull(),
    revisionReason: text("revision_reason"),
    /** The revision this one replaced (null for revision 1): the history runs through the chain. */
    previousId: integer("previous_id").references((): AnyPgColumn => goalTables.id),
    /** Last year's table this one was started from (carry-over), if any. */
    carriedFromId: integer("carried_from_id").references((): AnyPgColumn => goalTables.id),
    ...stamps,
  },
  (t) => [
    uniqueIndex("goal_tables_uq").on(t.regionCode, t.fiscalYear, t.subjectKind, t.subjectCode, t.revision),
    index("goal_tables_dept_idx").on(t.regionCode, t.fiscalYear, t.departmentId),
    check("goal_tables_kind_ck", sql`${t.subjectKind} in ('project','deptWide')`),
    check("goal_tables_status_ck", sql`${t.status} in ('draft','submitted','dept_approved','returned','approved')`),
  ],
);

/** Level-3 indicators of a goal table, in their declared order. Weights have two decimals. */
export const goalIndicators = pgTable(
  "goal_indicators",
  {
    id: serial("id").primaryKey(),
    goalTableId: integer("goal_table_id")
      .notNull()
      .references(() => goalTables.id, { onDelete: "cascade" }),
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
    uniqueIndex("goal_indicators_pos_uq").on(t.goalTableId, t.position),
    uniqueIndex("goal_indicators_uid_uq").on(t.goalTableId, t.uid),
    check("goal_indicators_kind_ck", sql`${t.kind} in ('quantitative','qualitative')`),
  ],
);

/** Every state change of a goal table with who, when, the comment and per-indicator comments. */
export const goalTransitions = pgTable(
  "goal_transitions",
  {
    id: serial("id").primaryKey(),
    goalTableId: integer("goal_table_id")
      .notNull()
      .references(() => goalTables.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: integer("actor_id"),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    comment: text("comment"),
    indicatorComments: jsonb("indicator_comments"),
  },
  (t) => [index("goal_transitions_table_idx").on(t.goalTableId)],
);

/** 指标库: reusable indicators by sector, curated by finance and fed by approved goal tables. */
export const indicatorLibrary = pgTable(
  "indicator_library",
  {
    id: serial("id").primaryKey(),
    regionCode: text("region_code").notNull(),
    sector: text("sector").notNull(),
    level1: text("level1").notNull(),
    level2: text("level2").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    operator: text("operator"),
    unit: text("unit"),
    explanation: text("explanation"),
    /** Entered or confirmed by finance; fed entries (from approved tables) are not curated until then. */
    curated: boolean("curated").notNull().default(false),
    /** Withdrawn by finance: no longer suggested, kept for the record. */
    retired: boolean("retired").notNull().default(false),
    /** Approved goal tables that used it, and the last fiscal year one did. */
    uses: integer("uses").notNull().default(0),
    lastYear: smallint("last_year"),
    ...stamps,
  },
  (t) => [uniqueIndex("indicator_library_uq").on(t.regionCode, t.sector, t.level2, t.name)],
);

/** A draw of departments for the rolling on-site joint review: the population and parameters are kept so anyone can re-run it. */
export const reviewDraws = pgTable(
  "review_draws",
  {
    id: serial("id").primaryKey(),
    regionCode: text("region_code").notNull(),
    fiscalYear: smallint("fiscal_year").notNull(),
    algorithm: text("algorithm").notNull(),
    params: jsonb("params").notNull(),
    population: jsonb("population").notNull(),
    result: jsonb("result").notNull(),
    createdBy: integer("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // A year is drawn once: the constraint holds it even for two draws racing past the use case's check.
  (t) => [uniqueIndex("review_draws_year_uq").on(t.regionCode, t.fiscalYear)],
);

/** Findings and guidance of the on-site review for one picked department; revised tables link back. */
export const reviewVisits = pgTable(
  "review_visits",
  {
    id: serial("id").primaryKey(),
    drawId: integer("draw_id")
      .notNull()
      .references(() => reviewDraws.id),
    departmentId: integer("department_id")
      .notNull()
      .references(() => orgs.id),
    reviewedOn: text("reviewed_on"),
    findings: text("findings").notNull().default(""),
    guidance: text("guidance").notNull().default(""),
    ...stamps,
  },
  (t) => [uniqueIndex("review_visits_uq").on(t.drawId, t.departmentId)],
);

export const reviewVisitTables = pgTable(
  "review_visit_tables",
  {
    visitId: integer("visit_id")
      .notNull()
      .references(() => reviewVisits.id, { onDelete: "cascade" }),
    goalTableId: integer("goal_table_id")
      .notNull()
      .references(() => goalTables.id),
    actedOn: boolean("acted_on").notNull().default(false),
    note: text("note"),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.goalTableId] })],
);
