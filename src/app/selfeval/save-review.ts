import { AppError, staleVersion } from "../../core/errors";
import { checkReview, type ReviewItemInput } from "../../core/selfeval/review-score";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectNoConflict, readReview } from "./read-review";

/**
 * A reviewer saves the re-scoring of an item assigned to them: points per item with a comment, and the
 * guidance for the unit. Points outside 0–weight, an item the form lacks, markup or over-long text are
 * refused with every issue named and nothing written. Anyone else gets 404 (the review is outside their
 * scope), a reviewer whose item was submitted or confirmed 409, one who must stand aside (a conflict declared
 * after the assignment) 409 REVIEW_CONFLICTED.
 */
export async function saveReview(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { version: number; guidance: string; items: ReviewItemInput[] },
) {
  authorize(actor, "review.score");
  const { record, form, scores, conflict, view } = await readReview(deps.uow.read, actor, id);
  expectNoConflict(conflict);
  if (!view.editable) throw new AppError("conflict", "REVIEW_NOT_EDITABLE", "该复核任务已提交或已确认，不能再修改");
  if (record.version !== input.version) throw staleVersion("该复核任务");
  // Items not sent keep what was saved.
  const sent = new Map(input.items.map((i) => [i.uid, i]));
  const items = [
    ...record.items.map((i) => sent.get(i.uid) ?? i),
    ...input.items.filter((i) => !record.items.some((r) => r.uid === i.uid)),
  ];
  const issues = checkReview(
    { guidance: input.guidance, items },
    { items: form.items, selfScore: scores.self },
    "draft",
  );
  const blocking = issues.filter((i) => i.blocks === "save");
  if (blocking.length > 0)
    throw new AppError("validation", "REVIEW_INVALID", blocking[0]!.message, {
      field: blocking[0]!.field,
      issues: blocking,
    });
  await deps.uow.transaction(async (repos) => {
    const locked = await repos.selfevalReviews.lock(actor.regionCode, id);
    if (!locked || locked.version !== record.version || locked.reviewerId !== actor.userId)
      throw staleVersion("该复核任务");
    const version = await repos.selfevalReviews.saveScores(actor.regionCode, id, record.version, {
      guidance: input.guidance,
      items,
    });
    if (version === null) throw staleVersion("该复核任务");
    await repos.selfevalReviews.followReviews(actor.regionCode, [id], deps.clock.now());
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "update",
        entity: "selfeval_review",
        entityId: id,
        before: { guidance: record.guidance, items: record.items },
        after: { guidance: input.guidance, items },
      }),
    ]);
  });
  return (await readReview(deps.uow.read, actor, id)).view;
}
