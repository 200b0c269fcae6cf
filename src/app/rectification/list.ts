import { dateInChina } from "../../core/calendar";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { presentItem } from "./get-item";
import { presentNotice } from "./get-notice";
import type { RectificationFilter, RectificationPaging } from "./ports";

/** 整改通知 in the actor's scope: by year, item status, unit, department, source, overdue; paged and sorted. */
export async function listRectificationNotices(
  deps: Deps,
  actor: Actor,
  filter: RectificationFilter,
  paging: RectificationPaging,
) {
  const scope = authorize(actor, "rectification.read");
  const today = dateInChina(deps.clock.now());
  const found = await deps.uow.read.rectification.listNotices(scope, filter, today, paging);
  return { total: found.total, rows: found.rows.map(presentNotice) };
}

/** 整改事项 in the actor's scope, with the same filters: the list the Excel export writes. */
export async function listRectificationItems(
  deps: Deps,
  actor: Actor,
  filter: RectificationFilter,
  paging: RectificationPaging,
) {
  const scope = authorize(actor, "rectification.read");
  const today = dateInChina(deps.clock.now());
  const found = await deps.uow.read.rectification.listItems(scope, filter, today, paging);
  return { total: found.total, rows: found.rows.map((i) => presentItem(i, actor, today)) };
}
