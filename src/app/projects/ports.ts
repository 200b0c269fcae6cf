import type { Fen } from "../../core/money";
import type { ProjectCategory, ProjectSort, SizeBand } from "../../core/project";
import type { Scope } from "../../core/scope";
import type { OrgRef } from "../org/ports";
import type { Page, Paging } from "../ports";

/** Ports of the project library (项目库) and department-wide budgets with their execution. src/db implements them. */

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

export { PROJECT_SORTS, type ProjectSort } from "../../core/project";

export interface ProjectFilter {
  fiscalYear: number;
  q?: string | undefined;
  departmentId?: number | undefined;
  unitId?: number | undefined;
  category?: ProjectCategory | undefined;
  size?: SizeBand | undefined;
  isKey?: boolean | undefined;
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
