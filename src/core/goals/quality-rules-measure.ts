import { compilePolicy } from "./quality-policy";
import {
  COST_LEVEL2,
  defineRule,
  OUTPUT_LEVEL1,
  parseTargetNumber,
  QUANTITY_LEVEL2,
  quoteList,
  rowLabel,
} from "./quality-types";
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
      // 资金到位率 is budget execution: GOAL_PROCESS_AS_OUTPUT says so, once.
      if (ind.level1.trim() === OUTPUT_LEVEL1 && compiled.process.find(ind.name).length > 0) return;
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
      if (ind.level1.trim() === OUTPUT_LEVEL1 && compiled.process.find(ind.name).length > 0) return;
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

/** Yuan per unit of the money units the rules read; a unit the policy adds beyond these is not converted. */
const YUAN_PER: Readonly<Record<string, number>> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };

/** Words of a unit cost (人均培训成本, 单位面积改造成本): an amount per thing, not the project's total. */
const UNIT_COST_WORDS = ["单位", "人均", "户均", "亩均", "每", "平均", "单价", "标准"];

interface Amount {
  /** The amount in fen. */
  fen: number;
  /** The money unit as written (万元), without "/人". */
  unit: string;
  perUnit: boolean;
}

/** A cost indicator's target as money: "≤ 1,200 万元", or null when it is no amount the rules can read. */
function costAmount(ind: GoalIndicator): Amount | null {
  if (!isCost(ind) || ind.kind !== "quantitative") return null;
  const written = (ind.unit ?? "").trim();
  const unit = written.split(/[/每]/)[0] ?? "";
  const perYuan = YUAN_PER[unit];
  const value = parseTargetNumber(ind.target);
  if (perYuan === undefined || value === null || value < 0) return null;
  const perUnit = written !== unit || UNIT_COST_WORDS.some((w) => ind.name.includes(w));
  return { fen: Math.round(value * perYuan * 100), unit, perUnit };
}

const wan = (fen: number) => `${Number((fen / 1_000_000).toFixed(2))}万元`;

export const costOverFunds = defineRule(
  {
    code: "GOAL_COST_OVER_FUNDS",
    title: "成本超过项目资金",
    severity: "warning",
    explanation: "成本指标是花钱的上限，不会超过项目本身的资金；超过时多半是金额或单位填错了。",
  },
  (table, _ctx, emit) => {
    const funds = table.funds?.total ?? 0;
    if (funds <= 0) return;
    table.indicators.forEach((ind, i) => {
      const amount = costAmount(ind);
      if (!amount || amount.fen <= funds) return;
      // Over the funds only by a factor of 10⁴: a unit slip, reported as such by GOAL_AMOUNT_UNIT_SLIP.
      if (amount.unit === "万元" && amount.fen / 1e4 <= funds) return;
      emit(
        i,
        "target",
        `${rowLabel(ind, i)}：成本 ${ind.target.trim()}${(ind.unit ?? "").trim()} 超过项目资金 ${wan(funds)}`,
        "核对成本金额和计量单位；成本上限不应超过项目资金",
      );
    });
  },
);

export const amountUnitSlip = defineRule(
  {
    code: "GOAL_AMOUNT_UNIT_SLIP",
    title: "金额单位疑似错位",
    severity: "warning",
    explanation:
      "元与万元相差一万倍：把“元”写成“万元”，成本就远超项目资金；把“万元”写成“元”，一个项目的总成本只有几十元。",
  },
  (table, _ctx, emit) => {
    const funds = table.funds?.total ?? 0;
    if (funds <= 0) return;
    table.indicators.forEach((ind, i) => {
      const amount = costAmount(ind);
      if (!amount) return;
      const written = `${ind.target.trim()}${(ind.unit ?? "").trim()}`;
      if (amount.unit === "万元" && amount.fen > funds && amount.fen / 1e4 <= funds)
        emit(
          i,
          "unit",
          `${rowLabel(ind, i)}：成本 ${written} 超过项目资金 ${wan(funds)}，按“元”计则在资金以内，疑似把“元”写成了“万元”`,
          `核对计量单位：若是 ${ind.target.trim()} 元，把计量单位改为“元”${amount.perUnit ? "（单位成本写成“元/人”这类单位）" : ""}`,
        );
      // A total cost in 元 that is a few percent of the funds once read as 万元 is 万元 typed as 元.
      else if (amount.unit === "元" && !amount.perUnit && amount.fen * 1e4 <= funds && amount.fen * 1e4 >= funds * 0.05)
        emit(
          i,
          "unit",
          `${rowLabel(ind, i)}：总成本 ${written} 只是项目资金 ${wan(funds)} 的万分之一量级，按“万元”计才与资金相当，疑似把“万元”写成了“元”`,
          `核对计量单位：若是 ${ind.target.trim()} 万元，把计量单位改为“万元”`,
        );
    });
  },
);
