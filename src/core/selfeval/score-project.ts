import type { IndicatorKind, Operator } from "../goals/types";
import type { Fen } from "../money";
import { percent } from "../percent";
import { clampH, hundredthsOf, hundredthsToNumber, pointsText, toHundredths } from "./grade";
import { microText, readQuantity, unitsCompatible } from "./quantity";
import type { ExecutionMethod, QualitativeTier, TierBand } from "./rules";
import { type ScoreTotal, totalOf } from "./total";

/**
 * The project self-evaluation score, domain.md §5: the execution rate and each indicator scored
 * against its target, every figure in exact hundredths with the reason it came out so. Pure: the form
 * (as the unit types), the API (on save and submit), the table checker and the review all call it.
 */
export interface ExecutionInput {
  /** 全年预算数: the adjusted annual budget the rate is computed on (not the start-of-year figure). */
  adjustedBudget: Fen | null;
  executed: Fen | null;
  weight: number;
  method: ExecutionMethod;
}

export interface IndicatorInput {
  key: string;
  level1: string;
  name: string;
  kind: IndicatorKind;
  /** Null when the table wrote none: read as "≥", and said so. */
  operator: Operator | null;
  target: string;
  unit: string | null;
  /** This indicator's points in the self-evaluation (分值). */
  weight: number;
  actual: string | null;
  notApplicable: boolean;
  /** Qualitative only: the tier the assessor picked and the points given inside it. */
  tier: QualitativeTier | null;
  points: number | null;
}

export interface ScoreInput {
  execution: ExecutionInput;
  indicators: IndicatorInput[];
  tiers: TierBand[];
  /** Points of levels the table has no indicator for: they drop out like a not-applicable indicator. */
  missingWeight?: number;
}

export type ItemStatus = "scored" | "notApplicable" | "unscorable";

export interface ItemScore {
  status: ItemStatus;
  weight: number;
  /** Null unless scored. */
  points: number | null;
  /** Whether the item earned its full points. */
  full: boolean;
  /** How the points were obtained, or why they could not be. */
  how: string;
}

export interface IndicatorScore extends ItemScore {
  key: string;
  /** The tier the points fall in (qualitative indicators). */
  tier: QualitativeTier | null;
}

export interface ExecutionScore extends ItemScore {
  /** The execution rate as a percentage with 2 decimals, before any cap; null without a budget. */
  rate: string | null;
}

export interface ProjectScore extends ScoreTotal {
  execution: ExecutionScore;
  indicators: IndicatorScore[];
}

const H = hundredthsOf;
const num = hundredthsToNumber;
const clamp = clampH;

function roundDiv(num: bigint, den: bigint): bigint {
  const q = (num * 2n + den) / (den * 2n);
  return q;
}

function scoreExecution(e: ExecutionInput): ExecutionScore {
  const wH = H(e.weight);
  const score = (status: ItemStatus, pointsH: bigint | null, rate: string | null, how: string): ExecutionScore => ({
    weight: e.weight,
    status,
    points: pointsH === null ? null : num(pointsH),
    full: pointsH === wH,
    rate,
    how,
  });
  if (e.adjustedBudget === null || e.executed === null)
    return score("unscorable", null, null, "缺少全年预算数或全年执行数");
  if (e.adjustedBudget <= 0) return score("notApplicable", null, null, "全年预算数为0，执行率不计分");
  const budget = BigInt(e.adjustedBudget);
  const executed = BigInt(Math.max(0, e.executed));
  const rate = percent(e.executed, e.adjustedBudget);
  const rateH = roundDiv(executed * 10_000n, budget);
  let pointsH: bigint;
  let how: string;
  if (e.method.kind === "linear") {
    pointsH = clamp(roundDiv((executed > budget ? budget : executed) * wH, budget), wH);
    how =
      executed > budget
        ? `执行率 ${rate}% 超过100%，按100%计，得 ${pointsText(pointsH)} 分`
        : `执行率 ${rate}% × 分值 ${pointsText(wH)} = ${pointsText(pointsH)} 分`;
  } else {
    const band = [...e.method.bands]
      .sort((a, b) => b.minRatePercent - a.minRatePercent)
      .find((b) => rateH >= H(b.minRatePercent));
    const share = band?.percentOfWeight ?? 0;
    pointsH = clamp(roundDiv(wH * H(share), 10_000n), wH);
    how = band
      ? `执行率 ${rate}% 达到 ${band.minRatePercent}% 档，得分值的 ${share}%：${pointsText(pointsH)} 分`
      : `执行率 ${rate}% 低于最低档，得 0 分`;
  }
  return score("scored", pointsH, rate, how);
}

/** What a value is scored against: the comparison, the target as written and the indicator's unit. */
export type TargetInput = Pick<IndicatorInput, "operator" | "target" | "unit" | "actual">;
/** Points in hundredths and how they came out, or why they could not be obtained. */
export type Scored = { pointsH: bigint; how: string } | string;

/** A quantitative value against its target (≥, ≤, =), out of `wH` hundredths. */
export function scoreQuantitative(i: TargetInput, wH: bigint): Scored {
  if (i.actual === null || i.actual.trim() === "") return "未填写实际完成值";
  const target = readQuantity(i.target);
  if (!target) return `年度指标值“${i.target}”不是数值，无法计算`;
  const actual = readQuantity(i.actual);
  if (!actual) return `实际完成值“${i.actual}”不是数值，无法计算`;
  const unit = i.unit && i.unit.trim() !== "" ? i.unit : target.unit;
  if (!unitsCompatible(actual.unit, unit)) return `实际完成值的单位“${actual.unit}”与指标单位“${unit}”不一致`;
  const op = i.operator ?? ">=";
  const opNote = i.operator === null ? "（未写比较符，按“≥”计）" : "";
  const t = target.micro;
  const a = actual.micro;
  const T = microText(t);
  const A = microText(a);
  const W = pointsText(wH);
  const full = { pointsH: wH, how: "" };
  if (op === ">=") {
    if (a >= t || t <= 0n) return { ...full, how: `实际 ${A} ≥ 目标 ${T}，达成，得满分 ${W}${opNote}` };
    if (a <= 0n) return { pointsH: 0n, how: `实际 ${A} 未达目标 ${T}，得 0 分${opNote}` };
    const p = clamp(roundDiv(a * wH, t), wH);
    return { pointsH: p, how: `实际 ${A} ÷ 目标 ${T} × 分值 ${W} = ${pointsText(p)}${opNote}` };
  }
  if (op === "<=") {
    if (a <= t) return { ...full, how: `实际 ${A} ≤ 目标 ${T}，达成，得满分 ${W}` };
    if (t <= 0n) return { pointsH: 0n, how: `实际 ${A} 超过目标 ${T}，得 0 分` };
    const p = clamp(roundDiv(t * wH, a), wH);
    return { pointsH: p, how: `目标 ${T} ÷ 实际 ${A} × 分值 ${W} = ${pointsText(p)}（越低越好）` };
  }
  if (a === t) return { ...full, how: `实际 ${A} = 目标 ${T}，得满分 ${W}` };
  if (a <= 0n || t <= 0n) return { pointsH: 0n, how: `实际 ${A} ≠ 目标 ${T}，得 0 分` };
  const [lo, hi] = a < t ? [a, t] : [t, a];
  const p = clamp(roundDiv(lo * wH, hi), wH);
  return {
    pointsH: p,
    how: `实际 ${A} ≠ 目标 ${T}，${microText(lo)} ÷ ${microText(hi)} × 分值 ${W} = ${pointsText(p)}`,
  };
}

function tierOf(pointsH: bigint, wH: bigint, tiers: TierBand[]): TierBand | undefined {
  // The boundary belongs to the higher tier: exactly 80% of the points is 达成.
  const sorted = [...tiers].sort((a, b) => b.minPercent - a.minPercent);
  return sorted.find((t) => pointsH * 10_000n >= H(t.minPercent) * wH);
}

/** The assessor's tier and points inside it, out of `wH` hundredths. */
export function scoreQualitative(
  i: Pick<IndicatorInput, "tier" | "points">,
  wH: bigint,
  tiers: TierBand[],
): { pointsH: bigint; how: string; tier: QualitativeTier } | string {
  if (i.points === null) return i.tier === null ? "定性指标未选择达成档次" : "定性指标未在所选档次内填写得分";
  const pH = toHundredths(i.points);
  if (pH === null) return `得分 ${i.points} 最多保留两位小数`;
  if (pH < 0n) return `得分 ${pointsText(pH)} 不能为负`;
  if (pH > wH) return `得分 ${pointsText(pH)} 超过分值 ${pointsText(wH)}`;
  const found = tierOf(pH, wH, tiers);
  if (i.tier !== null) {
    const band = tiers.find((t) => t.tier === i.tier);
    if (!band) return "所选档次不在本年度规则中";
    const lo = roundDiv(wH * H(band.minPercent), 10_000n);
    const hi = roundDiv(wH * H(band.maxPercent), 10_000n);
    const top = band.maxPercent >= 100;
    const scaled = pH * 10_000n;
    const inside =
      scaled >= H(band.minPercent) * wH && (top ? scaled <= H(band.maxPercent) * wH : scaled < H(band.maxPercent) * wH);
    if (!inside)
      return `得分 ${pointsText(pH)} 不在“${band.label}”档次（${pointsText(lo)}—${pointsText(hi)}${top ? "" : "，不含上限"}）内`;
    return {
      pointsH: pH,
      tier: band.tier,
      how: `定性：${band.label}，评定 ${pointsText(pH)} 分（分值 ${pointsText(wH)}）`,
    };
  }
  const tier = found ?? tiers[tiers.length - 1];
  return {
    pointsH: pH,
    tier: tier?.tier ?? "notAchieved",
    how: `定性：按填报得分 ${pointsText(pH)} 计（占分值 ${percent(Number(pH), Number(wH === 0n ? 1n : wH))}%，${tier?.label ?? ""}）`,
  };
}

/**
 * An item's score, always built as the same literal: a district's list scores some 20,000 items per read,
 * and spreading a base object then adding properties made the scoring two to three times slower.
 */
export function itemScore(
  key: string,
  weight: number,
  wH: bigint,
  status: ItemStatus,
  pointsH: bigint | null,
  how: string,
  tier: QualitativeTier | null = null,
): IndicatorScore {
  return { key, weight, tier, status, points: pointsH === null ? null : num(pointsH), full: pointsH === wH, how };
}

function scoreIndicator(i: IndicatorInput, tiers: TierBand[]): IndicatorScore {
  const wH = H(i.weight);
  if (i.notApplicable) return itemScore(i.key, i.weight, wH, "notApplicable", null, "不适用，分值按比例折算到其他指标");
  const r: { pointsH: bigint; how: string; tier?: QualitativeTier } | string =
    i.kind === "qualitative" ? scoreQualitative(i, wH, tiers) : scoreQuantitative(i, wH);
  if (typeof r === "string") return itemScore(i.key, i.weight, wH, "unscorable", null, r);
  return itemScore(i.key, i.weight, wH, "scored", r.pointsH, r.how, r.tier ?? null);
}

export function scoreProject(input: ScoreInput): ProjectScore {
  const execution = scoreExecution(input.execution);
  const indicators = input.indicators.map((i) => scoreIndicator(i, input.tiers));
  return { execution, indicators, ...totalOf([execution, ...indicators], input.missingWeight ?? 0) };
}
