import { AppError, staleVersion } from "../../core/errors";
import {
  nextRectificationStatus,
  RECTIFICATION_STATUS_LABELS,
  type RectificationAction,
} from "../../core/evaluations/rectification";
import { MAX_RECTIFICATION_TEXT, RECTIFICATION_TASK_STATUS } from "../../core/evaluations/rectification-notice";
import { markupReason } from "../../core/imports/cells";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { dispatchSoon } from "../tasks/dispatch";
import { getRectificationItem, isAddressee, readItem } from "./get-item";

const VERB_LABELS: Record<RectificationAction, string> = { answer: "反馈整改情况", accept: "验收", return: "退回" };

const invalid = (
  code: "RECTIFICATION_NEEDS_EVIDENCE" | "RECTIFICATION_RETURN_NEEDS_COMMENT" | "RECTIFICATION_INVALID",
  message: string,
) => new AppError("validation", code, message, { field: "text" });

/**
 * The organisation addressed answers an item with its measures and evidence (answer); finance accepts it or
 * returns it with a note (core nextRectificationStatus). The row is locked and its version checked: of two
 * accepts at once one wins, the other is told to reload, and only one is audited. The item's task follows.
 */
export async function actOnRectificationItem(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { version: number; action: RectificationAction; text?: string | undefined },
) {
  authorize(actor, input.action === "answer" ? "rectification.answer" : "rectification.issue");
  const record = await readItem(deps.uow.read, actor, id);
  if (input.action === "answer" && !isAddressee(actor, record))
    throw new AppError("forbidden", "RECTIFICATION_ROLE_NOT_ALLOWED", "整改情况应由整改通知所列单位反馈");
  // A stale version first: of two answers to the same state, the later one is told to reload.
  if (record.version !== input.version) throw staleVersion("该整改事项");
  const text = input.text?.trim() ?? "";
  if (text.length > MAX_RECTIFICATION_TEXT)
    throw invalid("RECTIFICATION_INVALID", `${VERB_LABELS[input.action]}的说明不能超过 ${MAX_RECTIFICATION_TEXT} 字`);
  const markup = markupReason(text.replace(/[\r\n\t]/g, " "));
  if (markup) throw invalid("RECTIFICATION_INVALID", `${VERB_LABELS[input.action]}的说明含有${markup}，请删除后再保存`);
  const where = `第${record.seq}项整改事项`;
  /** The decision on the state and files found: checked first, and again once the item's row is locked. */
  const decide = (status: typeof record.status, evidence: number) => {
    const next = nextRectificationStatus(status, input.action);
    if (!next)
      throw new AppError(
        "conflict",
        "RECTIFICATION_INVALID_TRANSITION",
        `${where}${RECTIFICATION_STATUS_LABELS[status]}，不能${VERB_LABELS[input.action]}`,
      );
    if (input.action === "answer" && text === "")
      throw invalid("RECTIFICATION_NEEDS_EVIDENCE", `${where}：请填写整改措施（text）`);
    if (input.action === "answer" && evidence === 0)
      throw invalid("RECTIFICATION_NEEDS_EVIDENCE", `${where}：请先上传整改佐证材料`);
    if (input.action === "return" && text === "")
      throw invalid("RECTIFICATION_RETURN_NEEDS_COMMENT", `${where}：退回时须填写退回意见（text）`);
    return next;
  };
  decide(record.status, await deps.uow.read.attachments.count(actor.regionCode, "rectification_item", id));
  await deps.uow.transaction(async (repos) => {
    const locked = await repos.rectification.lockItem(actor.regionCode, id);
    if (!locked || locked.version !== input.version || locked.status !== record.status)
      throw staleVersion("该整改事项");
    // Files are added and removed under the same lock (attachments/upload.ts): the count is final here.
    const evidence = await repos.attachments.count(actor.regionCode, "rectification_item", id);
    const next = decide(locked.status, evidence);
    const now = deps.clock.now();
    const version = await repos.rectification.setItemStatus(
      actor.regionCode,
      id,
      input.version,
      input.action === "answer"
        ? { status: next, answer: text, answeredAt: now, verdictNote: null, acceptedAt: null }
        : { status: next, verdictNote: text || null, acceptedAt: next === "accepted" ? now : null },
      RECTIFICATION_TASK_STATUS[next],
    );
    if (version === null) throw staleVersion("该整改事项");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: input.action,
        entity: "rectification_item",
        entityId: id,
        before: { status: record.status },
        after: { status: next, evidence },
        reason: text || VERB_LABELS[input.action],
      }),
    ]);
    if (input.action !== "answer")
      await repos.outbox.add(actor.regionCode, [
        {
          kind: next === "accepted" ? "approved" : "returned",
          taskId: record.taskId,
          orgIds: [record.unit.id],
          title: `整改事项${RECTIFICATION_STATUS_LABELS[next]}：${record.notice.title} 第${record.seq}项`,
          body: text ? `${next === "accepted" ? "验收意见" : "退回意见"}：${text}` : "财政已验收该项整改",
          link: `/rectification/items/${id}`,
        },
      ]);
  });
  await dispatchSoon(deps);
  return getRectificationItem(deps, actor, id);
}
