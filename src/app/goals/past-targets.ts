import type { Deps } from "../context";
import type { TargetHistory } from "./ports";

/**
 * The targets approved tables set for every library indicator, year by year (keyed by `targetKey`),
 * computed for the whole library at once and kept while none of what they read changes (the region's
 * goal tables, library, projects and organisations): a page of the library or a suggestion list is
 * then a lookup, not a scan of every year's approved tables.
 */
export async function pastTargets(deps: Deps, regionCode: string): Promise<Map<string, TargetHistory>> {
  const repos = deps.uow.read.indicatorLibrary;
  const stamp = await repos.targetStamp(regionCode);
  return deps.uow.memo.remember(`goals.targets:${regionCode}`, stamp, async () =>
    repos.targetHistory(regionCode, await repos.targetKeys(regionCode)),
  );
}
