import type { Phase, PlanPhase } from "../../core/plan/phases";

/**
 * Ports of the work plan (年度工作安排): a plan per region and fiscal year with its phases. src/db
 * implements them.
 */

export interface StoredPhase extends PlanPhase {
  /** The due date given when the phase was opened. */
  dueOn: string | null;
  openedAt: string | null;
}

export interface StoredPlan {
  id: number;
  fiscalYear: number;
  version: number;
  updatedAt: string;
  phases: StoredPhase[];
}

export interface PlanRepo {
  get(regionCode: string, fiscalYear: number): Promise<StoredPlan | null>;
  /** Stores a year's first plan; null when another writer stored one first (the caller reads it again). */
  insert(regionCode: string, fiscalYear: number, phases: readonly PlanPhase[]): Promise<StoredPlan | null>;
  /** Sets every phase's dates and bumps the version, only at `version`; the new version, or null when stale. */
  update(regionCode: string, planId: number, version: number, phases: readonly PlanPhase[]): Promise<number | null>;
  /** Records that a phase was opened (or opened again) with its due date; bumps the plan's version. */
  markOpened(
    regionCode: string,
    planId: number,
    phase: Phase,
    dueOn: string,
    at: Date,
    by: number | null,
  ): Promise<void>;
  /** The year's budget data: projects and department-wide budgets imported. */
  budgetCounts(regionCode: string, fiscalYear: number): Promise<{ projects: number; deptBudgets: number }>;
}
