import type { Grade } from "../selfeval/grade";

/**
 * Result application rules (结果应用, domain.md §8 [policy]): what a year's results do to the next year's
 * budget requests. A rule set is data, versioned per region and year; `validateRuleSet` checks it and
 * `simulate` applies it. Percentages are typed with at most two decimals and kept as hundredths of a
 * percent (10.5% → 1050), so cuts are integer arithmetic on fen.
 */
export const RESULTS_RULES_MODULE = "results";

/** What a rule does to a project's request. 暂缓 (suspend) and 取消 (cancel) both leave nothing this year. */
export const ADJUSTMENT_ACTIONS = ["raise", "keep", "cut", "suspend", "cancel"] as const;
export type AdjustmentAction = (typeof ADJUSTMENT_ACTIONS)[number];
export const ADJUSTMENT_ACTION_LABELS: Record<AdjustmentAction, string> = {
  raise: "增加",
  keep: "维持",
  cut: "核减",
  suspend: "暂缓安排",
  cancel: "取消",
};

/** 按等级: 优 may be raised up to p% (optionally capped in fen), 良 kept, 中 cut p%, 差 cancelled or suspended. */
export interface GradeRule {
  kind: "grade";
  priority: number;
  grade: Grade;
  action: AdjustmentAction;
  /** Required for raise and cut; ignored otherwise. */
  percent?: number;
  /** Raise only: the most a project may gain, in fen, whatever p% of its request is. */
  capFen?: number;
}

/** 按部门得分: the projects of a department scoring below the region's average are cut p%. */
export interface DepartmentScoreRule {
  kind: "departmentScore";
  priority: number;
  percent: number;
}

/** 未整改: items not yet accepted (unrectified) or past their deadline (overdue). */
export const RECTIFICATION_TRIGGERS = ["unrectified", "overdue"] as const;
export type RectificationTrigger = (typeof RECTIFICATION_TRIGGERS)[number];
export const RECTIFICATION_TRIGGER_LABELS: Record<RectificationTrigger, string> = {
  unrectified: "整改未完成",
  overdue: "整改逾期",
};

/** 按整改: a project with such items is cut p% or held (暂缓). */
export interface RectificationRule {
  kind: "rectification";
  priority: number;
  trigger: RectificationTrigger;
  action: "cut" | "suspend";
  percent?: number;
}

/** 按监控: a project whose monitoring showed red and was never corrected is cut p% or held. */
export interface MonitoringRule {
  kind: "monitoring";
  priority: number;
  action: "cut" | "suspend";
  percent?: number;
}

/**
 * 豁免: rigid spending (刚性支出) and the key projects finance names are flagged on the request; `codes`
 * exempts the projects listed in the rule itself, with a note saying why.
 */
export const EXEMPTION_KINDS = ["rigid", "keyProject", "codes"] as const;
export type ExemptionKind = (typeof EXEMPTION_KINDS)[number];
export const EXEMPTION_LABELS: Record<ExemptionKind, string> = {
  rigid: "刚性支出",
  keyProject: "财政确定的重点项目",
  codes: "规则列明的项目",
};

export interface ExemptionRule {
  kind: "exemption";
  exempt: ExemptionKind;
  codes?: string[];
  note?: string;
}

export type ResultRule = GradeRule | DepartmentScoreRule | RectificationRule | MonitoringRule | ExemptionRule;
export type AdjustingRule = Exclude<ResultRule, ExemptionRule>;
export type RuleKind = ResultRule["kind"];

export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  grade: "按评价等级",
  departmentScore: "按部门得分",
  rectification: "按整改情况",
  monitoring: "按监控结果",
  exemption: "豁免",
};

export interface ResultRuleSet {
  /** The budget year the requests are for (e.g. 2025 for the 2024 results). */
  budgetYear: number;
  name: string;
  rules: ResultRule[];
}
