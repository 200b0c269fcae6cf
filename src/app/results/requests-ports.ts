import type { Fen } from "../../core/money";
import type { RequestSort } from "../../core/results/requests";
import type { Scope } from "../../core/scope";
import type { OrgRef } from "../org/ports";
import type { Page, Paging } from "../ports";

/** Ports of 下年度预算申请 (next year's budget requests). src/db implements them (db/repos/results/requests.ts). */

export interface BudgetRequestFilter {
  budgetYear: number;
  departmentId?: number | undefined;
  rigid?: boolean | undefined;
  /** In the project's code or name. */
  q?: string | undefined;
}

export interface BudgetRequestRecord {
  id: number;
  budgetYear: number;
  /** The project of the year before (the results year) the request belongs to. */
  project: { id: number; code: string; name: string; fiscalYear: number; adjustedBudget: Fen };
  unit: OrgRef;
  department: OrgRef;
  amount: Fen;
  rigid: boolean;
  /** The import batch that last wrote it; null when typed by hand. */
  batchId: number | null;
  updatedAt: string;
  version: number;
}

/** What a hand edit may change. */
export interface BudgetRequestFields {
  amount: Fen;
  rigid: boolean;
}

export interface BudgetRequestRepo {
  /** A page of the budget year's requests the scope may see (by the project's unit), with their sum. */
  list(
    scope: Scope,
    filter: BudgetRequestFilter,
    paging: Paging<RequestSort>,
  ): Promise<Page<BudgetRequestRecord> & { totalAmount: number }>;
  /** One request, if the scope may see it. */
  get(scope: Scope, id: number): Promise<BudgetRequestRecord | null>;
  /** The region's project of the year with this code. */
  projectByCode(
    regionCode: string,
    fiscalYear: number,
    code: string,
  ): Promise<{ id: number; code: string; name: string } | null>;
  /** Whether the code already has a request of the budget year. */
  exists(regionCode: string, budgetYear: number, code: string): Promise<boolean>;
  /** A typed request; a second one for the code and year is refused (BUDGET_REQUEST_EXISTS) by the unique index. */
  insert(
    regionCode: string,
    r: { budgetYear: number; projectId: number; projectCode: string } & BudgetRequestFields,
  ): Promise<number>;
  /** The new version, or null when the version read is no longer the stored one. Typed now: no batch. */
  update(regionCode: string, id: number, version: number, fields: BudgetRequestFields): Promise<number | null>;
  /** False when the version read is no longer the stored one (or the request is gone). */
  remove(regionCode: string, id: number, version: number): Promise<boolean>;
}
