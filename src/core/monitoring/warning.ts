import { divRoundHalfUp, type Fen, fenToWan } from "../money";
import { percent } from "../percent";
import type { Light, Likelihood, MonitoringRules } from "./types";

/**
 * The warning light of domain.md §4: time progress t = N / 12, gap = execution rate − t (in percentage
 * points); green when gap ≥ 0, yellow when −X < gap < 0, red when gap ≤ −X or any indicator is 完全不可能.
 * Thresholds are compared on exact integers (BigInt), never on rounded or floating figures, so a gap of
 * exactly −X points is red whatever the amounts.
 */

/** Time progress of cut-off month N as a percent with 2 decimals: 7 → "58.33", 12 → "100.00". */
export function timeProgress(cutoffMonth: number): string {
  if (!(Number.isInteger(cutoffMonth) && cutoffMonth >= 1 && cutoffMonth <= 12))
    throw new RangeError(`cut-off month must be an integer 1..12, got ${cutoffMonth}`);
  return percent(cutoffMonth, 12);
}

export interface ExecutionLight {
  light: Light;
  /** Execution rate in percent, 2 decimals; null when the budget is not positive. */
  rate: string | null;
  timeProgress: string;
  /** Execution rate − time progress in points, 2 decimals (see `shownGap`); null when the budget is not positive. */
  gapPoints: string | null;
  reason: string;
}

/** X in hundredths of a point; X must be positive with at most 2 decimals. */
export function redGapHundredths(redGapPoints: number): bigint {
  const h = Math.round(redGapPoints * 100);
  if (!(Number.isFinite(redGapPoints) && h > 0 && Math.abs(redGapPoints * 100 - h) < 1e-6))
    throw new RangeError(`red gap must be positive with at most 2 decimals, got ${redGapPoints}`);
  return BigInt(h);
}

/** 15 → "15", 12.5 → "12.5": X as finance wrote it. */
const pointsText = (h: bigint): string => String(Number(h) / 100);

const twoDecimals = (h: bigint): string => {
  const abs = h < 0n ? -h : h;
  return `${h < 0n ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
};

const fen = (name: string, value: Fen): bigint => {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be integer fen, got ${value}`);
  return BigInt(value);
};

/**
 * The gap shown beside a light: rounded half up, except that it is never rounded across a threshold the
 * exact gap did not cross (a yellow gap of −14.996 shows as −14.99, not −15.00; −0.004 as −0.01), so the
 * figure a clerk reads always agrees with the light.
 */
function shownGap(exact: bigint, light: Light, x: bigint): bigint {
  if (light !== "yellow") return exact;
  let h = exact <= -x ? -x + 1n : exact;
  if (h >= 0n) h = -1n;
  return h;
}

export function executionLight(
  budget: Fen,
  executed: Fen,
  cutoffMonth: number,
  rules: Pick<MonitoringRules, "redGapPoints">,
): ExecutionLight {
  const t = timeProgress(cutoffMonth);
  const x = redGapHundredths(rules.redGapPoints);
  const b = fen("budget", budget);
  const e = fen("executed", executed);
  if (b <= 0n) {
    const reason =
      b === 0n ? "全年预算数为 0，不计算执行率" : `全年预算数为 ${fenToWan(budget)}万元（负数），不计算执行率`;
    return { light: "none", rate: null, timeProgress: t, gapPoints: null, reason };
  }
  const rate = percent(executed, budget);
  // gap in hundredths of a point = 10000·(12E − N·B) / (12·B); B > 0, so signs compare without dividing.
  const lead = 12n * e - BigInt(cutoffMonth) * b;
  const light: Light = lead >= 0n ? "green" : 10_000n * lead + 12n * x * b <= 0n ? "red" : "yellow";
  const gap = shownGap(divRoundHalfUp(10_000n * lead, 12n * b), light, x);
  const gapPoints = twoDecimals(gap);
  const behind = twoDecimals(-gap);
  const reason =
    light === "green"
      ? `执行率 ${rate}%，不低于时间进度 ${t}%`
      : light === "yellow"
        ? `执行率 ${rate}%，低于时间进度 ${t}%，差 ${behind} 个百分点`
        : `执行率 ${rate}%，低于时间进度 ${t}%，差 ${behind} 个百分点，达到红灯线 ${pointsText(x)} 个百分点`;
  return { light, rate, timeProgress: t, gapPoints, reason };
}

const LIKELIHOOD_LIGHT: Record<Likelihood, Light> = { impossible: "red", possible: "yellow", certain: "green" };
const LIKELIHOOD_WORDS: Record<Likelihood, string> = {
  impossible: "预计完全不可能完成",
  possible: "预计有可能完成",
  certain: "预计确定能完成",
};

/**
 * One indicator's own light from its likelihood. Whether a yellow one makes the project yellow is the
 * rules' `possibleMakesYellow` (see `reportLight`).
 */
export function indicatorLight(likelihood: Likelihood | null, name?: string): { light: Light; reason: string } {
  const who = name === undefined ? "该指标" : `指标“${name}”`;
  if (likelihood === null) return { light: "none", reason: `${who}尚未填写完成目标可能性` };
  return { light: LIKELIHOOD_LIGHT[likelihood], reason: `${who}${LIKELIHOOD_WORDS[likelihood]}` };
}

export interface ReportLightInput {
  budget: Fen;
  executed: Fen;
  cutoffMonth: number;
  items: readonly { name: string; likelihood: Likelihood | null }[];
}

export interface ReportLight {
  light: Light;
  execution: ExecutionLight;
  /** Why: for red or yellow every warning cause (red causes first); for green or none, what it rests on. */
  reasons: string[];
}

/**
 * A report's light: red when execution is red or any indicator is 完全不可能; yellow when execution is
 * yellow or (per the rules) an indicator is 有可能; otherwise green when execution is green. Without a
 * budget the indicators decide alone: green once every indicator is answered and none warns, none
 * while any is unanswered.
 */
export function reportLight(input: ReportLightInput, rules: MonitoringRules): ReportLight {
  const execution = executionLight(input.budget, input.executed, input.cutoffMonth, rules);
  const red: string[] = [];
  const yellow: string[] = [];
  if (execution.light === "red") red.push(execution.reason);
  if (execution.light === "yellow") yellow.push(execution.reason);
  for (const item of input.items) {
    const own = indicatorLight(item.likelihood, item.name);
    if (own.light === "red") red.push(own.reason);
    if (own.light === "yellow" && rules.possibleMakesYellow) yellow.push(own.reason);
  }
  if (red.length > 0) return { light: "red", execution, reasons: [...red, ...yellow] };
  if (yellow.length > 0) return { light: "yellow", execution, reasons: yellow };
  if (execution.light === "green") return { light: "green", execution, reasons: [execution.reason] };
  // No budget: the indicators alone.
  if (input.items.length === 0) return { light: "none", execution, reasons: [execution.reason, "没有绩效指标可判断"] };
  if (input.items.some((i) => i.likelihood === null))
    return { light: "none", execution, reasons: [execution.reason, "尚有指标未填写完成目标可能性"] };
  const all = input.items.every((i) => i.likelihood === "certain")
    ? "各指标均预计确定能完成"
    : "各指标均已填写完成目标可能性，没有预计完全不可能完成的指标";
  return { light: "green", execution, reasons: [execution.reason, all] };
}
