import { forkRng, type Rng, seedFromString } from "../../core/random";
import type { SelfEvalItem } from "../../core/selfeval/form";
import { type Grade, gradeOf, toHundredths } from "../../core/selfeval/grade";
import { readQuantity } from "../../core/selfeval/quantity";
import { type ReviewItemInput, reviewScore } from "../../core/selfeval/review-score";
import type { FormScore } from "../../core/selfeval/score-form";
import type { SelfEvalSheet } from "../../core/selfeval/sheet";

/**
 * What the demo district's units write in their self-evaluation sheets and what the firm's reviewers give,
 * generated from each form's own indicators (pure, seeded by the form's code, so every demo is the same).
 * Scores are never set: the system computes them from these answers.
 */

const SHORTFALL_NOTES = [
  "受上级资金下达时间影响，部分工作推迟实施，已调整工作计划，下一年度优先安排",
  "实施过程中服务对象需求变化，完成值略低于目标；今后将加强需求调研，合理设定目标值",
  "采购流程较长，部分内容年底前未能完成，已结转下年继续实施",
  "年初目标值设定偏高，今后将参考历年实际完成情况科学设定指标值",
];
const OVERALL = [
  "项目按计划实施，年度绩效目标基本完成，资金使用规范",
  "全面完成年度工作任务，各项指标达到预期，服务对象反映良好",
  "年度目标总体完成，个别指标因客观原因略有偏差，已分析原因并制定改进措施",
];

const two = (x: number) => Math.round(x * 100) / 100;
/** A number as a clerk types it: no trailing zeros, at most the decimals of the target. */
function typed(value: number, decimals: number) {
  const fixed = value.toFixed(decimals);
  return decimals > 0 ? fixed.replace(/\.?0+$/, "") : fixed;
}

/** An actual value for a quantitative row: the target met, or (short) some way below a "≥" target. */
function actualOf(rng: Rng, target: string, operator: string | null, short: boolean): string | null {
  const q = readQuantity(target);
  if (!q) return null;
  const value = Number(q.micro) / 1e6;
  const decimals = Math.min(2, (String(value).split(".")[1] ?? "").length);
  const unit = q.unit;
  if (operator === "<=") return `${typed(short ? value : value * rng.between(0.9, 1), decimals)}${unit}`;
  if (operator === "=" || !short) {
    // Counts are often exceeded a little; a rate above 100% is no rate.
    const over = operator === ">=" && unit !== "%" && rng.chance(0.3) ? rng.between(1, 1.1) : 1;
    return `${typed(decimals === 0 ? Math.round(value * over) : value * over, decimals)}${unit}`;
  }
  const got = value * rng.between(0.82, 0.97);
  return `${typed(decimals === 0 ? Math.floor(got) : got, decimals)}${unit}`;
}

/**
 * Fills one downloaded sheet as its unit would: most forms meet every target; about one in three falls
 * short on one or two indicators, with the reason written beside them. Qualitative rows get points in
 * the top band, a little lower where short. Rows marked 不适用 stay so.
 */
export function fillProjectSheet(sheet: SelfEvalSheet, code: string): SelfEvalSheet {
  const rng = forkRng(seedFromString(`城中区单位自评-${code}`), "sheet");
  const shortCount = rng.chance(0.35) ? rng.int(1, Math.min(2, sheet.rows.length)) : 0;
  const shortAt = new Set(rng.shuffle(sheet.rows.map((_, i) => i)).slice(0, shortCount));
  const rows = sheet.rows.map((row, i) => {
    if (row.notApplicable) return row;
    const short = shortAt.has(i);
    const note = short ? rng.pick(SHORTFALL_NOTES) : null;
    const weight = row.weight ?? 0;
    if (row.qualitative) {
      const points = two(weight * (short ? rng.between(0.8, 0.88) : 1));
      return { ...row, actual: short ? "基本达到预期" : "达到预期", points, deviationNote: note };
    }
    const operator = /^[≤<]/.test(row.target.trim()) ? "<=" : /^[=＝]/.test(row.target.trim()) ? "=" : ">=";
    const actual = actualOf(rng, row.target, operator, short && operator !== "=");
    return { ...row, actual: actual ?? "已完成", deviationNote: note };
  });
  return { ...sheet, rows, overallGoal: { ...sheet.overallGoal, actual: rng.pick(OVERALL) } };
}

/** The answers of a department-wide form, row by row (the template's formulas, domain.md §5). */
export function deptWideAnswers(items: readonly SelfEvalItem[], code: string) {
  const rng = forkRng(seedFromString(`城中区部门整体自评-${code}`), "answers");
  const good = rng.between(0, 1);
  return items.map((item) => {
    const f = item.formula as { kind?: string; source?: string | null; items?: { key: string }[] } | null;
    const short = rng.chance(0.15 + 0.2 * (1 - good));
    if (f?.source) return { uid: item.uid };
    switch (item.kind) {
      case "checklist": {
        const keys = f?.items?.map((k) => k.key) ?? [];
        return { uid: item.uid, failed: short && keys.length > 0 ? [rng.pick(keys)] : [] };
      }
      case "tiers":
        return { uid: item.uid, points: two(item.weight * (short ? rng.between(0.8, 0.89) : rng.between(0.9, 1))) };
      case "deductPerPoint": {
        const d = item.formula as { direction: "over" | "under"; limitPercent: number };
        const limit = d.limitPercent;
        const value =
          d.direction === "under"
            ? Math.min(100, limit + (short ? -rng.between(1, 4) : rng.between(1, 6)))
            : short
              ? limit + rng.between(0.5, 3)
              : limit * rng.between(0.9, 1);
        return { uid: item.uid, actual: typed(value, 2) };
      }
      case "bands":
        return { uid: item.uid, actual: typed(short ? rng.between(5, 12) : rng.between(0.5, 4.9), 2) };
      default:
        return { uid: item.uid, actual: short ? typed(rng.between(92, 99), 1) : "100" };
    }
  });
}

export const SHORT_NOTE = "部分指标未达到预期，原因已分析，整改措施已落实到下一年度预算安排";

/** The band a review lands in, per grade (hundredths of a point, inclusive). */
const BANDS: Record<Grade, [number, number]> = {
  excellent: [9050, 9600],
  good: [8050, 8950],
  fair: [6500, 7950],
  poor: [5000, 5900],
};

/**
 * A reviewer's points for one form so that its review total lands in the grade the district's review gave
 * it: starting from the self-evaluation's points, each item loses a share of them (more on some items than
 * others), the shares scaled until the total (computed by core's reviewScore, the execution rate counted as
 * submitted) falls in the band; where the self score is below the band, points are restored towards full.
 */
export function reviewPoints(
  form: { items: readonly SelfEvalItem[]; selfScore: FormScore; missingWeight: number },
  grade: Grade,
  code: string,
): ReviewItemInput[] {
  const rng = forkRng(seedFromString(`城中区抽查复核-${code}`), "points");
  const [lo, hi] = BANDS[grade];
  const target = rng.int(lo, hi);
  const self = new Map(form.selfScore.items.map((s) => [s.uid, s]));
  const depth = new Map(form.items.map((i) => [i.uid, rng.chance(0.4) ? rng.between(0.6, 1) : rng.between(0.1, 0.3)]));
  const at = (f: number): ReviewItemInput[] =>
    form.items.map((item) => {
      const s = self.get(item.uid);
      if (s?.status === "notApplicable") return { uid: item.uid, points: null, notApplicable: true, comment: null };
      const base = s?.points ?? item.weight;
      // f < 0: towards full points; f > 0: away from the self points, by each item's depth (never below 0).
      const p = f < 0 ? base + -f * (item.weight - base) : base * (1 - f * depth.get(item.uid)!);
      const points = Math.max(0, Math.min(item.weight, Math.floor(p * 100) / 100));
      return { uid: item.uid, points, notApplicable: false, comment: null };
    });
  const totalAt = (f: number) => toHundredths(reviewScore(form, at(f)).total ?? 0) ?? 0n;
  // The total falls as f grows: find the f whose total is nearest the target from above.
  let a = -1;
  let b = 10;
  for (let i = 0; i < 40; i++) {
    const mid = (a + b) / 2;
    if (totalAt(mid) >= BigInt(target)) a = mid;
    else b = mid;
  }
  const items = at(a);
  if (gradeOf(totalAt(a)) !== grade) throw new Error(`演示复核评分无法落在${grade}档：${code}`);
  return items.map((r) => {
    const s = self.get(r.uid);
    const differs = r.notApplicable ? s?.status !== "notApplicable" : s?.points !== r.points;
    return differs ? { ...r, comment: commentFor(rng, r.points, s?.points ?? null) } : r;
  });
}

function commentFor(rng: Rng, review: number | null, self: number | null) {
  if (self === null) return "自评未能评分，复核按佐证材料评定";
  if (review !== null && review > self) return "佐证材料充分，复核予以调增";
  return rng.pick([
    "佐证材料不足，实际完成值依据不充分，酌情扣分",
    "指标完成值与佐证材料不一致，按核实数重新计分",
    "偏差原因分析不够具体，改进措施缺乏可操作性",
    "绩效目标设置偏低，完成值不能充分反映项目效益",
  ]);
}

/** The guidance written for the unit with each review, by how far the review fell below the self score. */
export function guidanceFor(grade: Grade, difference: number | null) {
  const lines = [
    grade === "excellent"
      ? "自评工作规范，佐证材料齐全，绩效目标完成情况良好。"
      : grade === "good"
        ? "自评工作较规范，绩效目标基本完成，部分指标佐证材料有待完善。"
        : "自评工作有待加强，部分指标完成情况依据不足，偏差原因分析不够深入。",
    difference !== null && difference > 10
      ? "自评得分明显偏高，请严格按评分标准自评，如实反映绩效目标完成情况。"
      : "请继续做好绩效自评工作。",
    "建议：一是细化量化绩效指标，确保指标可衡量、可考核；二是完善佐证材料归集；三是加强预算执行管理，提高资金使用效益。",
  ];
  return lines.join("\n");
}
