import type { ActionStatus } from "../../core/monitoring/actions";
import type {
  ActionKind,
  Likelihood,
  MonitoringExecution,
  MonitoringItem,
  MonitoringKind,
  MonitoringSubjectKind,
  ReportAnswers,
} from "../../core/monitoring/types";
import type { DeskReviewer, DeskStatus } from "../../core/review/desk-workflow";
import type { KeyDrawResult } from "../../core/sampling/key-draw";
import type { Scope } from "../../core/scope";
import type { TaskStatus } from "../../core/tasks/tasks";
import type { OrgRef } from "../org/ports";
import type { TaskChange } from "../tasks/ports";

/** Ports of monitoring (绩效运行监控). src/db implements them (db/repos/monitoring/). */

export interface MonitoringRound {
  id: number;
  fiscalYear: number;
  cutoffMonth: number;
  dueOn: string;
  selectionDueOn: string;
  status: "open" | "closed";
  openedAt: string;
  version: number;
}

/** A subject a department may monitor: a project, or its department-wide budget. */
export interface SubjectRef {
  subjectKind: MonitoringSubjectKind;
  /** The project's id, or the department budget's id. */
  id: number;
}

/** A subject as the selection page lists it. */
export interface MonitoringCandidate extends SubjectRef {
  code: string;
  name: string;
  department: OrgRef;
  unit: OrgRef;
  isKey: boolean;
  budget: number;
  /** Executed in months 1..N. */
  executed: number;
  /** The approved goal table in force; null when there is none (it cannot be monitored yet). */
  goalTableId: number | null;
  indicatorCount: number;
  /** Its report in this round, if chosen. */
  report: { id: number; kind: MonitoringKind; status: DeskStatus } | null;
}

export interface CandidateFilter {
  departmentId?: number | undefined;
  subjectKind?: MonitoringSubjectKind | undefined;
  q?: string | undefined;
  /** Only subjects not yet chosen in the round. */
  unchosen?: boolean | undefined;
}

/** A department's selection in a round. */
export interface MonitoringSelection {
  id: number;
  department: OrgRef;
  confirmedAt: string | null;
  /** Reports chosen in the department, by kind. */
  departmentReports: number;
  keyReports: number;
  /** Subjects the department could monitor (with an approved goal table). */
  candidates: number;
  taskId: number | null;
  taskStatus: TaskStatus | null;
  version: number;
}

/** What issuing reports did. */
export interface ReportsIssued {
  created: { id: number; orgId: number; name: string }[];
  /** Department reports turned key by finance's pick. */
  converted: { id: number; orgId: number; name: string }[];
  /** Already chosen (of the same kind, or key already). */
  existing: number;
}

/** Per report, what its light and the lists need: execution to N and the answered likelihoods. */
export interface ReportFigures {
  id: number;
  roundId: number;
  kind: MonitoringKind;
  subjectKind: MonitoringSubjectKind;
  code: string;
  name: string;
  department: OrgRef;
  unit: OrgRef;
  status: DeskStatus;
  returnedBy: DeskReviewer | null;
  budget: number;
  executed: number;
  expectedYearEnd: number | null;
  /** Every item's name and likelihood (null when not answered). */
  items: { name: string; likelihood: Likelihood | null }[];
  taskId: number | null;
  taskStatus: TaskStatus | null;
  dueOn: string | null;
  openActions: number;
  updatedAt: string;
  version: number;
}

export interface ReportDetail {
  id: number;
  round: MonitoringRound;
  kind: MonitoringKind;
  subjectKind: MonitoringSubjectKind;
  code: string;
  name: string;
  department: OrgRef;
  unit: OrgRef;
  goalTableId: number;
  selectedBy: "department" | "finance";
  status: DeskStatus;
  returnedBy: DeskReviewer | null;
  execution: MonitoringExecution;
  overallGoal: string;
  answers: Omit<ReportAnswers, "items">;
  items: MonitoringItem[];
  taskId: number | null;
  updatedAt: string;
  version: number;
}

export interface ReportFilter {
  roundId: number;
  kind?: MonitoringKind | undefined;
  status?: DeskStatus | undefined;
  departmentId?: number | undefined;
  /** The implementing unit. */
  unitId?: number | undefined;
  q?: string | undefined;
}

/** Which reports of a round `details` reads: a department's or a unit's, or these ids. */
export interface ReportDetailFilter {
  roundId: number;
  departmentId?: number | undefined;
  /** The implementing unit (reports it fills, or its department's own for a department). */
  unitId?: number | undefined;
  ids?: readonly number[] | undefined;
}

export interface MonitoringRepo {
  /** The new round's id; null when the year already has a round for that month (the unique index holds it). */
  insertRound(
    regionCode: string,
    r: { fiscalYear: number; cutoffMonth: number; dueOn: string; selectionDueOn: string; openedBy: number | null },
  ): Promise<number | null>;
  rounds(regionCode: string, fiscalYear: number): Promise<MonitoringRound[]>;
  round(regionCode: string, id: number): Promise<MonitoringRound | null>;
  /** The last month with imported execution for the year (0 when none): a round's N should not be past it. */
  executionMonths(regionCode: string, fiscalYear: number): Promise<number>;
  /**
   * A selection row and a 监控对象选取 task for every department with projects or a department-wide budget
   * in the year; the departments that got a new task.
   */
  issueSelections(regionCode: string, roundId: number): Promise<{ orgId: number; taskId: number }[]>;
  selections(scope: Scope, roundId: number): Promise<MonitoringSelection[]>;
  /** Marks a department's selection confirmed (or not); false when the department has no selection in the round. */
  confirmSelection(
    regionCode: string,
    roundId: number,
    departmentId: number,
    confirmed: { at: Date; by: number | null } | null,
  ): Promise<boolean>;
  candidates(scope: Scope, roundId: number, filter: CandidateFilter): Promise<MonitoringCandidate[]>;
  /**
   * Issues reports for these subjects of one department (department kind) or of any department (key kind):
   * copies the items of each subject's approved goal table in force, and a task per report to its
   * declarer. Subjects already in the round are skipped, or turned key when `kind` is key.
   */
  issueReports(
    regionCode: string,
    roundId: number,
    subjects: readonly SubjectRef[],
    kind: MonitoringKind,
    selectedBy: "department" | "finance",
  ): Promise<ReportsIssued>;
  /** Removes reports still untouched (draft, never saved); the ids removed. */
  removeUntouched(regionCode: string, reportIds: readonly number[]): Promise<number[]>;
  figures(scope: Scope, filter: ReportFilter): Promise<ReportFigures[]>;
  detail(scope: Scope, id: number): Promise<ReportDetail | null>;
  /** The details of many reports of a round in the scope, in the list's order: two statements, whatever their number. */
  details(scope: Scope, filter: ReportDetailFilter): Promise<ReportDetail[]>;
  /** Locks the report's row for this transaction and reads its state. */
  lockState(
    regionCode: string,
    id: number,
  ): Promise<{ status: DeskStatus; returnedBy: DeskReviewer | null; version: number } | null>;
  /** Writes the answers at `version` (the caller holds the lock); the new version or null when stale. */
  saveAnswers(regionCode: string, id: number, version: number, answers: ReportAnswers): Promise<number | null>;
  setStatus(
    regionCode: string,
    id: number,
    version: number,
    next: { status: DeskStatus; returnedBy: DeskReviewer | null },
  ): Promise<number | null>;
  /** Brings the tasks of these reports, and of their departments' selections, up to date. */
  followReports(regionCode: string, reportIds: readonly number[], at: Date): Promise<TaskChange[]>;
  /** The follow-up actions of these rounds' reports in the scope: status, due day and department, for the counts. */
  actionStates(
    scope: Scope,
    roundIds: readonly number[],
  ): Promise<{ roundId: number; departmentId: number; status: ActionStatus; dueOn: string }[]>;
  /** Records a round's key draw; null when the round was drawn already (the unique index holds it). */
  insertDraw(
    regionCode: string,
    roundId: number,
    record: KeyDrawResult,
    createdBy: number | null,
  ): Promise<number | null>;
  draw(regionCode: string, roundId: number): Promise<StoredKeyDraw | null>;
  /** Brings the selection tasks of these departments in the round up to date. */
  followSelections(
    regionCode: string,
    roundId: number,
    departmentIds: readonly number[],
    at: Date,
  ): Promise<TaskChange[]>;
}

export interface StoredKeyDraw {
  id: number;
  roundId: number;
  record: KeyDrawResult;
  createdAt: string;
  createdByName: string | null;
}

export interface MonitoringAction {
  id: number;
  reportId: number;
  kind: ActionKind;
  requirement: string;
  org: OrgRef;
  dueOn: string;
  status: ActionStatus;
  response: string | null;
  reviewNote: string | null;
  goalTableId: number | null;
  createdAt: string;
  closedAt: string | null;
  taskId: number | null;
  version: number;
}
