/** 绩效目标表 (goal tables): declaration, review and approval, and the 指标库 suggestions. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { GoalTableComparison } from "../../../src/core/goals/compare";
import type { GoalSheetIssue, IndicatorDiffRow } from "../../../src/core/goals/goal-sheet";
import type { GoalFinding } from "../../../src/core/goals/quality";
import type { GoalIndicator, GoalSubjectKind, GoalTable } from "../../../src/core/goals/types";
import type { GoalAction, GoalReturnedBy, GoalStatus } from "../../../src/core/goals/workflow";
import { apiUrl, request } from "./client";
import type { PastActuals, PastTargets } from "./indicator-library";

export interface GoalTableFilters {
  status?: GoalStatus | undefined;
  departmentId?: number | undefined;
  subjectKind?: GoalSubjectKind | undefined;
  q?: string | undefined;
}

export interface GoalTableQuery extends GoalTableFilters {
  year: number;
  page: number;
  pageSize: number;
}

/** Where a table stands and whose it is: shared by the list rows and the detail. */
interface GoalTableHead {
  id: number;
  status: GoalStatus;
  /** 1 for the first declaration; each 调整 after approval adds 1 (第 n 版). */
  revision: number;
  /** Optimistic-lock version: send it back with every write. */
  version: number;
  returnedBy: GoalReturnedBy | null;
  departmentCode: string;
  departmentName: string;
  unitCode: string;
  templateVersion: string;
  revisionReason: string | null;
  updatedAt: string;
}

export interface GoalTableRow extends GoalTableHead {
  subjectKind: GoalSubjectKind;
  subjectCode: string;
  subjectName: string;
  /** Number of indicators, and of the quality findings on the stored table. */
  indicators: number;
  errors: number;
  warnings: number;
}

export interface GoalTablePage {
  total: number;
  page: number;
  pageSize: number;
  rows: GoalTableRow[];
}

export interface GoalQuality {
  findings: GoalFinding[];
  errors: number;
  warnings: number;
  blocking: boolean;
}

export interface GoalTransition {
  at: string;
  actorName: string;
  /** A GoalAction, or "load" for a table that came in with the data (the demo, an import). */
  action: string;
  fromStatus: GoalStatus;
  toStatus: GoalStatus;
  comment: string | null;
  /** Reviewer's comments on single indicators, keyed by the indicator's 0-based position. */
  indicatorComments: Record<string, string> | null;
}

export interface GoalTableDetail extends GoalTableHead {
  table: GoalTable;
  quality: GoalQuality;
  transitions: GoalTransition[];
  /** The viewer may change the overall goal and the indicators now. */
  editable: boolean;
  /** The workflow buttons the viewer may use now. */
  actions: GoalAction[];
}

export interface GoalTableSaveBody {
  version: number;
  overallGoal: string;
  indicators: GoalIndicator[];
}

export interface GoalTableSaved {
  id: number;
  version: number;
  quality: GoalQuality;
}

export interface GoalActionBody {
  version: number;
  action: GoalAction;
  comment?: string;
  indicatorComments?: Record<string, string>;
}

/** The table's id after the action: for 调整 (revise) the id of the new draft revision. */
export interface GoalActionResult {
  id: number;
  status: GoalStatus;
  revision: number;
}

export interface SuggestionQuery {
  sector?: string | undefined;
  level2?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
}

/**
 * A 指标库 entry offered for a table: finance's 推荐 (curated) first, then by how often approved tables
 * used it, with their typical target overall and per year (`targets`, newest first). `actuals` will
 * carry self-evaluation results per year once that module exists; empty until then.
 */
export interface IndicatorSuggestion {
  id: number;
  /** Null when the same indicator of every sector is offered once. */
  sector: string | null;
  curated: boolean;
  explanation: string | null;
  lastYear: number | null;
  targets: PastTargets[];
  actuals: PastActuals[];
  level1: string;
  level2: string;
  name: string;
  kind: GoalIndicator["kind"];
  operator: GoalIndicator["operator"];
  unit: string | null;
  uses: number;
  years: number[];
  commonTarget: string;
  minTarget: number | null;
  maxTarget: number | null;
}

export const fetchGoalTables = (q: GoalTableQuery) => request<GoalTablePage>("/goals/tables", { query: { ...q } });
export const fetchGoalTable = (id: number) => request<GoalTableDetail>(`/goals/tables/${id}`);
export const saveGoalTable = (id: number, body: GoalTableSaveBody) =>
  request<GoalTableSaved>(`/goals/tables/${id}`, { method: "PUT", body });
export const actOnGoalTable = (id: number, body: GoalActionBody) =>
  request<GoalActionResult>(`/goals/tables/${id}/actions`, { method: "POST", body });

/** 与上年对比: last year's table of the same project or department (null when there is none) and the changes. */
export interface GoalTablePrevious {
  id: number;
  /** The table this one was carried over from (从上年结转), if it was. */
  carriedFromId: number | null;
  previous: (GoalTableHead & { table: GoalTable }) | null;
  comparison: GoalTableComparison | null;
}
export const fetchGoalTablePrevious = (id: number) => request<GoalTablePrevious>(`/goals/tables/${id}/previous`);
export const useGoalTablePrevious = (id: number) =>
  useQuery({ queryKey: ["goal-tables", "previous", id], queryFn: () => fetchGoalTablePrevious(id) });
/** 从上年结转: the draft's overall goal and indicators become last year's. */
export const carryOverGoalTable = (id: number, body: { version: number }) =>
  request<{ id: number; version: number; carriedFromId: number }>(`/goals/tables/${id}/carry-over`, {
    method: "POST",
    body,
  });
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

/** What an import found in one sheet. */
export interface GoalImportSheet {
  sheet: string;
  id: number | null;
  subjectKind: GoalSubjectKind | null;
  subjectCode: string | null;
  subjectName: string | null;
  status: "changed" | "unchanged" | "error";
  statusText: string | null;
  overallGoalChanged: boolean;
  indicators: { new: number; changed: number; unchanged: number; removed: number };
  changes: (IndicatorDiffRow & { row: number | null })[];
  removed: string[];
  findings: (GoalSheetIssue & { severity: "error" | "warning" })[];
  issues: GoalSheetIssue[];
  version: number | null;
}

export interface GoalImportResult {
  fileName: string;
  mode: "preview" | "commit";
  committed: boolean;
  fiscalYear: number | null;
  rulesVersion: string | null;
  counts: { sheets: number; changed: number; unchanged: number; withErrors: number; errors: number };
  issues: GoalSheetIssue[];
  tables: GoalImportSheet[];
}

export function importGoalTablesXlsx(mode: "preview" | "commit", file: File): Promise<GoalImportResult> {
  const form = new FormData();
  form.append("file", file, file.name);
  return request<GoalImportResult>("/goals/tables/import", { method: "POST", query: { mode }, body: form });
}
