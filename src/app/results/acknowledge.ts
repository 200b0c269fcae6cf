import { AppError } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { getAdjustment } from "./adjustments";

/**
 * 已阅: the unit marks its 预算调整告知 read; the task is done. Only the unit the line concerns does so (a
 * department or finance reading it leaves the unit's task open).
 */
export async function acknowledgeAdjustment(deps: Deps, actor: Actor, id: number) {
  authorize(actor, "results.read");
  const adj = await getAdjustment(deps, actor, id);
  if (actor.orgId !== adj.unitId)
    throw new AppError("forbidden", "RESULT_NOT_UNIT", "只有项目单位可以确认已阅本单位的预算调整告知");
  if (adj.taskId === null || adj.taskStatus !== "todo")
    throw new AppError("conflict", "STALE_VERSION", "该预算调整告知已确认或已关闭");
  await deps.uow.transaction(async (repos) => {
    if (!(await repos.results.acknowledge(actor.regionCode, adj.taskId!, deps.clock.now())))
      throw new AppError("conflict", "STALE_VERSION", "该预算调整告知刚被处理，请刷新后再试");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "acknowledge",
        entity: "result_adjustment",
        entityId: id,
        before: { taskStatus: "todo" },
        after: { taskStatus: "done" },
      }),
    ]);
  });
  return getAdjustment(deps, actor, id);
}
