import { notFound } from "../../core/errors";
import { monitoringDeclarerOf } from "../../core/monitoring/workflow";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { Repos } from "../ports";
import { monitoringRulesFor } from "./monitoring-rules";
import { presentReport } from "./present-report";

/** Reads a report in the actor's scope and presents it with the year's rules. */
export async function readReport(repos: Repos, actor: Actor, id: number) {
  const scope = authorize(actor, "monitoring.read");
  const detail = await repos.monitoring.detail(scope, id);
  if (!detail) throw notFound("监控表", id);
  const rules = await monitoringRulesFor(repos, actor.regionCode, detail.round.fiscalYear);
  const declarer = monitoringDeclarerOf({
    subjectKind: detail.subjectKind,
    unitId: detail.unit.id,
    departmentId: detail.department.id,
  });
  return { detail, rules, declarer, view: presentReport(detail, rules, actor, declarer) };
}

/** 监控表: the prefilled execution and goals, the answers, the light and the checks. */
export async function getMonitoringReport(deps: Deps, actor: Actor, id: number) {
  return (await readReport(deps.uow.read, actor, id)).view;
}
