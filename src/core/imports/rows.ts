import type { Fen } from "../money";
import type { ProjectCategory } from "../project";

/**
 * Typed rows of each import kind, after cell-by-cell validation. The demo district is produced in
 * the same shapes and loaded through the same import use case as a budget-system file.
 */
export interface OrgRow {
  code: string;
  name: string;
  kind: "department" | "unit";
  /** For a unit: its department's code. Empty for a department. */
  parentCode: string | null;
  sector: string | null;
  contactName: string | null;
  contactPhone: string | null;
}

export interface ProjectRow {
  fiscalYear: number;
  code: string;
  name: string;
  departmentCode: string;
  /** The implementing unit; a department implementing its own project gives its own code. */
  unitCode: string;
  category: ProjectCategory;
  isKey: boolean;
  sector: string | null;
  initialBudget: Fen;
  adjustedBudget: Fen;
  fiscalFunds: Fen;
  otherFunds: Fen;
}

export interface ExecutionRow {
  fiscalYear: number;
  projectCode: string;
  month: number;
  /** Paid in that month (not cumulative). */
  executed: Fen;
}

export interface DeptBudgetRow {
  fiscalYear: number;
  departmentCode: string;
  initialBudget: Fen;
  adjustedBudget: Fen;
  fiscalFunds: Fen;
  otherFunds: Fen;
}

/** A department's whole-budget payments in one month (基本支出 and 项目支出 together). */
export interface DeptExecutionRow {
  fiscalYear: number;
  departmentCode: string;
  month: number;
  executed: Fen;
}

/**
 * 下年度预算申请: what a project of the year before asks for the budget year. The project name a file may
 * carry is for the clerk's eye and is not kept (the project's own name counts).
 */
export interface RequestRow {
  budgetYear: number;
  projectCode: string;
  amount: Fen;
  /** 刚性支出; blank reads as 否. */
  rigid: boolean;
}

export interface ImportRowsByKind {
  orgs: OrgRow;
  projects: ProjectRow;
  execution: ExecutionRow;
  "dept-budgets": DeptBudgetRow;
  "dept-execution": DeptExecutionRow;
  requests: RequestRow;
}

/** One finding of an import, named by the file's row number (1 = header) and column header. */
export interface ImportIssue {
  row: number;
  column: string | null;
  field: string | null;
  code: string;
  message: string;
}
