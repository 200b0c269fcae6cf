/** 绩效运行监控表 as Excel: the workbook a unit fills offline, its import with a preview, the list's export. */

import type { z } from "zod";
import type * as workbook from "../../../../src/contracts/monitoring-workbook";
import { apiUrl, type Query, request } from "../client";

export type MonitoringImportResult = z.output<typeof workbook.MonitoringImportResult>;
/** What an import found in one sheet. */
export type MonitoringImportSheet = MonitoringImportResult["sheets"][number];

/** 下载填报表: a round's reports in scope (a department's or a unit's; finance names one). */
export const monitoringWorkbookUrl = (q: {
  roundId: number;
  departmentId?: number | undefined;
  unitId?: number | undefined;
}) => apiUrl("/monitoring/workbook.xlsx", { ...q });

/** The report list as Excel, with the list's query (filters and sort; no paging). */
export const monitoringReportsXlsxUrl = (q: { roundId: number } & Query) => apiUrl("/monitoring/reports.xlsx", q);

export function importMonitoringWorkbook(
  roundId: number,
  mode: "preview" | "commit",
  file: File,
): Promise<MonitoringImportResult> {
  const form = new FormData();
  form.append("file", file, file.name);
  return request<MonitoringImportResult>("/monitoring/workbook/import", {
    method: "POST",
    query: { roundId, mode },
    body: form,
  });
}

/** Every query of the monitoring pages starts with a key beginning "monitoring": all of them change on an import. */
export const isMonitoringQuery = (q: { queryKey: readonly unknown[] }) =>
  typeof q.queryKey[0] === "string" && q.queryKey[0].startsWith("monitoring");
