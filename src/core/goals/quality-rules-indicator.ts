import { compilePolicy, compileTemplate } from "./quality-policy";
import {
  COST_LEVEL2,
  defineRule,
  formatPoints,
  OUTPUT_LEVEL1,
  parseTargetNumber,
  quoteList,
  rowLabel,
} from "./quality-types";
import { OPERATOR_LABELS, OPERATORS, type Operator } from "./types";

/** Rules about single indicators (indicatorIndex = the row, 0-based). */

const isOperator = (op: unknown): op is Operator => (OPERATORS as readonly unknown[]).includes(op);

export const unknownLevel = defineRule(
  {
    code: "GOAL_UNKNOWN_LEVEL",
    title: "一级或二级指标不在指标体系内",
    severity: "error",
    explanation: "一级、二级指标要按本地区当年的指标体系填写，否则无法汇总，也无法按体系评分。",
  },
  (table, ctx, emit) => {
    const tpl = compileTemplate(ctx.template);
    table.indicators.forEach((ind, i) => {
      const level1 = ind.level1.trim();
      const level2 = ind.level2.trim();
      const level2s = tpl.level2ByLevel1.get(level1);
      if (!level2s) {
        const owner = tpl.level1ByLevel2.get(level2);
        const guess = owner ?? (tpl.level2ByLevel1.has(`${level1}指标`) ? `${level1}指标` : null);
        emit(
          i,
          "level1",
          `${rowLabel(ind, i)}：一级指标${level1 === "" ? "未填写" : `“${level1}”不在本年度指标体系中`}，应为 ${quoteList(tpl.level1Names)} 之一`,
          guess ? `把一级指标改为“${guess}”` : `从 ${quoteList(tpl.level1Names)} 中选择一级指标`,
        );
        return;
      }
      if (level2s.has(level2)) return;
      const allowed = [...level2s];
      const owner = tpl.level1ByLevel2.get(level2);
      const guess = level2s.has(`${level2}指标`) ? `${level2}指标` : null;
      emit(
        i,
        "level2",
        `${rowLabel(ind, i)}：二级指标${level2 === "" ? "未填写" : `“${level2}”不属于一级指标“${level1}”`}，应为 ${quoteList(allowed)} 之一`,
        owner
          ? `“${level2}”属于一级指标“${owner}”：把一级指标改为“${owner}”，或从 ${quoteList(allowed)} 中另选二级指标`
          : guess
            ? `把二级指标改为“${guess}”`
            : `从 ${quoteList(allowed)} 中选择二级指标`,
      );
    });
  },
);

export const weightInvalid = defineRule(
  {
    code: "GOAL_WEIGHT_INVALID",
    title: "权重取值无效",
    severity: "error",
    explanation: "权重是指标的分值，必须大于 0、不超过总分，且最多保留两位小数。",
  },
  (table, ctx, emit) => {
    const { totalHundredths } = compileTemplate(ctx.template);
    const total = totalHundredths / 100;
    table.indicators.forEach((ind, i) => {
      const w = ind.weight;
      let problem: string | null = null;
      let suggestion: string | null = null;
      if (!Number.isFinite(w)) {
        problem = "权重不是有效数字";
        suggestion = `填写 0 到 ${formatPoints(totalHundredths)} 之间的分值`;
      } else if (w <= 0) {
        problem = `权重为 ${w}，须大于 0`;
        suggestion = "不需要的指标请删除，需要的指标请给出大于 0 的分值";
      } else if (w > total) {
        problem = `权重为 ${w}，超过总分 ${formatPoints(totalHundredths)}`;
        suggestion = `权重不能超过 ${formatPoints(totalHundredths)}，请核对是否多填了位数`;
      } else if (Math.abs(w * 100 - Math.round(w * 100)) > 1e-6) {
        problem = `权重为 ${w}，超过两位小数`;
        suggestion = `保留两位小数，如 ${formatPoints(Math.round(w * 100))}，并使合计等于 ${formatPoints(totalHundredths)}`;
      }
      if (problem) emit(i, "weight", `${rowLabel(ind, i)}：${problem}`, suggestion);
    });
  },
);

export const operatorMissing = defineRule(
  {
    code: "GOAL_OPERATOR_MISSING",
    title: "定量指标缺少运算符",
    severity: "error",
    explanation: "定量指标要用 ≥、≤ 或 = 说明目标是下限、上限还是确切值，年终才能判断是否完成。",
  },
  (table, _ctx, emit) => {
    table.indicators.forEach((ind, i) => {
      if (ind.kind !== "quantitative" || isOperator(ind.operator)) return;
      emit(
        i,
        "operator",
        `${rowLabel(ind, i)}：定量指标未选择运算符`,
        `选择 ${quoteList(OPERATORS.map((op) => OPERATOR_LABELS[op]))}：越多越好用“≥”，越少越好用“≤”`,
      );
    });
  },
);

const FIRST_NUMBER_RE = /\d+(?:\.\d+)?/;

export const targetNotNumber = defineRule(
  {
    code: "GOAL_TARGET_NOT_NUMBER",
    title: "定量指标目标值不是数字",
    severity: "error",
    explanation: "定量指标的目标值只填数字，单位和“以上”“以下”另有单位、运算符栏目，否则年终无法计算完成程度。",
  },
  (table, _ctx, emit) => {
    table.indicators.forEach((ind, i) => {
      if (ind.kind !== "quantitative") return;
      const target = ind.target.trim();
      // An empty target is GOAL_TARGET_MISSING.
      if (target === "" || parseTargetNumber(target) !== null) return;
      const number = FIRST_NUMBER_RE.exec(target)?.[0];
      emit(
        i,
        "target",
        `${rowLabel(ind, i)}：定量指标的目标值“${target}”不是数字`,
        number
          ? `目标值只填数字“${number}”，单位填入“计量单位”，“以上”“以下”用运算符“≥”“≤”表示`
          : "填写可衡量的数值（如“95”），目标无法量化的请把指标类型改为定性",
      );
    });
  },
);

export const unitMissing = defineRule(
  {
    code: "GOAL_UNIT_MISSING",
    title: "定量指标缺少计量单位",
    severity: "error",
    explanation: "没有计量单位，数字的含义不明（50 是个、人次还是 %），年终无法核对。",
  },
  (table, _ctx, emit) => {
    table.indicators.forEach((ind, i) => {
      if (ind.kind !== "quantitative" || (ind.unit ?? "").trim() !== "") return;
      emit(i, "unit", `${rowLabel(ind, i)}：定量指标未填写计量单位`, "填写计量单位，如“个”“人次”“%”“天”");
    });
  },
);

export const targetMissing = defineRule(
  {
    code: "GOAL_TARGET_MISSING",
    title: "目标值缺失",
    severity: "error",
    explanation: "没有目标值，年终就无法判断指标是否完成。",
  },
  (table, _ctx, emit) => {
    table.indicators.forEach((ind, i) => {
      if (ind.target.trim() !== "") return;
      emit(
        i,
        "target",
        `${rowLabel(ind, i)}：未填写目标值`,
        ind.kind === "quantitative" ? "填写目标数值，如“50”" : "写明要达到的具体状态，如“按期完工并通过验收”",
      );
    });
  },
);

export const nameMissing = defineRule(
  {
    code: "GOAL_NAME_MISSING",
    title: "指标名称缺失",
    severity: "error",
    explanation: "指标名称说明衡量的是什么，没有名称的指标无法理解，也无法评价。",
  },
  (table, _ctx, emit) => {
    table.indicators.forEach((ind, i) => {
      if (ind.name.trim() !== "") return;
      emit(i, "name", `${rowLabel(ind, i)}：未填写指标名称`, "填写指标名称，说明衡量的对象，如“改造校舍面积”");
    });
  },
);

export const duplicateIndicator = defineRule(
  {
    code: "GOAL_DUPLICATE_INDICATOR",
    title: "指标重复",
    severity: "warning",
    explanation: "同一二级指标下同名的指标重复计分，会使权重失真。",
  },
  (table, _ctx, emit) => {
    const firstRow = new Map<string, number>();
    table.indicators.forEach((ind, i) => {
      const name = ind.name.trim();
      if (name === "") return;
      const key = `${ind.level2.trim()}\u0000${name}`;
      const first = firstRow.get(key);
      if (first === undefined) {
        firstRow.set(key, i);
        return;
      }
      emit(
        i,
        "name",
        `${rowLabel(ind, i)}：与第${first + 1}行重复（二级指标“${ind.level2.trim()}”下已有同名指标“${name}”）`,
        "合并为一个指标，或改名以区分所衡量的内容",
      );
    });
  },
);

export const inputAsOutput = defineRule(
  {
    code: "GOAL_INPUT_AS_OUTPUT",
    title: "以投入代替产出",
    severity: "warning",
    explanation: "产出指标应反映花钱办成了什么（数量、质量、时效），资金拨付、人员经费等是投入而不是产出。",
  },
  (table, ctx, emit) => {
    const compiled = compilePolicy(ctx.policy);
    table.indicators.forEach((ind, i) => {
      if (ind.level1.trim() !== OUTPUT_LEVEL1 || ind.level2.trim() === COST_LEVEL2) return;
      const unit = (ind.unit ?? "").trim();
      // A rate is no amount of input: "资助资金按时发放率 ≥95%" measures the timeliness of a payment. The rates
      // of the budget's execution (拨付率, 执行率) are GOAL_PROCESS_AS_OUTPUT's.
      if (unit === "%" || unit === "％" || compiled.process.find(ind.name).length > 0) return;
      const words = compiled.input.find(ind.name);
      const moneyUnit = compiled.moneyUnits.has(unit);
      if (words.length === 0 && !moneyUnit) return;
      const found = [
        ...(words.length > 0 ? [`名称含 ${quoteList(words)}`] : []),
        ...(moneyUnit ? [`计量单位为“${unit}”`] : []),
      ].join("，");
      emit(
        i,
        words.length > 0 ? "name" : "unit",
        `${rowLabel(ind, i)}：产出指标${found}，反映的是资金或人员投入，不是产出`,
        `改为投入后形成的产出（如完成的工程量、服务人次、受益户数）；确需考核资金的，放到“${COST_LEVEL2}”下`,
      );
    });
  },
);

export const satisfactionMisplaced = defineRule(
  {
    code: "GOAL_SATISFACTION_MISPLACED",
    title: "满意度指标放错位置",
    severity: "warning",
    explanation:
      "满意度有单独的一级指标，列在效益、质量等指标下会重复计分，也使效益或质量无从体现。满意度调查的次数等数量不在此列。",
  },
  (table, ctx, emit) => {
    const compiled = compilePolicy(ctx.policy);
    const tpl = compileTemplate(ctx.template);
    const home = tpl.template.levels.find((l) => compiled.satisfaction.find(l.level1).length > 0);
    if (!home) return;
    const where = [home.level1, ...home.level2.slice(0, 1)].join("/");
    table.indicators.forEach((ind, i) => {
      if (ind.level1.trim() === home.level1) return;
      const words = compiled.satisfaction.find(ind.name);
      if (words.length === 0) return;
      // "满意度调查次数 2次" counts surveys: an output, not a satisfaction rate.
      const unit = (ind.unit ?? "").trim();
      if (ind.kind === "quantitative" && unit !== "" && unit !== "%" && unit !== "％") return;
      const placed = [ind.level1.trim(), ind.level2.trim()].filter((x) => x !== "").join("/") || "（未填层级）";
      emit(
        i,
        "level1",
        `${rowLabel(ind, i)}：名称含 ${quoteList(words)}，是满意度指标，却列在“${placed}”下`,
        `移到“${where}”下`,
      );
    });
  },
);

/**
 * Names in which a vague word is a plain part (基本公共卫生服务, 基本医疗保险, 基本生活费): masked before
 * matching, with the subject's own name, so a project named so is not vague for naming itself.
 */
const PROPER_TERMS = /基本(?:公共|医疗|养老|生活|建设|农田|药物|公卫|医保|住房|口粮|保障|支出|工资|运行)/gu;

function maskProper(text: string, subjectName: string): string {
  let out = text.replace(PROPER_TERMS, (m) => "〇".repeat(m.length));
  const name = subjectName.trim();
  if (name.length >= 2) out = out.split(name).join("〇".repeat(name.length));
  return out;
}

export const vague = defineRule(
  {
    code: "GOAL_VAGUE",
    title: "表述模糊",
    severity: "warning",
    explanation: "“进一步提高”“较好”这类说法无法衡量，年终说不清完成没有，应写成具体的数值或状态。",
  },
  (table, ctx, emit) => {
    const { vague: matcher } = compilePolicy(ctx.policy);
    // The annual overall goal too: "进一步提高教学质量" says nothing the year's end can be held to.
    const goal = table.overallGoal.trim();
    const vagueIn = (text: string) =>
      // Most texts hold no listed word at all: masking is paid only for those that do.
      matcher.find(text).length === 0 ? [] : matcher.find(maskProper(text, table.subjectName));
    const inGoal = vagueIn(goal);
    if (inGoal.length > 0)
      emit(
        null,
        "overallGoal",
        `年度总体目标含模糊表述 ${quoteList(inGoal)}：“${[...goal].length <= 40 ? goal : `${[...goal].slice(0, 40).join("")}…`}”`,
        "写明本年度要完成什么、达到多少（如“完成3所学校校舍改造5000平方米”），与绩效指标对应",
      );
    table.indicators.forEach((ind, i) => {
      for (const field of ["name", "target"] as const) {
        const text = ind[field].trim();
        const words = vagueIn(text);
        if (words.length === 0) continue;
        const label = field === "name" ? "指标名称" : "目标值";
        // Quote the whole text when short: "把“进一步提高”改为…" reads better than the bare word.
        const phrase = [...text].length <= 20 ? text : (words[0] ?? text);
        emit(
          i,
          field,
          `${rowLabel(ind, i)}：${label}“${text}”含模糊表述 ${quoteList(words)}，无法衡量是否完成`,
          field === "target"
            ? `把“${phrase}”改为可衡量的目标，如“≥95%”或“12月底前完成”`
            : `指标名称只写衡量什么，去掉 ${quoteList(words)}，达到多少写在目标值里`,
        );
      }
    });
  },
);

export const percentOver100 = defineRule(
  {
    code: "GOAL_PERCENT_OVER_100",
    title: "百分比目标超过100%",
    severity: "warning",
    explanation: "完成率、覆盖率等百分比通常不会超过 100%，超过时多半是单位或数值填错了。",
  },
  (table, _ctx, emit) => {
    table.indicators.forEach((ind, i) => {
      const unit = (ind.unit ?? "").trim();
      if (unit !== "%" && unit !== "％") return;
      if (ind.operator !== ">=" && ind.operator !== "=") return;
      const value = parseTargetNumber(ind.target);
      if (value === null || value <= 100) return;
      emit(
        i,
        "target",
        `${rowLabel(ind, i)}：目标值 ${OPERATOR_LABELS[ind.operator]}${ind.target.trim()}%，超过 100%`,
        "核对目标值或计量单位；完成率、覆盖率一般以 100% 为上限",
      );
    });
  },
);
