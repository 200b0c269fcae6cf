/** 抽查复核: the sample, the firms and their conflicts, assignment, the re-scoring, the statistics and the files. */

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as r from "../../../../src/contracts/selfeval-review";
import type { SelfEvalSubjectKind } from "../../../../src/core/selfeval/form";
import {
  REVIEW_STATUSES,
  type ReviewBasis,
  type ReviewSort,
  type ReviewStatus,
} from "../../../../src/core/selfeval/review";
import { apiUrl, type Query, request } from "../client";

export type ReviewDrawData = ReplyOf<typeof r.getReviewDraw>;
export type ReviewDraw = z.output<typeof r.ReviewDrawView>;
export type ReviewDrawBody = BodyOf<typeof r.drawReviewSample>;
export type ReviewDrawReply = ReplyOf<typeof r.drawReviewSample>;
export type ReviewFirm = ReplyOf<typeof r.listReviewFirms>[number];
export type ReviewConflict = ReviewFirm["conflicts"][number];
export type ReviewConflictBody = BodyOf<typeof r.addReviewConflict>;
export type AssignBody = BodyOf<typeof r.assignReviews>;
export type AssignReply = ReplyOf<typeof r.assignReviews>;
export type ReviewRow = z.output<typeof r.ReviewRow>;
export type ReviewPage = ReplyOf<typeof r.listReviews>;
export type ReviewDetail = z.output<typeof r.ReviewDetail>;
export type ReviewDetailItem = ReviewDetail["items"][number];
export type ReviewSaveBody = BodyOf<typeof r.saveReview>;
export type ReviewActionBody = BodyOf<typeof r.actOnReview>;
export type ReviewStats = ReplyOf<typeof r.getReviewStats>;
export type GradeDistribution = ReviewStats["project"];

/** The list's filters as a page keeps them in its address (the year is the page's own). */
export interface ReviewFilters {
  status?: ReviewStatus | undefined;
  basis?: ReviewBasis | undefined;
  subjectKind?: SelfEvalSubjectKind | undefined;
  departmentId?: number | undefined;
  reviewerId?: number | undefined;
  q?: string | undefined;
  overrated?: boolean | undefined;
}

export interface ReviewQuery extends ReviewFilters {
  year: number;
  page: number;
  pageSize: number;
  sort?: ReviewSort | undefined;
  order?: "asc" | "desc" | undefined;
}

/** Every review query key starts with "review", so that one invalidation refreshes every page. */
export const reviewKeys = {
  all: ["review"] as const,
  draw: (year: number) => ["review", "draw", year] as const,
  firms: ["review", "firms"] as const,
  list: (q: ReviewQuery) => ["review", "items", q] as const,
  detail: (id: number) => ["review", "item", id] as const,
  stats: (year: number) => ["review", "stats", year] as const,
  counts: (year: number) => ["review", "counts", year] as const,
};

/** How many reviews of the year are in each status, and how many are department-wide. */
export type ReviewCounts = Record<ReviewStatus, number> & { all: number; deptWide: number };

export const drawReviewSample = (body: ReviewDrawBody) =>
  request<ReviewDrawReply>("/review/draws", { method: "POST", body });
export const addReviewConflict = (body: ReviewConflictBody) =>
  request<ReviewConflict>("/review/conflicts", { method: "POST", body });
export const removeReviewConflict = (id: number) => request<void>(`/review/conflicts/${id}`, { method: "DELETE" });
export const assignReviews = (body: AssignBody) =>
  request<AssignReply>("/review/assignments", { method: "POST", body });
export const fetchReviews = (q: ReviewQuery) => request<ReviewPage>("/review/items", { query: { ...q } });
export const saveReview = (id: number, body: ReviewSaveBody) =>
  request<ReviewDetail>(`/review/items/${id}`, { method: "PUT", body });
export const actOnReview = (id: number, body: ReviewActionBody) =>
  request<ReviewDetail>(`/review/items/${id}/actions`, { method: "POST", body });

/** 导出复核结果: the list as Excel with the filters and sort on screen, every row. */
export const reviewResultsXlsxUrl = (q: { year: number } & Query) => apiUrl("/review/items.xlsx", q);
/** 下载指导意见: one organisation's confirmed reviews as a Word letter. */
export const guidanceLetterUrl = (year: number, orgId: number) => apiUrl("/review/letter.docx", { year, orgId });

export const useReviewDraw = (year: number) =>
  useQuery({
    queryKey: reviewKeys.draw(year),
    queryFn: () => request<ReviewDrawData>("/review/draws", { query: { year } }),
  });
export const useReviewFirms = (enabled = true) =>
  useQuery({ queryKey: reviewKeys.firms, queryFn: () => request<ReviewFirm[]>("/review/firms"), enabled });
export const useReviews = (q: ReviewQuery, enabled = true) =>
  useQuery({
    queryKey: reviewKeys.list(q),
    queryFn: () => fetchReviews(q),
    placeholderData: keepPreviousData,
    enabled,
  });
export const useReview = (id: number) =>
  useQuery({
    queryKey: reviewKeys.detail(id),
    queryFn: () => request<ReviewDetail>(`/review/items/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
export const useReviewStats = (year: number) =>
  useQuery({
    queryKey: reviewKeys.stats(year),
    queryFn: () => request<ReviewStats>("/review/stats", { query: { year } }),
  });

/** The year's counts, each read as a one-row page of the list (the server scopes and counts). */
async function fetchReviewCounts(year: number): Promise<ReviewCounts> {
  const total = (f: ReviewFilters) => fetchReviews({ ...f, year, page: 1, pageSize: 1 }).then((p) => p.total);
  const [all, deptWide, ...byStatus] = await Promise.all([
    total({}),
    total({ subjectKind: "deptWide" }),
    ...REVIEW_STATUSES.map((status) => total({ status })),
  ]);
  return {
    all: all ?? 0,
    deptWide: deptWide ?? 0,
    ...(Object.fromEntries(REVIEW_STATUSES.map((s, i) => [s, byStatus[i] ?? 0])) as Record<ReviewStatus, number>),
  };
}

export const useReviewCounts = (year: number, enabled = true) =>
  useQuery({ queryKey: reviewKeys.counts(year), queryFn: () => fetchReviewCounts(year), enabled });
