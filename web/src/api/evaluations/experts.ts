/** 专家库: the region's experts, their scoring accounts, and the declared ties (回避) of experts and firms. */

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as e from "../../../../src/contracts/evaluations";
import { apiUrl, request } from "../client";

export type Expert = z.output<typeof e.Expert>;
export type ExpertPage = ReplyOf<typeof e.listExperts>;
export type ExpertBody = BodyOf<typeof e.createExpert>;
export type ExpertAccount = ReplyOf<typeof e.listExpertAccounts>["rows"][number];
export type EvaluationTie = z.output<typeof e.Tie>;
export type TieBody = BodyOf<typeof e.addTie>;

/** The list's filters as the page keeps them in its address. */
export interface ExpertFilters {
  q?: string | undefined;
  field?: string | undefined;
  active?: boolean | undefined;
}

export interface ExpertQuery extends ExpertFilters {
  page: number;
  pageSize: number;
}

export const expertKeys = {
  all: ["evaluations", "experts"] as const,
  list: (q: ExpertQuery) => ["evaluations", "experts", "list", q] as const,
  accounts: (q: string) => ["evaluations", "experts", "accounts", q] as const,
  ties: (owner: { expertId?: number; firmId?: number }) => ["evaluations", "experts", "ties", owner] as const,
};

export const fetchExperts = (q: ExpertQuery) =>
  request<ExpertPage>("/evaluations/experts", {
    query: { ...q, active: q.active === undefined ? undefined : String(q.active) },
  });
export const createExpert = (body: ExpertBody) => request<Expert>("/evaluations/experts", { method: "POST", body });
export const updateExpert = (id: number, body: ExpertBody & { version: number }) =>
  request<Expert>(`/evaluations/experts/${id}`, { method: "PUT", body });
export const fetchTies = (owner: { expertId?: number; firmId?: number }) =>
  request<{ rows: EvaluationTie[] }>("/evaluations/ties", { query: { ...owner } });
export const addTie = (body: TieBody) => request<EvaluationTie>("/evaluations/ties", { method: "POST", body });
export const removeTie = (id: number) => request<void>(`/evaluations/ties/${id}`, { method: "DELETE" });

export const useExperts = (q: ExpertQuery) =>
  useQuery({ queryKey: expertKeys.list(q), queryFn: () => fetchExperts(q), placeholderData: keepPreviousData });
export const useExpertAccounts = (q: string, enabled = true) =>
  useQuery({
    queryKey: expertKeys.accounts(q),
    queryFn: () =>
      request<ReplyOf<typeof e.listExpertAccounts>>("/evaluations/expert-accounts", { query: { q: q || undefined } }),
    placeholderData: keepPreviousData,
    enabled,
  });
export const useTies = (owner: { expertId?: number; firmId?: number }, enabled = true) =>
  useQuery({ queryKey: expertKeys.ties(owner), queryFn: () => fetchTies(owner), enabled });

/** 导出Excel: the pool with the filters on screen, every row. */
export const expertsXlsxUrl = (f: ExpertFilters) =>
  apiUrl("/evaluations/experts.xlsx", { ...f, active: f.active === undefined ? undefined : String(f.active) });
