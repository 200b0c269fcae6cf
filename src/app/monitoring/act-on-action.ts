import { AppError, staleVersion } from "../../core/errors";
import { markupReason } from "../../core/imports/cells";
import { ACTION_STATUS_LABELS, ACTION_TASK_STATUS, type ActionVerb, actOnAction } from "../../core/monitoring/actions";
import { ACTION_KIND_LABELS } from "../../core/monitoring/types";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { dispatchSoon } from "../tasks/dispatch";
import { getMonitoringAction, isOwner, ownerRoleOf, readAction, revisionOf } from "./get-action";

const VERB_LABELS: Record<ActionVerb, string> = { submit: "提交整改情况", close: "办结", return: "退回" };

/**
 * The owner answers an action with what it did and its evidence (submit); finance closes it or returns it
 * with a comment (core actOnAction). An 调整绩效目标 action closes only once its revision is approved. The
 * row is locked and its version checked: of two closes at once one wins, the other is told to reload, and
 * only one is audited. The action's task follows.
 */
export async function actOnMonitoringAction(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { version: number; action: ActionVerb; text?: string | undefined },
) {
  authorize(actor, "monitoring.write");
  const record = await readAction(deps.uow.read, actor, id);
  if (input.action === "submit" && actor.role === ownerRoleOf(record) && !isOwner(actor, record))
    throw new AppError("forbidden", "MONITORING_ROLE_NOT_ALLOWED", "整改情况应由负责整改的单位提交");
  // A stale version first: of two answers to the same state, the later one is told to reload.
  if (record.version !== input.version) throw staleVersion("该跟进措施");
  const text = input.text?.trim() ?? "";
  const markup = markupReason(text.replace(/[\r\n\t]/g, " "));
  if (markup)
    throw new AppError(
      "validation",
      "MONITORING_ACTION_INVALID",
      `${VERB_LABELS[input.action]}的说明含有${markup}，请删除后再保存`,
      {
        field: "text",
      },
    );
  const revision = await revisionOf(deps.uow.read, actor.regionCode, record);
  /** The decision on the files attached now: checked first, and again once the action's row is locked. */
  const decide = (evidenceCount: number) => {
    const result = actOnAction(record.status, input.action, {
      role: actor.role,
      ownerRole: ownerRoleOf(record),
      kind: record.kind,
      text: input.action === "close" ? text || "办结" : text,
      evidenceCount,
      goalRevised: revision?.approved ?? false,
    });
    if (!result.ok)
      throw new AppError(
        result.code === "MONITORING_ROLE_NOT_ALLOWED" ? "forbidden" : "validation",
        result.code,
        result.message,
        {
          field:
            result.code === "MONITORING_ACTION_NEEDS_EVIDENCE" || result.code === "MONITORING_RETURN_NEEDS_COMMENT"
              ? "text"
              : undefined,
        },
      );
    return result.next;
  };
  decide(await deps.uow.read.attachments.count(actor.regionCode, "monitoring_action", id));
  await deps.uow.transaction(async (repos) => {
    const locked = await repos.monitoringActions.lockState(actor.regionCode, id);
    if (!locked || locked.version !== input.version || locked.status !== record.status)
      throw staleVersion("该跟进措施");
    // Files are added and removed under the same lock (attachments/upload.ts): the count is final here.
    const evidenceCount = await repos.attachments.count(actor.regionCode, "monitoring_action", id);
    const next = decide(evidenceCount);
    const version = await repos.monitoringActions.setStatus(
      actor.regionCode,
      id,
      input.version,
      input.action === "submit"
        ? { status: next, response: text, closedAt: null }
        : { status: next, reviewNote: text || null, closedAt: next === "closed" ? deps.clock.now() : null },
      ACTION_TASK_STATUS[next],
    );
    if (version === null) throw staleVersion("该跟进措施");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: input.action,
        entity: "monitoring_action",
        entityId: id,
        before: { status: record.status },
        after: { status: next, evidence: evidenceCount },
        reason: text || VERB_LABELS[input.action],
      }),
    ]);
    const label = `${record.report.name}——${ACTION_KIND_LABELS[record.kind]}`;
    await repos.outbox.add(
      actor.regionCode,
      input.action === "submit"
        ? []
        : [
            {
              kind: next === "closed" ? "approved" : "returned",
              taskId: record.taskId,
              orgIds: [record.org.id],
              title: `跟进措施${ACTION_STATUS_LABELS[next]}：${label}`,
              body: text ? `${next === "closed" ? "办结意见" : "退回意见"}：${text}` : "财政已确认整改完成",
              link: `/monitoring/follow-ups/${id}`,
            },
          ],
    );
  });
  await dispatchSoon(deps);
  return getMonitoringAction(deps, actor, id);
}
