import type { AuditFields } from "../core/audit-chain";
import type { GoalIndicator, GoalTable } from "../core/goals/types";
import type { DeptBudgetRow, DeptExecutionRow, ExecutionRow, OrgRow, ProjectRow } from "../core/import-rows";
import type { Fen } from "../core/money";
import type { ProjectCategory, SizeBand } from "../core/project";
import type { OrgKind, Role } from "../core/roles";
import type { RollingDrawCandidate, RollingDrawParams, RollingDrawResult } from "../core/sampling/rolling-draw";
import type { Scope } from "../core/scope";

/**
 * The repositories use cases depend on. src/db implements them (the only place with SQL);
 * tests and other shells may provide their own.
 */
export interface OrgRecord {
  id: number;
  regionCode: string;
  code: string;
  name: string;
  kind: OrgKind;
  parentId: number | null;
  path: string;
  sector: string | null;
  contactName: string | null;
  contactPhone: string | null;
  sortOrder: number;
  version: number;
}

export interface OrgRef {
  id: number;
  code: string;
  name: string;
}

export interface ProjectListItem {
  id: number;
  code: string;
  name: string;
  fiscalYear: number;
  department: OrgRef;
  unit: OrgRef;
  category: ProjectCategory;
  isKey: boolean;
  sector: string | null;
  initialBudget: Fen;
  adjustedBudget: Fen;
  fiscalFunds: Fen;
  otherFunds: Fen;
  executed: Fen;
  executionRate: number | null;
}

export interface ProjectDetail extends ProjectListItem {
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const PROJECT_SORTS = ["code", "name", "adjustedBudget", "executed", "executionRate", "department"] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

export interface ProjectFilter {
  fiscalYear: number;
  q?: string | undefined;
  departmentId?: number | undefined;
  unitId?: number | undefined;
  category?: ProjectCategory | undefined;
  size?: SizeBand | undefined;
  isKey?: boolean | undefined;
}

export interface Paging<S extends string> {
  sort: S;
  order: "asc" | "desc";
  page: number;
  pageSize: number;
}

export interface Page<T> {
  total: number;
  rows: T[];
}

export interface DeptBudgetItem {
  department: OrgRef;
  initialBudget: Fen;
  adjustedBudget: Fen;
  fiscalFunds: Fen;
  otherFunds: Fen;
  executed: Fen;
  projectCount: number;
  projectBudget: Fen;
}

export interface DepartmentSummary {
  id: number;
  code: string;
  name: string;
  projectCount: number;
  adjustedBudget: Fen;
  executed: Fen;
}

/** A department's projects summed by implementing unit, for its home page. */
export interface UnitSummary {
  unit: OrgRef;
  projectCount: number;
  keyCount: number;
  adjustedBudget: Fen;
  executed: Fen;
}

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  regionCode: string;
  orgId: number;
  active: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  version: number;
}

export interface UserWithOrg extends UserRecord {
  org: OrgRecord;
  regionName: string;
}

export interface AuditEntry extends AuditFields {
  id: number;
}

export interface AuditFilter {
  regionCode?: string | undefined;
  entity?: string | undefined;
  /** Any of these entities (e.g. a project and its execution), instead of `entity`. */
  entities?: readonly string[] | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** What an import compares against: the current values, in the typed-row shape, by key. */
export interface ImportSnapshot<R> {
  byKey: Map<string, R>;
}

export interface OrgRepo {
  listInScope(scope: Scope): Promise<OrgRecord[]>;
  byId(id: number): Promise<OrgRecord | null>;
  byCode(regionCode: string, code: string): Promise<OrgRecord | null>;
  allInRegion(regionCode: string): Promise<OrgRecord[]>;
  insert(org: Omit<OrgRecord, "id" | "version">): Promise<OrgRecord>;
  /** Returns null when `version` is stale (someone else changed it). */
  update(
    id: number,
    version: number,
    patch: Partial<Pick<OrgRecord, "name" | "sector" | "contactName" | "contactPhone">>,
  ): Promise<OrgRecord | null>;
  ensureRegion(code: string, name: string): Promise<void>;
  regionName(code: string): Promise<string | null>;
  listRegions(): Promise<{ code: string; name: string }[]>;
}

export interface ProjectRepo {
  list(
    scope: Scope,
    filter: ProjectFilter,
    paging: Paging<ProjectSort>,
  ): Promise<Page<ProjectListItem> & { sums: { adjustedBudget: Fen; executed: Fen } }>;
  /** The whole filtered view, for Excel export (bounded by the caller). */
  listAll(
    scope: Scope,
    filter: ProjectFilter,
    sort: ProjectSort,
    order: "asc" | "desc",
    limit: number,
  ): Promise<ProjectListItem[]>;
  get(scope: Scope, id: number): Promise<ProjectDetail | null>;
  execution(projectId: number): Promise<{ month: number; executed: Fen }[]>;
  deptBudgets(scope: Scope, fiscalYear: number): Promise<DeptBudgetItem[]>;
  departmentSummaries(scope: Scope, fiscalYear: number): Promise<DepartmentSummary[]>;
  unitSummaries(scope: Scope, fiscalYear: number): Promise<UnitSummary[]>;
  years(regionCode: string): Promise<number[]>;
}

export interface UserRepo {
  byUsername(username: string): Promise<UserRecord | null>;
  byId(id: number): Promise<UserRecord | null>;
  withOrg(id: number): Promise<UserWithOrg | null>;
  list(
    regionCode: string,
    filter: { q?: string | undefined; role?: Role | undefined },
    page: number,
    pageSize: number,
  ): Promise<Page<UserRecord & { org: OrgRef }>>;
  insert(user: Omit<UserRecord, "id" | "version" | "lastLoginAt">): Promise<UserRecord>;
  update(
    id: number,
    version: number,
    patch: Partial<
      Pick<UserRecord, "displayName" | "role" | "orgId" | "active" | "passwordHash" | "mustChangePassword">
    >,
  ): Promise<UserRecord | null>;
  touchLogin(id: number, at: Date): Promise<void>;
}

export interface SessionRepo {
  insert(session: { tokenHash: string; userId: number; expiresAt: Date; userAgent: string | null }): Promise<void>;
  find(tokenHash: string, now: Date): Promise<{ userId: number; expiresAt: Date } | null>;
  extend(tokenHash: string, expiresAt: Date): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  deleteForUser(userId: number, exceptTokenHash?: string): Promise<void>;
  insertApiToken(token: { name: string; tokenHash: string; userId: number }): Promise<number>;
  findApiToken(tokenHash: string): Promise<{ id: number; userId: number } | null>;
}

export interface AuditRepo {
  /** Appends entries to the hash chain, inside the caller's transaction. */
  append(entries: readonly AuditFields[]): Promise<void>;
  list(filter: AuditFilter, page: number, pageSize: number): Promise<Page<AuditEntry>>;
  /** Every entry in id order with its links, for verification. */
  chain(): AsyncIterable<(AuditFields & { id: number; prevHash: string; hash: string })[]>;
}

/** New and changed rows of one import, as the diff classified them. */
export interface RowsToWrite<R> {
  added: readonly R[];
  changed: readonly R[];
}

/** Bulk writes of an import, keyed by the budget system's codes. */
export interface ImportRepo {
  snapshotOrgs(regionCode: string): Promise<Map<string, OrgRow & { kindInDb: OrgKind }>>;
  snapshotProjects(regionCode: string, fiscalYear: number): Promise<Map<string, ProjectRow>>;
  snapshotExecution(regionCode: string, fiscalYear: number): Promise<Map<string, ExecutionRow>>;
  snapshotDeptBudgets(regionCode: string, fiscalYear: number): Promise<Map<string, DeptBudgetRow>>;
  snapshotDeptExecution(regionCode: string, fiscalYear: number): Promise<Map<string, DeptExecutionRow>>;
  writeOrgs(regionCode: string, rows: RowsToWrite<OrgRow>): Promise<void>;
  writeProjects(regionCode: string, rows: RowsToWrite<ProjectRow>): Promise<void>;
  writeExecution(regionCode: string, rows: RowsToWrite<ExecutionRow>): Promise<void>;
  writeDeptBudgets(regionCode: string, rows: RowsToWrite<DeptBudgetRow>): Promise<void>;
  writeDeptExecution(regionCode: string, rows: RowsToWrite<DeptExecutionRow>): Promise<void>;
  recordBatch(batch: {
    regionCode: string;
    kind: string;
    fileName: string;
    sha256: string;
    counts: unknown;
    actorId: number | null;
  }): Promise<number>;
}

/** A goal table as stored, with where it belongs. */
export interface StoredGoalTable {
  id: number;
  status: string;
  revision: number;
  departmentCode: string;
  departmentName: string;
  unitCode: string;
  table: GoalTable;
}

export interface GoalTableRecord extends StoredGoalTable {
  version: number;
  returnedBy: "department" | "finance" | null;
  templateVersion: string;
  revisionReason: string | null;
  updatedAt: string;
}

export interface GoalTransitionRecord {
  at: string;
  actorName: string;
  action: string;
  fromStatus: string;
  toStatus: string;
  comment: string | null;
  /** Per-indicator comments keyed by the indicator's uid. */
  indicatorComments: Record<string, string> | null;
  /** The revision of the table the transition belongs to (history spans revisions). */
  revision: number;
}

export interface GoalListFilter {
  fiscalYear: number;
  status?: string | undefined;
  departmentId?: number | undefined;
  subjectKind?: "project" | "deptWide" | undefined;
  q?: string | undefined;
}

export interface IndicatorSuggestion {
  level1: string;
  level2: string;
  name: string;
  kind: string;
  operator: string | null;
  unit: string | null;
  /** Approved tables that used it, and in which years. */
  uses: number;
  years: number[];
  /** The most frequent target, and the range of numeric targets. */
  commonTarget: string;
  minTarget: number | null;
  maxTarget: number | null;
}

export interface GoalRepo {
  get(scope: Scope, id: number): Promise<GoalTableRecord | null>;
  list(scope: Scope, filter: GoalListFilter, page: number, pageSize: number): Promise<Page<GoalTableRecord>>;
  transitions(id: number): Promise<GoalTransitionRecord[]>;
  /** Replaces the overall goal and the indicators; null when `version` is stale. */
  save(id: number, version: number, overallGoal: string, indicators: readonly GoalIndicator[]): Promise<number | null>;
  setState(
    id: number,
    version: number,
    state: { status: string; returnedBy: "department" | "finance" | null },
  ): Promise<number | null>;
  recordTransition(
    id: number,
    t: Omit<GoalTransitionRecord, "at" | "revision"> & { actorId: number | null },
  ): Promise<void>;
  /** A new current revision copying the approved one (which stays, no longer current). */
  revise(id: number, reason: string): Promise<number>;
  /**
   * 指标库 suggestions: indicators that approved tables of projects in the same sector used under a
   * level 2, with how many tables used them and their typical target.
   */
  suggest(
    regionCode: string,
    q: { sector: string | null; level2: string | null; text: string | null; limit: number },
  ): Promise<IndicatorSuggestion[]>;
  /** Bulk insert of goal tables with their indicators (the demo, later imports), in the caller's transaction. */
  insertMany(
    regionCode: string,
    tables: readonly { table: GoalTable; status: string; templateVersion: string }[],
    actorName: string,
  ): Promise<number>;
  /** Every current goal table of a year with its indicators: two set-based queries, no query per table. */
  listCurrent(regionCode: string, fiscalYear: number): Promise<StoredGoalTable[]>;
}

/** A recorded draw for the on-site review of goal tables. */
export interface StoredReviewDraw {
  id: number;
  fiscalYear: number;
  algorithm: string;
  params: RollingDrawParams;
  population: RollingDrawCandidate[];
  result: RollingDrawResult;
  createdAt: string;
}

export interface ReviewVisit {
  id: number;
  drawId: number;
  fiscalYear: number;
  department: OrgRef;
  reviewedOn: string | null;
  findings: string;
  guidance: string;
  version: number;
  /** Goal tables linked to the guidance: whether they were acted on, and their current state. */
  tables: {
    goalTableId: number;
    subjectCode: string;
    status: string;
    revision: number;
    actedOn: boolean;
    note: string | null;
  }[];
}

export interface ReviewRepo {
  /** The region's departments with the years each was reviewed on site (from recorded draws). */
  population(regionCode: string): Promise<RollingDrawCandidate[]>;
  insertDraw(
    regionCode: string,
    draw: Omit<StoredReviewDraw, "id" | "createdAt">,
    actorId: number | null,
  ): Promise<number>;
  draws(regionCode: string, fiscalYear?: number): Promise<StoredReviewDraw[]>;
  draw(regionCode: string, id: number): Promise<StoredReviewDraw | null>;
  visits(regionCode: string, drawId: number): Promise<ReviewVisit[]>;
  visit(regionCode: string, id: number): Promise<ReviewVisit | null>;
  updateVisit(
    id: number,
    version: number,
    patch: { reviewedOn: string | null; findings: string; guidance: string },
  ): Promise<number | null>;
  linkTable(visitId: number, goalTableId: number, actedOn: boolean, note: string | null): Promise<void>;
}

/** A versioned rule set ([policy] data of domain.md) of one module for a region and year. */
export interface StoredRuleSet {
  id: number;
  fiscalYear: number;
  module: string;
  version: string;
  body: unknown;
  createdAt: string;
  createdByName: string | null;
}

export interface RuleSetRepo {
  /** The rule set in effect for a year: the year's latest version, else the latest of an earlier year. */
  inEffect(regionCode: string, fiscalYear: number, module: string): Promise<StoredRuleSet | null>;
  /** Every version of the year, newest first. */
  history(regionCode: string, fiscalYear: number, module: string): Promise<StoredRuleSet[]>;
  /** Null when the version name is already taken for that year. */
  insert(
    regionCode: string,
    fiscalYear: number,
    module: string,
    version: string,
    body: unknown,
    createdBy: number | null,
  ): Promise<number | null>;
}

export interface Repos {
  orgs: OrgRepo;
  projects: ProjectRepo;
  users: UserRepo;
  sessions: SessionRepo;
  audit: AuditRepo;
  imports: ImportRepo;
  goals: GoalRepo;
  reviews: ReviewRepo;
  ruleSets: RuleSetRepo;
}

export interface UnitOfWork {
  /** Repositories outside any transaction, for reads. */
  read: Repos;
  /** Runs `work` in one transaction: all its writes and audit entries commit together or not at all. */
  transaction<T>(work: (repos: Repos) => Promise<T>): Promise<T>;
}
