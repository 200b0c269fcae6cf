/** 结果应用: rule sets, simulation and comparison, adoption, the frozen adjustment list and the units' notices. */

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as m from "../../../../src/contracts/results";
import type { AdjustmentSort } from "../../../../src/core/results/list";
import type { AdjustmentAction } from "../../../../src/core/results/rules";
import { apiUrl, request } from "../client";

export type RuleSetsData = ReplyOf<typeof m.listResultRuleSets>;
export type RuleSet = RuleSetsData["ruleSets"][number];
export type RuleSetVersion = RuleSet["earlier"][number];
export type SaveRuleSetBody = BodyOf<typeof m.saveResultRuleSet>;
export type SavedRuleSet = ReplyOf<typeof m.saveResultRuleSet, 201>;
export type Simulation = ReplyOf<typeof m.simulateResultRuleSet>;
export type SimulationRow = Simulation["rows"][number];
export type SimulationTotals = Simulation["totals"];
export type Comparison = ReplyOf<typeof m.compareResultRuleSets>;
export type Adoption = ReplyOf<typeof m.adoptResultRuleSet, 201>;
export type AdoptBody = BodyOf<typeof m.adoptResultRuleSet>;
export type AdoptionsData = ReplyOf<typeof m.listResultAdoptions>;
export type AdjustmentPage = ReplyOf<typeof m.listResultAdjustments>;
export type AdjustmentRow = AdjustmentPage["rows"][number];
export type AdjustmentDetail = ReplyOf<typeof m.getResultAdjustment>;
export type ResultsSummary = ReplyOf<typeof m.getResultsSummary>;

/** The adjustment list's filters as the page keeps them in its address (the year is the header's). */
export interface AdjustmentFilters {
  adoptionId?: number | undefined;
  departmentId?: number | undefined;
  action?: AdjustmentAction | undefined;
  adjustedOnly?: boolean | undefined;
  q?: string | undefined;
}

export interface AdjustmentQuery extends AdjustmentFilters {
  year: number;
  sort?: AdjustmentSort | undefined;
  order?: "asc" | "desc" | undefined;
}

/** Every key starts with "results", so that one invalidation (after a save or an adoption) refreshes every page. */
export const resultKeys = {
  all: ["results"] as const,
  ruleSets: (year: number) => ["results", "rule-sets", year] as const,
  simulation: (year: number, ruleSetId: number) => ["results", "simulation", year, ruleSetId] as const,
  comparison: (year: number, ids: readonly number[]) => ["results", "comparison", year, ...ids] as const,
  adoptions: (year: number) => ["results", "adoptions", year] as const,
  adjustments: (q: AdjustmentQuery, page: number, pageSize: number) =>
    ["results", "adjustments", q, page, pageSize] as const,
  adjustment: (id: number) => ["results", "adjustment", id] as const,
  summary: (year: number) => ["results", "summary", year] as const,
};

const listQuery = (q: AdjustmentQuery) => ({ ...q, adjustedOnly: q.adjustedOnly ? "true" : undefined });

export const fetchRuleSets = (year: number) => request<RuleSetsData>("/results/rule-sets", { query: { year } });
export const saveRuleSet = (body: SaveRuleSetBody) =>
  request<SavedRuleSet>("/results/rule-sets", { method: "POST", body });
export const simulate = (fiscalYear: number, ruleSetId: number) =>
  request<Simulation>("/results/simulations", { method: "POST", body: { fiscalYear, ruleSetId } });
export const compare = (fiscalYear: number, ruleSetIds: readonly number[]) =>
  request<Comparison>("/results/comparisons", { method: "POST", body: { fiscalYear, ruleSetIds } });
export const adopt = (body: AdoptBody) => request<Adoption>("/results/adoptions", { method: "POST", body });
export const fetchAdoptions = (year: number) => request<AdoptionsData>("/results/adoptions", { query: { year } });
export const fetchAdjustments = (q: AdjustmentQuery, page: number, pageSize: number) =>
  request<AdjustmentPage>("/results/adjustments", { query: { ...listQuery(q), page, pageSize } });
/** The exports carry the list's filters and sort, without paging. */
export const adjustmentsXlsxUrl = (q: AdjustmentQuery) => apiUrl("/results/adjustments/export.xlsx", listQuery(q));
export const adjustmentsJsonUrl = (q: AdjustmentQuery) => apiUrl("/results/adjustments/export.json", listQuery(q));
export const fetchAdjustment = (id: number) => request<AdjustmentDetail>(`/results/adjustments/${id}`);
export const acknowledgeAdjustment = (id: number) =>
  request<AdjustmentDetail>(`/results/adjustments/${id}/acknowledge`, { method: "POST" });
export const fetchResultsSummary = (year: number) => request<ResultsSummary>("/results/summary", { query: { year } });

export const useRuleSets = (year: number, enabled = true) =>
  useQuery({ queryKey: resultKeys.ruleSets(year), queryFn: () => fetchRuleSets(year), enabled });
export const useAdoptions = (year: number) =>
  useQuery({ queryKey: resultKeys.adoptions(year), queryFn: () => fetchAdoptions(year) });
export const useAdjustments = (q: AdjustmentQuery, page: number, pageSize: number) =>
  useQuery({
    queryKey: resultKeys.adjustments(q, page, pageSize),
    queryFn: () => fetchAdjustments(q, page, pageSize),
    placeholderData: keepPreviousData,
  });
export const useAdjustment = (id: number) =>
  useQuery({
    queryKey: resultKeys.adjustment(id),
    queryFn: () => fetchAdjustment(id),
    enabled: Number.isInteger(id) && id > 0,
  });
/**
 * A simulation is read-only but reads the whole year (scores, evaluations, rectification, requests): it runs
 * when asked and is kept a while, not refetched on focus.
 */
export const useSimulation = (year: number, ruleSetId: number | null) =>
  useQuery({
    queryKey: resultKeys.simulation(year, ruleSetId ?? 0),
    queryFn: () => simulate(year, ruleSetId!),
    enabled: ruleSetId !== null,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
    retry: false,
  });
export const useComparison = (year: number, ids: readonly number[] | null) =>
  useQuery({
    queryKey: resultKeys.comparison(year, ids ?? []),
    queryFn: () => compare(year, ids!),
    enabled: ids !== null && ids.length >= 2,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
    retry: false,
  });
