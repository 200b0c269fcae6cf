import { AppError } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { checkOrgText, checkPhone } from "./org-fields";
import type { OrgRecord } from "./ports";

export interface NewOrg {
  code: string;
  name: string;
  /** A third-party firm (第三方机构) stands outside the tree of departments and units: no parent, no sector. */
  kind: "department" | "unit" | "firm";
  parentId?: number | null | undefined;
  sector?: string | null | undefined;
  contactName?: string | null | undefined;
  contactPhone?: string | null | undefined;
}

/**
 * Finance adds a department or a unit by hand (normally they come from the budget system's import), or
 * registers a third-party firm (机构名录), whose accounts (role firm) are its reviewers.
 */
export async function createOrg(deps: Deps, actor: Actor, input: NewOrg): Promise<OrgRecord> {
  authorize(actor, "org.write");
  const code = input.code.trim();
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(code)) {
    throw new AppError("validation", "ORG_CODE_INVALID", "单位编码为 1–32 位字母、数字、- 或 _", { field: "code" });
  }
  const name = checkOrgText("name", "单位名称", input.name, 100, true)!;
  let parent: OrgRecord | null = null;
  if (input.kind === "unit") {
    parent = input.parentId ? await deps.uow.read.orgs.byId(input.parentId) : null;
    if (parent?.kind !== "department" || parent.regionCode !== actor.regionCode) {
      throw new AppError("validation", "ORG_PARENT_INVALID", "预算单位须选择所属主管部门", { field: "parentId" });
    }
  }
  if (await deps.uow.read.orgs.byCode(actor.regionCode, code)) {
    throw new AppError("conflict", "ORG_CODE_TAKEN", `单位编码“${code}”已存在`, { field: "code" });
  }
  const row = {
    regionCode: actor.regionCode,
    code,
    name,
    kind: input.kind,
    parentId: parent?.id ?? null,
    path: parent ? `${parent.path}/${code}` : code,
    sector: input.kind === "firm" ? null : checkOrgText("sector", "所属行业", input.sector, 40),
    contactName: checkOrgText("contactName", "联系人", input.contactName, 40),
    contactPhone: checkPhone(input.contactPhone),
    sortOrder: 9999,
  };
  return deps.uow.transaction(async (repos) => {
    const org = await repos.orgs.insert(row);
    await repos.audit.append([
      auditEntry(actor, deps.clock, { action: "create", entity: "org", entityId: org.id, after: org }),
    ]);
    return org;
  });
}
