import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { withTargets } from "./library-list";
import type { LibraryFilter, LibrarySort } from "./ports";

/** More rows than any region's library holds; the export says so if it is ever reached. */
export const LIBRARY_EXPORT_LIMIT = 20_000;

/** The filtered library, whole, for the Excel export. */
export async function exportLibrary(
  deps: Deps,
  actor: Actor,
  filter: LibraryFilter,
  sort: LibrarySort,
  order: "asc" | "desc",
) {
  authorize(actor, "goal.read");
  const repos = deps.uow.read;
  const entries = await repos.indicatorLibrary.listAll(actor.regionCode, filter, sort, order, LIBRARY_EXPORT_LIMIT);
  return {
    rows: await withTargets(deps, actor.regionCode, entries),
    truncated: entries.length >= LIBRARY_EXPORT_LIMIT,
  };
}
