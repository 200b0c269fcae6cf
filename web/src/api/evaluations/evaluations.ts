/** 绩效评价: department and key evaluations, their teams, the scoring sheets, finance's review and the firm's ledger. */

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as e from "../../../../src/contracts/evaluations";
import type { EvaluationSort } from "../../../../src/core/evaluations/list";
import type { EvaluationKind, EvaluationStatus } from "../../../../src/core/evaluations/workflow";
import { apiUrl, request } from "../client";

export type EvaluationRow = z.output<typeof e.EvaluationRow>;
export type EvaluationPage = ReplyOf<typeof e.listEvaluations>;
export type EvaluationDetail = z.output<typeof e.EvaluationDetail>;
export type EvaluationMember = EvaluationDetail["members"][number];
export type FrameworkRow = EvaluationDetail["framework"][number];
export type EvaluationScores = NonNullable<EvaluationDetail["scores"]>;
export type Expert = z.output<typeof e.Expert>;
export type ExpertPage = ReplyOf<typeof e.listExperts>;
export type TeamBody = BodyOf<typeof e.setEvaluationTeam>;
export type SheetBody = BodyOf<typeof e.saveSheet>;
export type OverrideBody = BodyOf<typeof e.overrideScore>;
export type ReviewEvaluationBody = BodyOf<typeof e.reviewEvaluation>;
export type ReportBody = BodyOf<typeof e.saveEvaluationReport>;
export type OpenDepartmentReply = ReplyOf<typeof e.openDepartmentEvaluation>;
export type FirmWorkBody = BodyOf<typeof e.recordFirmWork>;
export type FirmLedger = ReplyOf<typeof e.getFirmLedger>;
export type LedgerEntry = FirmLedger["firms"][number]["entries"][number];
export type EvaluationFiles = ReplyOf<typeof e.getEvaluationFiles>;
export type EvaluationFile = EvaluationFiles["files"][number];
export type EvaluationHistory = ReplyOf<typeof e.getEvaluationHistory>;

/** The list's filters as the page keeps them in its address (the year is the page's own). */
export interface EvaluationFilters {
  kind?: EvaluationKind | undefined;
  status?: EvaluationStatus | undefined;
  departmentId?: number | undefined;
  q?: string | undefined;
}

export interface EvaluationQuery extends EvaluationFilters {
  year: number;
  page: number;
  pageSize: number;
  sort?: EvaluationSort | undefined;
  order?: "asc" | "desc" | undefined;
}

/** Every evaluation query key starts with "evaluations", so that one invalidation refreshes every page. */
export const evaluationKeys = {
  all: ["evaluations"] as const,
  list: (q: EvaluationQuery) => ["evaluations", "list", q] as const,
  detail: (id: number) => ["evaluations", "one", id] as const,
  files: (id: number) => ["evaluations", "files", id] as const,
  history: (id: number) => ["evaluations", "history", id] as const,
  experts: ["evaluations", "experts"] as const,
  ledger: (year: number, firmId: number) => ["evaluations", "ledger", year, firmId] as const,
};

export const fetchEvaluations = (q: EvaluationQuery) => request<EvaluationPage>("/evaluations", { query: { ...q } });
export const fetchEvaluation = (id: number) => request<EvaluationDetail>(`/evaluations/${id}`);
export const createKeyEvaluation = (projectId: number) =>
  request<EvaluationDetail>("/evaluations/key", { method: "POST", body: { projectId } });
export const createDepartmentEvaluation = (projectId: number) =>
  request<EvaluationDetail>("/evaluations/department", { method: "POST", body: { projectId } });
export const openDepartmentEvaluation = (fiscalYear: number, dueOn: string) =>
  request<OpenDepartmentReply>("/evaluations/department/rounds", { method: "POST", body: { fiscalYear, dueOn } });
export const setEvaluationTeam = (id: number, body: TeamBody) =>
  request<EvaluationDetail>(`/evaluations/${id}/team`, { method: "PUT", body });
export const openScoring = (id: number, body: { version: number; dueOn: string }) =>
  request<EvaluationDetail>(`/evaluations/${id}/scoring`, { method: "POST", body });
export const saveSheet = (id: number, body: SheetBody) =>
  request<EvaluationDetail>(`/evaluations/${id}/sheet`, { method: "PUT", body });
export const submitSheet = (id: number, version: number) =>
  request<EvaluationDetail>(`/evaluations/${id}/sheet/submit`, { method: "POST", body: { version } });
export const overrideScore = (id: number, body: OverrideBody) =>
  request<EvaluationDetail>(`/evaluations/${id}/override`, { method: "PUT", body });
export const reviewEvaluation = (id: number, body: ReviewEvaluationBody) =>
  request<EvaluationDetail>(`/evaluations/${id}/actions`, { method: "POST", body });
export const saveReport = (id: number, body: ReportBody) =>
  request<EvaluationDetail>(`/evaluations/${id}/report`, { method: "PUT", body });
export const submitEvaluation = (id: number, version: number) =>
  request<EvaluationDetail>(`/evaluations/${id}/submit`, { method: "POST", body: { version } });
export const recordFirmWork = (id: number, body: FirmWorkBody) =>
  request<LedgerEntry>(`/evaluations/${id}/ledger`, { method: "PUT", body });
export const uploadEvaluationEvidence = (id: number, file: File) => {
  const form = new FormData();
  form.append("file", file);
  return request<EvaluationFile>("/attachments", {
    method: "POST",
    body: form,
    query: { entity: "evaluation", recordId: id },
  });
};
/** The report drafted from the data as Word (草稿 until final). */
export const evaluationReportDocxUrl = (id: number) => apiUrl(`/evaluations/${id}/report.docx`);
/** A final version of the report (.docx or .pdf), kept with the earlier ones. */
export const uploadEvaluationReport = (id: number, file: File) => {
  const form = new FormData();
  form.append("file", file);
  return request<EvaluationFile>("/attachments", {
    method: "POST",
    body: form,
    query: { entity: "evaluation_report", recordId: id },
  });
};
export const attachmentUrl = (fileId: number) => apiUrl(`/attachments/${fileId}`);
export const removeEvaluationEvidence = (fileId: number) =>
  request<void>(`/attachments/${fileId}`, { method: "DELETE" });

export const useEvaluations = (q: EvaluationQuery) =>
  useQuery({ queryKey: evaluationKeys.list(q), queryFn: () => fetchEvaluations(q), placeholderData: keepPreviousData });
export const useEvaluation = (id: number) =>
  useQuery({
    queryKey: evaluationKeys.detail(id),
    queryFn: () => fetchEvaluation(id),
    enabled: Number.isInteger(id) && id > 0,
  });
export const useEvaluationFiles = (id: number, enabled: boolean) =>
  useQuery({
    queryKey: evaluationKeys.files(id),
    queryFn: () => request<EvaluationFiles>(`/evaluations/${id}/files`),
    enabled,
  });
export const useEvaluationHistory = (id: number) =>
  useQuery({
    queryKey: evaluationKeys.history(id),
    queryFn: () => request<EvaluationHistory>(`/evaluations/${id}/history`),
  });
/** The active experts of the pool (finance forms teams from them); at most 200, the pool of a district. */
export const useActiveExperts = (enabled: boolean) =>
  useQuery({
    queryKey: evaluationKeys.experts,
    queryFn: () => request<ExpertPage>("/evaluations/experts", { query: { active: "true", pageSize: 200 } }),
    enabled,
  });
/** The firm's ledger entries of a year (to show and prefill this evaluation's entry). */
export const useFirmLedger = (year: number, firmId: number | null, enabled: boolean) =>
  useQuery({
    queryKey: evaluationKeys.ledger(year, firmId ?? 0),
    queryFn: () => request<FirmLedger>("/evaluations/ledger", { query: { year, firmId: firmId ?? undefined } }),
    enabled: enabled && firmId !== null,
  });
