import { AppError, notFound } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps, Repos } from "../context";
import { expectVersion } from "../expect-state";
import type { ExpertFilter, ExpertInput, ExpertRecord } from "./ports";

const invalid = (field: string, message: string) =>
  new AppError("validation", "EVALUATION_EXPERT_INVALID", message, { field });

/** The expert as entered, trimmed; the employer organisation and the account checked against the region. */
async function checkExpert(repos: Repos, actor: Actor, input: ExpertInput): Promise<ExpertInput> {
  const name = input.name.trim();
  if (name === "") throw invalid("name", "请填写专家姓名");
  const fields = [...new Set(input.fields.map((f) => f.trim()).filter((f) => f !== ""))];
  if (fields.length === 0) throw invalid("fields", "请填写专家的专业领域（至少一项）");
  if (input.employerOrgId !== null) {
    const org = await repos.orgs.byId(input.employerOrgId);
    if (!org || org.regionCode !== actor.regionCode || (org.kind !== "department" && org.kind !== "unit"))
      throw invalid("employerOrgId", `工作单位须为本地区的主管部门或预算单位：${input.employerOrgId}`);
  }
  if (input.userId !== null) {
    const user = await repos.users.byId(input.userId);
    if (!user || user.regionCode !== actor.regionCode || user.role !== "expert")
      throw invalid("userId", `评分账号须为本地区的专家账号：${input.userId}`);
  }
  return {
    ...input,
    name,
    employer: input.employer.trim(),
    title: input.title.trim(),
    phone: input.phone.trim(),
    fields,
  };
}

/** The region's expert pool (专家库), by name, field and state. */
export async function listExperts(deps: Deps, actor: Actor, filter: ExpertFilter & { page: number; pageSize: number }) {
  authorize(actor, "evaluation.manage");
  const { page, pageSize, ...f } = filter;
  const result = await deps.uow.read.experts.list(actor.regionCode, f, page, pageSize);
  return { ...result, page, pageSize };
}

export async function getExpert(deps: Deps, actor: Actor, id: number): Promise<ExpertRecord> {
  authorize(actor, "evaluation.manage");
  const e = await deps.uow.read.experts.get(actor.regionCode, id);
  if (!e) throw notFound("专家", id);
  return e;
}

const accountTaken = () =>
  new AppError("conflict", "EVALUATION_EXPERT_INVALID", "该评分账号已属于库中另一位专家", { field: "userId" });

export async function createExpert(deps: Deps, actor: Actor, input: ExpertInput) {
  authorize(actor, "evaluation.manage");
  const id = await deps.uow.transaction(async (repos) => {
    const checked = await checkExpert(repos, actor, input);
    const id = await repos.experts.insert(actor.regionCode, checked, actor.userId);
    if (id === null) throw accountTaken();
    await repos.audit.append([
      auditEntry(actor, deps.clock, { action: "create", entity: "expert", entityId: id, after: checked }),
    ]);
    return id;
  });
  return getExpert(deps, actor, id);
}

/** Edits an expert at the version read; deactivating (active false) keeps them out of new teams. */
export async function updateExpert(deps: Deps, actor: Actor, id: number, input: ExpertInput & { version: number }) {
  authorize(actor, "evaluation.manage");
  const { version, ...body } = input;
  await deps.uow.transaction(async (repos) => {
    const before = await repos.experts.get(actor.regionCode, id);
    if (!before) throw notFound("专家", id);
    expectVersion(before, version, "专家信息");
    const checked = await checkExpert(repos, actor, body);
    const next = await repos.experts.update(actor.regionCode, id, version, checked);
    if (next === "taken") throw accountTaken();
    if (next === null) throw new AppError("conflict", "STALE_VERSION", "专家信息已被他人修改，请刷新后重试");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: before.active && !checked.active ? "deactivate" : "update",
        entity: "expert",
        entityId: id,
        before,
        after: checked,
      }),
    ]);
  });
  return getExpert(deps, actor, id);
}

/** Accounts of role 专家 that finance can link to an expert of the pool (the first 200 by the search). */
export async function listExpertAccounts(deps: Deps, actor: Actor, q: string | undefined) {
  authorize(actor, "evaluation.manage");
  const found = await deps.uow.read.users.list(actor.regionCode, { q, role: "expert" }, 1, 200);
  return {
    rows: found.rows.map((u) => ({
      id: u.id,
      username: u.username,
      name: u.displayName,
      org: u.org,
      active: u.active,
    })),
  };
}

/** At most this many experts go into one export (a region's pool has a few hundred). */
const MAX_EXPERT_EXPORT = 5_000;

/** Every expert matching the list's filters, for the Excel export. */
export async function exportExperts(deps: Deps, actor: Actor, filter: ExpertFilter) {
  return (await listExperts(deps, actor, { ...filter, page: 1, pageSize: MAX_EXPERT_EXPORT })).rows;
}
