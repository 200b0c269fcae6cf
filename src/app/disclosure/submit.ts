import { APPROVE_DAYS, nextVersionStatus } from "../../core/disclosure/workflow";
import { AppError, staleVersion } from "../../core/errors";
import { can } from "../../core/permissions";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { dispatchSoon } from "../tasks/dispatch";
import { getPublication } from "./get";
import { dueIn, lockForWrite, refuseBadTexts, requireDrafter, WHAT } from "./shared";

export interface SubmitInput {
  version: number;
  approverId: number;
  changeNote?: string | undefined;
}

/** The 审核员 chosen: another active account of the region that may approve; never the drafter. */
async function approverFor(deps: Deps, actor: Actor, approverId: number) {
  if (approverId === actor.userId)
    throw new AppError(
      "validation",
      "PUBLICATION_SELF_APPROVAL",
      "不能指定自己为审核员：公开稿须由起草人以外的人审核",
      {
        field: "approverId",
      },
    );
  const user = await deps.uow.read.users.byId(approverId);
  if (!user || user.regionCode !== actor.regionCode || !user.active || !can(user.role, "disclosure.approve"))
    throw new AppError(
      "validation",
      "PUBLICATION_APPROVER_INVALID",
      `审核员（approverId）须为本区在用的财政账号：${approverId}`,
      { field: "approverId" },
    );
  return user;
}

/**
 * 提交审核: the drafter sends the open version to a 审核员 of their choice. A correction (version 2 on) must say
 * what it changed (更正说明). The approver finds it as a task in their inbox (given to that account alone) with
 * a notification; the drafter's own task waits as submitted.
 */
export async function submitPublication(deps: Deps, actor: Actor, id: number, input: SubmitInput) {
  authorize(actor, "disclosure.draft");
  const changeNote = input.changeNote?.trim();
  refuseBadTexts({ changeNote });
  const approver = await approverFor(deps, actor, input.approverId);
  await deps.uow.transaction(async (repos) => {
    const { latest } = await lockForWrite(repos, actor, id, input.version);
    const next = nextVersionStatus(latest.status, "submit");
    if (!next)
      throw new AppError(
        "conflict",
        "PUBLICATION_INVALID_TRANSITION",
        `第${latest.number}版已提交审核或已发布，不能再提交`,
      );
    requireDrafter(actor, latest);
    const p = (await repos.disclosure.get(actor.regionCode, id))!;
    const [current] = await repos.disclosure.versions(actor.regionCode, id);
    const note = changeNote ?? current!.changeNote;
    if (latest.number > 1 && note.trim() === "")
      throw new AppError(
        "validation",
        "PUBLICATION_NOTE_REQUIRED",
        `第${latest.number}版是对已发布内容的更正，请填写更正说明（changeNote）：改了什么、为什么改`,
        { field: "changeNote" },
      );
    const now = deps.clock.now();
    const written = await repos.disclosure.updateVersion(
      actor.regionCode,
      latest.id,
      { version: latest.version, status: latest.status },
      { status: next, submittedAt: now, approverId: approver.id, changeNote: note },
    );
    if (written === null) throw staleVersion(WHAT);
    await repos.disclosure.touch(actor.regionCode, id, {});
    const title = `${current!.title}（第${latest.number}版）`;
    const taskId = await repos.disclosure.upsertTask(actor.regionCode, {
      fiscalYear: p.fiscalYear,
      kind: "publication_approve",
      orgId: approver.orgId,
      ownerUserId: approver.id,
      versionId: latest.id,
      title: `信息公开审核：${title}`,
      dueOn: dueIn(deps.clock, APPROVE_DAYS),
      status: "todo",
    });
    await repos.disclosure.setTaskStatus(actor.regionCode, "publication_draft", latest.id, "submitted");
    await repos.outbox.add(actor.regionCode, [
      {
        kind: "assigned",
        taskId,
        orgIds: [approver.orgId],
        title: `新任务：信息公开审核（${title}）`,
        body: `${actor.displayName}提交了公开稿，请审核后发布或退回${latest.number > 1 ? `。更正说明：${note}` : ""}`,
        link: `/disclosure/publications/${id}`,
      },
    ]);
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "submit",
        entity: "publication",
        entityId: id,
        before: { versionNumber: latest.number, status: latest.status },
        after: { versionNumber: latest.number, status: next, approverId: approver.id, changeNote: note },
      }),
    ]);
  });
  await dispatchSoon(deps);
  return getPublication(deps, actor, id);
}
