import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";

/**
 * Rebuilds the fed part of the library from every approved goal table of the region (set-based:
 * one statement). Uses and last years are cumulative over the years, so the whole region is
 * recomputed rather than one year added; curated entries keep finance's wording, retired ones stay.
 */
export async function rebuildIndicatorLibrary(deps: Deps, actor: Actor) {
  authorize(actor, "goal.configure");
  return deps.uow.transaction(async (repos) => {
    const result = await repos.indicatorLibrary.rebuild(actor.regionCode);
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "rebuild",
        entity: "indicator_library",
        entityId: actor.regionCode,
        after: result,
        reason: "按已批复的绩效目标表重建指标库",
      }),
    ]);
    return result;
  });
}
