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
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { COMMENT_STAGES, ROUND_OUTCOMES } from "../../core/review/outcome";
import { appNow, regionCode, sqlList, stamps } from "./columns";

/**
 * 审核轮次: one submission of a reviewable record of any module (`entity` names the module's record:
 * goal_table now; monitoring reports, self-evaluations, evaluations later), with the content as submitted
 * (core/review/snapshot.ts) and the declarer's 修改说明. Comparisons ("与退回时对比") read it.
 */
export const reviewRounds = pgTable(
  "review_rounds",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    entity: text("entity").notNull(),
    recordId: integer("record_id").notNull(),
    seq: integer("seq").notNull(),
    content: jsonb("content").notNull(),
    note: text("note"),
    submittedBy: integer("submitted_by"),
    submitterName: text("submitter_name").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().default(appNow),
    outcome: text("outcome").notNull().default("pending"),
    closedByName: text("closed_by_name"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: "review_rounds_pkey", columns: [t.id, t.regionCode] }),
    uniqueIndex("review_rounds_uq").on(t.regionCode, t.entity, t.recordId, t.seq),
    check("review_rounds_outcome_ck", sql`${t.outcome} in (${sqlList(ROUND_OUTCOMES)})`),
  ],
);

/**
 * 审核意见: a reviewer's comment on one item of a record (`item_key`: an indicator's uid for goals) or
 * on the whole record (null), written with a return or an approval, and the declarer's answer (答复).
 * Comments stay with their record across rounds, so the next review sees them and whether they were
 * answered.
 */
export const reviewComments = pgTable(
  "review_comments",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    entity: text("entity").notNull(),
    recordId: integer("record_id").notNull(),
    roundId: integer("round_id"),
    itemKey: text("item_key"),
    /** The item's name when the comment was written, so a comment on a since-deleted item still reads. */
    itemLabel: text("item_label").notNull().default(""),
    stage: text("stage").notNull(),
    authorId: integer("author_id"),
    authorName: text("author_name").notNull(),
    /** The reviewing level ("department", "finance"): which desk the comment came from. */
    reviewer: text("reviewer").notNull(),
    body: text("body").notNull(),
    answer: text("answer"),
    answeredBy: integer("answered_by"),
    answeredByName: text("answered_by_name"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "review_comments_pkey", columns: [t.id, t.regionCode] }),
    foreignKey({
      name: "review_comments_round_fk",
      columns: [t.roundId, t.regionCode],
      foreignColumns: [reviewRounds.id, reviewRounds.regionCode],
    }),
    index("review_comments_record_idx").on(t.regionCode, t.entity, t.recordId),
    check("review_comments_stage_ck", sql`${t.stage} in (${sqlList(COMMENT_STAGES)})`),
  ],
);
