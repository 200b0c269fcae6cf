import { dateInChina } from "../../core/calendar";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { ActionFilter, ActionSort } from "./action-ports";
import { presentAction } from "./get-action";

/** 跟进措施 in the actor's scope: by round, department, status, kind, overdue, text; paged and sorted. */
export async function listMonitoringActions(
  deps: Deps,
  actor: Actor,
  filter: ActionFilter,
  paging: { sort: ActionSort; order: "asc" | "desc"; page: number; pageSize: number },
) {
  const scope = authorize(actor, "monitoring.read");
  const today = dateInChina(deps.clock.now());
  const found = await deps.uow.read.monitoringActions.list(scope, filter, today, paging);
  return { total: found.total, rows: found.rows.map((a) => presentAction(a, actor, today)) };
}
