import { DEFAULT_EVALUATION_FRAMEWORK } from "./framework";
import type { EvaluationReportData, SubmittedSheet } from "./report";

/**
 * A key evaluation of two experts on the default framework, for the report's tests and the docx writer's.
 * Expert 1 totals 95.33, expert 2 90.84: the mean 93.085 rounds half up to 93.09.
 */
const full = Object.fromEntries(DEFAULT_EVALUATION_FRAMEWORK.rows.map((r) => [r.uid, r.points]));
export const SHEETS_OF_TWO: SubmittedSheet[] = [
  {
    member: "王建国",
    points: { ...full, D4: 2.5, P2: 4.33, O3: 6, B4: 8.5 },
    comments: { D4: "部分指标未量化", O3: "进度滞后两个月。", B4: "满意度调查样本偏少" },
  },
  {
    member: "李芳",
    points: { ...full, D4: 2, P2: 4.34, O3: 5, B4: 7, B2: 3.5 },
    comments: { D4: "部分指标未量化。", O3: "未按计划完工", B2: "带动效应不明显", P1: "  " },
  },
];

export const KEY_EVALUATION: EvaluationReportData = {
  regionName: "青山区",
  fiscalYear: 2024,
  project: {
    code: "P2024001",
    name: "农村学校校舍安全工程",
    department: "区教育局",
    unit: "区教育局基建中心",
    amountFen: 1_336_640_000,
    category: "专项项目",
  },
  kind: "key",
  firmName: "明信绩效评价有限公司",
  team: [
    { name: "王建国", employer: "省建筑设计研究院", title: "高级工程师", fields: ["工程管理"], lead: true },
    { name: "李芳", employer: "市财经大学", title: "教授", fields: ["财政", "教育"], lead: false },
  ],
  framework: DEFAULT_EVALUATION_FRAMEWORK.rows,
  sheets: SHEETS_OF_TWO,
  override: null,
  overrideReason: null,
  parts: { basics: "", work: "", problems: "", recommendations: "" },
  finalisedOn: null,
};
