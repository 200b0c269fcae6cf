/** 指标库 (indicator library): the list, finance's curation, and the year's indicator template. */

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as goalsLibrary from "../../../../src/contracts/goals-library";
import type { IndicatorTemplate } from "../../../../src/core/goals/types";
import { apiUrl, request } from "../client";

/** Targets approved goal tables set for an indicator in one fiscal year. */
export type PastTargets = z.output<typeof goalsLibrary.PastTargets>;
/** Results from self-evaluation per year: the module comes later, the list is empty until then. */
export type PastActuals = z.output<typeof goalsLibrary.PastActuals>;
export type LibraryEntry = z.output<typeof goalsLibrary.LibraryEntryWithHistory>;
export type LibraryPage = ReplyOf<typeof goalsLibrary.listLibrary>;
/** What the edit form sends: the fields and the year whose template they are checked against. */
export type LibraryEntryBody = Omit<BodyOf<typeof goalsLibrary.createLibraryEntry>, "fiscalYear"> & {
  fiscalYear: number;
};

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
