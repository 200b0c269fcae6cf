import { hundredthsOf, pointsText } from "../selfeval/grade";
import type { FrameworkRow } from "./framework";

/** One scorer's points per indicator (by uid); a missing uid is not scored yet. */
export type ScoreSheet = Readonly<Record<string, number>>;

export interface ScoreIssue {
  uid: string;
  message: string;
}

/** Points are within 0 … the indicator's weight, in hundredths; unknown indicators are refused. */
export function checkScores(rows: readonly FrameworkRow[], sheet: ScoreSheet): ScoreIssue[] {
  const byUid = new Map(rows.map((r) => [r.uid, r]));
  const issues: ScoreIssue[] = [];
  for (const [uid, points] of Object.entries(sheet)) {
    const r = byUid.get(uid);
    if (!r) {
      issues.push({ uid, message: `指标 ${uid} 不在本次评价的指标体系中` });
      continue;
    }
    const h = Math.round(points * 100);
    if (!Number.isFinite(points) || Math.abs(points * 100 - h) > 1e-6 || h < 0 || h > hundredthsOf(r.points))
      issues.push({ uid, message: `“${r.name}”的得分须在0至${r.points}分之间，最多两位小数` });
  }
  return issues;
}

/** Every indicator of the framework has points. */
export const isComplete = (rows: readonly FrameworkRow[], sheet: ScoreSheet) =>
  rows.every((r) => sheet[r.uid] !== undefined);

/** A scorer's total in hundredths (sum of the item points, each exact to the hundredth). */
export function expertTotal(rows: readonly FrameworkRow[], sheet: ScoreSheet): bigint {
  let h = 0n;
  for (const r of rows) {
    const p = sheet[r.uid];
    if (p !== undefined) h += hundredthsOf(p);
  }
  return h;
}

/** Totals by level 1, hundredths: the conclusion's score table. */
export function levelScores(rows: readonly FrameworkRow[], sheet: ScoreSheet) {
  const by = new Map<string, bigint>();
  for (const r of rows) by.set(r.level1, (by.get(r.level1) ?? 0n) + hundredthsOf(sheet[r.uid] ?? 0));
  return by;
}

/** Integer division of hundredths rounded half up (values are never negative here). */
const divHalfUp = (sum: bigint, n: bigint) => (sum * 2n + n) / (2n * n);

/** Mean of the experts' totals, 2 decimals, half up (domain.md §6); null without any. */
export function expertMean(totals: readonly bigint[]): bigint | null {
  if (totals.length === 0) return null;
  return divHalfUp(
    totals.reduce((a, b) => a + b, 0n),
    BigInt(totals.length),
  );
}

/** Mean of item points across experts, per indicator: the report's analysis by indicator. */
export function itemMeans(rows: readonly FrameworkRow[], sheets: readonly ScoreSheet[]): Map<string, bigint> {
  const out = new Map<string, bigint>();
  if (sheets.length === 0) return out;
  for (const r of rows) {
    const sum = sheets.reduce((a, s) => a + hundredthsOf(s[r.uid] ?? 0), 0n);
    out.set(r.uid, divHalfUp(sum, BigInt(sheets.length)));
  }
  return out;
}

export interface EvaluationScore {
  /** The experts' mean, hundredths. */
  mean: bigint | null;
  /** Finance's override, hundredths, with its reason; null when none. */
  override: bigint | null;
  reason: string | null;
  /** The evaluation's score: the override when given, else the mean. */
  score: bigint | null;
  how: string;
}

/**
 * The evaluation's score: the experts' mean unless finance overrides it, with a reason; both are kept.
 * An override without a reason, or outside 0–100, is refused by `checkOverride`.
 */
export function evaluationScore(
  totals: readonly bigint[],
  override: bigint | null,
  reason: string | null,
): EvaluationScore {
  const mean = expertMean(totals);
  if (override !== null)
    return {
      mean,
      override,
      reason,
      score: override,
      how: `财政调整为${pointsText(override)}分（专家平均${mean === null ? "—" : pointsText(mean)}分），理由：${reason ?? ""}`,
    };
  return {
    mean,
    override: null,
    reason: null,
    score: mean,
    how: mean === null ? "尚无专家提交评分" : `${totals.length}位专家评分的平均值（四舍五入到两位小数）`,
  };
}

export function checkOverride(points: number | null, reason: string | null): string | null {
  if (points === null) return null;
  const h = Math.round(points * 100);
  if (!Number.isFinite(points) || Math.abs(points * 100 - h) > 1e-6 || h < 0 || h > 10000)
    return "调整后的得分须在0至100分之间，最多两位小数";
  if ((reason ?? "").trim().length < 4) return "调整得分须写明理由（至少4个字）";
  return null;
}
