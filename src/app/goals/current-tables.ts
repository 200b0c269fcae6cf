import type { Deps } from "../context";
import type { StoredGoalTable } from "./ports";

/**
 * Every current goal table of a region's year, as the region-wide checks read them (two set-based
 * queries), kept while the checks' stamp is unchanged: the lint and the rules' 试算 share one load,
 * and a finance clerk who previews several drafts of the rules pays for the load once.
 */
export async function currentGoalTables(
  deps: Deps,
  regionCode: string,
  fiscalYear: number,
  stamp?: string,
): Promise<StoredGoalTable[]> {
  const key = stamp ?? (await deps.uow.read.goals.checkStamp(regionCode, fiscalYear));
  return deps.uow.memo.remember(`goals.current:${regionCode}:${fiscalYear}`, key, () =>
    deps.uow.read.goals.listCurrent(regionCode, fiscalYear),
  );
}
