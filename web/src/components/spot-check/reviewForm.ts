/**
 * The re-scoring form of a spot-check review as the page keeps it while the reviewer types, and the same
 * score and checks the server applies (core/selfeval/review-score.ts), computed from what the review's view
 * carries: the self score of each item, the execution rate as a fact, the form's missing weight.
 */
import {
  checkReview,
  type ReviewIssue,
  type ReviewScore,
  reviewScore,
} from "../../../../src/core/selfeval/review-score";
import type { ReviewDetail, ReviewSaveBody } from "../../api/review/review";

export interface ReviewItemForm {
  points: number | null;
  notApplicable: boolean;
  comment: string;
}

export interface ReviewForm {
  guidance: string;
  items: Record<string, ReviewItemForm>;
}

export const reviewFormOf = (d: ReviewDetail): ReviewForm => ({
  guidance: d.guidance,
  items: Object.fromEntries(
    d.items.map((i) => [
      i.uid,
      { points: i.review.points, notApplicable: i.review.notApplicable, comment: i.review.comment ?? "" },
    ]),
  ),
});

const inputsOf = (d: ReviewDetail, f: ReviewForm) =>
  d.items.map((i) => {
    const a = f.items[i.uid];
    const comment = a?.comment.trim() ? a.comment : null;
    return {
      uid: i.uid,
      points: a?.notApplicable ? null : (a?.points ?? null),
      notApplicable: a?.notApplicable ?? false,
      comment,
    };
  });

export const reviewPayloadOf = (d: ReviewDetail, f: ReviewForm, version: number): ReviewSaveBody => ({
  version,
  guidance: f.guidance,
  items: inputsOf(d, f),
});

/** Compares what would be saved, so that a form typed back to what the server holds is not "changed". */
export const reviewFingerprint = (d: ReviewDetail, f: ReviewForm) =>
  JSON.stringify({ guidance: f.guidance, items: inputsOf(d, f) });

const selfScoreOf = (d: ReviewDetail) => ({
  execution: d.execution,
  items: d.items.flatMap((i) => (i.self ? [i.self] : [])),
});

/** The review total as typed, with the engine the server scores it with. */
export const liveReviewScore = (d: ReviewDetail, f: ReviewForm): ReviewScore =>
  reviewScore({ items: d.items, selfScore: selfScoreOf(d), missingWeight: d.form.missingWeight }, inputsOf(d, f));

/** The server's checks (draft: what saving refuses; submit: all that submitting needs), on the form as typed. */
export const reviewIssues = (d: ReviewDetail, f: ReviewForm, mode: "draft" | "submit"): ReviewIssue[] =>
  checkReview({ guidance: f.guidance, items: inputsOf(d, f) }, { items: d.items, selfScore: selfScoreOf(d) }, mode);

/** The first message per field ("items.<uid>.points", "guidance" …). */
export function issuesByField(issues: readonly ReviewIssue[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const i of issues) if (!m.has(i.field)) m.set(i.field, i.message);
  return m;
}

/** Issues the server sent back with a refusal (details.issues), if any. */
export function issuesOfError(details: unknown): ReviewIssue[] {
  const list = (details as { issues?: unknown } | null | undefined)?.issues;
  return Array.isArray(list)
    ? list.filter((i): i is ReviewIssue => typeof i === "object" && i !== null && "field" in i && "message" in i)
    : [];
}

/** Whether the review of an item differs from the self score (then a comment is required to submit). */
export function differs(item: ReviewDetail["items"][number], a: ReviewItemForm | undefined): boolean {
  if (!a) return false;
  if (a.notApplicable) return item.self?.status !== "notApplicable";
  if (a.points === null) return false;
  return item.self?.points !== a.points;
}

/**
 * 按自评得分填入: every item not yet scored takes the unit's own score (or not applicable), so the reviewer
 * only changes those they disagree with. Items already scored are left alone.
 */
export function fillFromSelf(d: ReviewDetail, f: ReviewForm): ReviewForm {
  const items = { ...f.items };
  for (const i of d.items) {
    const a = items[i.uid] ?? { points: null, notApplicable: false, comment: "" };
    if (a.notApplicable || a.points !== null) continue;
    if (i.self?.status === "notApplicable") items[i.uid] = { ...a, notApplicable: true };
    else if (i.self?.status === "scored" && i.self.points !== null) items[i.uid] = { ...a, points: i.self.points };
  }
  return { ...f, items };
}
