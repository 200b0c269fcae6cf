import { AppError, notFound } from "../../core/errors";
import { markupReason } from "../../core/imports/cells";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";

/** 第三方机构名录: the region's firms with their reviewers (accounts of role firm) and declared conflicts (回避). */
export async function listFirms(deps: Deps, actor: Actor) {
  authorize(actor, "review.manage");
  const [firms, conflicts] = await Promise.all([
    deps.uow.read.selfevalReviews.firms(actor.regionCode),
    deps.uow.read.selfevalReviews.conflicts(actor.regionCode),
  ]);
  return firms.map((f) => ({ ...f, conflicts: conflicts.filter((c) => c.firm.id === f.id) }));
}

/** Declares that a firm (or one of its reviewers) must stand aside from an organisation and, for a department, its units. */
export async function addConflict(
  deps: Deps,
  actor: Actor,
  input: { firmId: number; reviewerId: number | null; orgCode: string; reason: string },
) {
  authorize(actor, "review.manage");
  const bad = (field: string, message: string) =>
    new AppError("validation", "REVIEW_CONFLICT_INVALID", message, { field });
  const firm = (await deps.uow.read.selfevalReviews.firms(actor.regionCode)).find((f) => f.id === input.firmId);
  if (!firm) throw bad("firmId", "所选第三方机构不存在");
  if (input.reviewerId !== null && !firm.reviewers.some((r) => r.id === input.reviewerId))
    throw bad("reviewerId", `复核人员不属于“${firm.name}”`);
  const org = await deps.uow.read.orgs.byCode(actor.regionCode, input.orgCode.trim());
  if (!org || (org.kind !== "department" && org.kind !== "unit"))
    throw bad("orgCode", `没有编码为“${input.orgCode}”的主管部门或预算单位`);
  const reason = input.reason.trim();
  if (reason === "") throw bad("reason", "请填写回避原因（如：本机构为该单位提供审计服务）");
  const markup = markupReason(reason);
  if (markup) throw bad("reason", `回避原因${markup}`);
  const id = await deps.uow.transaction(async (repos) => {
    const created = await repos.selfevalReviews.addConflict(actor.regionCode, {
      firmId: firm.id,
      userId: input.reviewerId,
      orgId: org.id,
      reason,
      createdBy: actor.userId,
    });
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "create",
        entity: "review_conflict",
        entityId: created,
        after: { firm: firm.name, reviewerId: input.reviewerId, org: org.code, reason },
      }),
    ]);
    return created;
  });
  return (await listFirms(deps, actor)).flatMap((f) => f.conflicts).find((c) => c.id === id)!;
}

export async function removeConflict(deps: Deps, actor: Actor, id: number) {
  authorize(actor, "review.manage");
  await deps.uow.transaction(async (repos) => {
    const removed = await repos.selfevalReviews.removeConflict(actor.regionCode, id);
    if (!removed) throw notFound("回避关系", id);
    await repos.audit.append([
      auditEntry(actor, deps.clock, { action: "delete", entity: "review_conflict", entityId: id, before: removed }),
    ]);
  });
}
