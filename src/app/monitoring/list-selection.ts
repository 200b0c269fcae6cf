import { percent } from "../../core/percent";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { loadRound } from "./load-round";
import type { CandidateFilter } from "./ports";
import { presentRound } from "./present-round";

/** A year's rounds, and the last month with imported execution (N should not be past it). */
export async function listMonitoringRounds(deps: Deps, actor: Actor, fiscalYear: number) {
  authorize(actor, "monitoring.read");
  const [rounds, executionMonths] = await Promise.all([
    deps.uow.read.monitoring.rounds(actor.regionCode, fiscalYear),
    deps.uow.read.monitoring.executionMonths(actor.regionCode, fiscalYear),
  ]);
  return { rounds: rounds.map(presentRound), executionMonths };
}

/** Each department's choice in a round (a department sees its own). */
export async function listMonitoringSelections(deps: Deps, actor: Actor, roundId: number) {
  const scope = authorize(actor, "monitoring.read");
  await loadRound(deps.uow.read, actor.regionCode, roundId);
  return deps.uow.read.monitoring.selections(scope, roundId);
}

/** What may be monitored in a round, within the actor's scope, with its execution to N and whether it is chosen. */
export async function listMonitoringCandidates(deps: Deps, actor: Actor, roundId: number, filter: CandidateFilter) {
  const scope = authorize(actor, "monitoring.write");
  await loadRound(deps.uow.read, actor.regionCode, roundId);
  const found = await deps.uow.read.monitoring.candidates(scope, roundId, filter);
  return found.map((c) => ({ ...c, rate: c.budget > 0 ? percent(c.executed, c.budget) : null }));
}
