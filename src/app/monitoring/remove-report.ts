import { AppError, notFound } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectOpen } from "./load-round";
import { expectDepartmentDesk } from "./select-subjects";

/**
 * 撤销选取: a subject chosen by mistake is taken out again, with its task, while its report is untouched
 * (never saved or submitted). A key-monitoring report is finance's to take out.
 */
export async function removeMonitoringReport(deps: Deps, actor: Actor, id: number) {
  const scope = authorize(actor, "monitoring.write");
  const report = await deps.uow.read.monitoring.detail(scope, id);
  if (!report) throw notFound("监控表", id);
  expectDepartmentDesk(actor, report.department.id);
  if (report.kind === "key" && actor.role === "department")
    throw new AppError("forbidden", "MONITORING_ROLE_NOT_ALLOWED", "财政重点监控对象由财政选取和撤销");
  expectOpen(report.round);
  await deps.uow.transaction(async (repos) => {
    const removed = await repos.monitoring.removeUntouched(actor.regionCode, [id]);
    if (removed.length === 0)
      throw new AppError("conflict", "MONITORING_NOT_EDITABLE", "该监控表已开始填报，不能撤销选取");
    await repos.monitoring.followSelections(
      actor.regionCode,
      report.round.id,
      [report.department.id],
      deps.clock.now(),
    );
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "unselect",
        entity: "monitoring_report",
        entityId: id,
        before: { roundId: report.round.id, kind: report.kind, code: report.code, name: report.name },
      }),
    ]);
  });
}
