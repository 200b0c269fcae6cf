import { AppError } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { systemActor } from "../auth/actor";
import type { Actor, Deps } from "../context";

/**
 * On a new PostgreSQL deployment nothing exists: the first `jixiao user create` names the region and
 * its finance bureau, which this creates once. Returns the system actor acting for that bureau.
 */
export async function bootstrapRegion(
  deps: Deps,
  input: { regionCode: string; regionName?: string | undefined; bureauName?: string | undefined },
): Promise<Actor> {
  if (!/^\d{6}$/.test(input.regionCode)) {
    throw new AppError("validation", "REGION_CODE_INVALID", `区划代码须为 6 位数字：${input.regionCode}`);
  }
  const bureauCode = "CZJ";
  const existing = await deps.uow.read.orgs.regionName(input.regionCode);
  if (existing === null) {
    if (!input.regionName) {
      throw new AppError(
        "validation",
        "REGION_NAME_REQUIRED",
        `区划 ${input.regionCode} 尚不存在：请用 --region-name 给出名称`,
      );
    }
    const regionName = input.regionName;
    await deps.uow.transaction(async (repos) => {
      await repos.orgs.ensureRegion(input.regionCode, regionName);
      const bureau = await repos.orgs.insert({
        regionCode: input.regionCode,
        code: bureauCode,
        name: input.bureauName ?? `${regionName}财政局`,
        kind: "bureau",
        parentId: null,
        path: bureauCode,
        sector: "财政",
        contactName: null,
        contactPhone: null,
        sortOrder: -1,
      });
      const actor = systemActor(input.regionCode, bureau.id, bureau.path);
      await repos.audit.append([
        auditEntry(actor, deps.clock, {
          action: "create",
          entity: "region",
          entityId: input.regionCode,
          after: { name: regionName },
        }),
        auditEntry(actor, deps.clock, { action: "create", entity: "org", entityId: bureau.id, after: bureau }),
      ]);
    });
  }
  const orgs = await deps.uow.read.orgs.allInRegion(input.regionCode);
  const bureau = orgs.find((o) => o.kind === "bureau");
  return systemActor(input.regionCode, bureau?.id ?? 0, bureau?.path ?? "");
}
