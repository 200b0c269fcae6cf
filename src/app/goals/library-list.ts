import { libraryKey } from "../../core/goals/indicator-library";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type {
  IndicatorLibraryEntry,
  LibraryFilter,
  LibrarySort,
  Paging,
  PastActuals,
  PastTargets,
  Repos,
} from "../ports";

export interface LibraryRow extends IndicatorLibraryEntry {
  /** Targets approved tables set for it, per fiscal year, newest first. */
  targets: PastTargets[];
  /** Results from self-evaluation per year (a later module): empty for now. */
  actuals: PastActuals[];
}

/** Entries with their past targets: one query for all of them. */
export async function withTargets(
  repos: Repos,
  regionCode: string,
  entries: IndicatorLibraryEntry[],
): Promise<LibraryRow[]> {
  const history = await repos.indicatorLibrary.targetHistory(regionCode, entries);
  return entries.map((e) => ({ ...e, targets: history.get(libraryKey(e))?.years ?? [], actuals: [] }));
}

/** 指标库 as everyone may read it: filtered, sorted and paged, with each entry's past targets. */
export async function listLibrary(deps: Deps, actor: Actor, filter: LibraryFilter, paging: Paging<LibrarySort>) {
  authorize(actor, "goal.read");
  const repos = deps.uow.read;
  const [page, sectors] = await Promise.all([
    repos.indicatorLibrary.list(actor.regionCode, filter, paging),
    repos.indicatorLibrary.sectors(actor.regionCode),
  ]);
  return {
    total: page.total,
    page: paging.page,
    pageSize: paging.pageSize,
    rows: await withTargets(repos, actor.regionCode, page.rows),
    sectors,
  };
}
