import { notFound } from "../../core/errors";
import { can } from "../../core/permissions";
import type { Actor, Deps } from "../context";
import { attachableRecord, attachmentAction } from "./upload";

/**
 * A file and its name, for whoever may see the record it belongs to and read its files (the role's action for
 * the entity, the record's rule). Otherwise it does not exist (404), whichever record it is attached to.
 */
export async function downloadAttachment(deps: Deps, actor: Actor, id: number) {
  const meta = await deps.uow.read.attachments.meta(actor.regionCode, id);
  if (!meta || !can(actor.role, attachmentAction(meta.entity, "read"))) throw notFound("附件", id);
  const record = await attachableRecord(deps.uow.read, actor, meta.entity, meta.recordId).catch(() => null);
  if (!record?.canRead) throw notFound("附件", id);
  const content = await deps.uow.read.attachments.content(actor.regionCode, id);
  if (!content) throw notFound("附件", id);
  return { meta, content };
}
