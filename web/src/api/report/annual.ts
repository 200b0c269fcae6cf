/** 年度工作报告: drafted from the data (the default template or finance's edited text), its check and its Word file. */

import { useQuery } from "@tanstack/react-query";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as m from "../../../../src/contracts/report";
import { apiUrl, errorFromResponse, request } from "../client";

export type AnnualReport = ReplyOf<typeof m.getAnnualReport>;
export type ReportTemplate = BodyOf<typeof m.draftAnnualReport>["template"];
export type ReportSectionText = ReportTemplate["sections"][number];
export type ReportDocument = AnnualReport["document"];
export type ReportBlock = ReportDocument["blocks"][number];
export type ReportRun = ReportBlock["runs"][number];
export type ReportFigure = AnnualReport["figures"][number];
export type ReportFinding = AnnualReport["findings"][number];

export const reportKeys = {
  all: ["report"] as const,
  annual: (year: number) => ["report", "annual", year] as const,
};

export const fetchAnnualReport = (year: number) => request<AnnualReport>("/report/annual", { query: { year } });

/** The report drafted from an edited template: the same answer as the default one, or 400 naming the section. */
export const draftAnnualReport = (fiscalYear: number, template: ReportTemplate) =>
  request<AnnualReport>("/report/annual/draft", { method: "POST", body: { fiscalYear, template } });

/** The default template's Word file, as a plain link. */
export const annualReportDocxUrl = (year: number) => apiUrl("/report/annual.docx", { year });

/** The Word file of an edited template (a POST: the text travels in the body). */
export async function annualReportDocx(fiscalYear: number, template: ReportTemplate): Promise<Blob> {
  const res = await fetch(apiUrl("/report/annual/docx"), {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Requested-With": "jixiao" },
    body: JSON.stringify({ fiscalYear, template }),
    credentials: "same-origin",
  });
  if (!res.ok) throw await errorFromResponse(res);
  return res.blob();
}

/**
 * The year's report with the default template. It reads every module's summary: kept a while rather than
 * refetched on focus (a clerk switching tabs to check a figure comes back to the same page).
 */
export const useAnnualReport = (year: number) =>
  useQuery({
    queryKey: reportKeys.annual(year),
    queryFn: () => fetchAnnualReport(year),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
