import { type Fen, fenToWan } from "../money";
import { largestRemainderPercents } from "../percent";
import { GRADES, type Grade, gradeOf, pointsText } from "../selfeval/grade";
import type { DepartmentCoverage } from "./coverage";
import type { RectificationCounts } from "./rectification";
import { expertMean } from "./scores";
import type { EvaluationKind, EvaluationStatus } from "./workflow";

/** An evaluation as the year's summary reads it: its score is the override or the experts' (or department's) mean. */
export interface SummaryEvaluation {
  kind: EvaluationKind;
  status: EvaluationStatus;
  amount: Fen;
  /** Hundredths; null while not scored. */
  score: bigint | null;
}

export interface GradeDistribution {
  grade: Grade;
  count: number;
  /** Shares that add up to exactly 100.00 (largest remainder). */
  percent: string;
}

export interface KindSummary {
  /** Finalised evaluations (the figures below are theirs). */
  count: number;
  /** Evaluations by status, finalised or not. */
  byStatus: Record<EvaluationStatus, number>;
  amountWan: string;
  meanScore: string | null;
  grades: GradeDistribution[];
}

export interface EvaluationSummary {
  fiscalYear: number;
  department: KindSummary;
  key: KindSummary;
  coverage: Omit<DepartmentCoverage, "rows">;
  rectification: RectificationCounts;
}

function kindSummary(rows: readonly SummaryEvaluation[]): KindSummary {
  const byStatus: Record<EvaluationStatus, number> = { draft: 0, scoring: 0, submitted: 0, returned: 0, final: 0 };
  for (const r of rows) byStatus[r.status] += 1;
  const final = rows.filter((r) => r.status === "final");
  const scores = final.map((r) => r.score).filter((s): s is bigint => s !== null);
  const counts = GRADES.map((g) => scores.filter((s) => gradeOf(s) === g).length);
  const percents = largestRemainderPercents(counts);
  const mean = expertMean(scores);
  return {
    count: final.length,
    byStatus,
    amountWan: fenToWan(final.reduce((a, r) => a + r.amount, 0)),
    meanScore: mean === null ? null : pointsText(mean),
    grades: GRADES.map((grade, i) => ({ grade, count: counts[i]!, percent: percents[i]! })),
  };
}

/**
 * The year's evaluation figures (seed 一(三), 一(四)): finalised department and key evaluations, their
 * amounts, mean scores (half up, 2 decimals) and grades, the department coverage and the rectification.
 */
export function summariseEvaluations(
  fiscalYear: number,
  rows: readonly SummaryEvaluation[],
  coverage: DepartmentCoverage,
  rectification: RectificationCounts,
): EvaluationSummary {
  const { rows: _rows, ...cover } = coverage;
  return {
    fiscalYear,
    department: kindSummary(rows.filter((r) => r.kind === "department")),
    key: kindSummary(rows.filter((r) => r.kind === "key")),
    coverage: cover,
    rectification,
  };
}
