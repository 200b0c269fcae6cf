import { divRoundHalfUp, type Fen } from "../money";
import { percent } from "../percent";
import { type Grade, pointsText, toHundredths } from "./grade";
import type { SelfEvalRules } from "./rules";
import { type IndicatorInput, type ProjectScore, scoreProject } from "./score-project";
import { type CellAt, cellName, type FundsRow, type SelfEvalRow, type SelfEvalSheet } from "./sheet";
import { isBlankMark, isQualitativeTarget, readTarget } from "./target";

/**
 * Checks a self-evaluation table as a county sends it (项目支出绩效自评表): every score is recomputed
 * with scoreProject on the sheet's own 分值 (the execution's from the funds block), and the sheet's
 * figures are set against the computed ones (differences) and against each other (contradictions).
 * A row is qualitative when its 年度指标值 names no number: its 得分 is the assessor's points, checked
 * only against its 分值. What cannot be scored (no target, no actual value, no 分值) is listed as such
 * and leaves the total open, never counted as 0 or as full points. Pure.
 */

/**
 * Tolerance: figures that differ by less than 0.01 (a point, or a percentage point for the rate) are the
 * same. Scores are kept to the hundredth (domain.md §6), so 9.333 stated against 9.33 computed is a
 * rounding, not a mistake; 0.01 and more is a difference. A rate written with fewer decimals ("95%")
 * also agrees when the computed rate rounds to it at that precision.
 */
const SAME_WITHIN_MICRO = 10_000n; // 0.01 in millionths

export type SelfEvalFindingUnit = "分" | "%" | "万元";

export interface SelfEvalFinding {
  code: string;
  /** The cell holding the stated figure ("H7"); null when the sheet did not say where (built in memory). */
  cell: string | null;
  /** What the figure is: 预算执行率, 预算执行得分, 三级指标“…”得分, 总分 …. */
  item: string;
  message: string;
  stated: number | null;
  computed: number | null;
  unit: SelfEvalFindingUnit;
}

export interface SelfEvalUnscorable {
  cell: string | null;
  item: string;
  reason: string;
}

export interface SelfEvalSheetCheck {
  sheet: string;
  statedTotal: number | null;
  /** Null while anything cannot be scored. */
  computedTotal: number | null;
  grade: Grade | null;
  differences: SelfEvalFinding[];
  contradictions: SelfEvalFinding[];
  unscorable: SelfEvalUnscorable[];
  /** How figures the sheet left open were taken (e.g. the execution's 分值 from the rules). */
  notes: string[];
  /** The engine's answer over the scorable rows, with how each figure came out. */
  score: ProjectScore;
}

// ---------------------------------------------------------------- exact comparison

const micro = (n: number): bigint => BigInt(Math.round(n * 1_000_000));
const absB = (x: bigint) => (x < 0n ? -x : x);
const same = (a: number, b: number): boolean => absB(micro(a) - micro(b)) < SAME_WITHIN_MICRO;
const H = (n: number): bigint => toHundredths(n) ?? divRoundHalfUp(micro(n), 10_000n);
const pts = (n: number) => pointsText(H(n));
/** A stated figure as written, up to six decimals (9.333 stays 9.333). */
const statedText = (n: number) => String(Number(n.toFixed(6)));
const wan = (fen: Fen) => Number(fen) / 1_000_000;
const wanText = (fen: Fen) => String(Number(wan(fen).toFixed(6)));

/** Whether a stated rate agrees with executed / budget. */
function rateAgrees(stated: { percent: number; decimals: number | null }, executed: Fen, budget: Fen): boolean {
  const e = BigInt(executed);
  const b = BigInt(budget);
  // |stated − e/b×100| < 0.01 ⇔ |stated_micro × b − e × 10^8| < 10^4 × b (b > 0)
  if (absB(micro(stated.percent) * b - e * 100_000_000n) < SAME_WITHIN_MICRO * b) return true;
  if (stated.decimals === null) return false;
  const scale = 10n ** BigInt(stated.decimals);
  return divRoundHalfUp(e * 100n * scale, b) * 1_000_000n === micro(stated.percent) * scale;
}

// ---------------------------------------------------------------- the check

interface Ctx {
  differences: SelfEvalFinding[];
  contradictions: SelfEvalFinding[];
  unscorable: SelfEvalUnscorable[];
  notes: string[];
}

const finding = (
  code: string,
  at: CellAt | null | undefined,
  item: string,
  message: string,
  stated: number | null,
  computed: number | null,
  unit: SelfEvalFindingUnit = "分",
): SelfEvalFinding => ({ code, cell: cellName(at), item, message, stated, computed, unit });

const rowItem = (r: SelfEvalRow) => `三级指标“${r.name || "（未填名称）"}”`;

/** Why a row cannot be scored before the engine sees it; null when it can be handed to scoreProject. */
function blockedReason(r: SelfEvalRow): { reason: string; at: CellAt | null | undefined } | null {
  if (r.notApplicable) return r.weight === null ? { reason: "标为不适用，但未填写分值", at: r.at?.weight } : null;
  if (isBlankMark(r.target)) return { reason: "未填写年度指标值，无法计分", at: r.at?.target };
  if (r.weight === null) return { reason: "未填写分值（或分值不是数字），无法计分", at: r.at?.weight };
  if (isBlankMark(r.actual)) return { reason: "未填写实际完成值，无法计分", at: r.at?.actual };
  if (isQualitativeTarget(r.target) && r.points === null)
    return { reason: "定性指标未填写得分（由评价人在分值内评定），无法计分", at: r.at?.points };
  return null;
}

function indicatorInput(r: SelfEvalRow, key: string): IndicatorInput {
  const qualitative = isQualitativeTarget(r.target);
  const t = readTarget(r.target);
  const points = r.points === null ? null : Number(H(r.points)) / 100;
  return {
    key,
    level1: r.level1,
    name: r.name,
    kind: qualitative ? "qualitative" : "quantitative",
    operator: qualitative ? null : t.operator,
    target: qualitative ? r.target : t.value,
    unit: null,
    weight: r.weight ?? 0,
    actual: r.actual,
    notApplicable: r.notApplicable,
    tier: null,
    points: qualitative ? points : null,
  };
}

function checkRate(sheet: SelfEvalSheet, ctx: Ctx) {
  const { funds } = sheet;
  const { adjusted, executed, initial } = funds.total;
  if (funds.rate === null || adjusted === null || executed === null || adjusted <= 0) return;
  if (rateAgrees(funds.rate, executed, adjusted)) return;
  const computed = percent(executed, adjusted);
  const onInitial =
    initial !== null && initial > 0 && initial !== adjusted && rateAgrees(funds.rate, executed, initial);
  ctx.differences.push(
    finding(
      "SELFEVAL_RATE_DIFFERS",
      funds.at?.rate,
      "预算执行率",
      `执行率填 ${statedText(funds.rate.percent)}%，按全年执行数 ${wanText(executed)} ÷ 全年预算数 ${wanText(adjusted)} 应为 ${computed}%${
        onInitial ? "（所填执行率是按年初预算数计算的；执行率应以全年预算数为分母）" : ""
      }`,
      funds.rate.percent,
      Number(computed),
      "%",
    ),
  );
}

function checkExecution(sheet: SelfEvalSheet, score: ProjectScore, ctx: Ctx) {
  const { funds } = sheet;
  const e = score.execution;
  const item = "预算执行得分";
  if (e.status === "unscorable") {
    ctx.unscorable.push({ cell: cellName(funds.at?.points), item: "预算执行率", reason: e.how });
    return;
  }
  if (e.status === "notApplicable") {
    if (funds.points !== null && funds.points !== 0)
      ctx.differences.push(
        finding(
          "SELFEVAL_EXECUTION_POINTS_DIFFER",
          funds.at?.points,
          item,
          `执行得分填 ${statedText(funds.points)}，但${e.how}，其分值按比例折算到其他指标`,
          funds.points,
          null,
        ),
      );
    return;
  }
  const computed = e.points ?? 0;
  if (funds.points === null)
    ctx.differences.push(
      finding("SELFEVAL_POINTS_MISSING", funds.at?.points, item, `未填写执行得分；${e.how}`, null, computed),
    );
  else if (!same(funds.points, computed))
    ctx.differences.push(
      finding(
        "SELFEVAL_EXECUTION_POINTS_DIFFER",
        funds.at?.points,
        item,
        `执行得分填 ${statedText(funds.points)}，应为 ${pts(computed)}：${e.how}`,
        funds.points,
        computed,
      ),
    );
}

function checkRows(sheet: SelfEvalSheet, score: ProjectScore, scored: Map<number, number>, ctx: Ctx) {
  sheet.rows.forEach((r, i) => {
    const n = scored.get(i);
    if (n === undefined) return;
    const s = score.indicators[n];
    if (!s || s.status === "notApplicable") return;
    if (s.status === "unscorable") {
      ctx.unscorable.push({ cell: cellName(r.at?.points ?? r.at?.actual), item: rowItem(r), reason: s.how });
      return;
    }
    const computed = s.points ?? 0;
    if (r.points === null)
      ctx.differences.push(
        finding("SELFEVAL_POINTS_MISSING", r.at?.points, `${rowItem(r)}得分`, `未填写得分；${s.how}`, null, computed),
      );
    else if (!same(r.points, computed))
      ctx.differences.push(
        finding(
          "SELFEVAL_POINTS_DIFFER",
          r.at?.points,
          `${rowItem(r)}得分`,
          `得分填 ${statedText(r.points)}，应为 ${pts(computed)}：${s.how}`,
          r.points,
          computed,
        ),
      );
  });
}

function checkAboveWeight(sheet: SelfEvalSheet, executionWeight: number, ctx: Ctx) {
  const { funds } = sheet;
  if (funds.points !== null && micro(funds.points) - micro(executionWeight) >= SAME_WITHIN_MICRO)
    ctx.contradictions.push(
      finding(
        "SELFEVAL_POINTS_ABOVE_WEIGHT",
        funds.at?.points,
        "预算执行得分",
        `执行得分 ${statedText(funds.points)} 超过其分值 ${statedText(executionWeight)}`,
        funds.points,
        executionWeight,
      ),
    );
  for (const r of sheet.rows) {
    if (r.points === null || r.weight === null) continue;
    if (r.points < 0 || micro(r.points) - micro(r.weight) >= SAME_WITHIN_MICRO)
      ctx.contradictions.push(
        finding(
          "SELFEVAL_POINTS_ABOVE_WEIGHT",
          r.at?.points,
          `${rowItem(r)}得分`,
          r.points < 0
            ? `得分 ${statedText(r.points)} 为负数`
            : `得分 ${statedText(r.points)} 超过其分值 ${statedText(r.weight)}`,
          r.points,
          r.weight,
        ),
      );
  }
}

function checkWeights(sheet: SelfEvalSheet, executionWeight: number, ctx: Ctx) {
  if (sheet.rows.some((r) => r.weight === null)) return;
  const sumH = sheet.rows.reduce((s, r) => s + H(r.weight ?? 0), H(executionWeight));
  const sum = Number(sumH) / 100;
  const at = sheet.totalAt?.weight;
  if (sumH !== 10_000n)
    ctx.contradictions.push(
      finding(
        "SELFEVAL_WEIGHTS_NOT_100",
        at,
        "分值合计",
        `预算执行分值 ${statedText(executionWeight)} 与各指标分值合计为 ${pointsText(sumH)}，应为 100`,
        sum,
        100,
      ),
    );
  if (sheet.statedWeightTotal !== null && !same(sheet.statedWeightTotal, sum))
    ctx.contradictions.push(
      finding(
        "SELFEVAL_WEIGHT_TOTAL_NOT_SUM",
        at,
        "分值合计",
        `总分行的分值填 ${statedText(sheet.statedWeightTotal)}，但预算执行与各指标的分值相加为 ${pointsText(sumH)}`,
        sheet.statedWeightTotal,
        sum,
      ),
    );
}

function checkTotalAddsUp(sheet: SelfEvalSheet, executionWeight: number, ctx: Ctx) {
  const { statedTotal } = sheet;
  const counted = sheet.rows.filter((r) => !r.notApplicable && r.points !== null);
  if (statedTotal === null || (sheet.funds.points === null && counted.length === 0)) return;
  const sumH = counted.reduce((s, r) => s + H(r.points ?? 0), H(sheet.funds.points ?? 0));
  const sum = Number(sumH) / 100;
  if (same(statedTotal, sum)) return;
  // With indicators marked 不适用, the total may be the sum rescaled to 100 (domain.md §5).
  const dropped = sheet.rows.filter((r) => r.notApplicable).reduce((s, r) => s + H(r.weight ?? 0), 0n);
  if (dropped > 0n) {
    const applicable = sheet.rows
      .filter((r) => !r.notApplicable)
      .reduce((s, r) => s + H(r.weight ?? 0), H(executionWeight));
    if (applicable > 0n) {
      const rescaled = divRoundHalfUp(sumH * (applicable + dropped), applicable);
      if (same(statedTotal, Number(rescaled) / 100)) return;
    }
  }
  ctx.contradictions.push(
    finding(
      "SELFEVAL_TOTAL_NOT_SUM",
      sheet.totalAt?.points,
      "总分",
      `总分填 ${statedText(statedTotal)}，但预算执行得分与各指标得分相加为 ${pointsText(sumH)}`,
      statedTotal,
      sum,
    ),
  );
}

const FUNDS_COLUMNS = [
  ["initial", "年初预算数"],
  ["adjusted", "全年预算数"],
  ["executed", "全年执行数"],
] as const;

function checkFundsParts(total: FundsRow, parts: readonly FundsRow[], ctx: Ctx) {
  for (const [field, label] of FUNDS_COLUMNS) {
    const whole = total[field];
    const given = parts.filter((p) => p[field] !== null);
    if (whole === null || given.length === 0) continue;
    const sum = given.reduce((s, p) => s + BigInt(p[field] ?? 0), 0n);
    if (sum === BigInt(whole)) continue;
    ctx.contradictions.push(
      finding(
        "SELFEVAL_FUNDS_PARTS_NOT_TOTAL",
        total.at?.[field],
        `${total.label || "年度资金总额"}${label}`,
        `${label}：${total.label || "年度资金总额"}填 ${wanText(whole)} 万元，但${given.map((p) => p.label).join("、")}合计 ${wanText(Number(sum))} 万元`,
        wan(whole),
        wan(Number(sum)),
        "万元",
      ),
    );
  }
}

export function checkSelfEvalSheet(sheet: SelfEvalSheet, rules: SelfEvalRules): SelfEvalSheetCheck {
  const ctx: Ctx = { differences: [], contradictions: [], unscorable: [], notes: [] };
  const executionWeight = sheet.funds.weight ?? rules.project.executionWeight;
  if (sheet.funds.weight === null) ctx.notes.push(`预算执行率未填分值，按本年度规则的 ${executionWeight} 分计算`);

  // Rows the engine cannot take are listed first; the rest are scored on their stated 分值.
  const scored = new Map<number, number>();
  const inputs: IndicatorInput[] = [];
  const blocked: SelfEvalUnscorable[] = [];
  sheet.rows.forEach((r, i) => {
    const why = blockedReason(r);
    if (why) {
      blocked.push({ cell: cellName(why.at), item: rowItem(r), reason: why.reason });
      return;
    }
    scored.set(i, inputs.length);
    inputs.push(indicatorInput(r, String(i)));
  });
  const score = scoreProject({
    execution: {
      adjustedBudget: sheet.funds.total.adjusted,
      executed: sheet.funds.total.executed,
      weight: executionWeight,
      method: rules.project.execution,
    },
    indicators: inputs,
    tiers: rules.project.tiers,
  });

  checkRate(sheet, ctx);
  checkExecution(sheet, score, ctx);
  ctx.unscorable.push(...blocked);
  checkRows(sheet, score, scored, ctx);
  checkAboveWeight(sheet, executionWeight, ctx);
  checkWeights(sheet, executionWeight, ctx);
  checkTotalAddsUp(sheet, executionWeight, ctx);
  checkFundsParts(sheet.funds.total, sheet.funds.parts, ctx);
  if (sheet.rows.length === 0) ctx.unscorable.push({ cell: null, item: "绩效指标", reason: "表中没有绩效指标" });

  const computedTotal = ctx.unscorable.length === 0 ? score.total : null;
  if (computedTotal !== null) {
    if (sheet.statedTotal === null)
      ctx.differences.push(
        finding(
          "SELFEVAL_POINTS_MISSING",
          sheet.totalAt?.points,
          "总分",
          `未填写总分；${score.how}`,
          null,
          computedTotal,
        ),
      );
    else if (!same(sheet.statedTotal, computedTotal))
      ctx.differences.push(
        finding(
          "SELFEVAL_TOTAL_DIFFERS",
          sheet.totalAt?.points,
          "总分",
          `总分填 ${statedText(sheet.statedTotal)}，按各项重新计算应为 ${pts(computedTotal)}（${score.how}）`,
          sheet.statedTotal,
          computedTotal,
        ),
      );
  }
  return {
    sheet: sheet.sheet,
    statedTotal: sheet.statedTotal,
    computedTotal,
    grade: computedTotal === null ? null : score.grade,
    differences: ctx.differences,
    contradictions: ctx.contradictions,
    unscorable: ctx.unscorable,
    notes: ctx.notes,
    score,
  };
}

/** Whether a checked sheet has anything to answer for. */
export const sheetHasProblems = (c: SelfEvalSheetCheck): boolean =>
  c.differences.length > 0 || c.contradictions.length > 0 || c.unscorable.length > 0;
