import { percent } from "../percent";
import { compileTemplate } from "./quality-policy";
import { defineRule, formatPoints, quoteList } from "./quality-types";

/** Rules about the table as a whole (indicatorIndex null). */

export const OVERALL_GOAL_MIN_CHARS = 10;

export const overallMissing = defineRule(
  {
    code: "GOAL_OVERALL_MISSING",
    title: "年度总体目标缺失或过短",
    severity: "error",
    explanation: "年度总体目标说明这笔钱今年要办成什么事，是设置各项指标和年终评价的依据，不能空着或一笔带过。",
  },
  (table, _ctx, emit) => {
    const text = table.overallGoal.trim();
    // Count characters, not UTF-16 units, so rare characters outside the BMP count once.
    const length = [...text].length;
    if (length >= OVERALL_GOAL_MIN_CHARS) return;
    const message =
      length === 0
        ? "年度总体目标未填写"
        : `年度总体目标“${text}”只有 ${length} 个字，不足 ${OVERALL_GOAL_MIN_CHARS} 个字`;
    emit(
      null,
      "overallGoal",
      message,
      "写明本年度要完成的主要任务和预期达到的效果，如“完成 3 所学校校舍改造，新增学位 600 个，师生满意度达到 90% 以上”",
    );
  },
);

export const level1Empty = defineRule(
  {
    code: "GOAL_LEVEL1_EMPTY",
    title: "一级指标下没有三级指标",
    severity: "error",
    explanation: "产出、效益、满意度每一方面都要有具体指标，缺了任何一方面，年终就无法对这一方面打分。",
  },
  (table, ctx, emit) => {
    const { template } = compileTemplate(ctx.template);
    const present = new Set(table.indicators.map((ind) => ind.level1.trim()));
    for (const { level1, level2 } of template.levels) {
      if (present.has(level1)) continue;
      emit(
        null,
        "indicators",
        `一级指标“${level1}”下没有任何三级指标`,
        level2.length > 0
          ? `在“${level1}”下至少填写一个三级指标（二级指标可选 ${quoteList(level2)}）`
          : `在“${level1}”下至少填写一个三级指标`,
      );
    }
  },
);

export const tooFew = defineRule(
  {
    code: "GOAL_TOO_FEW",
    title: "指标数量过少",
    severity: "error",
    explanation: "指标太少就无法全面反映项目的产出和效果，评价时也缺少打分依据。",
  },
  (table, ctx, emit) => {
    const { minIndicators } = ctx.policy;
    const count = table.indicators.length;
    if (count >= minIndicators) return;
    emit(
      null,
      "indicators",
      `只有 ${count} 个三级指标，至少需要 ${minIndicators} 个`,
      `再补充 ${minIndicators - count} 个可衡量的三级指标`,
    );
  },
);

export const weightsNot100 = defineRule(
  {
    code: "GOAL_WEIGHTS_NOT_100",
    title: "权重合计不等于100",
    severity: "error",
    explanation: "各指标的权重就是年终评价时各项的分值，合计必须等于总分，否则评分结果不准确。",
  },
  (table, ctx, emit) => {
    // An empty table is already GOAL_TOO_FEW and GOAL_LEVEL1_EMPTY: there are no weights to balance.
    if (table.indicators.length === 0) return;
    const { totalHundredths } = compileTemplate(ctx.template);
    // In hundredths, so 33.33 + 33.33 + 33.34 is exactly 100. Unusable weights are GOAL_WEIGHT_INVALID.
    let sum = 0;
    for (const ind of table.indicators) if (Number.isFinite(ind.weight)) sum += Math.round(ind.weight * 100);
    if (sum === totalHundredths) return;
    const gap = totalHundredths - sum;
    emit(
      null,
      "indicators",
      `各指标权重合计为 ${formatPoints(sum)}，应为 ${formatPoints(totalHundredths)}`,
      gap > 0
        ? `权重合计还差 ${formatPoints(gap)}，请增加有关指标的权重`
        : `权重合计多出 ${formatPoints(-gap)}，请减少有关指标的权重`,
    );
  },
);

export const tooQualitative = defineRule(
  {
    code: "GOAL_TOO_QUALITATIVE",
    title: "定性指标占比过高",
    severity: "warning",
    explanation: "定性指标难以客观判断是否完成，绩效目标应尽量用数量、比率、时限等定量指标表述。",
  },
  (table, ctx, emit) => {
    const total = table.indicators.length;
    if (total === 0) return;
    const qualitative = table.indicators.filter((ind) => ind.kind === "qualitative").length;
    const max = ctx.policy.maxQualitativeShare;
    if (qualitative <= max * total) return;
    // The fewest indicators to turn quantitative so the share is no longer above the limit.
    const needed = qualitative - Math.floor(max * total + 1e-9);
    emit(
      null,
      "indicators",
      `定性指标 ${qualitative} 个，占 ${percent(qualitative, total)}%（共 ${total} 个指标），超过 ${percent(max, 1)}%`,
      `至少把 ${needed} 个定性指标改为定量指标，用数量、比率或时限表述目标`,
    );
  },
);
