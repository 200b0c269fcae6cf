import { REVIEW_STATUS_LABELS, type ReviewSort, sortReviews } from "../../core/selfeval/review";
import type { Actor, Deps } from "../context";
import { compareScores, viewerOf } from "./read-review";
import type { ReviewFilter } from "./review-ports";
import { selfEvalRulesFor } from "./selfeval-rules";

export type ReviewQuery = ReviewFilter & {
  overrated?: boolean | undefined;
  sort?: ReviewSort | undefined;
  order?: "asc" | "desc" | undefined;
};

/**
 * The year's reviews the viewer may see (finance all, a reviewer theirs, a department or unit its confirmed
 * ones), with both scores computed now from the items, filtered and sorted (the scores are computed, so
 * the sort is made here, not in SQL), one page at a time.
 */
export async function reviewRows(deps: Deps, actor: Actor, q: ReviewQuery) {
  const viewer = viewerOf(actor);
  const repos = deps.uow.read;
  const [records, rules] = await Promise.all([
    repos.selfevalReviews.reviews(viewer, q),
    selfEvalRulesFor(repos, actor.regionCode, q.fiscalYear),
  ]);
  const forms = new Map(
    (
      await repos.selfeval.details(
        { kind: "region", regionCode: actor.regionCode },
        { fiscalYear: q.fiscalYear, ids: records.map((r) => r.formId) },
      )
    ).map((f) => [f.id, f]),
  );
  const rows = records.flatMap((r) => {
    const form = forms.get(r.formId);
    if (!form) return [];
    const s = compareScores(r, form, rules);
    const { items: _items, ...rest } = r;
    return [
      {
        ...rest,
        statusText: REVIEW_STATUS_LABELS[r.status],
        selfTotal: s.self.total,
        selfGrade: s.self.grade,
        reviewTotal: s.review.total,
        reviewGrade: s.review.grade,
        difference: s.difference,
        overrated: s.overrated,
      },
    ];
  });
  const kept = q.overrated === undefined ? rows : rows.filter((r) => r.overrated === q.overrated);
  return { rows: q.sort ? sortReviews(kept, q.sort, q.order ?? "asc") : kept, gradeLabels: rules.gradeLabels };
}

export type ReviewResultRow = Awaited<ReturnType<typeof reviewRows>>["rows"][number];

export async function listReviews(deps: Deps, actor: Actor, q: ReviewQuery & { page: number; pageSize: number }) {
  const { rows, gradeLabels } = await reviewRows(deps, actor, q);
  const start = (q.page - 1) * q.pageSize;
  return { total: rows.length, rows: rows.slice(start, start + q.pageSize), gradeLabels };
}
