import { createHash } from "node:crypto";
import { checkAttachment } from "../../core/attachments";
import { AppError, notFound } from "../../core/errors";
import { editableStatuses } from "../../core/evaluations/workflow";
import type { Action } from "../../core/permissions";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps, Repos } from "../context";
import { mayReadReport, ownMember } from "../evaluations/present";
import { readEvaluation } from "../evaluations/read-evaluation";

import { allowedVerbs, readAction } from "../monitoring/get-action";
import { allowedVerbs as itemVerbs, readItem } from "../rectification/get-item";
import type { AttachmentEntity } from "./ports";

/** At most this many files per record. */
export const MAX_ATTACHMENTS_PER_RECORD = 20;

/**
 * The action a role needs to read (`read`) or add (`write`) files of an entity: monitoring's for evidence,
 * evaluations' for the report's final versions (experts upload and read those), gated by the record's rules.
 */
export const attachmentAction = (entity: AttachmentEntity, mode: "read" | "write"): Action =>
  entity === "evaluation_report" ? "evaluation.read" : mode === "read" ? "monitoring.read" : "monitoring.write";

/** The final versions of an evaluation's report may be .docx or .pdf only. */
const REPORT_TYPES = ["docx", "pdf"];

/**
 * The record a file belongs to, in the actor's scope (404 outside it, as if it did not exist), whether
 * the actor may read its files and may add files to it now.
 */
export async function attachableRecord(repos: Repos, actor: Actor, entity: AttachmentEntity, recordId: number) {
  switch (entity) {
    case "monitoring_action": {
      const action = await readAction(repos, actor, recordId);
      return { canAttach: allowedVerbs(actor, action).includes("submit"), canRead: true, label: "跟进措施" };
    }
    case "rectification_item": {
      const item = await readItem(repos, actor, recordId);
      return { canAttach: itemVerbs(actor, item).includes("answer"), canRead: true, label: "整改事项" };
    }
    case "evaluation": {
      // Evidence of a department's own evaluation, while it is in the department's hands.
      const e = await readEvaluation(repos, actor, recordId);
      const own = e.kind === "department" && actor.role === "department" && e.owner.id === actor.orgId;
      return { canAttach: own && editableStatuses(e.kind).includes(e.status), canRead: true, label: "部门评价" };
    }
    case "evaluation_report": {
      // The team's edited report: the lead expert of a key evaluation or the department of its own, until
      // final; finance at any time. It holds every expert's points: read as the drafted report is.
      const e = await readEvaluation(repos, actor, recordId);
      const finance = actor.role === "finance_admin" || actor.role === "finance_staff";
      const own = ownMember(actor, e);
      const team = e.kind === "key" ? own?.isLead === true : own !== null;
      return {
        canAttach: finance || (team && e.status !== "final"),
        canRead: mayReadReport(actor, e),
        label: "评价报告",
      };
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
    case "evaluation_report":
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
  authorize(actor, attachmentAction(input.entity, "write"));
  const report = input.entity === "evaluation_report";
  const record = await attachableRecord(deps.uow.read, actor, input.entity, input.recordId);
  if (!record) throw notFound("记录", input.recordId);
  if (!record.canAttach)
    throw report
      ? new AppError(
          "forbidden",
          "EVALUATION_REPORT_NOT_ALLOWED",
          "评价报告定稿由财政部门上传，或在评价定稿前由重点评价的主评专家、部门评价的主管部门上传",
        )
      : new AppError(
          "forbidden",
          "MONITORING_ROLE_NOT_ALLOWED",
          `只能由负责整改的单位在提交前上传${record.label}的佐证材料`,
        );
  const checked = checkAttachment(input.fileName, input.bytes);
  if (!checked.ok) throw new AppError("validation", "ATTACHMENT_INVALID", checked.message, { field: "file" });
  if (report && !REPORT_TYPES.includes(checked.type))
    throw new AppError(
      "validation",
      "ATTACHMENT_INVALID",
      `“${checked.name}”不是 Word（.docx）或 PDF 文件：评价报告只能上传这两种文件`,
      { field: "file" },
    );
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  return deps.uow.transaction(async (repos) => {
    if (!(await lockAttachable(repos, actor, input.entity, input.recordId))?.canAttach)
      throw report
        ? new AppError("forbidden", "EVALUATION_REPORT_NOT_ALLOWED", "评价已定稿，不能再上传报告：请刷新后查看")
        : new AppError(
            "forbidden",
            "MONITORING_ROLE_NOT_ALLOWED",
            `${record.label}已提交，不能再上传佐证材料：请刷新后查看`,
          );
    // A report's versions are never removed: the cap binds the team, never finance, whose final version
    // must always go in however many drafts the team uploaded.
    const capped = !(report && (actor.role === "finance_admin" || actor.role === "finance_staff"));
    const n = capped ? await repos.attachments.count(actor.regionCode, input.entity, input.recordId) : 0;
    if (n >= MAX_ATTACHMENTS_PER_RECORD)
      throw new AppError(
        "validation",
        "ATTACHMENT_INVALID",
        report
          ? `评价报告已有 ${MAX_ATTACHMENTS_PER_RECORD} 个版本，评价组不能再上传：请由财政部门上传定稿`
          : `每项最多上传 ${MAX_ATTACHMENTS_PER_RECORD} 个附件，请合并后再上传`,
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
  // Every version of a report is kept: its history is the list of uploads.
  if (meta.entity === "evaluation_report")
    throw new AppError("forbidden", "EVALUATION_REPORT_NOT_ALLOWED", "评价报告的各版本均须保留，不能删除");
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
