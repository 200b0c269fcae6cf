import { AppError, notFound } from "../../core/errors";
import {
  drawExists,
  drawRolling,
  type RollingDrawParams,
  replayDraw,
  validateDrawParams,
} from "../../core/sampling/rolling-draw";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import { type Actor, cryptoEntropy, type Deps } from "../context";

export type DrawRequest = Omit<RollingDrawParams, "seed" | "seedMethod">;

/**
 * 滚动抽取: draws this year's departments for the on-site joint review of goal tables from the
 * region's departments and their review history, and records population, parameters and result so
 * anyone can re-run it. The seed is made here, once the population is fixed (deps.entropy), and
 * recorded with how it was made. Bad parameters are refused with a message per field; nothing is
 * written. A year is drawn once: a second draw, even a concurrent one, is refused (DRAW_EXISTS).
 */
export async function drawReview(deps: Deps, actor: Actor, request: DrawRequest) {
  authorize(actor, "goal.review");
  const population = await deps.uow.read.reviews.population(actor.regionCode);
  const { seed, method } = (deps.entropy ?? cryptoEntropy).drawSeed();
  const params: RollingDrawParams = { ...request, seed, seedMethod: method };
  const issues = validateDrawParams(population, params);
  if (issues.length > 0) {
    throw new AppError("validation", "DRAW_PARAMS_INVALID", issues.map((i) => i.message).join("；"), { issues });
  }
  if ((await deps.uow.read.reviews.draws(actor.regionCode, params.year)).length > 0) throw drawExists(params.year);
  const result = drawRolling(population, params);
  return deps.uow.transaction(async (repos) => {
    const id = await repos.reviews.insertDraw(
      actor.regionCode,
      { fiscalYear: params.year, algorithm: result.algorithm, params, population, result },
      actor.userId,
    );
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "draw",
        entity: "review_draw",
        entityId: id,
        after: { params, picks: result.picks.map((p) => p.code) },
        reason: "目标现场会审滚动抽取",
      }),
    ]);
    return { id, ...result };
  });
}

/** The population a new draw would use now: every department with the years it was reviewed. */
export async function reviewPopulation(deps: Deps, actor: Actor) {
  authorize(actor, "goal.lint");
  return deps.uow.read.reviews.population(actor.regionCode);
}

export async function listReviewDraws(deps: Deps, actor: Actor, fiscalYear?: number) {
  authorize(actor, "goal.lint");
  return deps.uow.read.reviews.draws(actor.regionCode, fiscalYear);
}

/** Re-runs a recorded draw from its stored population and parameters: the picks must be the same. */
export async function replayReviewDraw(deps: Deps, actor: Actor, id: number) {
  authorize(actor, "goal.lint");
  const draw = await deps.uow.read.reviews.draw(actor.regionCode, id);
  if (!draw) throw notFound("抽取记录", id);
  return { id, ...replayDraw({ population: draw.population, result: draw.result }) };
}
