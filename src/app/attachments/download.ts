import { notFound } from "../../core/errors";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { attachableRecord } from "./upload";

/**
 * A file and its name, for whoever may see the record it belongs to. Outside the scope it does not exist
 * (404), whichever record it is attached to.
 */
export async function downloadAttachment(deps: Deps, actor: Actor, id: number) {
  authorize(actor, "monitoring.read");
  const meta = await deps.uow.read.attachments.meta(actor.regionCode, id);
  if (!meta) throw notFound("附件", id);
  const record = await attachableRecord(deps.uow.read, actor, meta.entity, meta.recordId).catch(() => null);
  if (!record) throw notFound("附件", id);
  const content = await deps.uow.read.attachments.content(actor.regionCode, id);
  if (!content) throw notFound("附件", id);
  return { meta, content };
}
