import type { IndicatorKind, Operator } from "../goals/types";
import type { Fen } from "../money";

/**
 * Monitoring (绩效运行监控, "双监控"), domain.md §4: per monitored project or department-wide budget, as of a
 * cut-off month N, budget execution and progress on each goal indicator, reported by the unit, reviewed by
 * its department and by finance, with a warning light and follow-up actions.
 */

/** 部门监控 (the department chooses, its units report) / 财政重点监控 (finance picks the project itself). */
export const MONITORING_KINDS = ["department", "key"] as const;
export type MonitoringKind = (typeof MONITORING_KINDS)[number];
export const MONITORING_KIND_LABELS: Record<MonitoringKind, string> = {
  department: "部门监控",
  key: "财政重点监控",
};

/** 完成目标可能性. */
export const LIKELIHOODS = ["certain", "possible", "impossible"] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];
export const LIKELIHOOD_LABELS: Record<Likelihood, string> = {
  certain: "确定能",
  possible: "有可能",
  impossible: "完全不可能",
};

/** Warning lights. `none`: not computable (a budget of zero and no indicator answer that decides it). */
export const LIGHTS = ["green", "yellow", "red", "none"] as const;
export type Light = (typeof LIGHTS)[number];
export const LIGHT_LABELS: Record<Light, string> = { green: "绿灯", yellow: "黄灯", red: "红灯", none: "不适用" };

/** 整改措施 a red or yellow project is given. */
export const ACTION_KINDS = ["adjust_goal", "adjust_budget", "speed_up", "suspend"] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];
export const ACTION_KIND_LABELS: Record<ActionKind, string> = {
  adjust_goal: "调整绩效目标",
  adjust_budget: "调整预算",
  speed_up: "加快执行进度",
  suspend: "暂缓或停止拨款",
};

/** The subject of a report: a project, or a department's whole budget. */
export type MonitoringSubjectKind = "project" | "deptWide";

/** One indicator of a report: the approved goal (copied when the report is issued) and the unit's answers. */
export interface MonitoringItem {
  /** The goal indicator's uid: the key of comments, workbook rows and snapshots. */
  uid: string;
  level1: string;
  level2: string;
  name: string;
  kind: IndicatorKind;
  operator: Operator | null;
  /** The annual target as declared ("50", "按期完成"). */
  target: string;
  unit: string | null;
  /** 截至N月完成值: a number (as text) for a quantitative indicator, any text for a qualitative one. */
  progress: string | null;
  /** 预计全年完成值. */
  expected: string | null;
  likelihood: Likelihood | null;
  /** 偏差原因 category, one of the year's rules' `causeCategories`. */
  cause: string | null;
  /** 偏差原因说明. */
  causeNote: string | null;
  /** 改进措施. */
  measures: string | null;
}

/** The fields of an item the unit fills, in the order of the official form's columns. */
export const ITEM_ANSWER_FIELDS = ["progress", "expected", "likelihood", "cause", "causeNote", "measures"] as const;
export type ItemAnswerField = (typeof ITEM_ANSWER_FIELDS)[number];
export type ItemAnswers = Pick<MonitoringItem, ItemAnswerField>;

/** Budget execution of the subject as of the cut-off month, from the imported monthly execution. */
export interface MonitoringExecution {
  /** 全年预算数 (adjusted), fen. */
  budget: Fen;
  /** Executed in each month 1..12 (index 0 = January), fen; months after N are not counted. */
  byMonth: Fen[];
  /** Executed in months 1..N, fen. */
  executed: Fen;
}

/** What the unit enters on the report besides the items. */
export interface ReportAnswers {
  /** 总体目标完成情况. */
  overallStatus: string;
  /** 预计全年执行数, fen; null until entered. */
  expectedYearEnd: Fen | null;
  /** Required when executed to date or the expected year-end figure is above the budget (超预算说明). */
  executionNote: string | null;
  items: { uid: string; answers: ItemAnswers }[];
}

/** The region's monitoring rules for a year ([policy], versioned like the goal rules). */
export interface MonitoringRules {
  version: string;
  /** X of domain.md §4, in percentage points with at most 2 decimals: red when execution lags time by X or more. */
  redGapPoints: number;
  /** Whether an indicator answered 有可能 makes an otherwise green project yellow (default false: §4 as written). */
  possibleMakesYellow: boolean;
  /** 偏差原因 categories a unit picks from. */
  causeCategories: string[];
}

export const DEFAULT_MONITORING_RULES: MonitoringRules = {
  version: "默认",
  redGapPoints: 15,
  possibleMakesYellow: false,
  causeCategories: ["经费保障", "制度保障", "人员保障", "硬件条件保障", "其他"],
};

/** The rule-set module the monitoring rules are stored under. */
export const MONITORING_RULES_MODULE = "monitoring";
