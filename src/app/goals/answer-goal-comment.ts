import { AppError, notFound, staleVersion } from "../../core/errors";
import { declarerOf, isEditable } from "../../core/goals/workflow";
import { markupReason } from "../../core/imports/cells";
import { isAnswerable, isBlankText } from "../../core/review/answerable";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { stateOf } from "./get-goal-table";

const notAnswerable = () =>
  new AppError("forbidden", "REVIEW_COMMENT_NOT_ANSWERABLE", "只有目标表退回到您手中修改时，才能答复审核意见");

/**
 * The declarer answers a reviewer's comment on its returned table (答复), or clears the answer with an
 * empty text. Only the comments of the round that sent the table back can be answered, while it is back
 * in the declarer's hands (core/review/answerable.ts); a resubmission freezes them as the reviewer reads them.
 */
export async function answerGoalComment(
  deps: Deps,
  actor: Actor,
  tableId: number,
  commentId: number,
  input: { version: number; answer: string },
) {
  const scope = authorize(actor, "goal.write");
  const record = await deps.uow.read.goals.get(scope, tableId);
  if (!record) throw notFound("绩效目标表", tableId);
  const comment = await deps.uow.read.reviewThreads.comment(actor.regionCode, "goal_table", commentId);
  if (!comment || comment.recordId !== tableId) throw notFound("审核意见", commentId);
  // Nothing visible is no answer (it clears one); line breaks are how a multi-line answer is typed.
  const answer = isBlankText(input.answer) ? "" : input.answer.trim();
  const reason = markupReason(answer.replace(/\r?\n/g, " "));
  if (reason)
    throw new AppError("validation", "REVIEW_ANSWER_MARKUP", `答复含有${reason}，请删除后再保存`, { field: "answer" });
  const declarer = declarerOf(record);
  const ref = { regionCode: actor.regionCode, entity: "goal_table", recordId: tableId } as const;
  return deps.uow.transaction(async (repos) => {
    // The table's row is locked: a submission (which opens the next round) cannot slip in before the answer.
    const locked = await repos.goals.lockState(actor.regionCode, tableId);
    const editable = locked !== null && isEditable({ ...stateOf(record), status: locked.status }, actor.role, declarer);
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
        after: { answer: answer || null, goalTableId: tableId, itemLabel: comment.itemLabel },
      }),
    ]);
    return { id: commentId, version, answer: answer || null };
  });
}
