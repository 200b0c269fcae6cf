/** One typed function per endpoint of /api/v1. */
import type { ImportKind } from "../../../src/core/imports/spec";
import type { RollingDrawCandidate } from "../../../src/core/sampling/rolling-draw";
import { ApiError, apiUrl, request } from "./client";
import type {
  AuditEntry,
  AuditFilters,
  AuditVerify,
  DeptBudgetRow,
  GoalFindingFilters,
  GoalFindingsPage,
  GoalLint,
  HomeData,
  ImportBatchPage,
  ImportHistoryQuery,
  ImportResult,
  Me,
  Meta,
  OrgCreate,
  OrgNode,
  OrgPatch,
  Paged,
  ProjectDetail,
  ProjectFilters,
  ProjectPage,
  ReviewDraw,
  ReviewDrawCreated,
  ReviewDrawParams,
  ReviewDrawReplay,
  UserCreate,
  UserFilters,
  UserPatch,
  UserRow,
} from "./types";

// auth
export async function fetchMe(): Promise<Me | null> {
  try {
    const { user } = await request<{ user: Me }>("/auth/me", { expect401: true });
    return user;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export const login = (username: string, password: string) =>
  request<{ user: Me }>("/auth/login", { method: "POST", body: { username, password }, expect401: true });

export const logout = () => request<void>("/auth/logout", { method: "POST", expect401: true });

export const changePassword = (currentPassword: string, newPassword: string) =>
  request<void>("/auth/password", { method: "POST", body: { currentPassword, newPassword } });

// meta and home
export const fetchMeta = () => request<Meta>("/meta");
export const fetchHome = (year: number) => request<HomeData>("/home", { query: { year } });

// projects
export type ProjectQuery = ProjectFilters & { year: number; page: number; pageSize: number };

export const fetchProjects = (q: ProjectQuery) => request<ProjectPage>("/projects", { query: { ...q } });

/** The URL of the Excel export with the same filters as the list (no paging). */
export const projectsExportUrl = (q: ProjectFilters & { year: number }) => apiUrl("/projects/export.xlsx", { ...q });

export const fetchProject = (id: number) => request<ProjectDetail>(`/projects/${id}`);

export const fetchDeptBudgets = (year: number) =>
  request<{ rows: DeptBudgetRow[] }>("/dept-budgets", { query: { year } });

// organisations
export const fetchOrgTree = () => request<{ nodes: OrgNode[] }>("/org/tree");
export const createOrg = (body: OrgCreate) => request<{ org: OrgNode }>("/org/orgs", { method: "POST", body });
export const updateOrg = (id: number, body: OrgPatch) =>
  request<{ org: OrgNode }>(`/org/orgs/${id}`, { method: "PATCH", body });

// imports
export const fetchImportHistory = (q: ImportHistoryQuery) => request<ImportBatchPage>("/imports", { query: { ...q } });
export const importTemplateUrl = (kind: ImportKind) => apiUrl(`/imports/templates/${kind}.xlsx`);

export function runImport(kind: ImportKind, mode: "preview" | "commit", file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append("file", file, file.name);
  return request<ImportResult>(`/imports/${kind}`, { method: "POST", query: { mode }, body: form });
}

// users
export const fetchUsers = (q: UserFilters & { page: number; pageSize: number }) =>
  request<Paged<UserRow>>("/users", { query: { ...q } });
export const usersExportUrl = (q: UserFilters) => apiUrl("/users/export.xlsx", { ...q });
export const createUser = (body: UserCreate) => request<{ user: UserRow }>("/users", { method: "POST", body });
export const updateUser = (id: number, body: UserPatch) =>
  request<{ user: UserRow }>(`/users/${id}`, { method: "PATCH", body });
export const resetUserPassword = (id: number, password: string) =>
  request<void>(`/users/${id}/password`, { method: "POST", body: { password } });

// audit
export const fetchAudit = (f: AuditFilters) => request<Paged<AuditEntry>>("/audit", { query: { ...f } });
export const verifyAudit = () => request<AuditVerify>("/audit/verify");

// goals: 智能审核 and 目标现场会审
export const fetchGoalLint = (year: number) => request<GoalLint>("/goals/lint", { query: { year } });
export const fetchGoalFindings = (year: number, f: GoalFindingFilters, page: number, pageSize: number) =>
  request<GoalFindingsPage>("/goals/lint/findings", { query: { year, ...f, page, pageSize } });
export const goalFindingsExportUrl = (year: number, f: GoalFindingFilters) =>
  apiUrl("/goals/lint/findings.xlsx", { year, ...f });
export const fetchReviewPopulation = () => request<{ rows: RollingDrawCandidate[] }>("/goals/review-draws/population");
export const fetchReviewDraws = (year?: number) =>
  request<{ rows: ReviewDraw[] }>("/goals/review-draws", { query: { year } });
export const createReviewDraw = (body: ReviewDrawParams) =>
  request<ReviewDrawCreated>("/goals/review-draws", { method: "POST", body });
export const replayReviewDraw = (id: number) => request<ReviewDrawReplay>(`/goals/review-draws/${id}/replay`);
