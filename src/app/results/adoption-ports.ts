import type { AdjustmentSort } from "../../core/results/list";
import type { AdjustmentAction, ResultRule } from "../../core/results/rules";
import type { Scope } from "../../core/scope";
import type { Page } from "../ports";

export type { AdjustmentSort };

/**
 * Ports of result application (结果应用): rule sets, what a simulation reads beyond the scores, and the
 * adopted lists. src/db implements them (db/repos/results/).
 */

export interface StoredResultRuleSet {
  id: number;
  fiscalYear: number;
  name: string;
  version: number;
  rules: ResultRule[];
  note: string;
  createdAt: string;
  createdByName: string | null;
}

export interface NewResultRuleSet {
  fiscalYear: number;
  name: string;
  version: number;
  rules: ResultRule[];
  note: string;
  createdBy: number | null;
}

/** A request with the project it belongs to (the results year's project of that code). */
export interface RequestForSimulation {
  projectId: number;
  projectCode: string;
  projectName: string;
  departmentId: number;
  departmentName: string;
  unitId: number;
  amount: number;
  rigid: boolean;
  keyProject: boolean;
}

/** A project's rectification items of the year: not yet accepted, and of those past their deadline. */
export interface RectificationByProject {
  projectCode: string;
  open: number;
  overdue: number;
  /** The notice the first open item belongs to. */
  noticeId: number;
  noticeTitle: string;
}

/** Follow-up actions of a monitoring report: how many, and how many closed (办结). */
export interface ReportActions {
  reportId: number;
  actions: number;
  closed: number;
}

export interface AdoptionRecord {
  id: number;
  fiscalYear: number;
  seq: number;
  status: "current" | "superseded";
  reason: string;
  ruleSet: { id: number; name: string; version: number };
  average: bigint | null;
  deptScoreVersion: string;
  snapshot: unknown;
  adoptedAt: string;
  adoptedByName: string | null;
  supersededAt: string | null;
  /** Sums of its rows, integer fen. */
  projects: number;
  adjusted: number;
  request: number;
  cut: number;
  raise: number;
  newAmount: number;
}

export interface NewAdoption {
  fiscalYear: number;
  seq: number;
  ruleSetId: number;
  reason: string;
  average: bigint | null;
  deptScoreVersion: string;
  snapshot: unknown;
  adoptedBy: number | null;
}

export interface NewAdjustment {
  projectId: number;
  projectCode: string;
  projectName: string;
  departmentId: number;
  departmentName: string;
  unitId: number;
  request: number;
  action: AdjustmentAction;
  cut: number;
  raise: number;
  newAmount: number;
  ruleIndex: number | null;
  ruleLabel: string | null;
  reason: string;
  evidence: { label: string; link: string }[];
}

export interface AdjustmentRecord extends NewAdjustment {
  id: number;
  adoptionId: number;
  unitName: string;
  taskId: number | null;
  taskStatus: string | null;
}

export interface AdjustmentFilter {
  adoptionId: number;
  departmentId?: number | undefined;
  action?: AdjustmentAction | undefined;
  /** Only the rows with something cut or added. */
  adjustedOnly?: boolean | undefined;
  /** Project code or name, department or unit name. */
  q?: string | undefined;
}

export interface AdjustmentTotals {
  departmentId: number;
  departmentName: string;
  projects: number;
  adjusted: number;
  request: number;
  cut: number;
  raise: number;
  newAmount: number;
}

export interface ResultRepo {
  ruleSetVersions(regionCode: string, fiscalYear: number): Promise<StoredResultRuleSet[]>;
  ruleSet(regionCode: string, id: number): Promise<StoredResultRuleSet | null>;
  /** Null when that name and version already exist (two saves at once: one wins). */
  insertRuleSet(regionCode: string, r: NewResultRuleSet): Promise<number | null>;

  requests(regionCode: string, budgetYear: number): Promise<RequestForSimulation[]>;
  rectificationByProject(regionCode: string, fiscalYear: number, today: string): Promise<RectificationByProject[]>;
  reportActions(regionCode: string, fiscalYear: number): Promise<ReportActions[]>;

  adoptions(regionCode: string, fiscalYear: number): Promise<AdoptionRecord[]>;
  adoption(regionCode: string, id: number): Promise<AdoptionRecord | null>;
  /** Null when the year already has a current adoption or that seq (two adoptions at once: one wins). */
  insertAdoption(regionCode: string, a: NewAdoption): Promise<number | null>;
  /** Marks the current adoption superseded; false when it no longer is current. */
  supersede(regionCode: string, id: number, at: Date): Promise<boolean>;
  insertAdjustments(regionCode: string, adoptionId: number, rows: readonly NewAdjustment[]): Promise<void>;
  /**
   * Issues a 预算调整告知 task, due on `dueOn`, to the unit of every adjusted row (cut or raised) of the
   * adoption; closes the open ones of the adoption it replaces. The tasks issued.
   */
  issueAdjustmentTasks(
    regionCode: string,
    fiscalYear: number,
    adoptionId: number,
    dueOn: string,
    replaced: number | null,
  ): Promise<{ taskId: number; orgId: number; title: string; projectCode: string }[]>;
  adjustments(
    scope: Scope,
    filter: AdjustmentFilter,
    paging: { sort: AdjustmentSort; order: "asc" | "desc"; page: number; pageSize: number },
  ): Promise<Page<AdjustmentRecord>>;
  adjustment(scope: Scope, id: number): Promise<AdjustmentRecord | null>;
  /** Sums of an adoption's lines the scope may see, per department, in the department order. */
  departmentTotals(scope: Scope, adoptionId: number): Promise<AdjustmentTotals[]>;
  /** Marks an open 预算调整告知 task done (the unit has read it); false when it is no longer open. */
  acknowledge(regionCode: string, taskId: number, at: Date): Promise<boolean>;
}
