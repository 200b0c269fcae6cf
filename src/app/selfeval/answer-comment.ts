import { AppError, notFound, staleVersion } from "../../core/errors";
import { markupReason } from "../../core/imports/cells";
import { isAnswerable, isBlankText } from "../../core/review/answerable";
import { selfEvalWorkflow } from "../../core/selfeval/form";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { readForm } from "./get-form";

const notAnswerable = () =>
  new AppError("forbidden", "REVIEW_COMMENT_NOT_ANSWERABLE", "只有自评表退回到您手中修改时，才能答复审核意见");

/**
 * The unit answers a reviewer's comment on its returned monitoring report (答复), or clears the answer with
 * an empty text. Only the comments of the round that sent the report back can be answered, while it is back
 * in the unit's hands (core/review/answerable.ts).
 */
export async function answerSelfEvalComment(
  deps: Deps,
  actor: Actor,
  formId: number,
  commentId: number,
  input: { version: number; answer: string },
) {
  authorize(actor, "selfeval.write");
  const { detail, declarer } = await readForm(deps.uow.read, actor, formId);
  const comment = await deps.uow.read.reviewThreads.comment(actor.regionCode, "selfeval_form", commentId);
  if (!comment || comment.recordId !== formId) throw notFound("审核意见", commentId);
  const answer = isBlankText(input.answer) ? "" : input.answer.trim();
  const reason = markupReason(answer.replace(/\r?\n/g, " "));
  if (reason)
    throw new AppError("validation", "REVIEW_ANSWER_MARKUP", `答复含有${reason}，请删除后再保存`, { field: "answer" });
  const ref = { regionCode: actor.regionCode, entity: "selfeval_form", recordId: formId } as const;
  return deps.uow.transaction(async (repos) => {
    // The report's row is locked: a resubmission (which opens the next round) cannot slip in before the answer.
    const locked = await repos.selfeval.lockState(actor.regionCode, formId);
    const editable =
      locked !== null &&
      detail.round.status === "open" &&
      selfEvalWorkflow.isEditable({ ...detail, ...locked }, actor.role, declarer);
    if (!isAnswerable(comment, await repos.reviewThreads.latestRound(ref), editable)) throw notAnswerable();
    const version = await repos.reviewThreads.answer(actor.regionCode, commentId, input.version, answer || null, {
      id: actor.userId,
      name: actor.displayName,
    });
    if (version === null) throw staleVersion("该审核意见");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: answer ? "answer" : "clear_answer",
        entity: "review_comment",
        entityId: commentId,
        before: { answer: comment.answer },
        after: { answer: answer || null, selfEvalFormId: formId, itemLabel: comment.itemLabel },
      }),
    ]);
    return { id: commentId, version, answer: answer || null };
  });
}
