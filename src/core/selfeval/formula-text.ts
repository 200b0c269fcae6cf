import { OPERATOR_LABELS } from "../goals/types";
import type { DeptWideBand, DeptWideFormula, DeptWideSource } from "./dept-template";
import { hundredthsOf, pointsText } from "./grade";
import type { TierBand } from "./rules";

/**
 * A department-wide row's formula in words a unit or a finance clerk reads (the rules page and the form
 * show it next to the row): what gives full points and how points are lost. The words follow the
 * scoring of score-dept-wide.ts, so they cannot promise another rule than the one applied.
 */
const pts = (n: number) => pointsText(hundredthsOf(n));

export function bandLabel(b: DeptWideBand, unit: string): string {
  if (b.min === null && b.max === null) return "任何值";
  if (b.min === null) return `低于${b.max}${unit}`;
  if (b.max === null) return `${b.min}${unit}及以上`;
  return `${b.min}${unit}（含）—${b.max}${unit}`;
}

export function formulaText(f: DeptWideFormula, tiers: readonly TierBand[] = []): string {
  switch (f.kind) {
    case "ratio": {
      const op = OPERATOR_LABELS[f.operator];
      const target = `${f.target}${f.unit}`;
      if (f.operator === "<=") return `实际值${op}${target}得满分；超过时得分 = 目标值 ÷ 实际值 × 分值（越低越好）`;
      if (f.operator === "=") return `实际值等于${target}得满分；否则得分 = 较小值 ÷ 较大值 × 分值`;
      return `实际值${op}${target}得满分；未达到时得分 = 实际值 ÷ 目标值 × 分值`;
    }
    case "deductPerPoint":
      return f.direction === "over"
        ? `不超过${f.limitPercent}%得满分；每超过1个百分点扣${pts(f.perPoint)}分（不足1个百分点按比例扣），扣完为止`
        : `不低于${f.limitPercent}%得满分；每低1个百分点扣${pts(f.perPoint)}分（不足1个百分点按比例扣），扣完为止`;
    case "bands":
      return `按实际值所在区间计分：${f.bands
        .map((b) => `${bandLabel(b, f.unit)}得${f.scale === "points" ? `${pts(b.value)}分` : `分值的${b.value}%`}`)
        .join("；")}`;
    case "checklist":
      return `逐项检查，每有一项不符合扣相应分数，扣完为止：${f.items
        .map((it, n) => `${n + 1}. ${it.text}（扣${pts(it.deduction)}分）`)
        .join("；")}`;
    case "tiers":
      return tiers.length === 0
        ? "定性评价：选择达成档次，并在该档次的分值区间内评分"
        : `定性评价：选择达成档次，并在该档次的分值区间内评分（${tiers
            .map((t) => `${t.label} ${t.minPercent}%—${t.maxPercent}%`)
            .join("，")}）`;
  }
}

/** Where a row's value comes from, when the unit does not type it. */
export const SOURCE_LABELS: Record<DeptWideSource, string> = {
  executionRate: "取自导入的全年预算数和执行数，自动计算",
};

/** The Chinese names of the formula kinds. */
export const FORMULA_KIND_LABELS: Record<DeptWideFormula["kind"], string> = {
  ratio: "比率计分",
  deductPerPoint: "超限扣分",
  bands: "区间计分",
  checklist: "检查扣分",
  tiers: "定性分档",
};
