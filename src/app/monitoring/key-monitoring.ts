import { AppError } from "../../core/errors";
import { DEFAULT_LARGE_BUDGET_FEN, type KeyReason, rankKeyCandidates } from "../../core/monitoring/key-candidates";
import type { Light } from "../../core/monitoring/types";
import { drawKeyProjects, type KeyDrawParams, type KeyDrawStratify, replayKeyDraw } from "../../core/sampling/key-draw";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import { type Actor, cryptoEntropy, type Deps } from "../context";
import { dispatchSoon } from "../tasks/dispatch";
import { reportRows } from "./list-reports";
import { expectOpen, loadRound } from "./load-round";
import { monitoringRulesFor } from "./monitoring-rules";
import { issueKeyReports } from "./pick-key";

/** Last year's monitoring light of each subject code (its latest round), where there was one. */
async function pastLights(deps: Deps, actor: Actor, fiscalYear: number): Promise<Map<string, Light>> {
  const [latest] = await deps.uow.read.monitoring.rounds(actor.regionCode, fiscalYear - 1);
  if (!latest) return new Map();
  const { rows } = await reportRows(deps, actor, { roundId: latest.id });
  return new Map(rows.filter((r) => r.subjectKind === "project").map((r) => [r.code, r.light]));
}

/**
 * 财政重点监控候选: the round's projects ranked by why finance would watch them (execution lagging time by the
 * red line, a large budget, a poor light last year, the budget system's key flag). Past self-evaluation
 * grades join the ranking once that module records them.
 */
export async function listKeyCandidates(
  deps: Deps,
  actor: Actor,
  roundId: number,
  filter: { reason?: KeyReason | undefined; departmentId?: number | undefined; largeBudgetWan?: number | undefined },
) {
  const scope = authorize(actor, "monitoring.manage");
  const round = await loadRound(deps.uow.read, actor.regionCode, roundId);
  const [rules, candidates, lights] = await Promise.all([
    monitoringRulesFor(deps.uow.read, actor.regionCode, round.fiscalYear),
    deps.uow.read.monitoring.candidates(scope, roundId, { subjectKind: "project", departmentId: filter.departmentId }),
    pastLights(deps, actor, round.fiscalYear),
  ]);
  const byCode = new Map(candidates.map((c) => [c.code, c]));
  const largeBudgetFen =
    filter.largeBudgetWan === undefined ? DEFAULT_LARGE_BUDGET_FEN : Math.round(filter.largeBudgetWan * 1_000_000);
  const ranked = rankKeyCandidates(
    candidates.map((c) => ({
      projectId: c.id,
      code: c.code,
      name: c.name,
      departmentCode: c.department.code,
      departmentName: c.department.name,
      budget: c.budget,
      executed: c.executed,
      isKey: c.isKey,
      pastGrade: null,
      pastLight: lights.get(c.code) ?? null,
    })),
    { cutoffMonth: round.cutoffMonth, rules, largeBudgetFen },
  );
  return ranked
    .filter((k) => !filter.reason || k.reasons.includes(filter.reason))
    .map((k) => {
      const c = byCode.get(k.code)!;
      return {
        subjectKind: "project" as const,
        id: c.id,
        code: c.code,
        name: c.name,
        department: c.department,
        unit: c.unit,
        budget: c.budget,
        executed: c.executed,
        rate: k.executionRate,
        lagPoints: k.lagPoints,
        isKey: c.isKey,
        reasons: k.reasons,
        reasonText: k.reasonText,
        priority: k.priority,
        rank: k.rank,
        goalTableId: c.goalTableId,
        report: c.report && { id: c.report.id, kind: c.report.kind },
      };
    });
}

export interface KeyDrawRequest {
  count: number;
  forced: string[];
  excluded: string[];
  onlyWithReasons: KeyReason[];
  stratify: KeyDrawStratify;
  largeBudgetWan?: number | undefined;
}

/**
 * 抽取财政重点监控项目: a seeded, recorded draw (core/sampling/key-draw.ts) from the round's projects that can
 * be monitored (an approved goal table) and are not key-monitored yet, with their reasons as of now; the
 * seed is made by the server. The picks get key-monitoring reports and tasks in the same transaction. A
 * round is drawn once (DRAW_EXISTS); finance may still pick by hand.
 */
export async function drawKeyMonitoring(deps: Deps, actor: Actor, roundId: number, request: KeyDrawRequest) {
  authorize(actor, "monitoring.manage");
  const round = await loadRound(deps.uow.read, actor.regionCode, roundId);
  expectOpen(round);
  if (await deps.uow.read.monitoring.draw(actor.regionCode, roundId))
    throw new AppError("conflict", "DRAW_EXISTS", "本轮次已抽取过财政重点监控项目");
  const ranked = await listKeyCandidates(deps, actor, roundId, { largeBudgetWan: request.largeBudgetWan });
  const population = ranked
    .filter((c) => c.goalTableId !== null && c.report?.kind !== "key")
    .map((c) => ({
      code: c.code,
      name: c.name,
      departmentCode: c.department.code,
      budget: c.budget,
      reasons: c.reasons,
    }));
  const { seed, method } = (deps.entropy ?? cryptoEntropy).drawSeed();
  const params: KeyDrawParams = {
    year: round.fiscalYear,
    count: request.count,
    seed,
    seedMethod: method,
    forced: request.forced,
    excluded: request.excluded,
    onlyWithReasons: request.onlyWithReasons,
    stratify: request.stratify,
  };
  const record = drawKeyProjects(population, params);
  const ids = new Map(ranked.map((c) => [c.code, c.id]));
  const result = await deps.uow.transaction(async (repos) => {
    const id = await repos.monitoring.insertDraw(actor.regionCode, roundId, record, actor.userId);
    if (id === null) throw new AppError("conflict", "DRAW_EXISTS", "本轮次已抽取过财政重点监控项目");
    const issued = await issueKeyReports(
      repos,
      deps,
      actor,
      round,
      record.picks.map((p) => ({ subjectKind: "project" as const, id: ids.get(p.code)! })),
      "draw",
    );
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "draw",
        entity: "monitoring_draw",
        entityId: id,
        after: { roundId, params, picks: record.picks.map((p) => p.code) },
        reason: "财政重点监控抽取",
      }),
    ]);
    return { id, created: issued.created.length, converted: issued.converted.length };
  });
  await dispatchSoon(deps);
  const stored = (await deps.uow.read.monitoring.draw(actor.regionCode, roundId))!;
  return { ...presentDraw(stored), created: result.created, converted: result.converted };
}

const presentDraw = (d: NonNullable<Awaited<ReturnType<Deps["uow"]["read"]["monitoring"]["draw"]>>>) => ({
  id: d.id,
  roundId: d.roundId,
  algorithm: d.record.algorithm,
  params: d.record.params,
  populationSize: d.record.population.length,
  eligibleSize: d.record.eligibleSize,
  picks: d.record.picks,
  notes: d.record.notes,
  createdAt: d.createdAt,
  createdByName: d.createdByName,
});

/** A round's key draw, re-run from its record: the picks must be the same. */
export async function getKeyDraw(deps: Deps, actor: Actor, roundId: number) {
  // The record holds the whole region's population: "monitoring.oversee" is finance's and the auditor's.
  authorize(actor, "monitoring.oversee");
  await loadRound(deps.uow.read, actor.regionCode, roundId);
  const stored = await deps.uow.read.monitoring.draw(actor.regionCode, roundId);
  if (!stored) return { draw: null, replay: null };
  return { draw: presentDraw(stored), replay: replayKeyDraw(stored.record) };
}
