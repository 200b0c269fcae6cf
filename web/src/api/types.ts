/**
 * Shapes of the /api/v1 requests and responses the web app uses, inferred from the server's contracts
 * (src/contracts): one source for both sides. Money is integer fen; rates are fractions. Only the
 * filter states of list pages, which exist in the browser alone, are declared here.
 */
import type { z } from "zod";
import type * as audit from "../../../src/contracts/audit";
import type * as auth from "../../../src/contracts/auth";
import type { BodyOf, ReplyOf } from "../../../src/contracts/common";
import type * as goalsChecks from "../../../src/contracts/goals-checks";
import type * as goalsReview from "../../../src/contracts/goals-review";
import type * as imports from "../../../src/contracts/imports";
import type * as org from "../../../src/contracts/org";
import type * as projects from "../../../src/contracts/projects";
import type * as system from "../../../src/contracts/system";
import type * as users from "../../../src/contracts/users";
import type { GoalStatus } from "../../../src/core/goals/workflow";
import type { ImportKind } from "../../../src/core/imports/spec";
import type { UserSort } from "../../../src/core/users";

export type Me = z.output<typeof auth.Me>;
export type Meta = z.output<typeof system.Meta>;

export type ProjectRow = z.output<typeof projects.ProjectRow>;
export type ProjectPage = ReplyOf<typeof projects.listProjects>;
export type ProjectSort = projects.ProjectFilterQuery["sort"];
/** The project library's filters as a page holds them (the year is the page's own). */
export type ProjectFilters = Partial<Omit<projects.ProjectFilterQuery, "year">>;
export type ProjectDetail = z.output<typeof projects.ProjectDetail>;
export type ExecutionMonth = ProjectDetail["execution"][number];
export type DeptBudgetRow = z.output<typeof projects.DeptBudgetRow>;

export type HomeData = ReplyOf<typeof projects.getHome>;
export type HomeCard = HomeData["cards"][number];
export type HomeDepartment = HomeData["departments"][number];
export type HomeUnit = HomeData["units"][number];

export type AuditEntry = z.output<typeof audit.AuditEntry>;
export type AuditVerify = ReplyOf<typeof audit.verifyAudit>;

export type OrgNode = org.OrgNode;
export type OrgCreate = BodyOf<typeof org.createOrg>;
export type OrgPatch = BodyOf<typeof org.updateOrg>;

export type ImportResult = z.output<typeof imports.ImportResult>;
export type ImportIssue = ImportResult["issues"][number];
export type ImportChange = ImportResult["changedRows"][number]["changes"][number];
export type ImportBatch = z.output<typeof imports.ImportBatch>;
export type ImportBatchPage = ReplyOf<typeof imports.listImports>;
/** The import history's query as the page sends it. */
export interface ImportHistoryQuery {
  kind?: ImportKind | undefined;
  order: "asc" | "desc";
  page: number;
  pageSize: number;
}

export type UserRow = z.output<typeof users.UserRow>;
export type UserCreate = BodyOf<typeof users.createUser>;
export type UserPatch = BodyOf<typeof users.updateUser>;

/** GET /goals/lint: the region-wide quality check of a year's goal tables (智能审核). */
export type GoalLint = ReplyOf<typeof goalsChecks.lintGoals>;
/** GET /goals/lint/findings: one page of 问题明细. */
export type GoalFindingsPage = ReplyOf<typeof goalsChecks.listGoalFindings>;
/** The goal table a finding is on. */
export type GoalLintTable = GoalFindingsPage["rows"][number]["table"];
/** The 绩效目标调整 task finance issued about a finding's table, if any. */
export type GoalRevisionTaskRef = GoalFindingsPage["rows"][number]["revisionTask"];

/** What a client asks for: the server makes the seed and records how. */
export type ReviewDrawParams = Omit<BodyOf<typeof goalsReview.createReviewDraw>, "seed">;
/** A recorded 目标现场会审 draw: population and parameters are kept so anyone can re-run it. */
export type ReviewDraw = z.output<typeof goalsReview.ReviewDraw>;
export type ReviewDrawCreated = ReplyOf<typeof goalsReview.createReviewDraw, 201>;
export type ReviewDrawReplay = ReplyOf<typeof goalsReview.replayReviewDraw>;

/** The account list's filters and order as the users page keeps them. */
export interface UserFilters {
  q?: string | undefined;
  role?: string | undefined;
  sort?: UserSort | undefined;
  order?: "asc" | "desc" | undefined;
}

export interface AuditFilters {
  entity?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  /** "true": leave out sign-ins and sign-outs (filtered on the server, so paging stays right). */
  hideLogins?: "true";
  page: number;
  pageSize: number;
}

export interface GoalFindingFilters {
  rule?: string | undefined;
  department?: string | undefined;
  severity?: "error" | "warning" | undefined;
  /** The table's status. */
  status?: GoalStatus | undefined;
  q?: string | undefined;
}

export interface Paged<T> {
  total: number;
  rows: T[];
}
