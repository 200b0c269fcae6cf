import { compilePolicy } from "./quality-policy";
import { COST_LEVEL2, defineRule, OUTPUT_LEVEL1, QUANTITY_LEVEL2, quoteList, rowLabel } from "./quality-types";
import type { GoalIndicator } from "./types";

/**
 * What an indicator measures, against where it stands (财预〔2021〕101号's split of 数量, 成本 and the
 * budget's execution): a quantity counts things, a cost is money, and the spending of the budget is not an
 * output. Each rule names what it read, so a near miss ("≥12所", "≤16万元", "按时发放率") is never caught.
 */

const isPercent = (unit: string | null) => {
  const u = (unit ?? "").trim();
  return u === "%" || u === "％" || u === "百分比";
};

/** The unit of an amount or a unit cost: 元, 万元, 元/人, 万元/公里. */
const isMoney = (unit: string | null, moneyUnits: ReadonlySet<string>) => {
  const u = (unit ?? "").trim();
  return moneyUnits.has(u) || [...moneyUnits].some((m) => u.startsWith(`${m}/`) || u.startsWith(`${m}每`));
};

const isCost = (ind: GoalIndicator) => ind.level2.trim() === COST_LEVEL2 || ind.level1.trim() === COST_LEVEL2;

export const quantityIsRate = defineRule(
  {
    code: "GOAL_QUANTITY_IS_RATE",
    title: "数量指标写成比率",
    severity: "warning",
    explanation: "数量指标应写完成了多少（个、人、项、平方米），覆盖率、完成率等比率说明不了办成了多少事。",
  },
  (table, ctx, emit) => {
    const compiled = compilePolicy(ctx.policy);
    table.indicators.forEach((ind, i) => {
      if (ind.level2.trim() !== QUANTITY_LEVEL2 || ind.kind !== "quantitative") return;
      const percent = isPercent(ind.unit);
      const rateName = compiled.endsWithRate(ind.name);
      if (!percent && !rateName) return;
      const read = percent ? `计量单位为“${(ind.unit ?? "").trim()}”` : `名称“${ind.name.trim()}”是比率`;
      emit(
        i,
        percent ? "unit" : "name",
        `${rowLabel(ind, i)}：数量指标${read}，衡量的是比率而不是数量`,
        "改为实际完成的数量（如“改造学校数 ≥12所”“受助学生数 ≥24人”）；比率类指标放到“质量指标”下",
      );
    });
  },
);

export const costNotAmount = defineRule(
  {
    code: "GOAL_COST_NOT_AMOUNT",
    title: "成本指标不是金额",
    severity: "warning",
    explanation: "成本指标应是金额或单位成本（如“≤16万元”“≤1200元/平方米”），成本控制率、达标率不是成本。",
  },
  (table, ctx, emit) => {
    const compiled = compilePolicy(ctx.policy);
    table.indicators.forEach((ind, i) => {
      if (!isCost(ind) || ind.kind !== "quantitative") return;
      if (isMoney(ind.unit, compiled.moneyUnits) && !compiled.endsWithRate(ind.name)) return;
      const unit = (ind.unit ?? "").trim();
      const read = compiled.endsWithRate(ind.name)
        ? `名称“${ind.name.trim()}”是比率`
        : unit === ""
          ? "没有金额单位"
          : `计量单位为“${unit}”`;
      emit(
        i,
        compiled.endsWithRate(ind.name) ? "name" : "unit",
        `${rowLabel(ind, i)}：成本指标${read}，不是金额或单位成本`,
        `写成控制的金额或单位成本，计量单位用 ${quoteList([...compiled.moneyUnits])} 或“元/人”这类单位`,
      );
    });
  },
);

export const processAsOutput = defineRule(
  {
    code: "GOAL_PROCESS_AS_OUTPUT",
    title: "以预算执行代替产出",
    severity: "warning",
    explanation: "资金下达率、拨付率、支出率、执行率反映的是花钱的过程，不是办成的事；预算执行率在自评中单独计分。",
  },
  (table, ctx, emit) => {
    const compiled = compilePolicy(ctx.policy);
    table.indicators.forEach((ind, i) => {
      if (ind.level1.trim() !== OUTPUT_LEVEL1) return;
      const words = compiled.process.find(ind.name);
      if (words.length === 0) return;
      emit(
        i,
        "name",
        `${rowLabel(ind, i)}：产出指标名称含 ${quoteList(words)}，反映的是预算执行过程，不是产出`,
        "删去此指标（预算执行率单独考核），改为资金形成的产出，如完成的工程量、按时发放的人数",
      );
    });
  },
);
