import type { Fen } from "../money";

/**
 * What a simulation reads, as plain data gathered by the application: next year's requests and this
 * year's results per project and department. Scores are hundredths (78.20 → 7820n), money is fen.
 */
export interface BudgetRequest {
  projectCode: string;
  projectName: string;
  departmentId: number;
  departmentName: string;
  /** 下年度预算申请数. */
  amount: Fen;
  /** 刚性支出 (salaries, statutory transfers …), as the budget system marks it. */
  rigid?: boolean;
  /** Named a key project by finance. */
  keyProject?: boolean;
}

/** Where a project's grade comes from, most independent first: that order decides which grade counts. */
export const GRADE_SOURCES = ["keyEval", "deptEval", "review", "selfEval"] as const;
export type GradeSource = (typeof GRADE_SOURCES)[number];
export const GRADE_SOURCE_LABELS: Record<GradeSource, string> = {
  keyEval: "财政重点评价",
  deptEval: "部门评价",
  review: "抽查复核",
  selfEval: "单位自评",
};

export interface ProjectResult {
  projectCode: string;
  source: GradeSource;
  /** Hundredths; the grade follows from it by the fixed bands. */
  score: bigint;
  /** What the evidence is called where people can find it, e.g. the evaluation's title. */
  ref?: string;
}

export interface DepartmentScore {
  departmentId: number;
  /** 部门绩效考核得分, hundredths. */
  score: bigint;
}

/** A project's rectification items from this year's notices: not yet accepted, and of those past their deadline. */
export interface ProjectRectification {
  projectCode: string;
  open: number;
  overdue: number;
  ref?: string;
}

/** A red light in a monitoring report; `corrected` once a later report or the follow-up shows it put right. */
export interface MonitoringRed {
  projectCode: string;
  month: number;
  corrected: boolean;
}

export interface SimulationInputs {
  requests: readonly BudgetRequest[];
  results: readonly ProjectResult[];
  departmentScores: readonly DepartmentScore[];
  rectification: readonly ProjectRectification[];
  monitoringReds: readonly MonitoringRed[];
}

/**
 * The result that counts for a project's grade: a key evaluation over the department's, over the review,
 * over the unit's own self-evaluation; within one source, the last listed.
 */
export function effectiveResult(results: readonly ProjectResult[]): ProjectResult | null {
  let best: ProjectResult | null = null;
  for (const r of results)
    if (best === null || GRADE_SOURCES.indexOf(r.source) <= GRADE_SOURCES.indexOf(best.source)) best = r;
  return best;
}
