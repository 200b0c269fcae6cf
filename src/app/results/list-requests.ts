import { notFound } from "../../core/errors";
import type { RequestSort } from "../../core/results/requests";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { Paging } from "../ports";
import { wholeForExport } from "./export-limit";
import type { BudgetRequestFilter } from "./requests-ports";

/** At most this many requests go into one export (a district has a few thousand projects). */
export const MAX_REQUEST_EXPORT = 5_000;

/**
 * 下年度预算申请 of a budget year the actor may see (finance and the auditor the region, a department its
 * subtree, a unit its own projects), filtered, sorted and paged, with the sum of what matches.
 */
export async function listBudgetRequests(
  deps: Deps,
  actor: Actor,
  filter: BudgetRequestFilter,
  paging: Paging<RequestSort>,
) {
  const scope = authorize(actor, "results.read");
  return deps.uow.read.budgetRequests.list(scope, filter, paging);
}

/** Every request of the filter for the Excel file, in the list's order; more than one file holds is refused. */
export async function exportBudgetRequests(
  deps: Deps,
  actor: Actor,
  filter: BudgetRequestFilter,
  sort: Omit<Paging<RequestSort>, "page" | "pageSize">,
) {
  const found = await listBudgetRequests(deps, actor, filter, { ...sort, page: 1, pageSize: MAX_REQUEST_EXPORT });
  return wholeForExport(found, MAX_REQUEST_EXPORT, "预算申请");
}

/** One request, if the actor may see it. */
export async function getBudgetRequest(deps: Deps, actor: Actor, id: number) {
  const scope = authorize(actor, "results.read");
  const found = await deps.uow.read.budgetRequests.get(scope, id);
  if (!found) throw notFound("预算申请", id);
  return found;
}
