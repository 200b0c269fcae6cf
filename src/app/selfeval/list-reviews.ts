import { REVIEW_STATUS_LABELS } from "../../core/selfeval/review";
import type { Actor, Deps } from "../context";
import { compareScores, viewerOf } from "./read-review";
import type { ReviewFilter } from "./review-ports";
import { selfEvalRulesFor } from "./selfeval-rules";

/**
 * The year's reviews the viewer may see (finance all, a reviewer theirs, a department or unit its confirmed
 * ones), with both scores computed now from the items, one page at a time.
 */
export async function reviewRows(deps: Deps, actor: Actor, q: ReviewFilter & { overrated?: boolean | undefined }) {
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
  return {
    rows: q.overrated === undefined ? rows : rows.filter((r) => r.overrated === q.overrated),
    gradeLabels: rules.gradeLabels,
  };
}

export type ReviewResultRow = Awaited<ReturnType<typeof reviewRows>>["rows"][number];

export async function listReviews(
  deps: Deps,
  actor: Actor,
  q: ReviewFilter & { overrated?: boolean | undefined; page: number; pageSize: number },
) {
  const { rows, gradeLabels } = await reviewRows(deps, actor, q);
  const start = (q.page - 1) * q.pageSize;
  return { total: rows.length, rows: rows.slice(start, start + q.pageSize), gradeLabels };
}
