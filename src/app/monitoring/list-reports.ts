import type { ReportSort } from "../../core/monitoring/list";
import { LIGHTS, type Light } from "../../core/monitoring/types";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { loadRound } from "./load-round";
import { monitoringRulesFor } from "./monitoring-rules";
import type { ReportFilter } from "./ports";
import { presentReportRow, type ReportRow } from "./present-report";

const LIGHT_ORDER = Object.fromEntries(LIGHTS.map((l, i) => [l, i])) as Record<Light, number>;
const rateOf = (r: ReportRow) => (r.rate === null ? Number.NEGATIVE_INFINITY : Number(r.rate));

/** Orders by the chosen column, then by the department's order and code, so pages never repeat or skip a row. */
const COMPARE: Record<ReportSort, (a: ReportRow, b: ReportRow) => number> = {
  department: () => 0,
  code: (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  budget: (a, b) => a.budget - b.budget,
  rate: (a, b) => rateOf(a) - rateOf(b),
  light: (a, b) => LIGHT_ORDER[b.light] - LIGHT_ORDER[a.light],
  status: (a, b) => (a.status < b.status ? -1 : a.status > b.status ? 1 : 0),
  updatedAt: (a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0),
};

/**
 * The round's reports with their lights, for one page. Lights are computed from the execution and answers on
 * every read (never stored), so a filter or sort by light is applied after they are computed: the round's
 * rows in scope are read in one statement and filtered, sorted and paged here.
 */
export async function reportRows(deps: Deps, actor: Actor, filter: ReportFilter & { light?: Light | undefined }) {
  const scope = authorize(actor, "monitoring.read");
  const round = await loadRound(deps.uow.read, actor.regionCode, filter.roundId);
  const rules = await monitoringRulesFor(deps.uow.read, actor.regionCode, round.fiscalYear);
  const now = deps.clock.now();
  const rows = (await deps.uow.read.monitoring.figures(scope, filter)).map((f) =>
    presentReportRow(f, round, rules, now),
  );
  return { round, rules, rows: filter.light ? rows.filter((r) => r.light === filter.light) : rows };
}

/** The rows in the list's order; the repository's order (department, then code) breaks ties. */
export function sortReportRows(rows: readonly ReportRow[], sort: ReportSort, order: "asc" | "desc"): ReportRow[] {
  const sign = order === "desc" ? -1 : 1;
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => sign * COMPARE[sort](a.r, b.r) || a.i - b.i)
    .map((x) => x.r);
}

export async function listMonitoringReports(
  deps: Deps,
  actor: Actor,
  q: ReportFilter & {
    light?: Light | undefined;
    sort: ReportSort;
    order: "asc" | "desc";
    page: number;
    pageSize: number;
  },
) {
  const { rows } = await reportRows(deps, actor, q);
  const sorted = sortReportRows(rows, q.sort, q.order);
  const start = (q.page - 1) * q.pageSize;
  return { total: sorted.length, rows: sorted.slice(start, start + q.pageSize) };
}
