import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";

/** "Projects like this one used …": indicators from approved tables of the same sector (指标库 suggestions). */
export async function suggestIndicators(
  deps: Deps,
  actor: Actor,
  q: { sector?: string | undefined; level2?: string | undefined; text?: string | undefined; limit: number },
) {
  authorize(actor, "goal.read");
  return deps.uow.read.goals.suggest(actor.regionCode, {
    sector: q.sector || null,
    level2: q.level2 || null,
    text: q.text || null,
    limit: q.limit,
  });
}
