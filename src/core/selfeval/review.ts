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

/**
 * The columns the review list sorts by. Without a sort the list keeps the departments' order, each
 * department's whole-budget form first, then the projects by code.
 */
export const REVIEW_SORTS = [
  "code",
  "department",
  "budget",
  "status",
  "selfTotal",
  "reviewTotal",
  "difference",
] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

const STATUS_ORDER = new Map(REVIEW_STATUSES.map((s, i) => [s, i]));

interface SortableReview {
  code: string;
  department: { code: string };
  budget: number;
  status: ReviewStatus;
  selfTotal: number | null;
  reviewTotal: number | null;
  difference: number | null;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const KEYS: Record<ReviewSort, (a: SortableReview, b: SortableReview) => number> = {
  code: (a, b) => byText(a.code, b.code),
  department: (a, b) => byText(a.department.code, b.department.code),
  budget: (a, b) => a.budget - b.budget,
  status: (a, b) => (STATUS_ORDER.get(a.status) ?? 0) - (STATUS_ORDER.get(b.status) ?? 0),
  selfTotal: (a, b) => (a.selfTotal ?? 0) - (b.selfTotal ?? 0),
  reviewTotal: (a, b) => (a.reviewTotal ?? 0) - (b.reviewTotal ?? 0),
  difference: (a, b) => (a.difference ?? 0) - (b.difference ?? 0),
};
const score = (r: SortableReview, sort: ReviewSort) =>
  sort === "selfTotal"
    ? r.selfTotal
    : sort === "reviewTotal"
      ? r.reviewTotal
      : sort === "difference"
        ? r.difference
        : 0;

/**
 * Sorts reviews by a column; rows without a score (not yet scored) go last in either order, and ties keep
 * the list's own order.
 */
export function sortReviews<T extends SortableReview>(
  rows: readonly T[],
  sort: ReviewSort,
  order: "asc" | "desc",
): T[] {
  const sign = order === "desc" ? -1 : 1;
  return rows
    .map((r, i) => ({ r, i }))
    .sort((x, y) => {
      const xNull = score(x.r, sort) === null;
      const yNull = score(y.r, sort) === null;
      if (xNull !== yNull) return xNull ? 1 : -1;
      return sign * KEYS[sort](x.r, y.r) || x.i - y.i;
    })
    .map((x) => x.r);
}
