import type { ReportSort } from "../../core/monitoring/list";
import type { Light } from "../../core/monitoring/types";
import type { Actor, Deps } from "../context";
import { reportRows, sortReportRows } from "./list-reports";
import type { ReportFilter } from "./ports";

/**
 * 导出列表: the round's reports as the list shows them (same filters, lights and order), every row, for
 * an Excel file. Lights are computed on read, as in the list.
 */
export async function exportMonitoringReportList(
  deps: Deps,
  actor: Actor,
  q: ReportFilter & { light?: Light | undefined; sort?: ReportSort; order?: "asc" | "desc" },
) {
  const { round, rules, rows } = await reportRows(deps, actor, q);
  return {
    round,
    rulesVersion: rules.version,
    fileName: `监控表列表_${round.fiscalYear}年截至${round.cutoffMonth}月.xlsx`,
    rows: sortReportRows(rows, q.sort ?? "department", q.order ?? "asc"),
  };
}

export type MonitoringListExport = Awaited<ReturnType<typeof exportMonitoringReportList>>;
