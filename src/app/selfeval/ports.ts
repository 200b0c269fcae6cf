import type { DeskReviewer, DeskStatus } from "../../core/review/desk-workflow";
import type { Scope } from "../../core/scope";
import type { FormAnswers, SelfEvalFigures, SelfEvalItem, SelfEvalSubjectKind } from "../../core/selfeval/form";
import type { TaskStatus } from "../../core/tasks/tasks";
import type { OrgRef } from "../org/ports";
import type { TaskChange } from "../tasks/ports";

/** Ports of self-evaluation (单位自评). src/db implements them (db/repos/selfeval/). */

export interface SelfEvalRound {
  id: number;
  fiscalYear: number;
  dueOn: string;
  rulesVersion: string;
  status: "open" | "closed";
  openedAt: string;
  version: number;
}

/** A subject to issue a form for: a project or department-wide budget with an approved goal table. */
export interface FormSubject {
  subjectKind: SelfEvalSubjectKind;
  /** The project's id, or the department budget's id. */
  id: number;
  code: string;
  departmentId: number;
  unitId: number;
  goalTableId: number;
  indicators: (Omit<SelfEvalItem, "weight" | "formula"> & { goalWeight: number })[];
}

/** A form to insert with its items and their points. */
export interface NewForm {
  subjectKind: SelfEvalSubjectKind;
  subjectId: number;
  code: string;
  departmentId: number;
  unitId: number;
  goalTableId: number;
  executionWeight: number;
  missingWeight: number;
  items: SelfEvalItem[];
}

export interface FormDetail {
  id: number;
  round: SelfEvalRound;
  subjectKind: SelfEvalSubjectKind;
  code: string;
  name: string;
  department: OrgRef;
  unit: OrgRef;
  goalTableId: number;
  overallGoal: string;
  status: DeskStatus;
  returnedBy: DeskReviewer | null;
  rulesVersion: string;
  executionWeight: number;
  missingWeight: number;
  /** Live while the form is filled, as submitted after. */
  figures: SelfEvalFigures;
  answers: FormAnswers;
  items: SelfEvalItem[];
  taskId: number | null;
  taskStatus: TaskStatus | null;
  dueOn: string | null;
  updatedAt: string;
  version: number;
}

export interface FormFilter {
  fiscalYear: number;
  departmentId?: number | undefined;
  unitId?: number | undefined;
  subjectKind?: SelfEvalSubjectKind | undefined;
  status?: DeskStatus | undefined;
  q?: string | undefined;
  ids?: readonly number[] | undefined;
}

/** Per department: its subjects of the year and how far their self-evaluation has come. */
export interface CoverageRow {
  department: OrgRef;
  subjectKind: SelfEvalSubjectKind;
  /** Subjects with a budget in the year, and their adjusted budget (fen). */
  subjects: number;
  budget: number;
  /** With a form (an approved goal table when issued). */
  forms: number;
  /** Submitted or beyond, and approved by finance. */
  submitted: number;
  submittedBudget: number;
  approved: number;
  approvedBudget: number;
}

export interface SelfEvalRepo {
  /**
   * Serialises the writes that must see each other in a region (opening a year, saving rules) until the
   * transaction ends: a year without rules of its own inherits an earlier year's, so a version saved for
   * any year while another year opens would otherwise not be the one its forms got.
   */
  lockRules(regionCode: string): Promise<void>;
  /** The new round's id; null when the year already has one (the unique index holds it). */
  insertRound(
    regionCode: string,
    r: { fiscalYear: number; dueOn: string; rulesVersion: string; openedBy: number | null },
  ): Promise<number | null>;
  round(regionCode: string, fiscalYear: number): Promise<SelfEvalRound | null>;
  /** The years from `fromYear` on whose self-evaluation has opened, in order. */
  openedYears(regionCode: string, fromYear: number): Promise<number[]>;
  /** Moves the due day of the round and of every open task of the year. */
  setDueOn(regionCode: string, roundId: number, dueOn: string): Promise<void>;
  /** Subjects of the year with an approved goal table and no form yet, with the table's indicators. */
  uncovered(regionCode: string, fiscalYear: number): Promise<FormSubject[]>;
  /** Subjects of the year without an approved goal table (they cannot be self-evaluated yet). */
  withoutGoals(
    regionCode: string,
    fiscalYear: number,
  ): Promise<{ subjectKind: SelfEvalSubjectKind; code: string; name: string }[]>;
  /** Inserts forms and their items in two statements; subjects already holding a form are skipped. */
  insertForms(regionCode: string, round: SelfEvalRound, forms: readonly NewForm[]): Promise<number[]>;
  /** A task for every organisation that fills forms of the year and has none; the new ones. */
  issueTasks(regionCode: string, round: SelfEvalRound): Promise<{ orgId: number; taskId: number }[]>;
  /** Brings the tasks of the organisations filling these forms up to date. */
  followForms(regionCode: string, formIds: readonly number[], at: Date): Promise<TaskChange[]>;
  detail(scope: Scope, id: number): Promise<FormDetail | null>;
  /** Many forms of a year in the scope with their items and answers: three statements, whatever their number. */
  details(scope: Scope, filter: FormFilter): Promise<FormDetail[]>;
  coverage(scope: Scope, fiscalYear: number): Promise<CoverageRow[]>;
  lockState(
    regionCode: string,
    id: number,
  ): Promise<{ status: DeskStatus; returnedBy: DeskReviewer | null; version: number } | null>;
  /** Locks many forms (in id order) and reads their state, by id. */
  lockStates(
    regionCode: string,
    ids: readonly number[],
  ): Promise<Map<number, { status: DeskStatus; returnedBy: DeskReviewer | null; version: number }>>;
  /**
   * setStatus for many forms in one statement, each at its version; the new versions by id (a form whose
   * version moved is missing from the answer).
   */
  setStatuses(
    regionCode: string,
    changes: readonly {
      id: number;
      version: number;
      next: { status: DeskStatus; returnedBy: DeskReviewer | null };
      figures: SelfEvalFigures | null;
    }[],
  ): Promise<Map<number, number>>;
  /** Writes the answers at `version` (the caller holds the lock); the new version or null when stale. */
  saveAnswers(regionCode: string, id: number, version: number, answers: FormAnswers): Promise<number | null>;
  /** Sets the status; `figures` keeps the budget figures as submitted (null clears them to read live again). */
  setStatus(
    regionCode: string,
    id: number,
    version: number,
    next: { status: DeskStatus; returnedBy: DeskReviewer | null },
    figures: SelfEvalFigures | null,
  ): Promise<number | null>;
}
