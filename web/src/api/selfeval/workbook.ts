/** 项目支出绩效自评表 as Excel: the workbook a unit fills offline, its import with a preview, the list's export. */

import type { z } from "zod";
import type * as w from "../../../../src/contracts/selfeval-workbook";
import { apiUrl, type Query, request } from "../client";

export type SelfEvalImportResult = z.output<typeof w.SelfEvalImportResult>;
/** What an import found in one sheet. */
export type SelfEvalImportSheet = SelfEvalImportResult["sheets"][number];

/** 下载自评表: the year's project forms in scope (a unit its own; finance names a department or a unit). */
export const selfEvalWorkbookUrl = (q: {
  year: number;
  departmentId?: number | undefined;
  unitId?: number | undefined;
}) => apiUrl("/selfeval/forms.xlsx", { ...q });

/** The form list as Excel, with the list's filters and sort (no paging). */
export const selfEvalListXlsxUrl = (q: { year: number } & Query) => apiUrl("/selfeval/forms/list.xlsx", q);

export function importSelfEvalWorkbook(
  year: number,
  mode: "preview" | "commit",
  file: File,
): Promise<SelfEvalImportResult> {
  const form = new FormData();
  form.append("file", file, file.name);
  return request<SelfEvalImportResult>("/selfeval/forms/import", { method: "POST", query: { year, mode }, body: form });
}
