/**
 * 抽查复核 of self-evaluations (domain.md §5, §6): a reviewer of the third-party firm re-scores each item of
 * a sampled form; finance confirms or sends it back. The self score and the review score are both kept.
 */
export const REVIEW_BASES = ["deptWide", "forced", "sampled", "added"] as const;
export type ReviewBasis = (typeof REVIEW_BASES)[number];
export const REVIEW_BASIS_LABELS: Record<ReviewBasis, string> = {
  deptWide: "部门整体支出（全部复核）",
  forced: "必抽",
  sampled: "随机抽取",
  added: "财政增补",
};

export const REVIEW_STATUSES = ["unassigned", "assigned", "submitted", "returned", "confirmed"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  unassigned: "待分配",
  assigned: "复核中",
  submitted: "待财政确认",
  returned: "已退回",
  confirmed: "已确认",
};

export const REVIEW_ACTIONS = ["submit", "confirm", "return"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];
