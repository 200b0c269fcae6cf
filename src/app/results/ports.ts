import type { EvaluationKind } from "../../core/evaluations/workflow";

/**
 * Ports of result application (结果应用). src/db implements them (db/repos/results/). Each use case's reads sit in
 * their own interface below, so the parts of the module grow side by side.
 */

// --- 部门绩效考核: the components of the department score (db/repos/results/department-scores.ts) ---

/** A department of the region (an organisation of kind department), as the ranking lists it. */
export interface ScoredDepartment {
  id: number;
  code: string;
  name: string;
  path: string;
}

/** A final evaluation of one of the department's projects, with what its score is computed from. */
export interface FinalEvaluationScores {
  departmentId: number;
  kind: EvaluationKind;
  /** The submitted sheets' totals, hundredths. */
  submittedTotals: number[];
  overridePoints: number | null;
  overrideReason: string | null;
}

/** A share behind a component: `part` of `whole` (items accepted of those counted, tasks on time of those counted). */
export interface DepartmentShare {
  departmentId: number;
  part: number;
  whole: number;
  /** Not counted yet: items still within their deadline and not accepted; tasks not yet due and not done. */
  notYetDue: number;
}

export interface DeptScoreRepo {
  /** Every organisation of kind department in the region, by sort order and code. */
  departments(regionCode: string): Promise<ScoredDepartment[]>;
  /** The year's final evaluations (department and key) with their department: one statement. */
  finalEvaluations(regionCode: string, fiscalYear: number): Promise<FinalEvaluationScores[]>;
  /**
   * Per department, the items of the year's rectification notices addressed to it or its units: accepted
   * (part) of those accepted or past their deadline as of `today` (China): one statement.
   */
  rectificationShares(regionCode: string, fiscalYear: number, today: string): Promise<DepartmentShare[]>;
  /**
   * Per department, the year's tasks owned by it or its units: done on or before their due day (China) (part)
   * of those done or past their due day as of `today`; closed tasks and result notices never count: one statement.
   */
  timelinessShares(regionCode: string, fiscalYear: number, today: string): Promise<DepartmentShare[]>;
}
