/** 下年度预算申请: the list, its export and finance's hand entries. */

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as r from "../../../../src/contracts/results-requests";
import type { RequestSort } from "../../../../src/core/results/requests";
import { apiUrl, request } from "../client";

export type BudgetRequestRow = z.output<typeof r.BudgetRequestRow>;
export type BudgetRequestPage = ReplyOf<typeof r.listBudgetRequests>;
export type NewBudgetRequestBody = BodyOf<typeof r.createBudgetRequest>;
export type BudgetRequestPatch = BodyOf<typeof r.updateBudgetRequest>;

/** The list's filters as the page keeps them in its address (the budget year follows the page's year). */
export interface BudgetRequestFilters {
  departmentId?: number | undefined;
  rigid?: boolean | undefined;
  q?: string | undefined;
}

export interface BudgetRequestQuery extends BudgetRequestFilters {
  budgetYear: number;
  page: number;
  pageSize: number;
  sort?: RequestSort | undefined;
  order?: "asc" | "desc" | undefined;
}

/** Every request query key starts with "budget-requests", so that one invalidation refreshes the list. */
export const budgetRequestKeys = {
  all: ["budget-requests"] as const,
  list: (q: BudgetRequestQuery) => ["budget-requests", "list", q] as const,
};

export const fetchBudgetRequests = (q: BudgetRequestQuery) =>
  request<BudgetRequestPage>("/results/requests", { query: { ...q } });

export const useBudgetRequests = (q: BudgetRequestQuery) =>
  useQuery({
    queryKey: budgetRequestKeys.list(q),
    queryFn: () => fetchBudgetRequests(q),
    placeholderData: keepPreviousData,
  });

/** The Excel export with the list's filters and sort, without paging. */
export const budgetRequestsExportUrl = (q: Omit<BudgetRequestQuery, "page" | "pageSize">) =>
  apiUrl("/results/requests/export.xlsx", { ...q });

export const createBudgetRequest = (body: NewBudgetRequestBody) =>
  request<BudgetRequestRow>("/results/requests", { method: "POST", body });
export const updateBudgetRequest = (id: number, body: BudgetRequestPatch) =>
  request<BudgetRequestRow>(`/results/requests/${id}`, { method: "PUT", body });
export const deleteBudgetRequest = (id: number, version: number) =>
  request<void>(`/results/requests/${id}`, { method: "DELETE", query: { version } });
