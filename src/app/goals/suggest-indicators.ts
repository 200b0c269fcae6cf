import { targetKey } from "../../core/goals/indicator-library";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { pastTargets } from "./past-targets";
import type { IndicatorSuggestion } from "./ports";

/**
 * "Projects like this one used …": 指标库 entries that are not retired, finance's curated ones (推荐)
 * first, then the most used, each with the targets approved tables set for it year by year. Without
 * a sector the same indicator of every sector is offered once.
 */
export async function suggestIndicators(
  deps: Deps,
  actor: Actor,
  q: { sector?: string | undefined; level2?: string | undefined; text?: string | undefined; limit: number },
): Promise<IndicatorSuggestion[]> {
  authorize(actor, "goal.read");
  const repos = deps.uow.read;
  const found = await repos.indicatorLibrary.suggest(actor.regionCode, {
    sector: q.sector || null,
    level2: q.level2 || null,
    text: q.text || null,
    limit: q.limit,
  });
  const history = await pastTargets(deps, actor.regionCode);
  return found.map((s) => {
    const h = history.get(targetKey(s));
    const targets = h?.years ?? [];
    return {
      ...s,
      years: targets.map((t) => t.fiscalYear).sort((a, b) => a - b),
      commonTarget: h?.overall?.commonTarget ?? "",
      minTarget: h?.overall?.minTarget ?? null,
      maxTarget: h?.overall?.maxTarget ?? null,
      targets,
      actuals: [],
    };
  });
}
