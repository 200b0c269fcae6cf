/** Shapes of the /api/v1 responses the web app reads. Money is integer fen; rates are fractions. */
import type { FindingsSummary, GoalFinding } from "../../../src/core/goals/quality";
import type { GoalSubjectKind } from "../../../src/core/goals/types";
import type { ImportKind } from "../../../src/core/import-spec";
import type { ProjectCategory } from "../../../src/core/project";
import type { OrgKind, Role } from "../../../src/core/roles";
import type {
  RollingDrawCandidate,
  RollingDrawParams,
  RollingDrawResult,
} from "../../../src/core/sampling/rolling-draw";

export interface OrgRef {
  id: number;
  code: string;
  name: string;
}

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  regionCode: string;
  regionName: string;
  org: OrgRef & { kind: OrgKind };
  mustChangePassword: boolean;
  permissions: string[];
}

export interface KeyLabel<K extends string = string> {
  key: K;
  label: string;
}

export interface Meta {
  years: number[];
  categories: KeyLabel<ProjectCategory>[];
  sizeBands: KeyLabel[];
  roles: KeyLabel<Role>[];
  orgKinds: KeyLabel<OrgKind>[];
  importKinds: KeyLabel<ImportKind>[];
}

export interface ProjectRow {
  id: number;
  code: string;
  name: string;
  fiscalYear: number;
  department: OrgRef;
  unit: OrgRef;
  category: ProjectCategory;
  isKey: boolean;
  sector: string | null;
  initialBudget: number;
  adjustedBudget: number;
  fiscalFunds: number;
  otherFunds: number;
  executed: number;
  executionRate: number | null;
}

export interface HomeCard {
  key: string;
  label: string;
  value: number;
  unit: "个" | "元" | "%" | "fen";
}

export interface HomeDepartment extends OrgRef {
  projectCount: number;
  adjustedBudget: number;
  executed: number;
}

export interface HomeUnit {
  unit: OrgRef;
  projectCount: number;
  keyCount: number;
  adjustedBudget: number;
  executed: number;
}

export interface HomeData {
  year: number;
  cards: HomeCard[];
  departments: HomeDepartment[];
  /** The department's projects summed by implementing unit (department accounts only). */
  units: HomeUnit[];
  projects: ProjectRow[];
}

export type ProjectSort = "code" | "name" | "adjustedBudget" | "executed" | "executionRate";

export interface ProjectFilters {
  q?: string;
  departmentId?: number;
  unitId?: number;
  category?: ProjectCategory;
  size?: string;
  isKey?: boolean;
  sort?: ProjectSort;
  order?: "asc" | "desc";
}

export interface ProjectPage {
  total: number;
  page: number;
  pageSize: number;
  rows: ProjectRow[];
  sums: { adjustedBudget: number; executed: number };
}

export interface AuditEntry {
  id: number;
  at: string;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | number;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface ExecutionMonth {
  month: number;
  executed: number;
  cumulative: number;
}

export interface ProjectDetail {
  project: ProjectRow & { version: number; createdAt: string; updatedAt: string };
  execution: ExecutionMonth[];
  history: AuditEntry[];
}

export interface DeptBudgetRow {
  department: OrgRef;
  initialBudget: number;
  adjustedBudget: number;
  fiscalFunds: number;
  otherFunds: number;
  executed: number;
  projectCount: number;
  projectBudget: number;
}

export interface OrgNode {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  parentId: number | null;
  sector: string | null;
  contactName: string | null;
  contactPhone: string | null;
  version: number;
  children: OrgNode[];
}

export interface OrgCreate {
  code: string;
  name: string;
  kind: "unit" | "department";
  parentId?: number;
  sector?: string;
  contactName?: string;
  contactPhone?: string;
}

export interface OrgPatch {
  version: number;
  name?: string;
  sector?: string;
  contactName?: string;
  contactPhone?: string;
}

export interface ImportIssue {
  row: number;
  column: string;
  field: string;
  code: string;
  message: string;
}

export interface ImportChange {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
}

export interface ImportResult {
  kind: ImportKind;
  fileName: string;
  sha256: string;
  mode: "preview" | "commit";
  committed: boolean;
  counts: { total: number; new: number; changed: number; unchanged: number; errors: number };
  issues: ImportIssue[];
  newRows: Record<string, unknown>[];
  changedRows: { key: string; changes: ImportChange[] }[];
}

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  org: OrgRef;
  active: boolean;
  lastLoginAt: string | null;
  version: number;
}

export interface UserCreate {
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  password: string;
}

export interface UserPatch {
  version: number;
  displayName?: string;
  role?: Role;
  orgId?: number;
  active?: boolean;
}

export interface AuditFilters {
  entity?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface Paged<T> {
  total: number;
  rows: T[];
}

export interface AuditVerify {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
}

/** GET /goals/lint: the region-wide quality check of a year's goal tables (智能审核). */
export interface GoalLint {
  fiscalYear: number;
  rulesVersion: string;
  summary: FindingsSummary;
}

/** The goal table a finding is on. */
export interface GoalLintTable {
  /** The goal table's id (not the project's). */
  id: number;
  subjectKind: GoalSubjectKind;
  subjectCode: string;
  subjectName: string;
  departmentCode: string;
  departmentName: string;
}

export interface GoalFindingFilters {
  rule?: string | undefined;
  department?: string | undefined;
  severity?: "error" | "warning" | undefined;
  q?: string | undefined;
}

/** GET /goals/lint/findings: one page of 问题明细. */
export interface GoalFindingsPage {
  fiscalYear: number;
  rulesVersion: string;
  /** Findings that match the filters, and the tables they are on. */
  total: number;
  tables: number;
  rows: { table: GoalLintTable; finding: GoalFinding }[];
}

/** POST /goals/review-draws body. */
/** What a client asks for: the server makes the seed and records how. */
export type ReviewDrawParams = Omit<RollingDrawParams, "seed" | "seedMethod">;

/** A recorded 目标现场会审 draw: population and parameters are kept so anyone can re-run it. */
export interface ReviewDraw {
  id: number;
  fiscalYear: number;
  algorithm: string;
  params: RollingDrawParams;
  population: RollingDrawCandidate[];
  result: RollingDrawResult;
  createdAt: string;
}

export type ReviewDrawCreated = RollingDrawResult & { id: number };

export interface ReviewDrawReplay {
  id: number;
  matches: boolean;
  differences: string[];
}
