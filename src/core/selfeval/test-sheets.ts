import type { SelfEvalRow, SelfEvalSheet } from "./sheet";

/**
 * A self-evaluation table as a sheet states it, for tests: a school project of 2024 whose every figure
 * agrees (execution 456 of 480 万元 = 95.00% → 9.50; rows 19.20 + 15 + 10 + 5 + 13.50 + 13 + 10; total
 * 95.20, 优).
 */

const WAN = 1_000_000; // fen per 万元

export const row = (
  level1: string,
  level2: string,
  name: string,
  target: string,
  actual: string | null,
  weight: number | null,
  points: number | null,
  deviationNote: string | null = null,
): SelfEvalRow => ({ level1, level2, name, target, actual, weight, points, deviationNote, notApplicable: false });

export function sampleSelfEvalSheet(): SelfEvalSheet {
  return {
    sheet: "120001-2024-001",
    fiscalYear: 2024,
    subjectName: "城区学校校舍改造项目",
    subjectCode: "120001-2024-001",
    departmentName: "城中区教育局",
    unitName: "城中区第一实验小学",
    funds: {
      total: { label: "年度资金总额", initial: 500 * WAN, adjusted: 480 * WAN, executed: 456 * WAN },
      parts: [
        { label: "其中：当年财政拨款", initial: 450 * WAN, adjusted: 430 * WAN, executed: 410 * WAN },
        { label: "上年结转资金", initial: 50 * WAN, adjusted: 50 * WAN, executed: 46 * WAN },
        { label: "其他资金", initial: null, adjusted: null, executed: null },
      ],
      weight: 10,
      rate: { percent: 95, decimals: null },
      points: 9.5,
    },
    overallGoal: {
      expected: "完成城区3所学校校舍改造5000平方米，改善1200名学生的学习条件。",
      actual: "完成改造4800平方米，受益学生1080人。",
    },
    rows: [
      row(
        "产出指标",
        "数量指标",
        "改造校舍面积",
        "≥5000平方米",
        "4800平方米",
        20,
        19.2,
        "一所学校因雨季延后，剩余200平方米次年完成",
      ),
      row("产出指标", "质量指标", "工程验收合格率", "=100%", "100%", 15, 15),
      row("产出指标", "时效指标", "按期完工率", "≥95%", "98%", 10, 10),
      row("产出指标", "成本指标", "每平方米改造成本", "≤1000元", "950元", 5, 5),
      row("效益指标", "社会效益指标", "受益学生人数", "≥1,200人", "1,080人", 15, 13.5, "招生人数少于预计"),
      row("效益指标", "可持续影响指标", "校舍长期安全使用", "长期发挥效益", "达到预期", 15, 13, "维护制度尚在完善"),
      row("满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", "92%", 10, 10),
    ],
    statedTotal: 95.2,
    statedWeightTotal: 100,
    identity: { formId: 42, version: 3, fiscalYear: 2024, unitCode: "120001", subjectCode: "120001-2024-001" },
  };
}
