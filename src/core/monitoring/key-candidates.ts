import { divRoundHalfUp, type Fen, fenToWan } from "../money";
import { percent } from "../percent";
import type { Light, MonitoringRules } from "./types";

/**
 * 财政重点监控 · 候选项目: before finance picks the projects it monitors itself (domain.md §4, §7), every
 * project of the year is given the reasons that make it a candidate, and the list is ranked so that the
 * strongest candidates come first. The ranking only proposes; the pick itself is the recorded draw of
 * core/sampling/key-draw.ts, or finance's forced choice.
 */

/** Why a project is a key-monitoring candidate, in the order they are listed. */
export const KEY_REASONS = ["lagging", "large_budget", "poor_results", "key_project"] as const;
export type KeyReason = (typeof KEY_REASONS)[number];
export const KEY_REASON_LABELS: Record<KeyReason, string> = {
  lagging: "执行滞后",
  large_budget: "预算规模大",
  poor_results: "以往绩效较差",
  key_project: "重点项目",
};

/** 500万元 = 5,000,000 元 = 500,000,000 fen: the default size from which a budget counts as large. */
export const DEFAULT_LARGE_BUDGET_FEN: Fen = 500_000_000;

export type PastGrade = "A" | "B" | "C" | "D";

export interface KeyCandidateInput {
  projectId: number;
  code: string;
  name: string;
  departmentCode: string;
  departmentName: string;
  /** 全年预算数 (adjusted), fen. */
  budget: Fen;
  /** Executed in months 1..N, fen. */
  executed: Fen;
  /** The budget system's 重点项目 flag. */
  isKey: boolean;
  /** Last year's self-evaluation grade; null when unknown. */
  pastGrade: PastGrade | null;
  /** Last year's monitoring light; null when unknown. */
  pastLight: Light | null;
}

export interface KeyReasonDetail {
  reason: KeyReason;
  label: string;
  /** e.g. "执行率 20.00%，低于时间进度 58.33% 达 38.33 个百分点" */
  text: string;
}

export interface KeyCandidate extends KeyCandidateInput {
  /** In KEY_REASONS order; empty when the project has none. */
  reasons: KeyReason[];
  details: KeyReasonDetail[];
  /** "执行滞后：…；预算规模大：…", or "无" when there is no reason. */
  reasonText: string;
  /** Executed / budget, % with 2 decimals; null for a budget of zero or less. */
  executionRate: string | null;
  /** N / 12, % with 2 decimals. */
  timeProgress: string;
  /** Time progress − execution rate in percentage points, 2 decimals (negative when ahead); null like executionRate. */
  lagPoints: string | null;
  /** See rankKeyCandidates. */
  priority: number;
  /** 1-based position in the ranking. */
  rank: number;
}

export interface KeyRankParams {
  /** N, 1..12. */
  cutoffMonth: number;
  rules: MonitoringRules;
  /** A budget of at least this many fen is large; DEFAULT_LARGE_BUDGET_FEN when omitted. */
  largeBudgetFen?: Fen;
}

/** Points are weighted below one reason: 100,000 hundredths of a point is 1,000 points, more than any lag. */
const REASON_WEIGHT = 100_000;

export interface ExecutionLag {
  /** Execution lags time progress by redGapPoints or more (exact). */
  lagging: boolean;
  /** Time progress − execution rate in hundredths of a percentage point, rounded half up; null for budget ≤ 0. */
  lagHundredths: bigint | null;
}

/** X of the rules in hundredths of a point; the rules hold at most 2 decimals, anything else is a bug upstream. */
function gapHundredths(redGapPoints: number): bigint {
  const h = Math.round(redGapPoints * 100);
  if (!Number.isFinite(redGapPoints) || redGapPoints < 0 || Math.abs(h - redGapPoints * 100) > 1e-6)
    throw new RangeError(`预警差距须为不小于 0、最多两位小数的百分点数：${redGapPoints}`);
  return BigInt(h);
}

/**
 * Whether execution lags time progress by X points or more, exactly: with rate = e / b, time = N / 12 and
 * X = Xh / 100 (Xh an integer, X has at most 2 decimals), rate − N/12 ≤ −X/100 ⇔ (multiplying by
 * 120,000·b > 0) 10,000·(N·b − 12·e) ≥ 12·Xh·b, compared in BigInt: no float decides a light or a reason.
 * A budget of zero (or less) is never lagging.
 */
export function executionLag(budget: Fen, executed: Fen, cutoffMonth: number, redGapPoints: number): ExecutionLag {
  const xh = gapHundredths(redGapPoints);
  if (budget <= 0) return { lagging: false, lagHundredths: null };
  const b = BigInt(budget);
  const behind = BigInt(cutoffMonth) * b - 12n * BigInt(executed);
  return {
    lagging: 10_000n * behind >= 12n * xh * b,
    lagHundredths: divRoundHalfUp(behind * 10_000n, 12n * b),
  };
}

const hundredthsText = (h: bigint): string => {
  const abs = h < 0n ? -h : h;
  return `${h < 0n ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
};

/** 500,000,000 fen → "500万元"; amounts with a fraction of a 万元 keep 2 decimals. */
export const wanText = (fen: Fen): string =>
  fen % 1_000_000 === 0 ? `${fen / 1_000_000}万元` : `${fenToWan(fen)}万元`;

function checkInput(c: KeyCandidateInput): void {
  for (const [field, value] of [
    ["budget", c.budget],
    ["executed", c.executed],
  ] as const)
    if (!Number.isSafeInteger(value)) throw new RangeError(`项目 ${c.code} 的 ${field} 须为整数（分）：${value}`);
}

/**
 * Gives each project its reasons and ranks them.
 *
 * - lagging: executionLag(...).lagging with X = rules.redGapPoints;
 * - large_budget: budget ≥ largeBudgetFen;
 * - poor_results: last year's grade C or D, or last year's light red;
 * - key_project: the budget system's flag.
 *
 * priority = (number of reasons) × 100,000 + lag behind time in hundredths of a percentage point (0 when
 * on time or ahead, or for a budget of zero; at most 99,999), so more reasons always rank first and, among
 * equal counts, the larger lag. The list is sorted stably by priority (high first), then budget (large
 * first), then code (UTF-16 code units, no locale).
 */
export function rankKeyCandidates(candidates: readonly KeyCandidateInput[], params: KeyRankParams): KeyCandidate[] {
  const { cutoffMonth, rules } = params;
  const largeBudgetFen = params.largeBudgetFen ?? DEFAULT_LARGE_BUDGET_FEN;
  if (!Number.isInteger(cutoffMonth) || cutoffMonth < 1 || cutoffMonth > 12)
    throw new RangeError(`截止月份须为 1 至 12 的整数：${cutoffMonth}`);
  if (!Number.isSafeInteger(largeBudgetFen) || largeBudgetFen < 0)
    throw new RangeError(`大额预算标准须为不小于 0 的整数（分）：${largeBudgetFen}`);
  const timeProgress = percent(cutoffMonth, 12);

  const scored = candidates.map((c): Omit<KeyCandidate, "rank"> => {
    checkInput(c);
    const lag = executionLag(c.budget, c.executed, cutoffMonth, rules.redGapPoints);
    const executionRate = c.budget > 0 ? percent(c.executed, c.budget) : null;
    const lagPoints = lag.lagHundredths === null ? null : hundredthsText(lag.lagHundredths);
    const details: KeyReasonDetail[] = [];
    const add = (reason: KeyReason, text: string) => details.push({ reason, label: KEY_REASON_LABELS[reason], text });

    if (lag.lagging) add("lagging", `执行率 ${executionRate}%，低于时间进度 ${timeProgress}% 达 ${lagPoints} 个百分点`);
    if (c.budget >= largeBudgetFen)
      add("large_budget", `全年预算 ${wanText(c.budget)}，不低于 ${wanText(largeBudgetFen)}`);
    const poor: string[] = [];
    if (c.pastGrade === "C" || c.pastGrade === "D") poor.push(`上年自评等级为 ${c.pastGrade} 级`);
    if (c.pastLight === "red") poor.push("上年运行监控为红灯");
    if (poor.length > 0) add("poor_results", poor.join("，"));
    if (c.isKey) add("key_project", "一体化系统标记为重点项目");

    const behind = lag.lagHundredths === null || lag.lagHundredths < 0n ? 0 : Number(lag.lagHundredths);
    return {
      ...c,
      reasons: details.map((d) => d.reason),
      details,
      reasonText: details.length === 0 ? "无" : details.map((d) => `${d.label}：${d.text}`).join("；"),
      executionRate,
      timeProgress,
      lagPoints,
      priority: details.length * REASON_WEIGHT + Math.min(behind, REASON_WEIGHT - 1),
    };
  });

  return scored
    .sort((a, b) => b.priority - a.priority || b.budget - a.budget || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((c, i) => ({ ...c, rank: i + 1 }));
}
