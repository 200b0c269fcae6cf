/** 指标库 (indicator library): the list, finance's curation, and the year's indicator template. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { IndicatorKind, IndicatorTemplate, Operator } from "../../../src/core/goals/types";
import { apiUrl, request } from "./client";

/** Targets approved goal tables set for an indicator in one fiscal year. */
export interface PastTargets {
  fiscalYear: number;
  commonTarget: string;
  minTarget: number | null;
  maxTarget: number | null;
  tables: number;
}

/** Results from self-evaluation per year: the module comes later, the list is empty until then. */
export interface PastActuals {
  fiscalYear: number;
  commonActual: string;
  tables: number;
}

export interface LibraryEntryFields {
  sector: string;
  level1: string;
  level2: string;
  name: string;
  kind: IndicatorKind;
  operator: Operator | null;
  unit: string | null;
  explanation: string | null;
}

export interface LibraryEntry extends LibraryEntryFields {
  id: number;
  /** Entered or confirmed by finance (推荐). */
  curated: boolean;
  retired: boolean;
  uses: number;
  lastYear: number | null;
  version: number;
  updatedAt: string;
  /** Newest year first. */
  targets: PastTargets[];
  actuals: PastActuals[];
}

export type LibrarySort = "recommended" | "uses" | "lastYear" | "name" | "sector" | "updatedAt";

export interface LibraryFilters {
  sector?: string | undefined;
  level1?: string | undefined;
  level2?: string | undefined;
  q?: string | undefined;
  curated?: boolean | undefined;
  retired?: boolean | undefined;
  sort?: LibrarySort | undefined;
  order?: "asc" | "desc" | undefined;
}

export interface LibraryQuery extends LibraryFilters {
  page: number;
  pageSize: number;
}

export interface LibraryPage {
  total: number;
  page: number;
  pageSize: number;
  rows: LibraryEntry[];
  /** Every sector the library holds, for the filter. */
  sectors: string[];
}

/** What the edit form sends: the fields and the year whose template they are checked against. */
export interface LibraryEntryBody extends LibraryEntryFields {
  fiscalYear: number;
}

export const fetchLibrary = (q: LibraryQuery) => request<LibraryPage>("/goals/library", { query: { ...q } });
export const libraryExportUrl = (f: LibraryFilters) => apiUrl("/goals/library/xlsx", { ...f });
export const createLibraryEntry = (body: LibraryEntryBody) =>
  request<LibraryEntry>("/goals/library", { method: "POST", body });
export const updateLibraryEntry = (id: number, body: LibraryEntryBody & { version: number }) =>
  request<LibraryEntry>(`/goals/library/${id}`, { method: "PUT", body });
export const retireLibraryEntry = (id: number, version: number, retired: boolean) =>
  request<LibraryEntry>(`/goals/library/${id}/${retired ? "retire" : "restore"}`, {
    method: "POST",
    body: { version },
  });
export const fetchGoalTemplate = (year: number) =>
  request<{ template: IndicatorTemplate; version: string }>("/goals/rules", { query: { year } });

export const libraryKeys = {
  all: ["indicator-library"] as const,
  list: (q: LibraryQuery) => ["indicator-library", "list", q] as const,
  template: (year: number) => ["goal-rules", year, "template"] as const,
};

export const useLibrary = (q: LibraryQuery) =>
  useQuery({ queryKey: libraryKeys.list(q), queryFn: () => fetchLibrary(q), placeholderData: keepPreviousData });

/** The year's level 1 / level 2 names: what an entry may be filed under. */
export const useGoalTemplate = (year: number) =>
  useQuery({ queryKey: libraryKeys.template(year), queryFn: () => fetchGoalTemplate(year), staleTime: 5 * 60_000 });
