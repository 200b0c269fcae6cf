import { dateInChina } from "../../core/calendar";
import { actionOverdue } from "../../core/monitoring/actions";
import { summariseRound } from "../../core/monitoring/summary";
import { LIGHTS, type Light } from "../../core/monitoring/types";
import { percent } from "../../core/percent";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { reportRows } from "./list-reports";
import { presentRound } from "./present-round";

const zeroLights = () => Object.fromEntries(LIGHTS.map((l) => [l, 0])) as Record<Light, number>;

/**
 * 监控概况: a round's tasks by kind and status, its lights and follow-up actions, and per department the
 * execution against time progress and the count of each light (the dashboard's chart).
 */
export async function getMonitoringRound(deps: Deps, actor: Actor, roundId: number) {
  const scope = authorize(actor, "monitoring.read");
  const { round, rules, rows } = await reportRows(deps, actor, { roundId });
  const actions = await deps.uow.read.monitoring.actionStates(scope, [roundId]);
  const today = dateInChina(deps.clock.now());
  const summary = summariseRound(
    rows.map((r) => ({ kind: r.kind, taskStatus: r.taskStatus ?? "todo", overdue: r.overdue, light: r.light })),
    actions.map((a) => ({ status: a.status, overdue: actionOverdue(a, today) })),
  );
  const byDept = new Map<
    number,
    {
      department: (typeof rows)[number]["department"];
      reports: number;
      budget: number;
      executed: number;
      lights: Record<Light, number>;
    }
  >();
  for (const r of rows) {
    const d = byDept.get(r.department.id) ?? {
      department: r.department,
      reports: 0,
      budget: 0,
      executed: 0,
      lights: zeroLights(),
    };
    d.reports += 1;
    d.budget += r.budget;
    d.executed += r.executed;
    d.lights[r.light] += 1;
    byDept.set(r.department.id, d);
  }
  return {
    round: presentRound(round),
    summary,
    departments: [...byDept.values()].map((d) => ({ ...d, rate: d.budget > 0 ? percent(d.executed, d.budget) : null })),
    rulesVersion: rules.version,
  };
}

/** The year's monitoring over all its rounds: what `jixiao monitoring summary` and the API report. */
export async function monitoringYearSummary(deps: Deps, actor: Actor, fiscalYear: number) {
  const scope = authorize(actor, "monitoring.read");
  const rounds = await deps.uow.read.monitoring.rounds(actor.regionCode, fiscalYear);
  const today = dateInChina(deps.clock.now());
  const reports = [];
  for (const round of rounds) reports.push(...(await reportRows(deps, actor, { roundId: round.id })).rows);
  const actions = await deps.uow.read.monitoring.actionStates(
    scope,
    rounds.map((r) => r.id),
  );
  const summary = summariseRound(
    reports.map((r) => ({ kind: r.kind, taskStatus: r.taskStatus ?? "todo", overdue: r.overdue, light: r.light })),
    actions.map((a) => ({ status: a.status, overdue: actionOverdue(a, today) })),
  );
  return { fiscalYear, rounds: rounds.length, ...summary };
}
