import { percent } from "../percent";
import { hundredthsOf, pointsText } from "../selfeval/grade";
import { EVAL_LEVEL1, EVAL_LEVEL1_LABELS, type EvalLevel1, type FrameworkRow, levelTotals } from "./framework";
import { type EvaluationScore, evaluationScore, expertMean, expertTotal, itemMeans, levelScores } from "./scores";

/** One member's submitted sheet: points and comments by indicator uid. */
export interface SubmittedSheet {
  member: string;
  points: Readonly<Record<string, number>>;
  comments: Readonly<Record<string, string>>;
}

export interface IndicatorFigure {
  row: FrameworkRow;
  weight: bigint;
  /** Mean of the submitted sheets' points, hundredths, half up; null without any sheet. */
  mean: bigint | null;
  /** The comments written on it, trimmed, each once, in the sheets' order, without closing punctuation. */
  comments: string[];
}

export interface LevelFigure {
  level1: EvalLevel1;
  label: string;
  weight: bigint;
  /** Mean of the sheets' level-1 totals, hundredths, half up. */
  score: bigint | null;
  indicators: IndicatorFigure[];
}

export interface ReportFigures {
  score: EvaluationScore;
  levels: LevelFigure[];
  sheets: number;
  /** The level-1 scores, each rounded on its own, may add up to a hundredth or two off the mean. */
  levelsAddUp: boolean;
}

/** A comment without the closing punctuation people type, so the same remark is quoted once. */
const commentText = (c: string | undefined) => (c ?? "").trim().replace(/[。；;，,.\s]+$/u, "");

/** The figures the report states, computed only with scores.ts so they match the evaluation's page. */
export function reportFigures(
  rows: readonly FrameworkRow[],
  sheets: readonly SubmittedSheet[],
  override: bigint | null,
  reason: string | null,
): ReportFigures {
  const points = sheets.map((s) => s.points);
  const score = evaluationScore(
    points.map((p) => expertTotal(rows, p)),
    override,
    reason,
  );
  const means = itemMeans(rows, points);
  const byLevel = points.map((p) => levelScores(rows, p));
  const weights = levelTotals(rows).by;
  const levels = EVAL_LEVEL1.map((l): LevelFigure => {
    const indicators = rows
      .filter((r) => r.level1 === l)
      .map((row) => ({
        row,
        weight: hundredthsOf(row.points),
        mean: means.get(row.uid) ?? null,
        comments: [...new Set(sheets.map((s) => commentText(s.comments[row.uid])).filter((c) => c !== ""))],
      }));
    return {
      level1: l,
      label: EVAL_LEVEL1_LABELS[l],
      weight: weights[l],
      score: expertMean(byLevel.map((m) => m.get(l) ?? 0n)),
      indicators,
    };
  });
  const sum = levels.reduce((a, l) => a + (l.score ?? 0n), 0n);
  return { score, levels, sheets: sheets.length, levelsAddUp: score.mean === null || sum === score.mean };
}

/** A weight without trailing zeros: 10.00 → "10", 2.50 → "2.5". */
export const weightText = (h: bigint): string => pointsText(h).replace(/\.?0+$/, "");
/** 得分率: score ÷ weight, in percent, half up to 2 decimals. */
export const rateText = (score: bigint | null, weight: bigint): string =>
  score === null ? "—" : `${percent(Number(score), Number(weight))}%`;
/** Below 80 % of its weight: listed among the problems when people have not written them. */
export const isWeak = (score: bigint | null, weight: bigint): boolean => score !== null && score * 5n < weight * 4n;

/** The indicators scored below 80 % of their weight, in framework order. */
export const weakIndicators = (f: ReportFigures): IndicatorFigure[] =>
  f.levels.flatMap((l) => l.indicators.filter((i) => isWeak(i.mean, i.weight)));

/** A weak indicator as the report's problems list states it: where it sits, its score and rate, the comments. */
export const weakText = (i: IndicatorFigure): string =>
  `“${i.row.name}”（${EVAL_LEVEL1_LABELS[i.row.level1]}—${i.row.level2}，分值${weightText(i.weight)}分）` +
  `得分${pointsText(i.mean ?? 0n)}分，得分率${rateText(i.mean, i.weight)}。` +
  (i.comments.length === 0 ? "" : `评价意见：${i.comments.join("；")}。`);
