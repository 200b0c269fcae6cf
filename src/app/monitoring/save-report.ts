import { AppError, staleVersion } from "../../core/errors";
import type { ReportAnswers } from "../../core/monitoring/types";
import { checkReport, isSavable } from "../../core/monitoring/validate-report";
import { monitoringWorkflow } from "../../core/monitoring/workflow";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectState } from "../expect-state";
import { readReport } from "./get-report";
import { expectOpen } from "./load-round";
import { answersOf } from "./present-report";

/**
 * Saves a unit's answers as a draft. Wrong types (a number expected, an unknown likelihood or cause, markup,
 * text too long) are refused with every issue named and nothing written; what is only missing is kept for
 * the submission's check.
 */
export async function saveMonitoringReport(
  deps: Deps,
  actor: Actor,
  id: number,
  input: Omit<ReportAnswers, "items"> & {
    version: number;
    items: ({ uid: string } & ReportAnswers["items"][number]["answers"])[];
  },
) {
  authorize(actor, "monitoring.write");
  const { detail, rules, declarer } = await readReport(deps.uow.read, actor, id);
  expectOpen(detail.round);
  if (!monitoringWorkflow.isEditable(detail, actor.role, declarer))
    throw new AppError("conflict", "MONITORING_NOT_EDITABLE", "监控表只能由填报单位在填报中或被退回时修改");
  const expected = expectState(detail, input.version, "该监控表");
  // Items not sent keep their stored answers: a client may save part of a long form.
  const sent = new Map(input.items.map(({ uid, ...answers }) => [uid, answers]));
  const stored = answersOf(detail);
  const answers: ReportAnswers = {
    overallStatus: input.overallStatus,
    expectedYearEnd: input.expectedYearEnd,
    executionNote: input.executionNote,
    items: [
      ...stored.items.map((i) => ({ uid: i.uid, answers: sent.get(i.uid) ?? i.answers })),
      ...[...sent].filter(([uid]) => !stored.items.some((i) => i.uid === uid)).map(([uid, a]) => ({ uid, answers: a })),
    ],
  };
  const issues = checkReport(
    answers,
    { items: detail.items, execution: detail.execution, cutoffMonth: detail.round.cutoffMonth, rules },
    "draft",
  );
  if (!isSavable(issues)) {
    const first = issues.find((i) => i.blocks === "save")!;
    throw new AppError("validation", "MONITORING_REPORT_INVALID", first.message, {
      field: first.field,
      issues: issues.filter((i) => i.blocks === "save"),
    });
  }
  await deps.uow.transaction(async (repos) => {
    const locked = await repos.monitoring.lockState(actor.regionCode, id);
    if (!locked || locked.version !== expected.version || locked.status !== expected.status)
      throw staleVersion("该监控表");
    const version = await repos.monitoring.saveAnswers(actor.regionCode, id, expected.version, answers);
    if (version === null) throw staleVersion("该监控表");
    await repos.monitoring.followReports(actor.regionCode, [id], deps.clock.now());
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "update",
        entity: "monitoring_report",
        entityId: id,
        before: stored,
        after: answers,
      }),
    ]);
  });
  return (await readReport(deps.uow.read, actor, id)).view;
}
