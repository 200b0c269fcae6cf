import type { FigureFinding } from "../../core/disclosure/types";
import { checkDraftTexts } from "../../core/disclosure/validate";
import { nextVersionStatus } from "../../core/disclosure/workflow";
import { AppError, notFound, staleVersion } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { dispatchSoon } from "../tasks/dispatch";
import { getPublication } from "./get";
import { kindDef } from "./kinds";
import type { PublicationRecord } from "./ports";
import { lockForWrite, WHAT } from "./shared";

export interface ApproveInput {
  version: number;
  /** Publish although the check found differences, saying why (stored with the findings and audited). */
  override?: { reason: string } | undefined;
}

/** The approver chosen at submission, and nobody else; the drafter is told why not (four eyes). */
export function requireApprover(actor: Actor, p: PublicationRecord): void {
  if (p.latest.draftedBy.id === actor.userId)
    throw new AppError("forbidden", "PUBLICATION_SELF_APPROVAL", "起草人不能审核自己起草的版本");
  if (p.latest.approver?.id !== actor.userId)
    throw new AppError(
      "forbidden",
      "PUBLICATION_NOT_APPROVER",
      `第${p.latest.number}版的审核员是${p.latest.approver?.name ?? "提交时指定的人"}，只有其本人可以审核`,
    );
}

/** Reads the publication for a verdict: it exists, the version read is the newest, it is submitted, the actor is its approver. */
export async function readForVerdict(deps: Deps, actor: Actor, id: number, sentVersion: number, verb: string) {
  const p = await deps.uow.read.disclosure.get(actor.regionCode, id);
  if (!p) throw notFound("公开事项", id);
  requireApprover(actor, p);
  const [current] = await deps.uow.read.disclosure.versions(actor.regionCode, id);
  if (current!.version !== sentVersion) throw staleVersion(WHAT);
  if (!nextVersionStatus(current!.status, verb === "发布" ? "approve" : "return"))
    throw new AppError(
      "conflict",
      "PUBLICATION_INVALID_TRANSITION",
      `第${current!.number}版${current!.status === "published" ? "已发布" : "未提交审核"}，不能${verb}`,
    );
  return { p, current: current! };
}

/**
 * 审核发布: the chosen 审核员 publishes the submitted version. First the kind's check rebuilds the tables from the
 * data now: any printed figure the data no longer gives refuses the approval (409 PUBLICATION_CHECK_FAILED, the
 * findings in details), unless the approver publishes anyway with a reason, kept with the findings on the version
 * and in the audit log. Publishing stamps the date and the approver; from then on nothing in the version changes.
 */
export async function approvePublication(deps: Deps, actor: Actor, id: number, input: ApproveInput) {
  authorize(actor, "disclosure.approve");
  const { p, current } = await readForVerdict(deps, actor, id, input.version, "发布");
  const reason = input.override?.reason.trim();
  if (input.override !== undefined) {
    const issue =
      reason === "" ? "不能为空" : checkDraftTexts({ changeNote: reason })[0]?.message.replace("更正说明", "");
    if (issue !== undefined)
      throw new AppError("validation", "PUBLICATION_INVALID", `仍然发布的理由（override.reason）${issue}`, {
        field: "override.reason",
      });
  }
  const findings: FigureFinding[] = await kindDef(p.kind).check(
    deps,
    actor,
    current.body,
    p.fiscalYear,
    p.department?.id,
  );
  if (findings.length > 0 && reason === undefined)
    throw new AppError(
      "conflict",
      "PUBLICATION_CHECK_FAILED",
      `公开稿中有${findings.length}处数字与现有数据不符：${findings[0]!.message}${findings.length > 1 ? " 等" : ""}。请退回信息员更新数据，或说明理由后仍然发布`,
      { findings },
    );
  const overridden = findings.length > 0 ? reason : undefined;
  await deps.uow.transaction(async (repos) => {
    const { latest } = await lockForWrite(repos, actor, id, input.version);
    if (latest.status !== "submitted" || latest.approverId !== actor.userId) throw staleVersion(WHAT);
    const now = deps.clock.now();
    const written = await repos.disclosure.updateVersion(
      actor.regionCode,
      latest.id,
      { version: latest.version, status: latest.status },
      {
        status: "published",
        approvedBy: actor.userId!,
        publishedAt: now,
        ...(overridden !== undefined ? { checkOverrideReason: overridden, checkFindings: findings } : {}),
      },
    );
    if (written === null) throw staleVersion(WHAT);
    await repos.disclosure.touch(actor.regionCode, id, { publishedVersion: latest.number });
    await repos.disclosure.setTaskStatus(actor.regionCode, "publication_approve", latest.id, "done");
    const draftTask = await repos.disclosure.setTaskStatus(actor.regionCode, "publication_draft", latest.id, "done");
    const drafter = await repos.users.byId(latest.draftedBy);
    if (drafter)
      await repos.outbox.add(actor.regionCode, [
        {
          kind: "approved",
          taskId: draftTask,
          orgIds: [drafter.orgId],
          title: `公开稿已发布：${current.title}（第${latest.number}版）`,
          body: overridden ? `审核员说明数字差异后发布：${overridden}` : "审核通过，已在政府网站公开",
          link: `/disclosure/publications/${id}`,
        },
      ]);
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "approve",
        entity: "publication",
        entityId: id,
        before: { versionNumber: latest.number, status: "submitted" },
        after: {
          versionNumber: latest.number,
          status: "published",
          publishedAt: now.toISOString(),
          mismatches: findings.length,
          override: overridden !== undefined,
        },
        reason: overridden ?? null,
      }),
    ]);
  });
  await dispatchSoon(deps);
  return getPublication(deps, actor, id);
}
