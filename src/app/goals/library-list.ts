import { targetKey } from "../../core/goals/indicator-library";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { Paging } from "../ports";
import { pastTargets } from "./past-targets";
import type { IndicatorLibraryEntry, LibraryFilter, LibrarySort, PastActuals, PastTargets } from "./ports";

export interface LibraryRow extends IndicatorLibraryEntry {
  /** Targets approved tables set for it, per fiscal year, newest first. */
  targets: PastTargets[];
  /** Results from self-evaluation per year (a later module): empty for now. */
  actuals: PastActuals[];
}

/** Entries with their past targets (kept for the whole library, past-targets.ts). */
export async function withTargets(
  deps: Deps,
  regionCode: string,
  entries: IndicatorLibraryEntry[],
): Promise<LibraryRow[]> {
  const history = await pastTargets(deps, regionCode);
  return entries.map((e) => ({ ...e, targets: history.get(targetKey(e))?.years ?? [], actuals: [] }));
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
    rows: await withTargets(deps, actor.regionCode, page.rows),
    sectors,
  };
}
