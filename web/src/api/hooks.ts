/** TanStack Query hooks over the endpoints; query keys start with the resource name. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import * as api from "./endpoints";
import type { AuditFilters, GoalFindingFilters, ImportHistoryQuery, UserFilters } from "./types";

export const qk = {
  me: ["me"] as const,
  meta: ["meta"] as const,
  home: (year: number) => ["home", year] as const,
  projects: (q: api.ProjectQuery) => ["projects", q] as const,
  project: (id: number) => ["project", id] as const,
  deptBudgets: (year: number) => ["dept-budgets", year] as const,
  orgTree: ["org-tree"] as const,
  users: (q: object) => ["users", q] as const,
  audit: (f: AuditFilters) => ["audit", f] as const,
  importHistory: (q: ImportHistoryQuery) => ["import-history", q] as const,
  goalLint: (year: number) => ["goal-lint", year] as const,
  goalFindings: (year: number, f: GoalFindingFilters, page: number, pageSize: number) =>
    ["goal-lint", year, "findings", f, page, pageSize] as const,
  reviewDraws: ["review-draws"] as const,
  reviewPopulation: ["review-draws", "population"] as const,
};

export const useMeQuery = () => useQuery({ queryKey: qk.me, queryFn: api.fetchMe, staleTime: 60_000, retry: false });

export const useMeta = () =>
  useQuery({ queryKey: qk.meta, queryFn: api.fetchMeta, staleTime: Number.POSITIVE_INFINITY });

export const useHome = (year: number) => useQuery({ queryKey: qk.home(year), queryFn: () => api.fetchHome(year) });

export const useProjects = (q: api.ProjectQuery, enabled = true) =>
  useQuery({
    queryKey: qk.projects(q),
    queryFn: () => api.fetchProjects(q),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useProject = (id: number) =>
  useQuery({ queryKey: qk.project(id), queryFn: () => api.fetchProject(id), enabled: Number.isInteger(id) && id > 0 });

export const useDeptBudgets = (year: number) =>
  useQuery({ queryKey: qk.deptBudgets(year), queryFn: () => api.fetchDeptBudgets(year) });

export const useOrgTree = (enabled = true) =>
  useQuery({ queryKey: qk.orgTree, queryFn: api.fetchOrgTree, staleTime: 60_000, enabled });

export const useUsers = (q: UserFilters & { page: number; pageSize: number }) =>
  useQuery({ queryKey: qk.users(q), queryFn: () => api.fetchUsers(q), placeholderData: keepPreviousData });

export const useAudit = (f: AuditFilters) =>
  useQuery({ queryKey: qk.audit(f), queryFn: () => api.fetchAudit(f), placeholderData: keepPreviousData });

/** 导入记录: a page of the region's committed imports. */
export const useImportHistory = (q: ImportHistoryQuery) =>
  useQuery({
    queryKey: qk.importHistory(q),
    queryFn: () => api.fetchImportHistory(q),
    placeholderData: keepPreviousData,
  });

export const useGoalLint = (year: number) =>
  useQuery({ queryKey: qk.goalLint(year), queryFn: () => api.fetchGoalLint(year), staleTime: 60_000 });

/** Every table's findings: large, so only loaded when asked for and kept for a while. */
/** One page of 问题明细; the previous page stays on screen while the next one loads. */
export const useGoalFindings = (
  year: number,
  f: GoalFindingFilters,
  page: number,
  pageSize: number,
  enabled: boolean,
) =>
  useQuery({
    queryKey: qk.goalFindings(year, f, page, pageSize),
    queryFn: () => api.fetchGoalFindings(year, f, page, pageSize),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });

/** The departments a new draw would draw from, with the years each was reviewed (as the server draws). */
export const useReviewPopulation = () =>
  useQuery({ queryKey: qk.reviewPopulation, queryFn: () => api.fetchReviewPopulation() });

/** All recorded review draws, newest year first. */
export const useReviewDraws = () => useQuery({ queryKey: qk.reviewDraws, queryFn: () => api.fetchReviewDraws() });
