import type { Tie } from "../../core/evaluations/conflicts";
import type { DepartmentEvalCount, KeyProjectHistory } from "../../core/evaluations/coverage";
import type { EvaluationFramework } from "../../core/evaluations/framework";
import type { EvaluationSort, FirmRating } from "../../core/evaluations/list";
import type { EvaluationKind, EvaluationStatus } from "../../core/evaluations/workflow";
import type { Scope } from "../../core/scope";
import type { OrgRef } from "../org/ports";
import type { Page } from "../ports";
import type { TaskChange } from "../tasks/ports";

/** Ports of evaluations (部门评价, 财政重点评价) and the expert pool. src/db implements them (db/repos/evaluations/). */

export interface ExpertRecord {
  id: number;
  name: string;
  employer: string;
  /** The organisation of the region the expert works for (回避 of its projects), if any. */
  employerOrg: (OrgRef & { path: string }) | null;
  title: string;
  fields: string[];
  phone: string;
  /** The account the expert scores with (role expert). */
  user: { id: number; username: string; name: string; orgId: number } | null;
  active: boolean;
  version: number;
}

export interface ExpertInput {
  name: string;
  employer: string;
  employerOrgId: number | null;
  title: string;
  fields: string[];
  phone: string;
  userId: number | null;
  active: boolean;
}

export interface ExpertFilter {
  q?: string | undefined;
  field?: string | undefined;
  active?: boolean | undefined;
}

export interface TieRecord {
  id: number;
  expert: { id: number; name: string } | null;
  firm: OrgRef | null;
  org: OrgRef & { path: string };
  kind: "evaluated" | "advised";
  fiscalYear: number;
  note: string;
  createdAt: string;
}

export interface ExpertRepo {
  list(regionCode: string, filter: ExpertFilter, page: number, pageSize: number): Promise<Page<ExpertRecord>>;
  get(regionCode: string, id: number): Promise<ExpertRecord | null>;
  /** These experts (any state), for forming a team. */
  many(regionCode: string, ids: readonly number[]): Promise<ExpertRecord[]>;
  /** Null when the account is already another expert's (the unique index). */
  insert(regionCode: string, input: ExpertInput, createdBy: number | null): Promise<number | null>;
  /** The new version; null when stale. Throws the unique refusal as insert does (null). */
  update(regionCode: string, id: number, version: number, input: ExpertInput): Promise<number | null | "taken">;
  ties(
    regionCode: string,
    filter: { expertId?: number | undefined; firmId?: number | undefined },
  ): Promise<TieRecord[]>;
  addTie(
    regionCode: string,
    t: {
      expertId: number | null;
      firmId: number | null;
      orgId: number;
      kind: "evaluated" | "advised";
      fiscalYear: number;
      note: string;
      createdBy: number | null;
    },
  ): Promise<number>;
  removeTie(regionCode: string, id: number): Promise<TieRecord | null>;
}

export interface ScoreRecord {
  uid: string;
  points: number;
  comment: string;
}

export interface MemberRecord {
  id: number;
  /** Null: the department itself, on its own evaluation. */
  expert: { id: number; name: string; fields: string[] } | null;
  userId: number | null;
  isLead: boolean;
  submittedAt: string | null;
  scores: ScoreRecord[];
  version: number;
}

export interface EvaluationReport {
  basics: string;
  work: string;
  problems: string;
  recommendations: string;
}

/** One evaluation with everything stored about it; what a viewer sees of the scores is the use case's rule. */
export interface EvaluationRecord {
  id: number;
  fiscalYear: number;
  kind: EvaluationKind;
  status: EvaluationStatus;
  project: { id: number; code: string; name: string };
  unit: OrgRef;
  department: OrgRef;
  unitPath: string;
  owner: OrgRef;
  firm: OrgRef | null;
  framework: EvaluationFramework;
  rulesVersion: string;
  amount: number;
  overridePoints: number | null;
  overrideReason: string | null;
  report: Partial<EvaluationReport>;
  returnNote: string | null;
  dueOn: string | null;
  finalisedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  members: MemberRecord[];
}

/** A list row: the evaluation without its framework, with its members' submission state and totals. */
export interface EvaluationRow {
  id: number;
  fiscalYear: number;
  kind: EvaluationKind;
  status: EvaluationStatus;
  project: { id: number; code: string; name: string };
  unit: OrgRef;
  department: OrgRef;
  owner: OrgRef;
  firm: OrgRef | null;
  amount: number;
  overridePoints: number | null;
  overrideReason: string | null;
  members: number;
  /** Totals (hundredths) of the submitted sheets. */
  submittedTotals: number[];
  updatedAt: string;
  version: number;
}

export interface EvaluationFilter {
  fiscalYear: number;
  kind?: EvaluationKind | undefined;
  status?: EvaluationStatus | undefined;
  departmentId?: number | undefined;
  q?: string | undefined;
}

/** Who reads: the scope, and the account (an expert sees the evaluations whose team they are on). */
export interface EvaluationViewer {
  scope: Scope;
  userId: number | null;
  /** An expert's account: it sees only the teams it is on (not everything of its organisation). */
  expert: boolean;
}

/** A project an evaluation may be made of, with what the checks need. */
export interface EvaluableProject {
  id: number;
  fiscalYear: number;
  code: string;
  name: string;
  adjustedBudget: number;
  unitId: number;
  unitPath: string;
  departmentId: number;
  departmentPath: string;
}

export interface NewMember {
  expertId: number | null;
  userId: number | null;
  isLead: boolean;
}

/** A tie of a candidate member (expert or firm) that may bar them, as core/evaluations/conflicts.ts reads it. */
export interface CandidateTie extends Tie {
  /** The expert it bars; null for the firm. */
  expertId: number | null;
}

export interface LedgerEntry {
  id: number;
  fiscalYear: number;
  firm: OrgRef;
  evaluation: { id: number; projectCode: string; projectName: string };
  onTime: boolean;
  reworks: number;
  rating: FirmRating;
  note: string;
  updatedAt: string;
  version: number;
}

/** An evaluation as the year's summary and its export read it. */
export interface SummaryRow {
  id: number;
  kind: EvaluationKind;
  status: EvaluationStatus;
  amount: number;
  project: { code: string; name: string };
  unitName: string;
  departmentName: string;
  /** Totals (hundredths) of the submitted sheets. */
  submittedTotals: number[];
  overridePoints: number | null;
  overrideReason: string | null;
}

export interface EvaluationRepo {
  /** Every evaluation of the year the viewer sees, in one statement (kind, project code order). */
  summaryRows(viewer: EvaluationViewer, fiscalYear: number): Promise<SummaryRow[]>;
  project(regionCode: string, projectId: number): Promise<EvaluableProject | null>;
  list(
    viewer: EvaluationViewer,
    filter: EvaluationFilter,
    paging: {
      sort: EvaluationSort;
      order: "asc" | "desc";
      page: number;
      pageSize: number;
    },
  ): Promise<Page<EvaluationRow>>;
  get(viewer: EvaluationViewer, id: number): Promise<EvaluationRecord | null>;
  /** Locks the evaluation's row for the transaction; its state. */
  lock(
    regionCode: string,
    id: number,
  ): Promise<{ kind: EvaluationKind; status: EvaluationStatus; version: number } | null>;
  /** Null when the project already has an evaluation of this kind in the year (the unique index). */
  insert(
    regionCode: string,
    e: {
      fiscalYear: number;
      kind: EvaluationKind;
      projectId: number;
      ownerOrgId: number;
      framework: EvaluationFramework;
      rulesVersion: string;
      amount: number;
      dueOn: string | null;
      createdBy: number | null;
    },
    members: readonly NewMember[],
  ): Promise<number | null>;
  /** Replaces the team (firm and members) of a draft evaluation at `version`; the new version or null. */
  setTeam(
    regionCode: string,
    id: number,
    version: number,
    firmId: number | null,
    members: readonly NewMember[],
  ): Promise<number | null>;
  /** Moves the evaluation from `from` to `to` at `version`; the new version or null. */
  setStatus(
    regionCode: string,
    id: number,
    version: number,
    from: EvaluationStatus,
    to: EvaluationStatus,
    extra?: { returnNote?: string | null; dueOn?: string | null },
  ): Promise<number | null>;
  setOverride(
    regionCode: string,
    id: number,
    version: number,
    points: number | null,
    reason: string | null,
  ): Promise<number | null>;
  saveReport(regionCode: string, id: number, version: number, report: EvaluationReport): Promise<number | null>;
  /** Locks a member row; its state. */
  lockMember(
    regionCode: string,
    memberId: number,
  ): Promise<{ evaluationId: number; submittedAt: string | null; version: number } | null>;
  /** Upserts these scores on an unsubmitted sheet at `version`; the new version or null. */
  saveSheet(
    regionCode: string,
    memberId: number,
    version: number,
    scores: readonly ScoreRecord[],
  ): Promise<number | null>;
  /** Closes the sheet at `version` (submitted now); null when stale or already submitted. */
  submitSheet(regionCode: string, memberId: number, version: number): Promise<number | null>;
  /** Reopens every submitted sheet of a department evaluation (returned to the department). */
  reopenSheets(regionCode: string, evaluationId: number): Promise<void>;
  /** One 评分 task per expert member of the evaluation (owner: the expert's account and its firm); the new ones. */
  issueScoringTasks(
    regionCode: string,
    evaluationId: number,
    dueOn: string,
  ): Promise<{ taskId: number; orgId: number; memberId: number; title: string }[]>;
  /** Brings the scoring tasks of these members up to date with their sheets. */
  followScoring(regionCode: string, memberIds: readonly number[], at: Date): Promise<TaskChange[]>;
  /** Issues a department_evaluation task to every department with projects in the year (or moves the due day). */
  openDepartmentYear(
    regionCode: string,
    fiscalYear: number,
    dueOn: string,
  ): Promise<{ created: { taskId: number; orgId: number }[]; existing: number }>;
  departmentTask(regionCode: string, fiscalYear: number, departmentId: number): Promise<{ id: number } | null>;
  /** Brings these departments' tasks of the year (all when null) up to date with their evaluations. */
  followDepartments(
    regionCode: string,
    fiscalYear: number,
    departmentIds: readonly number[] | null,
    minProjects: number,
    at: Date,
  ): Promise<TaskChange[]>;
  departmentCounts(scope: Scope, fiscalYear: number): Promise<DepartmentEvalCount[]>;
  keyHistory(regionCode: string, fiscalYear: number, cycleYears: number): Promise<KeyProjectHistory[]>;
  /** Every tie that may bar these experts or this firm from a project (own organisation, declared, past teams). */
  candidateTies(
    regionCode: string,
    fiscalYear: number,
    expertIds: readonly number[],
    firmId: number | null,
  ): Promise<CandidateTie[]>;
  upsertLedger(
    regionCode: string,
    e: {
      fiscalYear: number;
      firmId: number;
      evaluationId: number;
      onTime: boolean;
      reworks: number;
      rating: LedgerEntry["rating"];
      note: string;
      createdBy: number | null;
    },
  ): Promise<LedgerEntry>;
  ledger(
    regionCode: string,
    filter: { fiscalYear?: number | undefined; firmId?: number | undefined },
  ): Promise<LedgerEntry[]>;
}
