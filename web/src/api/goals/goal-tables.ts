/** 绩效目标表 (goal tables): declaration, review and approval, and the 指标库 suggestions. */

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as goals from "../../../../src/contracts/goals";
import type * as goalsLibrary from "../../../../src/contracts/goals-library";
import type { GoalTableSort } from "../../../../src/core/goals/list";
import type { GoalSubjectKind } from "../../../../src/core/goals/types";
import type { GoalStatus } from "../../../../src/core/goals/workflow";
import { apiUrl, request } from "../client";

export type GoalTableRow = z.output<typeof goals.GoalTableRow>;
export type GoalTablePage = ReplyOf<typeof goals.listGoalTables>;
export type GoalQuality = z.output<typeof goals.GoalQuality>;
export type GoalTransition = z.output<typeof goals.GoalTransition>;
export type GoalTableDetail = z.output<typeof goals.GoalTableDetail>;
export type GoalTableSaveBody = BodyOf<typeof goals.saveGoalTable>;
export type GoalTableSaved = ReplyOf<typeof goals.saveGoalTable>;
export type GoalActionBody = BodyOf<typeof goals.actOnGoalTable>;
/** The table's id after the action: for 调整 (revise) the id of the new draft revision. */
export type GoalActionResult = ReplyOf<typeof goals.actOnGoalTable>;
/** A 指标库 entry offered for a table, with its typical targets per year. */
export type IndicatorSuggestion = z.output<typeof goalsLibrary.IndicatorSuggestion>;
/** 与上年对比: last year's table of the same project or department (null when there is none) and the changes. */
export type GoalTablePrevious = ReplyOf<typeof goals.getPreviousGoalTable>;
export type GoalImportResult = z.output<typeof goals.GoalImportResult>;
/** What an import found in one sheet. */
export type GoalImportSheet = GoalImportResult["tables"][number];

export interface GoalTableFilters {
  status?: GoalStatus | undefined;
  departmentId?: number | undefined;
  /** The implementing unit. */
  unitId?: number | undefined;
  subjectKind?: GoalSubjectKind | undefined;
  q?: string | undefined;
}

export interface GoalTableQuery extends GoalTableFilters {
  year: number;
  page: number;
  pageSize: number;
  sort?: GoalTableSort | undefined;
  order?: "asc" | "desc" | undefined;
}

export type GoalRevisionRequestBody = BodyOf<typeof goals.requestGoalRevision>;
/** The 绩效目标调整 task issued to the declarer. */
export type GoalRevisionTask = ReplyOf<typeof goals.requestGoalRevision, 201>;

export interface SuggestionQuery {
  sector?: string | undefined;
  level2?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
}

export const fetchGoalTables = (q: GoalTableQuery) => request<GoalTablePage>("/goals/tables", { query: { ...q } });
export const fetchGoalTable = (id: number) => request<GoalTableDetail>(`/goals/tables/${id}`);
export const saveGoalTable = (id: number, body: GoalTableSaveBody) =>
  request<GoalTableSaved>(`/goals/tables/${id}`, { method: "PUT", body });
export const actOnGoalTable = (id: number, body: GoalActionBody) =>
  request<GoalActionResult>(`/goals/tables/${id}/actions`, { method: "POST", body });

/** 要求调整: finance asks the declarer of an approved table to revise it (a task in its inbox). */
export const requestGoalRevision = (id: number, body: GoalRevisionRequestBody) =>
  request<GoalRevisionTask>(`/goals/tables/${id}/revision-request`, { method: "POST", body });

export const fetchGoalTablePrevious = (id: number) => request<GoalTablePrevious>(`/goals/tables/${id}/previous`);
export const useGoalTablePrevious = (id: number) =>
  useQuery({ queryKey: ["goal-tables", "previous", id], queryFn: () => fetchGoalTablePrevious(id) });
/** 从上年结转: the draft's overall goal and indicators become last year's. */
export const carryOverGoalTable = (id: number, body: { version: number }) =>
  request<{ id: number; version: number; carriedFromId: number }>(`/goals/tables/${id}/carry-over`, {
    method: "POST",
    body,
  });
/** The implementing unit starts the table of a project that has none. */
export const startGoalTable = (projectId: number) =>
  request<{ id: number }>(`/projects/${projectId}/goal-table`, { method: "POST" });
export const fetchIndicatorSuggestions = (q: SuggestionQuery) =>
  request<{ rows: IndicatorSuggestion[] }>("/goals/library/suggestions", { query: { ...q } });

export const goalTableKeys = {
  all: ["goal-tables"] as const,
  list: (q: GoalTableQuery) => ["goal-tables", "list", q] as const,
  detail: (id: number) => ["goal-tables", "detail", id] as const,
  suggestions: (q: SuggestionQuery) => ["goal-tables", "suggestions", q] as const,
};

export const useGoalTables = (q: GoalTableQuery) =>
  useQuery({ queryKey: goalTableKeys.list(q), queryFn: () => fetchGoalTables(q), placeholderData: keepPreviousData });

export const useGoalTable = (id: number) =>
  useQuery({
    queryKey: goalTableKeys.detail(id),
    queryFn: () => fetchGoalTable(id),
    enabled: Number.isInteger(id) && id > 0,
  });

/** Suggestions change only when tables are approved: kept for a few minutes. */
export const useIndicatorSuggestions = (q: SuggestionQuery, enabled: boolean) =>
  useQuery({
    queryKey: goalTableKeys.suggestions(q),
    queryFn: () => fetchIndicatorSuggestions(q),
    enabled,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });

// Excel in the official layout (项目支出/部门整体支出绩效目标表): export, and import with preview.

/** One table as Excel. */
export const goalTableXlsxUrl = (id: number) => apiUrl(`/goals/tables/${id}/xlsx`);
/** A department's workbook (目录 + one sheet per table); units and departments get their own tables. */
export const goalTablesXlsxUrl = (q: { year: number; department?: string | undefined }) =>
  apiUrl("/goals/tables/xlsx", { ...q });

export function importGoalTablesXlsx(mode: "preview" | "commit", file: File): Promise<GoalImportResult> {
  const form = new FormData();
  form.append("file", file, file.name);
  return request<GoalImportResult>("/goals/tables/import", { method: "POST", query: { mode }, body: form });
}
