import type { Fen } from "../money";
import type { MonitoringSheetData } from "./sheet";
import { DEFAULT_MONITORING_RULES, type MonitoringItem } from "./types";

/** A monitoring report as its sheet carries it, for tests: a school project as of July, nothing answered yet. */

const item = (
  uid: string,
  level1: string,
  level2: string,
  name: string,
  kind: MonitoringItem["kind"],
  operator: MonitoringItem["operator"],
  target: string,
  unit: string | null,
): MonitoringItem => ({
  uid,
  level1,
  level2,
  name,
  kind,
  operator,
  target,
  unit,
  progress: null,
  expected: null,
  likelihood: null,
  cause: null,
  causeNote: null,
  measures: null,
});

export function sampleSheetData(): MonitoringSheetData {
  // 12.345678 万元 in July: amounts to the fen must survive the 万元 display.
  const byMonth: Fen[] = [0, 20_000_000, 35_000_000, 40_000_000, 50_000_000, 65_432_100, 12_345_678, 0, 0, 0, 0, 0];
  return {
    reportId: 41,
    roundId: 7,
    version: 3,
    fiscalYear: 2024,
    cutoffMonth: 7,
    kindLabel: "部门监控",
    subjectKind: "project",
    subjectCode: "120001-2024-001",
    subjectName: "城区学校校舍改造项目",
    departmentName: "城中区教育局",
    unitCode: "120001",
    unitName: "城中区第一实验小学",
    execution: { budget: 500_000_000, byMonth, executed: byMonth.slice(0, 7).reduce((a, b) => a + b, 0) },
    items: [
      item("u-area", "产出指标", "数量指标", "改造校舍面积", "quantitative", ">=", "5000", "平方米"),
      item("u-pass", "产出指标", "质量指标", "工程验收合格率", "quantitative", "=", "100", "%"),
      item("u-time", "产出指标", "时效指标", "完工时间", "qualitative", null, "2024年11月底前完工", null),
      item("u-cost", "产出指标", "成本指标", "单位面积改造成本", "quantitative", "<=", "1,200", "元"),
      item("u-seats", "效益指标", "社会效益指标", "新增学位数", "quantitative", ">=", "600", "个"),
      item("u-years", "效益指标", "可持续影响指标", "校舍设计使用年限", "quantitative", ">=", "30", "年"),
      item("u-satis", "满意度指标", "服务对象满意度指标", "师生满意度", "quantitative", ">=", "90", "%"),
    ],
    answers: { overallStatus: "", expectedYearEnd: null, executionNote: null },
    causeCategories: [...DEFAULT_MONITORING_RULES.causeCategories],
  };
}
