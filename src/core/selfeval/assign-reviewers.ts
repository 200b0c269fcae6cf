import { isPathWithin } from "../scope";

/**
 * Assigning sampled self-evaluations to the firm's reviewers (domain.md §1, §5): no reviewer gets an item
 * of an organisation they (or their firm) declared a conflict with (回避: the organisation or, for a
 * department, any of its units), and workloads are balanced: items in code order, each to the eligible
 * reviewer with the fewest items so far (counting those they already hold), ties to the lowest id. Pure
 * and deterministic, so an assignment can be explained and re-run.
 */
export interface AssignableItem {
  reviewId: number;
  code: string;
  /** Paths of the form's unit and department ("301/301001", "301"). */
  unitPath: string;
  departmentPath: string;
}

export interface ReviewerLoad {
  id: number;
  name: string;
  /** Items already held (in this year's review). */
  load: number;
}

export interface Conflict {
  /** Null: the whole firm. */
  userId: number | null;
  orgPath: string;
  orgName: string;
}

export interface AssignmentResult {
  assignments: { reviewId: number; reviewerId: number }[];
  unassignable: { reviewId: number; code: string; reason: string }[];
  loads: { id: number; name: string; load: number }[];
}

export const conflictOf = (item: AssignableItem, reviewerId: number, conflicts: readonly Conflict[]) =>
  conflicts.find(
    (c) =>
      (c.userId === null || c.userId === reviewerId) &&
      (isPathWithin(item.unitPath, c.orgPath) || isPathWithin(item.departmentPath, c.orgPath)),
  ) ?? null;

export function assignReviewers(
  items: readonly AssignableItem[],
  reviewers: readonly ReviewerLoad[],
  conflicts: readonly Conflict[],
): AssignmentResult {
  const loads = [...reviewers].sort((a, b) => a.id - b.id).map((r) => ({ ...r }));
  const assignments: AssignmentResult["assignments"] = [];
  const unassignable: AssignmentResult["unassignable"] = [];
  const ordered = [...items].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.reviewId - b.reviewId));
  for (const item of ordered) {
    const eligible = loads.filter((r) => conflictOf(item, r.id, conflicts) === null);
    if (eligible.length === 0) {
      const firmWide = conflicts.find((c) => c.userId === null && conflictOf(item, -1, [c]));
      unassignable.push({
        reviewId: item.reviewId,
        code: item.code,
        reason:
          loads.length === 0
            ? "该机构没有可用的复核人员"
            : firmWide
              ? `机构与“${firmWide.orgName}”有利害关系，须回避`
              : "全部复核人员均须回避",
      });
      continue;
    }
    const pick = eligible.reduce((best, r) => (r.load < best.load ? r : best));
    pick.load += 1;
    assignments.push({ reviewId: item.reviewId, reviewerId: pick.id });
  }
  return { assignments, unassignable, loads };
}
