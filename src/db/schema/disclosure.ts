import { sql } from "drizzle-orm";
import {
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
import { PUBLICATION_KINDS, VERSION_STATUSES } from "../../core/disclosure/types";
import { regionCode, sqlList, stamps } from "./columns";
import { orgs } from "./org";
import { users } from "./users";

/**
 * 信息公开: one item the bureau publishes for a fiscal year (the goal tables of key projects, the
 * self-evaluation results, the key evaluation results, the annual report), optionally of one department. Its
 * content is in its versions; the row keeps which version is the newest and which the newest published.
 */
export const publications = pgTable(
  "publications",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    fiscalYear: smallint("fiscal_year").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    departmentId: integer("department_id"),
    createdBy: integer("created_by"),
    /** The number of the newest version (published or not). */
    latestVersion: smallint("latest_version").notNull().default(1),
    /** The number of the newest published version; null until the first is published. */
    publishedVersion: smallint("published_version"),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "publications_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "publications_department_fk",
      columns: [t.departmentId, t.regionCode],
      foreignColumns: [orgs.id, orgs.regionCode],
    }),
    foreignKey({ name: "publications_created_by_fk", columns: [t.createdBy], foreignColumns: [users.id] }),
    // One publication of a kind per year and department (or region-wide): a change is a correction of it.
    uniqueIndex("publications_kind_uq").on(t.regionCode, t.fiscalYear, t.kind, sql`coalesce(${t.departmentId}, 0)`),
    index("publications_year_idx").on(t.regionCode, t.fiscalYear, t.publishedVersion),
    check("publications_kind_ck", sql`${t.kind} in (${sqlList(PUBLICATION_KINDS)})`),
    check(
      "publications_versions_ck",
      sql`${t.latestVersion} >= 1 and (${t.publishedVersion} is null or ${t.publishedVersion} between 1 and ${t.latestVersion})`,
    ),
  ],
);

/**
 * A version of a publication: drafted, submitted to a chosen approver, published or returned. Once published
 * nothing in it changes (a trigger refuses any UPDATE or DELETE, migration 0016); a correction is the next
 * version, which must say what changed. At most one version of a publication is not published.
 */
export const publicationVersions = pgTable(
  "publication_versions",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    publicationId: integer("publication_id").notNull(),
    number: smallint("number").notNull(),
    status: text("status").notNull().default("draft"),
    title: text("title").notNull(),
    /** The PublicationBody (core/disclosure/types.ts): introduction, text blocks, tables with amounts in fen. */
    body: jsonb("body").notNull(),
    /** 更正说明: what this version changed against the one it corrects (required from version 2 on submission). */
    changeNote: text("change_note").notNull().default(""),
    draftedBy: integer("drafted_by").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** The 审核员 the drafter chose at submission. */
    approverId: integer("approver_id"),
    approvedBy: integer("approved_by"),
    /**
     * The drafter's and the approver's names as they were when the version was published: the published record
     * names its 信息员 and 审核员 for good, whatever later happens to their accounts.
     */
    drafterName: text("drafter_name"),
    approverName: text("approver_name"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    returnedAt: timestamp("returned_at", { withTimezone: true }),
    returnComment: text("return_comment"),
    /** Why the approver published although the figures check found differences, and what it found. */
    checkOverrideReason: text("check_override_reason"),
    checkFindings: jsonb("check_findings"),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "publication_versions_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "publication_versions_publication_fk",
      columns: [t.publicationId, t.regionCode],
      foreignColumns: [publications.id, publications.regionCode],
    }),
    foreignKey({ name: "publication_versions_drafted_by_fk", columns: [t.draftedBy], foreignColumns: [users.id] }),
    foreignKey({ name: "publication_versions_approver_fk", columns: [t.approverId], foreignColumns: [users.id] }),
    foreignKey({ name: "publication_versions_approved_by_fk", columns: [t.approvedBy], foreignColumns: [users.id] }),
    uniqueIndex("publication_versions_number_uq").on(t.publicationId, t.number, t.regionCode),
    // Two "new correction" clicks at once: one draft, the other is refused.
    uniqueIndex("publication_versions_open_uq")
      .on(t.publicationId, t.regionCode)
      .where(sql`${t.status} <> 'published'`),
    check("publication_versions_status_ck", sql`${t.status} in (${sqlList(VERSION_STATUSES)})`),
    check("publication_versions_number_ck", sql`${t.number} >= 1`),
    // Four eyes, held by the database too: nobody approves a version they drafted.
    check(
      "publication_versions_four_eyes_ck",
      sql`(${t.approverId} is null or ${t.approverId} <> ${t.draftedBy}) and (${t.approvedBy} is null or ${t.approvedBy} <> ${t.draftedBy})`,
    ),
    check(
      "publication_versions_published_ck",
      sql`${t.status} <> 'published' or (${t.publishedAt} is not null and ${t.approvedBy} is not null
        and ${t.drafterName} is not null and ${t.approverName} is not null)`,
    ),
    check(
      "publication_versions_note_ck",
      sql`${t.number} = 1 or ${t.status} in ('draft','returned') or length(btrim(${t.changeNote})) > 0`,
    ),
    check(
      "publication_versions_override_ck",
      sql`${t.checkOverrideReason} is null or length(btrim(${t.checkOverrideReason})) > 0`,
    ),
  ],
);
