/** The sorts the evaluation list offers (a whitelist the contract validates); every order ends with the id. */
export const EVALUATION_SORTS = ["code", "name", "amount", "status", "updatedAt"] as const;
export type EvaluationSort = (typeof EVALUATION_SORTS)[number];

/** Ratings finance gives a firm's report in its ledger (第三方机构履职台账). */
export const FIRM_RATINGS = ["excellent", "good", "fair", "poor"] as const;
export type FirmRating = (typeof FIRM_RATINGS)[number];
export const FIRM_RATING_LABELS: Record<FirmRating, string> = {
  excellent: "优秀",
  good: "良好",
  fair: "一般",
  poor: "较差",
};

/** The parts of an evaluation report its team writes (the conclusion and the analysis come from the scores). */
export const REPORT_PARTS = ["basics", "work", "problems", "recommendations"] as const;
export type ReportPart = (typeof REPORT_PARTS)[number];
export const REPORT_PART_LABELS: Record<ReportPart, string> = {
  basics: "基本情况",
  work: "评价工作开展情况",
  problems: "存在的问题",
  recommendations: "意见建议",
};
export const MAX_REPORT_PART = 20_000;
