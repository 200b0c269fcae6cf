import type { CommentStage, RoundOutcome } from "../../core/review/outcome";
import type { ReviewSnapshot } from "../../core/review/snapshot";

/**
 * Ports of the shared declare → review → return → resubmit → approve loop: the rounds of a record (each
 * submission with its content) and the comment threads on its items. A module names its record kind
 * (`entity`) and id; src/db implements them once for all modules.
 */

/** The records that go through the review loop. Later modules add theirs. */
export type ReviewEntity = "goal_table" | "monitoring_report" | "selfeval_form";

/** The reviewing desk a comment came from. */
export type Reviewer = "department" | "finance";

export interface RecordRef {
  regionCode: string;
  entity: ReviewEntity;
  recordId: number;
}

export interface StoredRound {
  id: number;
  seq: number;
  content: ReviewSnapshot;
  note: string | null;
  submitterName: string;
  submittedAt: string;
  outcome: RoundOutcome;
  closedByName: string | null;
  closedAt: string | null;
}

export interface NewComment {
  itemKey: string | null;
  itemLabel: string;
  stage: CommentStage;
  authorId: number | null;
  authorName: string;
  reviewer: Reviewer;
  body: string;
}

export interface StoredComment extends NewComment {
  id: number;
  recordId: number;
  roundId: number | null;
  /** The round's number, or null for comments written before rounds were recorded. */
  roundSeq: number | null;
  roundOutcome: RoundOutcome | null;
  createdAt: string;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
  version: number;
}

export interface ReviewThreadRepo {
  /** Opens the next round of a record with what was submitted; its id. */
  openRound(
    ref: RecordRef,
    round: { content: ReviewSnapshot; note: string | null; submittedBy: number | null; submitterName: string },
  ): Promise<number>;
  /** The record's latest round (its id and outcome), if any. */
  latestRound(ref: RecordRef): Promise<{ id: number; outcome: RoundOutcome } | null>;
  /** The open (pending) round of a record, if any. */
  pendingRound(ref: RecordRef): Promise<number | null>;
  /** Closes the open round; its id, or null when none was open. */
  closeRound(ref: RecordRef, outcome: Exclude<RoundOutcome, "pending">, closedByName: string): Promise<number | null>;
  addComments(ref: RecordRef, roundId: number | null, comments: readonly NewComment[]): Promise<void>;
  /** openRound for many records of one entity at once; the new round ids by record. */
  openRounds(
    regionCode: string,
    entity: ReviewEntity,
    rounds: readonly {
      recordId: number;
      content: ReviewSnapshot;
      note: string | null;
      submittedBy: number | null;
      submitterName: string;
    }[],
  ): Promise<Map<number, number>>;
  /** pendingRound for many records; the open round ids by record (records with none are missing). */
  pendingRounds(regionCode: string, entity: ReviewEntity, recordIds: readonly number[]): Promise<Map<number, number>>;
  /** closeRound for many records; the closed round ids by record. */
  closeRounds(
    regionCode: string,
    entity: ReviewEntity,
    recordIds: readonly number[],
    outcome: Exclude<RoundOutcome, "pending">,
    closedByName: string,
  ): Promise<Map<number, number>>;
  /** addComments for many records, each comment naming its record and round. */
  addCommentsOf(
    regionCode: string,
    entity: ReviewEntity,
    comments: readonly (NewComment & { recordId: number; roundId: number | null })[],
  ): Promise<void>;
  /** Every round of a record, oldest first. */
  rounds(ref: RecordRef): Promise<StoredRound[]>;
  /** Every comment on a record, oldest first. */
  comments(ref: RecordRef): Promise<StoredComment[]>;
  comment(regionCode: string, entity: ReviewEntity, id: number): Promise<StoredComment | null>;
  /** Sets (or clears, with null) the declarer's answer; the new version, or null when `version` is stale. */
  answer(
    regionCode: string,
    id: number,
    version: number,
    answer: string | null,
    by: { id: number | null; name: string },
  ): Promise<number | null>;
}
