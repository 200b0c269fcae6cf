import { notFound, staleVersion } from "../../core/errors";
import { scopeIncludesOrg } from "../../core/scope";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectVersion } from "../expect-state";
import { checkOrgText, checkPhone } from "./org-fields";
import type { OrgRecord } from "./ports";

export interface OrgPatch {
  version: number;
  name?: string | undefined;
  sector?: string | null | undefined;
  contactName?: string | null | undefined;
  contactPhone?: string | null | undefined;
}

/** Edits names and contacts with optimistic locking: a stale version is refused, nothing overwritten. */
export async function updateOrg(deps: Deps, actor: Actor, id: number, patch: OrgPatch): Promise<OrgRecord> {
  const scope = authorize(actor, "org.write");
  const before = await deps.uow.read.orgs.byId(id);
  if (!before || !scopeIncludesOrg(scope, before)) throw notFound("单位", id);
  expectVersion(before, patch.version, "该单位");
  const changes: Partial<Pick<OrgRecord, "name" | "sector" | "contactName" | "contactPhone">> = {};
  if (patch.name !== undefined) changes.name = checkOrgText("name", "单位名称", patch.name, 100, true)!;
  if (patch.sector !== undefined) changes.sector = checkOrgText("sector", "所属行业", patch.sector, 40);
  if (patch.contactName !== undefined)
    changes.contactName = checkOrgText("contactName", "联系人", patch.contactName, 40);
  if (patch.contactPhone !== undefined) changes.contactPhone = checkPhone(patch.contactPhone);
  return deps.uow.transaction(async (repos) => {
    const after = await repos.orgs.update(id, patch.version, changes);
    if (!after) throw staleVersion("该单位");
    await repos.audit.append([
      auditEntry(actor, deps.clock, { action: "update", entity: "org", entityId: id, before, after }),
    ]);
    return after;
  });
}
