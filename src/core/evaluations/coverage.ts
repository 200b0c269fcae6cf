import { percent } from "../percent";

/** One department's part in the year's department evaluation: projects evaluated (any status but withdrawn). */
export interface DepartmentEvalCount {
  departmentId: number;
  departmentCode: string;
  departmentName: string;
  /** Projects of the department (its own and its units') in the year. */
  projects: number;
  evaluations: number;
  finalised: number;
}

export interface DepartmentCoverage {
  departments: number;
  /** Departments with at least the required number of evaluations. */
  covered: number;
  /** Departments that started at least one. */
  participating: number;
  rate: string;
  rows: (DepartmentEvalCount & { meets: boolean })[];
}

/**
 * Coverage of the year's requirement: a department meets it with at least `minProjects` evaluations (or
 * evaluates all of its projects when it has fewer). Departments without projects are not counted.
 */
export function departmentCoverage(counts: readonly DepartmentEvalCount[], minProjects: number): DepartmentCoverage {
  const rows = counts
    .filter((c) => c.projects > 0)
    .map((c) => ({ ...c, meets: c.evaluations >= Math.min(minProjects, c.projects) }));
  const covered = rows.filter((r) => r.meets).length;
  return {
    departments: rows.length,
    covered,
    participating: rows.filter((r) => r.evaluations > 0).length,
    rate: percent(covered, rows.length),
    rows,
  };
}

export interface KeyProjectHistory {
  projectCode: string;
  name: string;
  adjustedFen: number;
  /** Fiscal years in which the project had a finalised evaluation (department or key). */
  evaluatedYears: readonly number[];
}

/**
 * Key projects (adjusted budget at or above the threshold) not evaluated within the cycle ending with
 * `fiscalYear`: each must be evaluated at least once in `cycleYears` years, so these are due now.
 */
export function keyProjectsDue(
  projects: readonly KeyProjectHistory[],
  fiscalYear: number,
  cycleYears: number,
  thresholdFen: number,
): KeyProjectHistory[] {
  return projects.filter(
    (p) =>
      p.adjustedFen >= thresholdFen && !p.evaluatedYears.some((y) => y <= fiscalYear && y > fiscalYear - cycleYears),
  );
}
