import { sql } from "drizzle-orm";
import {
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
import { REVIEW_BASES, REVIEW_STATUSES } from "../../core/selfeval/review";
import { appNow, regionCode, sqlList, stamps } from "./columns";
import { orgs } from "./org";
import { selfevalForms } from "./selfeval";
import { users } from "./users";

/**
 * 回避: an organisation a third-party firm (or one of its reviewers) may not review: its own, a client it
 * audits or advises. A conflict on a department covers its units. Declared by finance, audited.
 */
export const reviewConflicts = pgTable(
  "review_conflicts",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    firmId: integer("firm_id").notNull(),
    /** Null: the whole firm. */
    userId: integer("user_id"),
    orgId: integer("org_id").notNull(),
    reason: text("reason").notNull(),
    createdBy: integer("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(appNow),
  },
  (t) => [
    primaryKey({ name: "review_conflicts_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "review_conflicts_firm_fk",
      columns: [t.firmId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    foreignKey({
      name: "review_conflicts_org_fk",
      columns: [t.orgId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    foreignKey({ name: "review_conflicts_user_fk", columns: [t.userId], foreignColumns: [users.id] }),
    index("review_conflicts_firm_idx").on(t.regionCode, t.firmId),
  ],
);

/** The year's recorded review sample: parameters, population and picks, so anyone can re-run it (domain.md §7). */
export const selfevalDraws = pgTable(
  "selfeval_draws",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    fiscalYear: smallint("fiscal_year").notNull(),
    algorithm: text("algorithm").notNull(),
    record: jsonb("record").notNull(),
    createdBy: integer("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(appNow),
  },
  (t) => [
    primaryKey({ name: "selfeval_draws_pkey", columns: [t.id, t.regionCode] }),
    // A year is sampled once.
    uniqueIndex("selfeval_draws_year_uq").on(t.regionCode, t.fiscalYear),
  ],
);

/**
 * 抽查复核: one self-evaluation taken into the review (every department-wide one, the drawn projects), its
 * reviewer at the firm, the re-scoring's status and the guidance for the unit (指导意见).
 */
export const selfevalReviews = pgTable(
  "selfeval_reviews",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    fiscalYear: smallint("fiscal_year").notNull(),
    formId: integer("form_id").notNull(),
    basis: text("basis").notNull(),
    firmId: integer("firm_id"),
    reviewerId: integer("reviewer_id"),
    status: text("status").notNull().default("unassigned"),
    guidance: text("guidance").notNull().default(""),
    /** Finance's comment when it sends the re-scoring back, or confirms it. */
    reviewNote: text("review_note"),
    assignedAt: timestamp("assigned_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "selfeval_reviews_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "selfeval_reviews_form_fk",
      columns: [t.formId, t.regionCode],
      foreignColumns: [selfevalForms.id, selfevalForms.regionCode],
    }),
    foreignKey({
      name: "selfeval_reviews_firm_fk",
      columns: [t.firmId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    foreignKey({ name: "selfeval_reviews_reviewer_fk", columns: [t.reviewerId], foreignColumns: [users.id] }),
    uniqueIndex("selfeval_reviews_form_uq").on(t.formId, t.regionCode),
    index("selfeval_reviews_year_idx").on(t.regionCode, t.fiscalYear, t.status),
    index("selfeval_reviews_reviewer_idx").on(t.reviewerId),
    check("selfeval_reviews_basis_ck", sql`${t.basis} in (${sqlList(REVIEW_BASES)})`),
    check("selfeval_reviews_status_ck", sql`${t.status} in (${sqlList(REVIEW_STATUSES)})`),
    check("selfeval_reviews_assigned_ck", sql`(${t.status} = 'unassigned') = (${t.reviewerId} is null)`),
  ],
);

/** The reviewer's points for each item of the form, with a comment; both the self and the review score are kept. */
export const selfevalReviewItems = pgTable(
  "selfeval_review_items",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    reviewId: integer("review_id").notNull(),
    uid: text("uid").notNull(),
    points: numeric("points", { precision: 7, scale: 2, mode: "number" }),
    notApplicable: boolean("not_applicable").notNull().default(false),
    comment: text("comment"),
  },
  (t) => [
    primaryKey({ name: "selfeval_review_items_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "selfeval_review_items_review_fk",
      columns: [t.reviewId, t.regionCode],
      foreignColumns: [selfevalReviews.id, selfevalReviews.regionCode],
    }).onDelete("cascade"),
    uniqueIndex("selfeval_review_items_uq").on(t.reviewId, t.uid, t.regionCode),
    check("selfeval_review_items_points_ck", sql`${t.points} is null or ${t.points} >= 0`),
  ],
);
