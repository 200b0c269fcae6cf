import { sql } from "drizzle-orm";
import {
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
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { RECTIFICATION_SOURCES, RECTIFICATION_STATUSES } from "../../core/evaluations/rectification";
import { EVALUATION_KINDS, EVALUATION_STATUSES } from "../../core/evaluations/workflow";
import { appNow, fen, regionCode, sqlList, stamps } from "./columns";
import { orgs } from "./org";
import { projects } from "./projects";
import { users } from "./users";

/**
 * 专家库: the region's experts with their fields. An expert scores online through an account of role expert
 * (`user_id`); `employer_org_id` is the organisation of the region they work for, if any: they never
 * evaluate its projects (回避).
 */
export const experts = pgTable(
  "experts",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    name: text("name").notNull(),
    employer: text("employer").notNull(),
    employerOrgId: integer("employer_org_id"),
    title: text("title").notNull().default(""),
    fields: jsonb("fields").$type<string[]>().notNull().default([]),
    phone: text("phone").notNull().default(""),
    userId: integer("user_id"),
    active: boolean("active").notNull().default(true),
    createdBy: integer("created_by"),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "experts_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "experts_employer_fk",
      columns: [t.employerOrgId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    foreignKey({ name: "experts_user_fk", columns: [t.userId], foreignColumns: [users.id] }),
    // One expert per account.
    uniqueIndex("experts_user_uq").on(t.userId, t.regionCode),
    index("experts_region_idx").on(t.regionCode, t.active),
  ],
);

/**
 * 回避 declared by finance: an expert or a firm evaluated or advised an organisation in a year. Past key and
 * department evaluations count too, read from their teams.
 */
export const evaluationTies = pgTable(
  "evaluation_ties",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    expertId: integer("expert_id"),
    firmId: integer("firm_id"),
    orgId: integer("org_id").notNull(),
    kind: text("kind").notNull(),
    fiscalYear: smallint("fiscal_year").notNull(),
    note: text("note").notNull().default(""),
    createdBy: integer("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(appNow),
  },
  (t) => [
    primaryKey({ name: "evaluation_ties_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "evaluation_ties_expert_fk",
      columns: [t.expertId, t.regionCode],
      foreignColumns: [experts.id, experts.regionCode],
    }),
    foreignKey({
      name: "evaluation_ties_firm_fk",
      columns: [t.firmId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    foreignKey({
      name: "evaluation_ties_org_fk",
      columns: [t.orgId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    check("evaluation_ties_kind_ck", sql`${t.kind} in ('evaluated','advised')`),
    check("evaluation_ties_who_ck", sql`(${t.expertId} is null) <> (${t.firmId} is null)`),
  ],
);

/**
 * An evaluation of one project in a year: a department's (部门评价) or finance's key evaluation (财政重点评价).
 * The framework rows in effect are copied in when it is created, so a later version of the rules never moves
 * its points; the project's adjusted budget is kept as its amount.
 */
export const evaluations = pgTable(
  "evaluations",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    fiscalYear: smallint("fiscal_year").notNull(),
    kind: text("kind").notNull(),
    projectId: integer("project_id").notNull(),
    /** The organisation that runs it: the department for a department evaluation, the bureau for a key one. */
    ownerOrgId: integer("owner_org_id").notNull(),
    firmId: integer("firm_id"),
    status: text("status").notNull().default("draft"),
    framework: jsonb("framework").notNull(),
    rulesVersion: text("rules_version").notNull(),
    amount: fen("amount"),
    overridePoints: numeric("override_points", { precision: 5, scale: 2, mode: "number" }),
    overrideReason: text("override_reason"),
    /** The report's parts as written: basic facts, the work, problems, recommendations (the conclusion and analysis come from the scores). */
    report: jsonb("report").notNull().default({}),
    returnNote: text("return_note"),
    dueOn: date("due_on", { mode: "string" }),
    finalisedAt: timestamp("finalised_at", { withTimezone: true }),
    createdBy: integer("created_by"),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "evaluations_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "evaluations_project_fk",
      columns: [t.projectId, t.regionCode],
      foreignColumns: [projects.id, projects.regionCode],
    }),
    foreignKey({
      name: "evaluations_owner_fk",
      columns: [t.ownerOrgId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    foreignKey({
      name: "evaluations_firm_fk",
      columns: [t.firmId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    // A project is evaluated once a year by each kind.
    uniqueIndex("evaluations_project_uq").on(t.regionCode, t.fiscalYear, t.kind, t.projectId),
    index("evaluations_year_idx").on(t.regionCode, t.fiscalYear, t.kind, t.status),
    check("evaluations_kind_ck", sql`${t.kind} in (${sqlList(EVALUATION_KINDS)})`),
    check("evaluations_status_ck", sql`${t.status} in (${sqlList(EVALUATION_STATUSES)})`),
    check(
      "evaluations_override_ck",
      sql`${t.overridePoints} is null or (${t.overrideReason} is not null and ${t.overridePoints} between 0 and 100)`,
    ),
  ],
);

/**
 * Who scores an evaluation: the experts of a key evaluation's team (each with an account), or the department
 * itself for its own evaluation (`expert_id` null, `user_id` null). Submitting closes the member's sheet.
 */
export const evaluationMembers = pgTable(
  "evaluation_members",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    evaluationId: integer("evaluation_id").notNull(),
    expertId: integer("expert_id"),
    userId: integer("user_id"),
    isLead: boolean("is_lead").notNull().default(false),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "evaluation_members_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "evaluation_members_evaluation_fk",
      columns: [t.evaluationId, t.regionCode],
      foreignColumns: [evaluations.id, evaluations.regionCode],
    }).onDelete("cascade"),
    foreignKey({
      name: "evaluation_members_expert_fk",
      columns: [t.expertId, t.regionCode],
      foreignColumns: [experts.id, experts.regionCode],
    }),
    foreignKey({ name: "evaluation_members_user_fk", columns: [t.userId], foreignColumns: [users.id] }),
    uniqueIndex("evaluation_members_expert_uq").on(t.evaluationId, t.expertId, t.regionCode),
    index("evaluation_members_user_idx").on(t.userId),
  ],
);

/** A member's points and comment on one indicator of the evaluation's framework (by uid). */
export const evaluationScores = pgTable(
  "evaluation_scores",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    memberId: integer("member_id").notNull(),
    uid: text("uid").notNull(),
    points: numeric("points", { precision: 5, scale: 2, mode: "number" }).notNull(),
    comment: text("comment").notNull().default(""),
  },
  (t) => [
    primaryKey({ name: "evaluation_scores_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "evaluation_scores_member_fk",
      columns: [t.memberId, t.regionCode],
      foreignColumns: [evaluationMembers.id, evaluationMembers.regionCode],
    }).onDelete("cascade"),
    uniqueIndex("evaluation_scores_uq").on(t.memberId, t.uid, t.regionCode),
    check("evaluation_scores_points_ck", sql`${t.points} >= 0`),
  ],
);

/** 第三方机构履职台账: a firm's work on one evaluation, as finance records it. */
export const firmLedger = pgTable(
  "firm_ledger",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    fiscalYear: smallint("fiscal_year").notNull(),
    firmId: integer("firm_id").notNull(),
    evaluationId: integer("evaluation_id").notNull(),
    onTime: boolean("on_time").notNull(),
    reworks: smallint("reworks").notNull().default(0),
    /** Finance's rating of the report: 优 良 中 差 as excellent … poor. */
    rating: text("rating").notNull(),
    note: text("note").notNull().default(""),
    createdBy: integer("created_by"),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "firm_ledger_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "firm_ledger_firm_fk",
      columns: [t.firmId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    foreignKey({
      name: "firm_ledger_evaluation_fk",
      columns: [t.evaluationId, t.regionCode],
      foreignColumns: [evaluations.id, evaluations.regionCode],
    }),
    uniqueIndex("firm_ledger_evaluation_uq").on(t.evaluationId, t.regionCode),
    check("firm_ledger_rating_ck", sql`${t.rating} in ('excellent','good','fair','poor')`),
    check("firm_ledger_reworks_ck", sql`${t.reworks} between 0 and 99`),
  ],
);

/** 整改通知: finance asks a unit to correct what an evaluation (or a review, or monitoring) found. */
export const rectificationNotices = pgTable(
  "rectification_notices",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    fiscalYear: smallint("fiscal_year").notNull(),
    source: text("source").notNull(),
    /** The evaluation (review, monitoring report) the problems come from. */
    sourceId: integer("source_id").notNull(),
    unitId: integer("unit_id").notNull(),
    title: text("title").notNull(),
    issuedBy: integer("issued_by"),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "rectification_notices_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "rectification_notices_unit_fk",
      columns: [t.unitId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    uniqueIndex("rectification_notices_source_uq").on(t.regionCode, t.source, t.sourceId, t.unitId),
    index("rectification_notices_year_idx").on(t.regionCode, t.fiscalYear),
    check("rectification_notices_source_ck", sql`${t.source} in (${sqlList(RECTIFICATION_SOURCES)})`),
  ],
);

/** One item of a notice: the problem, the action required, the deadline; the unit's answer and finance's verdict. */
export const rectificationItems = pgTable(
  "rectification_items",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    noticeId: integer("notice_id").notNull(),
    seq: smallint("seq").notNull(),
    problem: text("problem").notNull(),
    requirement: text("requirement").notNull(),
    deadline: date("deadline", { mode: "string" }).notNull(),
    status: text("status").notNull().default("issued"),
    answer: text("answer").notNull().default(""),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    verdictNote: text("verdict_note"),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "rectification_items_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "rectification_items_notice_fk",
      columns: [t.noticeId, t.regionCode],
      foreignColumns: [rectificationNotices.id, rectificationNotices.regionCode],
    }).onDelete("cascade"),
    uniqueIndex("rectification_items_seq_uq").on(t.noticeId, t.seq, t.regionCode),
    index("rectification_items_status_idx").on(t.regionCode, t.status, t.deadline),
    check("rectification_items_status_ck", sql`${t.status} in (${sqlList(RECTIFICATION_STATUSES)})`),
  ],
);
