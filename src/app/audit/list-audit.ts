import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { AuditFilter } from "../ports";

export async function listAudit(deps: Deps, actor: Actor, filter: AuditFilter, page: number, pageSize: number) {
  authorize(actor, "audit.read");
  return deps.uow.read.audit.list({ ...filter, regionCode: actor.regionCode }, page, pageSize);
}
