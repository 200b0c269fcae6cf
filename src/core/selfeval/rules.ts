import { DEFAULT_DEPT_TEMPLATE, type DeptWideTemplate } from "./dept-template";
import { DEFAULT_GRADE_LABELS, type GradeLabels } from "./grade";

/**
 * The region's self-evaluation rules for a fiscal year (domain.md §5 [policy]): how a project's 100
 * points are split and computed, the grade labels, and the review's overrating threshold. Stored as
 * versions like the goal rules; finance changes them before the round opens.
 */
export const QUALITATIVE_TIERS = ["achieved", "partly", "notAchieved"] as const;
export type QualitativeTier = (typeof QUALITATIVE_TIERS)[number];

export interface TierBand {
  tier: QualitativeTier;
  label: string;
  /** Share of the indicator's points, in percent: achieved 80–100, partly 60–80, not achieved 0–60. */
  minPercent: number;
  maxPercent: number;
}

export type ExecutionMethod =
  | { kind: "linear" }
  /** Bands of the execution rate (percent, highest first): the first band reached gives its share. */
  | { kind: "bands"; bands: { minRatePercent: number; percentOfWeight: number }[] };

export interface ProjectScoring {
  /** Points of the budget execution rate (预算执行率). */
  executionWeight: number;
  execution: ExecutionMethod;
  /** Points of each level 1 of the indicator tree. */
  levels: { level1: string; weight: number }[];
  /** The level 1 whose points move elsewhere when a table has no indicator under it. */
  satisfactionLevel1: string;
  /** Where the satisfaction points go when there is no satisfaction indicator (财预〔2020〕10号: 产出 or 效益). */
  withoutSatisfaction: { level1: string; weight: number }[];
  tiers: TierBand[];
  /** An indicator below full points needs its 偏差原因分析及改进措施 before submitting. */
  requireDeviationNote: boolean;
}

export interface SelfEvalRules {
  version: string;
  project: ProjectScoring;
  /** The department-wide self-evaluation template (部门整体支出绩效自评表). */
  deptWide: DeptWideTemplate;
  gradeLabels: GradeLabels;
  /** A self score above the review score by more than this many points is flagged as overrated. */
  overrateThreshold: number;
}

export const SELFEVAL_RULES_MODULE = "selfeval";

export const DEFAULT_TIERS: TierBand[] = [
  { tier: "achieved", label: "达成年度指标", minPercent: 80, maxPercent: 100 },
  { tier: "partly", label: "部分达成年度指标", minPercent: 60, maxPercent: 80 },
  { tier: "notAchieved", label: "未达成年度指标", minPercent: 0, maxPercent: 60 },
];

export const DEFAULT_PROJECT_SCORING: ProjectScoring = {
  executionWeight: 10,
  execution: { kind: "linear" },
  levels: [
    { level1: "产出指标", weight: 50 },
    { level1: "效益指标", weight: 30 },
    { level1: "满意度指标", weight: 10 },
  ],
  satisfactionLevel1: "满意度指标",
  withoutSatisfaction: [
    { level1: "产出指标", weight: 5 },
    { level1: "效益指标", weight: 5 },
  ],
  tiers: DEFAULT_TIERS,
  requireDeviationNote: true,
};

export const DEFAULT_SELFEVAL_RULES: SelfEvalRules = {
  version: "2024.1",
  project: DEFAULT_PROJECT_SCORING,
  deptWide: DEFAULT_DEPT_TEMPLATE,
  gradeLabels: DEFAULT_GRADE_LABELS,
  overrateThreshold: 10,
};
