import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { presentPublication } from "./get";
import type { PublicationFilter, PublicationPaging } from "./ports";

/** The region's publications (finance and the auditor), filtered by year, kind, status and department, sorted and paged in SQL. */
export async function listPublications(deps: Deps, actor: Actor, filter: PublicationFilter, paging: PublicationPaging) {
  authorize(actor, "disclosure.read");
  const found = await deps.uow.read.disclosure.list(actor.regionCode, filter, paging);
  return { total: found.total, rows: found.rows.map(presentPublication) };
}
