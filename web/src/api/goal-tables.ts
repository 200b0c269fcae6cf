/** 绩效目标表 (goal tables): declaration, review and approval, and the 指标库 suggestions. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { GoalFinding } from "../../../src/core/goals/quality";
import type { GoalIndicator, GoalSubjectKind, GoalTable } from "../../../src/core/goals/types";
import type { GoalAction, GoalReturnedBy, GoalStatus } from "../../../src/core/goals/workflow";
import { request } from "./client";

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

/** An indicator that approved tables used, with how often and their typical target (指标库). */
export interface IndicatorSuggestion {
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
