import { checkDraftTexts } from "../../core/disclosure/validate";
import { AppError, staleVersion } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { dispatchSoon } from "../tasks/dispatch";
import { readForVerdict } from "./approve";
import { getPublication } from "./get";
import { lockForWrite, WHAT } from "./shared";

/**
 * 退回: the chosen 审核员 sends the submitted version back to its drafter with a comment (required). The
 * approver's task is done; the drafter's task is back in their inbox as returned, with the comment.
 */
export async function returnPublication(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { version: number; comment: string },
) {
  authorize(actor, "disclosure.approve");
  const comment = input.comment.trim();
  if (comment === "")
    throw new AppError("validation", "PUBLICATION_INVALID", "退回须填写退回意见（comment）", { field: "comment" });
  const bad = checkDraftTexts({ changeNote: comment })[0];
  if (bad)
    throw new AppError("validation", "PUBLICATION_INVALID", bad.message.replace("更正说明", "退回意见"), {
      field: "comment",
    });
  const { current } = await readForVerdict(deps, actor, id, input.version, "退回");
  await deps.uow.transaction(async (repos) => {
    const { latest } = await lockForWrite(repos, actor, id, input.version);
    if (latest.status !== "submitted" || latest.approverId !== actor.userId) throw staleVersion(WHAT);
    const written = await repos.disclosure.updateVersion(
      actor.regionCode,
      latest.id,
      { version: latest.version, status: latest.status },
      { status: "returned", returnedAt: deps.clock.now(), returnComment: comment },
    );
    if (written === null) throw staleVersion(WHAT);
    await repos.disclosure.touch(actor.regionCode, id, {});
    await repos.disclosure.setTaskStatus(actor.regionCode, "publication_approve", latest.id, "done");
    const draftTask = await repos.disclosure.setTaskStatus(
      actor.regionCode,
      "publication_draft",
      latest.id,
      "returned",
    );
    const drafter = await repos.users.byId(latest.draftedBy);
    if (drafter)
      await repos.outbox.add(actor.regionCode, [
        {
          kind: "returned",
          taskId: draftTask,
          orgIds: [drafter.orgId],
          title: `公开稿被退回：${current.title}（第${latest.number}版）`,
          body: `退回意见：${comment}`,
          link: `/disclosure/publications/${id}`,
        },
      ]);
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "return",
        entity: "publication",
        entityId: id,
        before: { versionNumber: latest.number, status: "submitted" },
        after: { versionNumber: latest.number, status: "returned" },
        reason: comment,
      }),
    ]);
  });
  await dispatchSoon(deps);
  return getPublication(deps, actor, id);
}
