import type { Scope } from "../../core/scope";
import type { SelfEvalSubjectKind } from "../../core/selfeval/form";
import type { ReviewBasis, ReviewStatus } from "../../core/selfeval/review";
import type { TaskStatus } from "../../core/tasks/tasks";
import type { OrgRef } from "../org/ports";
import type { TaskChange } from "../tasks/ports";

/** Ports of the spot-check review (抽查复核) of self-evaluations. src/db implements them (db/repos/selfeval/reviews.ts). */

/** Who may see which reviews: finance the region, a reviewer those assigned to them, others those of their forms once confirmed. */
export type ReviewViewer = { scope: Scope; userId: number | null };

export interface ReviewItemScore {
  uid: string;
  points: number | null;
  notApplicable: boolean;
  comment: string | null;
}

export interface ReviewRecord {
  id: number;
  fiscalYear: number;
  formId: number;
  basis: ReviewBasis;
  subjectKind: SelfEvalSubjectKind;
  code: string;
  name: string;
  department: OrgRef;
  unit: OrgRef;
  /** Org paths of the unit and the department, for the conflict checks. */
  unitPath: string;
  departmentPath: string;
  /** 全年预算数 of the form (as submitted). */
  budget: number;
  firm: OrgRef | null;
  reviewer: { id: number; name: string } | null;
  status: ReviewStatus;
  guidance: string;
  reviewNote: string | null;
  items: ReviewItemScore[];
  taskId: number | null;
  taskStatus: TaskStatus | null;
  assignedAt: string | null;
  submittedAt: string | null;
  confirmedAt: string | null;
  updatedAt: string;
  version: number;
}

export interface ReviewFilter {
  fiscalYear: number;
  status?: ReviewStatus | undefined;
  basis?: ReviewBasis | undefined;
  subjectKind?: SelfEvalSubjectKind | undefined;
  departmentId?: number | undefined;
  reviewerId?: number | undefined;
  ids?: readonly number[] | undefined;
  q?: string | undefined;
}

/** A project self-evaluation the draw may pick: approved by finance, with its figures as submitted. */
export interface DrawPopulationRow {
  formId: number;
  code: string;
  name: string;
  departmentCode: string;
  budget: number;
}

export interface StoredReviewDraw {
  id: number;
  fiscalYear: number;
  record: unknown;
  createdAt: string;
  createdByName: string | null;
}

export interface FirmReviewer {
  id: number;
  username: string;
  name: string;
  active: boolean;
}

export interface ReviewConflict {
  id: number;
  firm: OrgRef;
  /** Null: the whole firm. */
  reviewer: { id: number; name: string } | null;
  org: OrgRef & { path: string };
  reason: string;
  createdAt: string;
}

export interface ReviewAssignment {
  reviewId: number;
  firmId: number;
  reviewerId: number;
}

export interface SelfEvalReviewRepo {
  population(regionCode: string, fiscalYear: number): Promise<DrawPopulationRow[]>;
  /** Forms of department-wide budgets of the year, approved by finance. */
  deptWideForms(regionCode: string, fiscalYear: number): Promise<{ formId: number; code: string }[]>;
  /** Records the year's draw; null when the year was drawn already (the unique index holds it). */
  insertDraw(
    regionCode: string,
    fiscalYear: number,
    algorithm: string,
    record: unknown,
    createdBy: number | null,
  ): Promise<number | null>;
  draw(regionCode: string, fiscalYear: number): Promise<StoredReviewDraw | null>;
  /** Takes these forms into the review; forms already in it are skipped. The new reviews' ids. */
  insertReviews(
    regionCode: string,
    fiscalYear: number,
    entries: readonly { formId: number; basis: ReviewBasis }[],
  ): Promise<number[]>;
  reviews(viewer: ReviewViewer, filter: ReviewFilter): Promise<ReviewRecord[]>;
  review(viewer: ReviewViewer, id: number): Promise<ReviewRecord | null>;
  lock(
    regionCode: string,
    id: number,
  ): Promise<{ status: ReviewStatus; reviewerId: number | null; version: number } | null>;
  /** Locks these reviews in id order (two assignments wait for each other, never deadlock); their versions. */
  lockVersions(regionCode: string, ids: readonly number[]): Promise<{ id: number; version: number }[]>;
  /**
   * Assigns (or reassigns) reviews still unassigned or assigned, and issues or moves their tasks; a review
   * given to another reviewer loses the former one's scores and guidance.
   */
  assign(
    regionCode: string,
    assignments: readonly ReviewAssignment[],
    dueOn: string,
  ): Promise<{ taskId: number; orgId: number; reviewId: number }[]>;
  saveScores(
    regionCode: string,
    id: number,
    version: number,
    input: { guidance: string; items: readonly ReviewItemScore[] },
  ): Promise<number | null>;
  setStatus(
    regionCode: string,
    id: number,
    version: number,
    status: ReviewStatus,
    note: string | null,
  ): Promise<number | null>;
  followReviews(regionCode: string, ids: readonly number[], at: Date): Promise<TaskChange[]>;
  firms(regionCode: string): Promise<(OrgRef & { reviewers: FirmReviewer[] })[]>;
  conflicts(regionCode: string, firmId?: number): Promise<ReviewConflict[]>;
  addConflict(
    regionCode: string,
    c: { firmId: number; userId: number | null; orgId: number; reason: string; createdBy: number | null },
  ): Promise<number>;
  removeConflict(regionCode: string, id: number): Promise<ReviewConflict | null>;
}
