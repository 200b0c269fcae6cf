import type { Exact } from "./numbers";

/** The report's eight sections, in the seed's order (domain.md §2). */
export const REPORT_SECTIONS = [
  "goals",
  "selfeval",
  "deptEval",
  "keyEval",
  "monitoring",
  "budgetSystem",
  "results",
  "disclosure",
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const REPORT_SECTION_LABELS: Record<ReportSection | "intro", string> = {
  intro: "开篇",
  goals: "绩效目标管理与现场会审",
  selfeval: "单位自评与抽查复核",
  deptEval: "部门评价",
  keyEval: "重点评价与整改",
  monitoring: "双监控",
  budgetSystem: "一体化系统",
  results: "结果应用",
  disclosure: "信息公开",
};

export type FigureUnit = "个" | "张" | "项" | "批次" | "行" | "万元" | "亿元" | "%" | "分" | "";

/**
 * A figure the report can quote. `patterns` find it in a text written anywhere (the seed's wording and the
 * default template's); each has one group `v`, the printed value. A figure without patterns is quoted
 * only through the template.
 */
export interface FigureDef {
  key: string;
  label: string;
  section: ReportSection | "intro";
  unit: FigureUnit;
  /** Decimals it prints with unless the template says otherwise. Text figures have none. */
  decimals: number | null;
  patterns: readonly RegExp[];
}

// Both widths of punctuation occur in real reports (the seed mixes them).
const P = '[，,、：:（）()“”"\\s]*';
// A value starts where no digit (or numeral) precedes it and has a bounded length, as tokens.ts reads numbers:
// a long run of digits is then tried once, not from each of its positions.
const D = "(?<![\\d.])(?<v>\\d{1,15})";
const N = "(?<![\\d.])(?<v>\\d{1,15}(?:\\.\\d{1,8})?)";
const CN = "(?<![\\d.零一二三四五六七八九十百两])(?<v>\\d{1,15}|[零一二三四五六七八九十百两]{1,8})";
const re = (s: string) => new RegExp(s.replaceAll("(?<v>\\d+)", D).replaceAll("~", P), "gu");

const count = (
  key: string,
  label: string,
  section: FigureDef["section"],
  patterns: string[] = [],
  unit: FigureUnit = "个",
): FigureDef => ({ key, label, section, unit, decimals: 0, patterns: patterns.map(re) });
const measure = (
  key: string,
  label: string,
  section: FigureDef["section"],
  unit: FigureUnit,
  patterns: string[] = [],
): FigureDef => ({ key, label, section, unit, decimals: 2, patterns: patterns.map(re) });
const text = (key: string, label: string, section: FigureDef["section"]): FigureDef => ({
  key,
  label,
  section,
  unit: "",
  decimals: null,
  patterns: [],
});

const GRADE_FIGURES = (["deptWide", "project"] as const).flatMap((kind) => {
  const of = kind === "deptWide" ? "部门整体支出" : "项目";
  return (
    [
      ["excellent", "一等（优）"],
      ["good", "二等（良）"],
      ["fair", "三等（中）"],
      ["poor", "四等（差）"],
    ] as const
  ).flatMap(([g, name]) => [
    count(`review.${kind}.${g}`, `复核${of}${name}个数`, "selfeval"),
    measure(`review.${kind}.${g}Share`, `复核${of}${name}占比`, "selfeval", "%"),
  ]);
});

/** Every figure of the annual report, by section. The app computes their values; nothing here is stored. */
export const FIGURES: readonly FigureDef[] = [
  text("year", "年度", "intro"),
  text("nextYear", "下一年度", "intro"),
  text("region", "区划名称", "intro"),
  count("goals.projectTables", "批复项目绩效目标表", "goals", [], "张"),
  count("goals.deptWideTables", "批复部门整体绩效目标表", "goals", [], "张"),
  count("goals.reviewDepartments", "抽取现场会审部门", "goals", ["抽取~(?<v>\\d+)个部门~(?:进行|开展)?现场会审"]),
  count("goals.reviewedDepartments", "已完成现场会审部门", "goals", ["完成~(?<v>\\d+)个部门的现场会审"]),
  count("goals.rollingDepartments", "近三年累计会审部门", "goals", ["累计会审~(?<v>\\d+)个部门"]),
  count("selfeval.deptWide", "完成自评的部门整体支出", "selfeval", ["完成~(?<v>\\d+)个部门整体支出"]),
  count("selfeval.projects", "完成自评的项目", "selfeval", ["(?<v>\\d+)个项目的绩效自评"]),
  measure("selfeval.budgetYi", "自评项目涉及预算金额（调整后预算）", "selfeval", "亿元", [`涉及预算金额~${N}亿元`]),
  text("review.firms", "复核的第三方机构", "selfeval"),
  count("review.deptWide.total", "复核的部门整体支出", "selfeval", ["(?<v>\\d+)个部门整体支出复核"]),
  count("review.project.total", "抽查复核的项目", "selfeval", ["抽查的(?<v>\\d+)个项目"]),
  ...GRADE_FIGURES,
  count("deptEval.count", "部门评价项目", "deptEval", ["完成~(?<v>\\d+)个项目(?:的)?部门评价"]),
  measure("deptEval.coverage", "参评部门覆盖率", "deptEval", "%", [`覆盖率~${N}[%％]`]),
  text("keyEval.names", "重点评价项目名称", "keyEval"),
  count("keyEval.count", "财政重点评价项目", "keyEval", [`${CN}个(?:预算)?重点项目开展`, `经评定~${CN}个项目`]),
  measure("keyEval.amountWan", "重点评价涉及金额", "keyEval", "万元", [`涉及金额~${N}万元`]),
  measure("keyEval.meanScore", "重点评价平均得分", "keyEval", "分", [`平均得分~${N}分`]),
  count("rectification.items", "评价发现问题", "keyEval", ["发现问题~(?<v>\\d+)个"]),
  count("rectification.accepted", "已整改问题", "keyEval", ["已整改~(?<v>\\d+)个"]),
  count("monitoring.departmentTasks", "部门监控任务", "monitoring", ["(?<v>\\d+)个部门监控"]),
  count("monitoring.keyTasks", "财政重点监控任务", "monitoring", ["(?<v>\\d+)个财政重点监控"]),
  count("monitoring.red", "红灯预警", "monitoring", ["红灯预警~(?<v>\\d+)个"]),
  count("monitoring.actions", "整改措施", "monitoring", ["整改措施~(?<v>\\d+)项"], "项"),
  count("monitoring.actionsClosed", "已完成整改措施", "monitoring", ["已完成~(?<v>\\d+)项"], "项"),
  count("budgetSystem.batches", "从一体化系统导入批次", "budgetSystem", ["导入数据~(?<v>\\d+)批次"], "批次"),
  count("budgetSystem.rows", "导入数据行数", "budgetSystem", ["批次~共~(?<v>\\d+)行"], "行"),
  text("results.ruleSet", "采纳的结果应用规则", "results"),
  measure("results.average", "全区部门平均得分", "results", "分", [`平均分~${N}分`]),
  count("results.projectsAdjusted", "调整预算申报的项目", "results", ["调整~(?<v>\\d+)个项目"]),
  measure("results.totalCut", "压减申报金额", "results", "万元", [`(?:压减|核减)申报金额~${N}万元`]),
  count("disclosure.count", "公开事项", "disclosure", ["公开~(?<v>\\d+)项"], "项"),
  text("disclosure.titles", "公开事项名称", "disclosure"),
];

export const FIGURE_BY_KEY: ReadonlyMap<string, FigureDef> = new Map(FIGURES.map((f) => [f.key, f]));

/** A figure's value as the app computed it, with the list behind it. */
export type FigureValue = ({ exact: Exact } | { text: string }) & { link?: string };
export type FigureValues = Readonly<Record<string, FigureValue>>;
