import { sql } from "drizzle-orm";
import type { ReviewThreadRepo, StoredComment, StoredRound } from "../../../app/review/ports";
import type { CommentStage, RoundOutcome } from "../../../core/review/outcome";
import type { ReviewSnapshot } from "../../../core/review/snapshot";
import type { Executor } from "../../client";
import { iso, one, rows } from "../rows";
import { idArray } from "../tasks/task-sql";

interface RoundRow {
  id: number;
  seq: number;
  content: ReviewSnapshot;
  note: string | null;
  submitter_name: string;
  submitted_at: Date | string;
  outcome: RoundOutcome;
  closed_by_name: string | null;
  closed_at: Date | string | null;
}

interface CommentRow {
  id: number;
  record_id: number;
  round_id: number | null;
  round_seq: number | null;
  round_outcome: RoundOutcome | null;
  item_key: string | null;
  item_label: string;
  stage: CommentStage;
  author_id: number | null;
  author_name: string;
  reviewer: StoredComment["reviewer"];
  body: string;
  created_at: Date | string;
  answer: string | null;
  answered_by_name: string | null;
  answered_at: Date | string | null;
  version: number;
}

const COMMENT_SELECT = sql`select c.*, r.seq as round_seq, r.outcome as round_outcome
  from review_comments c left join review_rounds r on r.id = c.round_id and r.region_code = c.region_code`;

const toComment = (r: CommentRow): StoredComment => ({
  id: r.id,
  recordId: r.record_id,
  roundId: r.round_id,
  roundSeq: r.round_seq,
  roundOutcome: r.round_outcome,
  itemKey: r.item_key,
  itemLabel: r.item_label,
  stage: r.stage,
  authorId: r.author_id,
  authorName: r.author_name,
  reviewer: r.reviewer,
  body: r.body,
  createdAt: iso(r.created_at)!,
  answer: r.answer,
  answeredByName: r.answered_by_name,
  answeredAt: iso(r.answered_at),
  version: r.version,
});

/** Rounds and comment threads of reviewable records, for every module (app/review/ports.ts). */
export function reviewThreadRepo(ex: Executor): ReviewThreadRepo {
  return {
    async openRound(ref, round) {
      // The record's row lock (taken by the caller's state change) serialises rounds of one record.
      const created = await one<{ id: number }>(
        ex,
        sql`insert into review_rounds (region_code, entity, record_id, seq, content, note, submitted_by, submitter_name)
            select ${ref.regionCode}, ${ref.entity}, ${ref.recordId}, coalesce(max(seq), 0) + 1,
                   ${JSON.stringify(round.content)}::jsonb, ${round.note}, ${round.submittedBy}, ${round.submitterName}
            from review_rounds where region_code = ${ref.regionCode} and entity = ${ref.entity} and record_id = ${ref.recordId}
            returning id`,
      );
      return created!.id;
    },
    async latestRound(ref) {
      return one<{ id: number; outcome: RoundOutcome }>(
        ex,
        sql`select id, outcome from review_rounds
            where region_code = ${ref.regionCode} and entity = ${ref.entity} and record_id = ${ref.recordId}
            order by seq desc limit 1`,
      );
    },
    async pendingRound(ref) {
      const found = await one<{ id: number }>(
        ex,
        sql`select id from review_rounds
            where region_code = ${ref.regionCode} and entity = ${ref.entity} and record_id = ${ref.recordId}
              and outcome = 'pending' order by seq desc limit 1`,
      );
      return found?.id ?? null;
    },
    async closeRound(ref, outcome, closedByName) {
      const closed = await one<{ id: number }>(
        ex,
        sql`update review_rounds set outcome = ${outcome}, closed_by_name = ${closedByName}, closed_at = app_now()
            where region_code = ${ref.regionCode} and entity = ${ref.entity} and record_id = ${ref.recordId}
              and outcome = 'pending'
            returning id`,
      );
      return closed?.id ?? null;
    },
    async addComments(ref, roundId, comments) {
      if (comments.length === 0) return;
      await ex.execute(sql`
        insert into review_comments (region_code, entity, record_id, round_id, item_key, item_label, stage, author_id,
                                     author_name, reviewer, body)
        values ${sql.join(
          comments.map(
            (c) =>
              sql`(${ref.regionCode}, ${ref.entity}, ${ref.recordId}, ${roundId}, ${c.itemKey}, ${c.itemLabel}, ${c.stage},
                   ${c.authorId}, ${c.authorName}, ${c.reviewer}, ${c.body})`,
          ),
          sql`, `,
        )}`);
    },
    async openRounds(regionCode, entity, rounds) {
      if (rounds.length === 0) return new Map();
      const data = rounds.map((r) => ({
        record_id: r.recordId,
        content: r.content,
        note: r.note,
        submitted_by: r.submittedBy,
        submitter_name: r.submitterName,
      }));
      // The records' row locks (taken by the caller's state change) serialise rounds of each record.
      const created = await rows<{ id: number; record_id: number }>(
        ex,
        sql`insert into review_rounds (region_code, entity, record_id, seq, content, note, submitted_by, submitter_name)
            select ${regionCode}, ${entity}, x.record_id,
                   coalesce((select max(seq) from review_rounds r
                             where r.region_code = ${regionCode} and r.entity = ${entity} and r.record_id = x.record_id), 0) + 1,
                   x.content, x.note, x.submitted_by, x.submitter_name
            from jsonb_to_recordset(${JSON.stringify(data)}::jsonb)
              as x(record_id int, content jsonb, note text, submitted_by int, submitter_name text)
            returning id, record_id`,
      );
      return new Map(created.map((r) => [r.record_id, r.id]));
    },
    async pendingRounds(regionCode, entity, recordIds) {
      if (recordIds.length === 0) return new Map();
      const found = await rows<{ id: number; record_id: number }>(
        ex,
        sql`select distinct on (record_id) id, record_id from review_rounds
            where region_code = ${regionCode} and entity = ${entity} and record_id = any(${idArray(recordIds)})
              and outcome = 'pending' order by record_id, seq desc`,
      );
      return new Map(found.map((r) => [r.record_id, r.id]));
    },
    async closeRounds(regionCode, entity, recordIds, outcome, closedByName) {
      if (recordIds.length === 0) return new Map();
      const closed = await rows<{ id: number; record_id: number }>(
        ex,
        sql`update review_rounds set outcome = ${outcome}, closed_by_name = ${closedByName}, closed_at = app_now()
            where region_code = ${regionCode} and entity = ${entity} and record_id = any(${idArray(recordIds)})
              and outcome = 'pending'
            returning id, record_id`,
      );
      return new Map(closed.map((r) => [r.record_id, r.id]));
    },
    async addCommentsOf(regionCode, entity, comments) {
      if (comments.length === 0) return;
      const data = comments.map((c) => ({
        record_id: c.recordId,
        round_id: c.roundId,
        item_key: c.itemKey,
        item_label: c.itemLabel,
        stage: c.stage,
        author_id: c.authorId,
        author_name: c.authorName,
        reviewer: c.reviewer,
        body: c.body,
      }));
      await ex.execute(sql`
        insert into review_comments (region_code, entity, record_id, round_id, item_key, item_label, stage, author_id,
                                     author_name, reviewer, body)
        select ${regionCode}, ${entity}, x.record_id, x.round_id, x.item_key, x.item_label, x.stage, x.author_id,
               x.author_name, x.reviewer, x.body
        from jsonb_to_recordset(${JSON.stringify(data)}::jsonb)
          as x(record_id int, round_id int, item_key text, item_label text, stage text, author_id int,
               author_name text, reviewer text, body text)`);
    },
    async rounds(ref) {
      const found = await rows<RoundRow>(
        ex,
        sql`select * from review_rounds
            where region_code = ${ref.regionCode} and entity = ${ref.entity} and record_id = ${ref.recordId} order by seq`,
      );
      return found.map(
        (r): StoredRound => ({
          id: r.id,
          seq: r.seq,
          content: r.content,
          note: r.note,
          submitterName: r.submitter_name,
          submittedAt: iso(r.submitted_at)!,
          outcome: r.outcome,
          closedByName: r.closed_by_name,
          closedAt: iso(r.closed_at),
        }),
      );
    },
    async comments(ref) {
      const found = await rows<CommentRow>(
        ex,
        sql`${COMMENT_SELECT}
            where c.region_code = ${ref.regionCode} and c.entity = ${ref.entity} and c.record_id = ${ref.recordId}
            order by c.id`,
      );
      return found.map(toComment);
    },
    async comment(regionCode, entity, id) {
      const found = await one<CommentRow>(
        ex,
        sql`${COMMENT_SELECT} where c.region_code = ${regionCode} and c.entity = ${entity} and c.id = ${id}`,
      );
      return found ? toComment(found) : null;
    },
    async answer(regionCode, id, version, answer, by) {
      const updated = await one<{ version: number }>(
        ex,
        sql`update review_comments
            set answer = ${answer}, answered_by = ${answer === null ? null : by.id},
                answered_by_name = ${answer === null ? null : by.name},
                answered_at = ${answer === null ? null : sql`app_now()`}, version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and id = ${id} and version = ${version}
            returning version`,
      );
      return updated?.version ?? null;
    },
  };
}
