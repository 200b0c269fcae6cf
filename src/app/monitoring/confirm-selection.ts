import { notFound } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { dispatchSoon } from "../tasks/dispatch";
import { expectOpen, loadRound } from "./load-round";
import { expectDepartmentDesk } from "./select-subjects";

/** 确认选取: the department says it has chosen (its selection task is done); it may take that back while the round is open. */
export async function confirmMonitoringSelection(
  deps: Deps,
  actor: Actor,
  roundId: number,
  departmentId: number,
  confirmed: boolean,
) {
  const scope = authorize(actor, "monitoring.write");
  expectDepartmentDesk(actor, departmentId);
  const round = await loadRound(deps.uow.read, actor.regionCode, roundId);
  expectOpen(round);
  const selection = await deps.uow.transaction(async (repos) => {
    const now = deps.clock.now();
    const ok = await repos.monitoring.confirmSelection(
      actor.regionCode,
      roundId,
      departmentId,
      confirmed ? { at: now, by: actor.userId } : null,
    );
    if (!ok) throw notFound("部门监控选取", departmentId);
    const changes = await repos.monitoring.followSelections(actor.regionCode, roundId, [departmentId], now);
    await repos.outbox.add(
      actor.regionCode,
      changes
        .filter((c) => c.to === "done")
        .map((c) => ({
          kind: "approved" as const,
          taskId: c.taskId,
          orgIds: [c.orgId],
          title: "任务已完成",
          body: `${c.title}：已确认监控对象`,
          link: `/tasks/${c.taskId}`,
        })),
    );
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: confirmed ? "confirm" : "unconfirm",
        entity: "monitoring_selection",
        entityId: `${roundId}/${departmentId}`,
      }),
    ]);
    const all = await repos.monitoring.selections(scope, roundId);
    return all.find((s) => s.department.id === departmentId)!;
  });
  await dispatchSoon(deps);
  return selection;
}
