import type { Operator } from "../goals/types";

/**
 * The department-wide self-evaluation template (部门整体支出绩效自评表), domain.md §5 [policy]: the
 * region's rows for a year, each with its points (分值), the scoring standard shown to the unit (评分标准)
 * and the formula the score is computed by. Versioned with the self-evaluation rules.
 */
export type DeptWideFormula =
  /** Against a target, like a project's quantitative indicator: full when met, else the ratio × w. */
  | { kind: "ratio"; operator: Operator; target: number; unit: string }
  /**
   * `perPoint` points off per percentage point beyond the limit ("over": 预算调整率 above 5%; "under":
   * 满意度 below 90%). Part-points count proportionally: 0.5 points over at 1 point each is 0.5 off.
   * Exactly at the limit is full. Floored at 0 (扣完为止).
   */
  | { kind: "deductPerPoint"; direction: "over" | "under"; limitPercent: number; perPoint: number }
  /**
   * A band table on the value: each band from `min` (inclusive) to `max` (exclusive), null for open;
   * ascending and edge to edge. `scale` says whether a band's value is points or a percent of the weight.
   */
  | { kind: "bands"; unit: string; scale: "points" | "percentOfWeight"; bands: DeptWideBand[] }
  /** The weight less the deductions of the items that failed, floored at 0 (扣完为止). */
  | { kind: "checklist"; items: ChecklistItem[] }
  /** Qualitative: the assessor picks a tier of the rules and points inside it, as for a project. */
  | { kind: "tiers" };

export type DeptWideFormulaKind = DeptWideFormula["kind"];
export const DEPT_WIDE_FORMULA_KINDS: readonly DeptWideFormulaKind[] = [
  "ratio",
  "deductPerPoint",
  "bands",
  "checklist",
  "tiers",
];

export interface DeptWideBand {
  min: number | null;
  max: number | null;
  value: number;
}

export interface ChecklistItem {
  key: string;
  text: string;
  /** Points off when the item fails. */
  deduction: number;
}

/** Where a row's value is prefilled from: the department's budget execution, computed by the app. */
export type DeptWideSource = "executionRate";

export interface DeptWideRow {
  /** Stable id the answers are stored under: letters, digits, "_" and "-", at most 40. */
  key: string;
  level1: string;
  level2: string;
  name: string;
  /** Points (分值), at most 2 decimals. */
  weight: number;
  formula: DeptWideFormula;
  /** The scoring standard (评分标准) as the unit reads it. */
  explanation: string;
  source: DeptWideSource | null;
}

export interface DeptWideTemplate {
  rows: DeptWideRow[];
}

export const DEPT_WIDE_LIMITS = {
  rows: 60,
  bands: 20,
  checklistItems: 30,
  keyPattern: /^[A-Za-z0-9_-]{1,40}$/,
  /** Characters of a level, a name, an item text, a unit and an explanation. */
  labelLength: 60,
  itemTextLength: 200,
  unitLength: 8,
  explanationLength: 1000,
} as const;

const check = (key: string, text: string, deduction = 1): ChecklistItem => ({ key, text, deduction });

/**
 * The default template, modelled on the 投入/过程/产出/效益 framework county finance bureaus publish for
 * 部门整体支出绩效评价: 15 + 35 + 25 + 25 = 100 points. Regions edit it before the round opens.
 */
export const DEFAULT_DEPT_TEMPLATE: DeptWideTemplate = {
  rows: [
    {
      key: "goalReasonable",
      level1: "投入",
      level2: "目标设定",
      name: "绩效目标合理性",
      weight: 5,
      formula: { kind: "tiers" },
      explanation:
        "整体绩效目标是否依据充分、符合部门“三定”职责和年度工作计划、与预算资金相匹配。达成80%—100%，部分达成60%—80%，未达成60%以下。",
      source: null,
    },
    {
      key: "goalClear",
      level1: "投入",
      level2: "目标设定",
      name: "绩效指标明确性",
      weight: 5,
      formula: { kind: "tiers" },
      explanation:
        "整体绩效目标是否细化分解为具体工作任务，是否通过清晰、可衡量的指标值体现，是否与年度任务数或计划数相对应。",
      source: null,
    },
    {
      key: "staffControl",
      level1: "投入",
      level2: "预算配置",
      name: "在职人员控制率",
      weight: 5,
      formula: { kind: "deductPerPoint", direction: "over", limitPercent: 100, perPoint: 0.5 },
      explanation:
        "在职人员控制率 = 在职人员数 ÷ 编制数 × 100%。不超过100%得满分；每超过1个百分点扣0.5分（不足1个百分点按比例扣），扣完为止。",
      source: null,
    },
    {
      key: "executionRate",
      level1: "过程",
      level2: "预算执行",
      name: "预算执行率",
      weight: 10,
      formula: { kind: "ratio", operator: ">=", target: 100, unit: "%" },
      explanation: "预算执行率 = 实际支出数 ÷ 全年预算数（调整后）× 100%。得分 = 预算执行率 × 分值，超过100%按100%计。",
      source: "executionRate",
    },
    {
      key: "budgetAdjust",
      level1: "过程",
      level2: "预算执行",
      name: "预算调整率",
      weight: 3,
      formula: { kind: "deductPerPoint", direction: "over", limitPercent: 5, perPoint: 0.5 },
      explanation:
        "预算调整率 = 预算调整数 ÷ 年初预算数 × 100%。不超过5%得满分；每超过1个百分点扣0.5分（不足1个百分点按比例扣），扣完为止。",
      source: null,
    },
    {
      key: "carryover",
      level1: "过程",
      level2: "预算执行",
      name: "结转结余率",
      weight: 4,
      formula: {
        kind: "bands",
        unit: "%",
        scale: "percentOfWeight",
        bands: [
          { min: 0, max: 5, value: 100 },
          { min: 5, max: 10, value: 75 },
          { min: 10, max: 20, value: 50 },
          { min: 20, max: 30, value: 25 },
          { min: 30, max: null, value: 0 },
        ],
      },
      explanation:
        "结转结余率 = 年末结转结余总额 ÷ 全年预算数 × 100%。低于5%得满分；5%（含）—10%得75%；10%（含）—20%得50%；20%（含）—30%得25%；30%及以上不得分。",
      source: null,
    },
    {
      key: "threePublic",
      level1: "过程",
      level2: "预算执行",
      name: "“三公”经费控制率",
      weight: 3,
      formula: { kind: "deductPerPoint", direction: "over", limitPercent: 100, perPoint: 1 },
      explanation:
        "“三公”经费控制率 = “三公”经费实际支出数 ÷ “三公”经费预算数 × 100%。不超过100%得满分；每超过1个百分点扣1分（不足1个百分点按比例扣），扣完为止。",
      source: null,
    },
    {
      key: "procurement",
      level1: "过程",
      level2: "预算执行",
      name: "政府采购执行率",
      weight: 2,
      formula: { kind: "ratio", operator: ">=", target: 100, unit: "%" },
      explanation:
        "政府采购执行率 = 实际政府采购金额 ÷ 政府采购预算数 × 100%。得分 = 执行率 × 分值，超过100%按100%计；无政府采购预算的填“不适用”。",
      source: null,
    },
    {
      key: "systems",
      level1: "过程",
      level2: "预算管理",
      name: "管理制度健全性",
      weight: 3,
      formula: {
        kind: "checklist",
        items: [
          check("hasRules", "已制定预算资金管理、内部财务管理、会计核算等管理制度"),
          check("rulesLawful", "相关管理制度合法、合规、完整"),
          check("rulesApplied", "相关管理制度得到有效执行"),
        ],
      },
      explanation: "每有一项不符合扣1分，扣完为止。",
      source: null,
    },
    {
      key: "compliance",
      level1: "过程",
      level2: "预算管理",
      name: "资金使用合规性",
      weight: 4,
      formula: {
        kind: "checklist",
        items: [
          check("lawful", "支出符合国家财经法规、财务管理制度和专项资金管理办法的规定"),
          check("approval", "资金拨付有完整的审批程序和手续"),
          check("purpose", "支出符合部门预算批复的用途"),
          check("noMisuse", "无截留、挤占、挪用、虚列支出等情况"),
          check("collective", "重大开支经集体研究决策"),
        ],
      },
      explanation: "每有一项不符合扣1分，扣完为止。",
      source: null,
    },
    {
      key: "disclosure",
      level1: "过程",
      level2: "预算管理",
      name: "预决算信息公开",
      weight: 3,
      formula: {
        kind: "checklist",
        items: [
          check("budgetPublic", "按规定内容和时限公开部门预算"),
          check("finalPublic", "按规定内容和时限公开部门决算"),
          check("threePublicDisclosed", "公开“三公”经费预决算及其说明"),
          check("performancePublic", "按规定公开绩效目标和绩效自评结果"),
        ],
      },
      explanation: "每有一项不符合扣1分，扣完为止。",
      source: null,
    },
    {
      key: "assets",
      level1: "过程",
      level2: "资产管理",
      name: "资产管理规范性",
      weight: 3,
      formula: {
        kind: "checklist",
        items: [
          check("assetRules", "已制定资产管理制度，资产配置符合标准"),
          check("assetRecords", "资产账实相符，定期盘点"),
          check("assetDisposal", "资产出租、出借、处置按规定报批"),
          check("assetIncome", "资产收入及时足额上缴"),
        ],
      },
      explanation: "每有一项不符合扣1分，扣完为止。",
      source: null,
    },
    {
      key: "keyWork",
      level1: "产出",
      level2: "职责履行",
      name: "重点工作完成率",
      weight: 10,
      formula: { kind: "ratio", operator: ">=", target: 100, unit: "%" },
      explanation: "重点工作完成率 = 实际完成的重点工作数 ÷ 计划完成的重点工作数 × 100%。得分 = 完成率 × 分值。",
      source: null,
    },
    {
      key: "onTime",
      level1: "产出",
      level2: "职责履行",
      name: "重点工作按时完成率",
      weight: 7,
      formula: { kind: "ratio", operator: ">=", target: 100, unit: "%" },
      explanation: "按时完成率 = 按时完成的重点工作数 ÷ 实际完成的重点工作数 × 100%。得分 = 按时完成率 × 分值。",
      source: null,
    },
    {
      key: "dutyQuality",
      level1: "产出",
      level2: "职责履行",
      name: "履职质量",
      weight: 8,
      formula: { kind: "tiers" },
      explanation: "部门履职工作是否达到规定的质量标准，有无上级通报批评或考核不合格的情况。",
      source: null,
    },
    {
      key: "dutyEffect",
      level1: "效益",
      level2: "履职效益",
      name: "履职效益",
      weight: 15,
      formula: { kind: "tiers" },
      explanation: "部门履职对经济发展、社会发展、生态环境及可持续发展产生的效益，对照整体绩效目标逐项说明。",
      source: null,
    },
    {
      key: "satisfaction",
      level1: "效益",
      level2: "满意度",
      name: "服务对象满意度",
      weight: 10,
      formula: { kind: "deductPerPoint", direction: "under", limitPercent: 90, perPoint: 0.5 },
      explanation:
        "以问卷调查等方式取得的服务对象满意度。不低于90%得满分；每低1个百分点扣0.5分（不足1个百分点按比例扣），扣完为止。",
      source: null,
    },
  ],
};
