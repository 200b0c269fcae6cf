import { AppError, staleVersion } from "../../core/errors";
import { REVIEW_STATUS_LABELS, type ReviewAction, type ReviewStatus } from "../../core/selfeval/review";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { dispatchSoon } from "../tasks/dispatch";
import { expectNoConflict, readReview } from "./read-review";

const NEXT: Record<ReviewAction, ReviewStatus> = { submit: "submitted", confirm: "confirmed", return: "returned" };
const LABELS: Record<ReviewAction, string> = { submit: "提交复核结果", confirm: "确认复核结果", return: "退回复核" };

/**
 * The reviewer submits the re-scoring (every item scored, a comment wherever it differs from the self score,
 * the guidance written); finance confirms it, or returns it with a comment. Confirmed, it counts in the
 * statistics and the unit can read its guidance.
 */
export async function actOnReview(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { version: number; action: ReviewAction; comment?: string | undefined },
) {
  authorize(actor, input.action === "submit" ? "review.score" : "review.manage");
  const { record, view, scores, conflict } = await readReview(deps.uow.read, actor, id);
  if (input.action === "submit") expectNoConflict(conflict);
  if (!view.allowedActions.includes(input.action))
    throw new AppError(
      "conflict",
      "REVIEW_INVALID_TRANSITION",
      `复核任务当前状态为“${REVIEW_STATUS_LABELS[record.status]}”，不能${LABELS[input.action]}`,
    );
  if (record.version !== input.version) throw staleVersion("该复核任务");
  if (input.action === "submit" && view.issues.length > 0)
    throw new AppError("validation", "REVIEW_INCOMPLETE", `还有 ${view.issues.length} 处须填写，完成后才能提交`, {
      issues: view.issues,
    });
  const comment = input.comment?.trim() || null;
  if (input.action === "return" && !comment)
    throw new AppError("validation", "REVIEW_RETURN_NEEDS_COMMENT", "退回时须填写意见", { field: "comment" });
  const next = NEXT[input.action];
  await deps.uow.transaction(async (repos) => {
    const locked = await repos.selfevalReviews.lock(actor.regionCode, id);
    if (!locked || locked.version !== record.version || locked.status !== record.status)
      throw staleVersion("该复核任务");
    const version = await repos.selfevalReviews.setStatus(
      actor.regionCode,
      id,
      record.version,
      next,
      input.action === "submit" ? record.reviewNote : comment,
    );
    if (version === null) throw staleVersion("该复核任务");
    await repos.selfevalReviews.followReviews(actor.regionCode, [id], deps.clock.now());
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: input.action,
        entity: "selfeval_review",
        entityId: id,
        before: { status: record.status },
        after: { status: next, selfTotal: scores.self.total, reviewTotal: scores.review.total },
        reason: comment ?? LABELS[input.action],
      }),
    ]);
    if (input.action === "return" && record.firm)
      await repos.outbox.add(actor.regionCode, [
        {
          kind: "returned",
          taskId: record.taskId,
          orgIds: [record.firm.id],
          title: `复核结果被退回：${record.name}`,
          body: `退回意见：${comment ?? ""}`,
          link: `/review/items/${id}`,
        },
      ]);
  });
  await dispatchSoon(deps);
  return (await readReview(deps.uow.read, actor, id)).view;
}
