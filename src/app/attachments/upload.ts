import { createHash } from "node:crypto";
import { checkAttachment } from "../../core/attachments";
import { AppError, notFound } from "../../core/errors";
import { editableStatuses } from "../../core/evaluations/workflow";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps, Repos } from "../context";
import { readEvaluation } from "../evaluations/read-evaluation";
import { allowedVerbs, readAction } from "../monitoring/get-action";
import { allowedVerbs as itemVerbs, readItem } from "../rectification/get-item";
import type { AttachmentEntity } from "./ports";

/** At most this many files per record. */
export const MAX_ATTACHMENTS_PER_RECORD = 20;

/**
 * The record a file belongs to, in the actor's scope (404 outside it, as if it did not exist), and whether
 * the actor may add files to it now.
 */
export async function attachableRecord(repos: Repos, actor: Actor, entity: AttachmentEntity, recordId: number) {
  switch (entity) {
    case "monitoring_action": {
      const action = await readAction(repos, actor, recordId);
      return { canAttach: allowedVerbs(actor, action).includes("submit"), label: "跟进措施" };
    }
    case "rectification_item": {
      const item = await readItem(repos, actor, recordId);
      return { canAttach: itemVerbs(actor, item).includes("answer"), label: "整改事项" };
    }
    case "evaluation": {
      // Evidence of a department's own evaluation, while it is in the department's hands.
      const e = await readEvaluation(repos, actor, recordId);
      const own = e.kind === "department" && actor.role === "department" && e.owner.id === actor.orgId;
      return { canAttach: own && editableStatuses(e.kind).includes(e.status), label: "部门评价" };
    }
  }
}

/**
 * The record once more, its row locked for the caller's transaction: a submission (which locks the same row)
 * is then either already written, and files may no longer change, or waits until this change is written.
 */
async function lockAttachable(repos: Repos, actor: Actor, entity: AttachmentEntity, recordId: number) {
  switch (entity) {
    case "monitoring_action":
      await repos.monitoringActions.lockState(actor.regionCode, recordId);
      break;
    case "rectification_item":
      await repos.rectification.lockItem(actor.regionCode, recordId);
      break;
    case "evaluation":
      await repos.evaluations.lock(actor.regionCode, recordId);
  }
  return attachableRecord(repos, actor, entity, recordId).catch(() => null);
}

/**
 * Attaches an evidence file to a record: only its owner, while it is theirs to answer. The file is accepted by
 * its bytes (PDF, JPG, PNG, Word .docx, Excel .xlsx, at most 10 MB), its name made safe; the type the
 * browser declared is ignored. Stored with the record in the database and audited.
 */
export async function uploadAttachment(
  deps: Deps,
  actor: Actor,
  input: { entity: AttachmentEntity; recordId: number; fileName: string; bytes: Buffer },
) {
  authorize(actor, "monitoring.write");
  const record = await attachableRecord(deps.uow.read, actor, input.entity, input.recordId);
  if (!record) throw notFound("记录", input.recordId);
  if (!record.canAttach)
    throw new AppError(
      "forbidden",
      "MONITORING_ROLE_NOT_ALLOWED",
      `只能由负责整改的单位在提交前上传${record.label}的佐证材料`,
    );
  const checked = checkAttachment(input.fileName, input.bytes);
  if (!checked.ok) throw new AppError("validation", "ATTACHMENT_INVALID", checked.message, { field: "file" });
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  return deps.uow.transaction(async (repos) => {
    if (!(await lockAttachable(repos, actor, input.entity, input.recordId))?.canAttach)
      throw new AppError(
        "forbidden",
        "MONITORING_ROLE_NOT_ALLOWED",
        `${record.label}已提交，不能再上传佐证材料：请刷新后查看`,
      );
    const n = await repos.attachments.count(actor.regionCode, input.entity, input.recordId);
    if (n >= MAX_ATTACHMENTS_PER_RECORD)
      throw new AppError(
        "validation",
        "ATTACHMENT_INVALID",
        `每项最多上传 ${MAX_ATTACHMENTS_PER_RECORD} 个附件，请合并后再上传`,
        { field: "file" },
      );
    const meta = await repos.attachments.insert(actor.regionCode, {
      entity: input.entity,
      recordId: input.recordId,
      name: checked.name,
      mediaType: checked.mediaType,
      sha256,
      content: input.bytes,
      uploadedBy: actor.userId,
      uploaderName: actor.displayName,
    });
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "attach",
        entity: input.entity,
        entityId: input.recordId,
        after: { attachmentId: meta.id, name: meta.name, mediaType: meta.mediaType, size: meta.size, sha256 },
      }),
    ]);
    return { ...meta, url: `/api/v1/attachments/${meta.id}` };
  });
}

/** Removes a file its owner attached, while the record is still theirs to answer. */
export async function removeAttachment(deps: Deps, actor: Actor, id: number) {
  authorize(actor, "monitoring.write");
  const meta = await deps.uow.read.attachments.meta(actor.regionCode, id);
  if (!meta) throw notFound("附件", id);
  const record = await attachableRecord(deps.uow.read, actor, meta.entity, meta.recordId).catch(() => null);
  if (!record) throw notFound("附件", id);
  if (!record.canAttach)
    throw new AppError("forbidden", "MONITORING_ROLE_NOT_ALLOWED", "整改情况已提交，不能再删除佐证材料");
  await deps.uow.transaction(async (repos) => {
    if (!(await lockAttachable(repos, actor, meta.entity, meta.recordId))?.canAttach)
      throw new AppError("forbidden", "MONITORING_ROLE_NOT_ALLOWED", "整改情况已提交，不能再删除佐证材料");
    if (!(await repos.attachments.remove(actor.regionCode, id))) throw notFound("附件", id);
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "detach",
        entity: meta.entity,
        entityId: meta.recordId,
        before: { attachmentId: id, name: meta.name, sha256: meta.sha256 },
      }),
    ]);
  });
}
