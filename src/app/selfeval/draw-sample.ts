import { AppError } from "../../core/errors";
import type { Fen } from "../../core/money";
import { defaultPlan } from "../../core/plan/phases";
import { drawReview, type ReviewDrawResult, replayReviewDraw } from "../../core/sampling/review-draw";
import type { ReviewBasis } from "../../core/selfeval/review";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import { type Actor, cryptoEntropy, type Deps } from "../context";
import type { StoredReviewDraw } from "./review-ports";

export interface SampleRequest {
  fiscalYear: number;
  count: number;
  forced: string[];
  excluded: string[];
  stratify: { department: boolean; budget: boolean };
  budgetBands?: Fen[] | undefined;
  includeDeptWide: boolean;
}

const present = (d: StoredReviewDraw) => {
  const r = d.record as ReviewDrawResult;
  return {
    id: d.id,
    fiscalYear: d.fiscalYear,
    algorithm: r.algorithm,
    params: r.params as unknown as Record<string, unknown>,
    populationSize: r.population.length,
    eligibleSize: r.eligibleSize,
    strata: r.strata,
    picks: r.picks,
    notes: r.notes,
    createdAt: d.createdAt,
    createdByName: d.createdByName,
  };
};

/**
 * 抽取复核样本 (domain.md §7): the population is every project self-evaluation finance approved this year,
 * with its budget as submitted; the draw (core/sampling/review-draw.ts, stratified by department and budget
 * size, forced picks and exclusions recorded) runs on a seed the server makes once the population is
 * fixed, and is recorded whole so anyone can re-run it. The drawn projects, and every department-wide
 * self-evaluation when asked, are taken into the review. A year is drawn once (409 REVIEW_DRAW_EXISTS).
 */
export async function drawReviewSample(deps: Deps, actor: Actor, input: SampleRequest) {
  authorize(actor, "review.manage");
  const repos = deps.uow.read;
  const population = await repos.selfevalReviews.population(actor.regionCode, input.fiscalYear);
  if (population.length === 0)
    throw new AppError(
      "validation",
      "REVIEW_NOTHING_TO_DRAW",
      `${input.fiscalYear}年度还没有财政已审核的项目自评表，无法抽取`,
    );
  if (await repos.selfevalReviews.draw(actor.regionCode, input.fiscalYear))
    throw new AppError("conflict", "REVIEW_DRAW_EXISTS", `${input.fiscalYear}年度已抽取复核样本，不能重抽`);
  const { seed, method } = (deps.entropy ?? cryptoEntropy).drawSeed();
  const result = drawReview(
    population.map((p) => ({ code: p.code, name: p.name, departmentCode: p.departmentCode, budget: p.budget })),
    {
      year: input.fiscalYear,
      count: input.count,
      seed,
      seedMethod: method,
      forced: input.forced,
      excluded: input.excluded,
      stratify: input.stratify,
      ...(input.budgetBands ? { budgetBands: input.budgetBands } : {}),
    },
  );
  const formOf = new Map(population.map((p) => [p.code, p.formId]));
  const deptWide = input.includeDeptWide
    ? await repos.selfevalReviews.deptWideForms(actor.regionCode, input.fiscalYear)
    : [];
  const entries: { formId: number; basis: ReviewBasis }[] = [
    ...deptWide.map((f) => ({ formId: f.formId, basis: "deptWide" as const })),
    ...result.picks.map((p) => ({ formId: formOf.get(p.code)!, basis: p.reason })),
  ];
  const created = await deps.uow.transaction(async (tx) => {
    const id = await tx.selfevalReviews.insertDraw(
      actor.regionCode,
      input.fiscalYear,
      result.algorithm,
      result,
      actor.userId,
    );
    if (id === null)
      throw new AppError("conflict", "REVIEW_DRAW_EXISTS", `${input.fiscalYear}年度已抽取复核样本，不能重抽`);
    const ids = await tx.selfevalReviews.insertReviews(actor.regionCode, input.fiscalYear, entries);
    const plan =
      (await tx.plans.get(actor.regionCode, input.fiscalYear)) ??
      (await tx.plans.insert(actor.regionCode, input.fiscalYear, defaultPlan(input.fiscalYear))) ??
      (await tx.plans.get(actor.regionCode, input.fiscalYear))!;
    const phase = plan.phases.find((p) => p.phase === "spot_check");
    await tx.plans.markOpened(
      actor.regionCode,
      plan.id,
      "spot_check",
      phase?.dueOn ?? phase?.endsOn ?? `${input.fiscalYear + 1}-12-31`,
      deps.clock.now(),
      actor.userId,
    );
    await tx.audit.append([
      auditEntry(actor, deps.clock, {
        action: "draw",
        entity: "selfeval_draw",
        entityId: id,
        after: { params: result.params, picks: result.picks.map((p) => p.code), deptWide: deptWide.length },
        reason: "自评抽查复核抽样",
      }),
    ]);
    return ids.length;
  });
  const stored = (await deps.uow.read.selfevalReviews.draw(actor.regionCode, input.fiscalYear))!;
  return { draw: present(stored), reviews: created };
}

/** The year's draw with a re-run of it from its record, and what a draw would have now. */
export async function getReviewDraw(deps: Deps, actor: Actor, fiscalYear: number) {
  authorize(actor, "review.manage");
  const repos = deps.uow.read;
  const [stored, population, deptWide] = await Promise.all([
    repos.selfevalReviews.draw(actor.regionCode, fiscalYear),
    repos.selfevalReviews.population(actor.regionCode, fiscalYear),
    repos.selfevalReviews.deptWideForms(actor.regionCode, fiscalYear),
  ]);
  return {
    draw: stored && present(stored),
    replay: stored && replayReviewDraw(stored.record as ReviewDrawResult),
    population: population.length,
    deptWide: deptWide.length,
  };
}
