import type { Fen } from "../money";

/**
 * Goal tables (绩效目标表), domain.md §3. A project and a department's whole budget each declare one
 * per fiscal year: an overall goal and a tree of indicators whose level 1 and level 2 come from the
 * region's template for the year (data, not code: some places put 成本 as its own level 1).
 */
export type GoalSubjectKind = "project" | "deptWide";

export const INDICATOR_KINDS = ["quantitative", "qualitative"] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = { quantitative: "定量", qualitative: "定性" };

export const OPERATORS = [">=", "<=", "="] as const;
export type Operator = (typeof OPERATORS)[number];
export const OPERATOR_LABELS: Record<Operator, string> = { ">=": "≥", "<=": "≤", "=": "=" };

/** What an indicator uid may look like (a UUID from the store, or a key the editor made). */
export const INDICATOR_UID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** One level-3 indicator as declared. `target` is the text the unit entered ("50", "100", "按期完成"). */
export interface GoalIndicator {
  /**
   * Stable identity across saves, reorderings and revisions (comments on a returned table are keyed by
   * it). Assigned by the store when absent; a new row in the editor may bring its own.
   */
  uid?: string;
  level1: string;
  level2: string;
  name: string;
  kind: IndicatorKind;
  /** Required for quantitative indicators; null for qualitative ones. */
  operator: Operator | null;
  target: string;
  /** Unit of measure for quantitative targets ("个", "%", "万元"). */
  unit: string | null;
  /** Points out of the template total (100 by default); may have two decimals. */
  weight: number;
  explanation: string | null;
}

/** The declared fields of an indicator, in the order of the official table's columns. */
export const INDICATOR_FIELDS = [
  "level1",
  "level2",
  "name",
  "kind",
  "operator",
  "target",
  "unit",
  "weight",
  "explanation",
] as const satisfies readonly Exclude<keyof GoalIndicator, "uid">[];
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

export interface GoalTable {
  subjectKind: GoalSubjectKind;
  /** The project code, or the department code for a department-wide table. */
  subjectCode: string;
  subjectName: string;
  fiscalYear: number;
  /** Funds of the subject (total, of which fiscal appropriation and other funds), in fen. */
  funds: { total: Fen; fiscal: Fen; other: Fen } | null;
  /** The annual overall goal (年度总体目标). */
  overallGoal: string;
  indicators: GoalIndicator[];
  /**
   * 所属行业 (the project's, else its department's), read from the store: which benefits the policy
   * expects of the table. Absent or null: the policy's default.
   */
  sector?: string | null;
}

/** The region's indicator framework for a year: level 1 names, each with its level 2 names. */
export interface IndicatorTemplate {
  version: string;
  totalWeight: number;
  levels: { level1: string; level2: string[] }[];
}

/** The default framework of domain.md §3 (财预〔2020〕10号 style). */
export const DEFAULT_TEMPLATE: IndicatorTemplate = {
  version: "2024.1",
  totalWeight: 100,
  levels: [
    { level1: "产出指标", level2: ["数量指标", "质量指标", "时效指标", "成本指标"] },
    { level1: "效益指标", level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"] },
    { level1: "满意度指标", level2: ["服务对象满意度指标"] },
  ],
};
