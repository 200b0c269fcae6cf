/** 信息公开: publications, their versions, the figures check and the workflow (draft, submit, approve, correct). */

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as m from "../../../../src/contracts/disclosure";
import type { PublicationKind, VersionStatus } from "../../../../src/core/disclosure/types";
import { request } from "../client";

export type PublicationPage = ReplyOf<typeof m.listPublications>;
export type PublicationRow = PublicationPage["rows"][number];
export type PublicationDetail = ReplyOf<typeof m.getPublication>;
export type PublicationVersion = PublicationDetail["versions"][number];
export type PublicationCheck = ReplyOf<typeof m.checkPublication>;
export type FigureFinding = PublicationCheck["findings"][number];
export type PublicationApprover = ReplyOf<typeof m.listApprovers>[number];
export type PrepareBody = BodyOf<typeof m.preparePublication>;
export type DraftBody = BodyOf<typeof m.editPublicationDraft>;
export type SubmitBody = BodyOf<typeof m.submitPublication>;
export type ApproveBody = BodyOf<typeof m.approvePublication>;
export type ReturnBody = BodyOf<typeof m.returnPublication>;

export type PublicationSort = "fiscalYear" | "kind" | "title" | "updatedAt" | "publishedAt";
export const PUBLICATION_SORTS: readonly PublicationSort[] = [
  "fiscalYear",
  "kind",
  "title",
  "updatedAt",
  "publishedAt",
];

/** The list's filters as the page keeps them in its address. */
export interface PublicationFilters {
  year?: number | undefined;
  kind?: PublicationKind | undefined;
  status?: VersionStatus | undefined;
}

/** Every key starts with "disclosure", so that one invalidation refreshes every page. */
export const disclosureKeys = {
  all: ["disclosure"] as const,
  list: (f: PublicationFilters, sort: string | undefined, order: string | undefined, page: number, pageSize: number) =>
    ["disclosure", "list", f, sort, order, page, pageSize] as const,
  one: (id: number) => ["disclosure", "one", id] as const,
  approvers: ["disclosure", "approvers"] as const,
};

const BASE = "/disclosure/publications";

export const fetchPublications = (
  f: PublicationFilters,
  sort: string | undefined,
  order: string | undefined,
  page: number,
  pageSize: number,
) => request<PublicationPage>(BASE, { query: { ...f, sort, order, page, pageSize } });
export const fetchPublication = (id: number) => request<PublicationDetail>(`${BASE}/${id}`);
export const checkPublication = (id: number) => request<PublicationCheck>(`${BASE}/${id}/check`);
export const fetchApprovers = () => request<PublicationApprover[]>("/disclosure/approvers");

export const preparePublication = (body: PrepareBody) => request<PublicationDetail>(BASE, { method: "POST", body });
export const editPublicationDraft = (id: number, body: DraftBody) =>
  request<PublicationDetail>(`${BASE}/${id}/draft`, { method: "PUT", body });
export const refreshPublication = (id: number, version: number) =>
  request<PublicationDetail>(`${BASE}/${id}/refresh`, { method: "POST", body: { version } });
export const submitPublication = (id: number, body: SubmitBody) =>
  request<PublicationDetail>(`${BASE}/${id}/submit`, { method: "POST", body });
export const approvePublication = (id: number, body: ApproveBody) =>
  request<PublicationDetail>(`${BASE}/${id}/approve`, { method: "POST", body });
export const returnPublication = (id: number, body: ReturnBody) =>
  request<PublicationDetail>(`${BASE}/${id}/return`, { method: "POST", body });
export const startCorrection = (id: number, version: number) =>
  request<PublicationDetail>(`${BASE}/${id}/corrections`, { method: "POST", body: { version } });

/** The public portal's page of a publication (served outside the app, no account needed). */
export const publicPageUrl = (regionCode: string, id: number) => `/public/${regionCode}/p/${id}`;

export const usePublications = (
  f: PublicationFilters,
  sort: string | undefined,
  order: string | undefined,
  page: number,
  pageSize: number,
) =>
  useQuery({
    queryKey: disclosureKeys.list(f, sort, order, page, pageSize),
    queryFn: () => fetchPublications(f, sort, order, page, pageSize),
    placeholderData: keepPreviousData,
  });
export const usePublication = (id: number) =>
  useQuery({ queryKey: disclosureKeys.one(id), queryFn: () => fetchPublication(id) });
export const useApprovers = (enabled: boolean) =>
  useQuery({ queryKey: disclosureKeys.approvers, queryFn: fetchApprovers, enabled });
