import { dateInChina } from "../../core/calendar";
import { departmentCoverage } from "../../core/evaluations/coverage";
import { countRectification } from "../../core/evaluations/rectification";
import { evaluationScore } from "../../core/evaluations/scores";
import { type SummaryEvaluation, summariseEvaluations } from "../../core/evaluations/summary";
import { can } from "../../core/permissions";
import { gradeOf, hundredthsToNumber } from "../../core/selfeval/grade";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { frameworkFor } from "./framework-rules";
import type { SummaryRow } from "./ports";
import { rowShowsScore, viewerOf } from "./present";

const hundredths = (points: number | null) => (points === null ? null : BigInt(Math.round(points * 100)));

/** An evaluation's score as everywhere else: the submitted sheets' mean (half up) unless finance overrode it. */
export const scoreOf = (r: Pick<SummaryRow, "submittedTotals" | "overridePoints" | "overrideReason">) =>
  evaluationScore(r.submittedTotals.map(BigInt), hundredths(r.overridePoints), r.overrideReason).score;

/**
 * The year's evaluation figures as the seed reports them (一(三), 一(四)): department evaluations and the share
 * of departments taking part, key evaluations with their amount and mean score, grades, and the rectification
 * of what they found. Every figure is computed from the evaluations in the viewer's scope; only finalised
 * evaluations count. `rows` carries each evaluation with its score, for the export.
 */
export async function evaluationSummary(deps: Deps, actor: Actor, fiscalYear: number) {
  const scope = authorize(actor, "evaluation.read");
  const read = deps.uow.read;
  const [framework, found, counts] = await Promise.all([
    frameworkFor(read, actor.regionCode, fiscalYear),
    read.evaluations.summaryRows(viewerOf(actor, scope), fiscalYear),
    read.evaluations.departmentCounts(scope, fiscalYear),
  ]);
  const today = dateInChina(deps.clock.now());
  const statuses = can(actor.role, "rectification.read") ? await read.rectification.statuses(scope, fiscalYear) : [];
  const scored = found.map((r) => ({ row: r, score: scoreOf(r) }));
  const coverage = departmentCoverage(counts, framework.minProjectsPerDepartment);
  const summary = summariseEvaluations(
    fiscalYear,
    scored.map(
      ({ row, score }): SummaryEvaluation => ({ kind: row.kind, status: row.status, amount: row.amount, score }),
    ),
    coverage,
    countRectification(statuses, today),
  );
  return {
    ...summary,
    // The seed's headline figures, as the CLI's JSON names them.
    departmentEvaluations: summary.department.count,
    departmentCoverage: Number(summary.coverage.rate),
    keyEvaluations: summary.key.count,
    keyAmount: Number(summary.key.amountWan),
    keyMeanScore: summary.key.meanScore === null ? null : Number(summary.key.meanScore),
    minProjectsPerDepartment: framework.minProjectsPerDepartment,
    coverageRows: coverage.rows,
    // Blind scoring: an evaluation still scored shows its score and finance's override as the list does.
    rows: scored.map(({ row: { submittedTotals, ...row }, score }) => {
      const shown = rowShowsScore(actor, row) ? score : null;
      return {
        ...row,
        overridePoints: shown === null ? null : row.overridePoints,
        overrideReason: shown === null ? null : row.overrideReason,
        sheets: submittedTotals.length,
        score: shown === null ? null : hundredthsToNumber(shown),
        grade: shown === null ? null : gradeOf(shown),
      };
    }),
  };
}
