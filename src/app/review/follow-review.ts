import type { ReviewSnapshot } from "../../core/review/snapshot";
import type { Repos } from "../ports";
import type { NewComment, RecordRef, Reviewer } from "./ports";

/** A reviewer's comment on one item (`key`) as a module's action receives it. */
export interface ItemComment {
  key: string;
  label: string;
  body: string;
}

/** One step of the review loop, as a module's workflow action takes it. */
export type ReviewStep =
  | { kind: "submit"; content: ReviewSnapshot; note: string | null }
  | { kind: "withdraw" }
  /**
   * A reviewer acts: `forwarded` passes the record to the next desk (the round goes on), `approved`
   * ends it, `returned` sends it back to the declarer. The general comment and the item comments are kept.
   */
  | {
      kind: "review";
      outcome: "forwarded" | "approved" | "returned";
      reviewer: Reviewer;
      comment: string | null;
      items: readonly ItemComment[];
    };

/**
 * Records a workflow step in the record's rounds and comment threads, in the caller's transaction (after
 * its state change, which locks the record). Every module's declare/review loop calls it, so versions,
 * comparisons and comment threads work the same everywhere.
 */
export async function followReview(
  repos: Repos,
  actor: { userId: number | null; displayName: string },
  ref: RecordRef,
  step: ReviewStep,
) {
  const threads = repos.reviewThreads;
  if (step.kind === "submit") {
    // A round left open (a record that skipped a step) is closed first: one open round at a time.
    await threads.closeRound(ref, "withdrawn", actor.displayName);
    await threads.openRound(ref, {
      content: step.content,
      note: step.note,
      submittedBy: actor.userId,
      submitterName: actor.displayName,
    });
    return;
  }
  if (step.kind === "withdraw") {
    await threads.closeRound(ref, "withdrawn", actor.displayName);
    return;
  }
  const stage = step.outcome === "returned" ? "return" : "approve";
  const base = { stage, authorId: actor.userId, authorName: actor.displayName, reviewer: step.reviewer } as const;
  const comments: NewComment[] = [
    ...(step.comment ? [{ ...base, itemKey: null, itemLabel: "", body: step.comment }] : []),
    ...step.items.map((c) => ({ ...base, itemKey: c.key, itemLabel: c.label, body: c.body })),
  ];
  const roundId =
    step.outcome === "forwarded"
      ? await threads.pendingRound(ref)
      : await threads.closeRound(ref, step.outcome, actor.displayName);
  await threads.addComments(ref, roundId, comments);
}

/**
 * followReview for many records of one entity at once (a batch action): the same effect per record, in a
 * handful of statements whatever their number. The caller holds the records' locks.
 */
export async function followReviews(
  repos: Repos,
  actor: { userId: number | null; displayName: string },
  at: { regionCode: string; entity: RecordRef["entity"] },
  steps: readonly { recordId: number; step: ReviewStep }[],
) {
  const threads = repos.reviewThreads;
  const { regionCode, entity } = at;
  const ids = (kind: ReviewStep["kind"]) => steps.filter((s) => s.step.kind === kind).map((s) => s.recordId);
  const submits = steps.flatMap((s) => (s.step.kind === "submit" ? [{ recordId: s.recordId, step: s.step }] : []));
  // One open round at a time: what a submission or a withdrawal leaves open is closed first.
  await threads.closeRounds(regionCode, entity, [...ids("submit"), ...ids("withdraw")], "withdrawn", actor.displayName);
  await threads.openRounds(
    regionCode,
    entity,
    submits.map(({ recordId, step }) => ({
      recordId,
      content: step.content,
      note: step.note,
      submittedBy: actor.userId,
      submitterName: actor.displayName,
    })),
  );
  const reviews = steps.flatMap((s) => (s.step.kind === "review" ? [{ recordId: s.recordId, step: s.step }] : []));
  const of = (outcome: "forwarded" | "approved" | "returned") =>
    reviews.filter((r) => r.step.outcome === outcome).map((r) => r.recordId);
  const rounds = new Map([
    ...(await threads.pendingRounds(regionCode, entity, of("forwarded"))),
    ...(await threads.closeRounds(regionCode, entity, of("approved"), "approved", actor.displayName)),
    ...(await threads.closeRounds(regionCode, entity, of("returned"), "returned", actor.displayName)),
  ]);
  await threads.addCommentsOf(
    regionCode,
    entity,
    reviews.flatMap(({ recordId, step }) => {
      const stage = step.outcome === "returned" ? "return" : "approve";
      const base = {
        recordId,
        roundId: rounds.get(recordId) ?? null,
        stage,
        authorId: actor.userId,
        authorName: actor.displayName,
        reviewer: step.reviewer,
      } as const;
      return [
        ...(step.comment ? [{ ...base, itemKey: null, itemLabel: "", body: step.comment }] : []),
        ...step.items.map((c) => ({ ...base, itemKey: c.key, itemLabel: c.label, body: c.body })),
      ];
    }),
  );
}
