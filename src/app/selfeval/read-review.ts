import { AppError, notFound } from "../../core/errors";
import type { Role } from "../../core/roles";
import { conflictOf } from "../../core/selfeval/assign-reviewers";
import { REVIEW_STATUS_LABELS } from "../../core/selfeval/review";
import { checkReview, reviewScore } from "../../core/selfeval/review-score";
import type { SelfEvalRules } from "../../core/selfeval/rules";
import { authorize } from "../authorize";
import type { Actor } from "../context";
import type { Repos } from "../ports";
import type { FormDetail } from "./ports";
import { formScoreOf } from "./present-form";
import type { ReviewRecord, ReviewViewer } from "./review-ports";
import { selfEvalRulesFor } from "./selfeval-rules";

export const viewerOf = (actor: Actor): ReviewViewer => ({
  scope: authorize(actor, "review.read"),
  userId: actor.userId,
});

/** The self score and the review score of one review, and whether the self-evaluation overrated itself. */
export function compareScores(record: ReviewRecord, form: FormDetail, rules: SelfEvalRules) {
  const self = formScoreOf(form, rules);
  const review = reviewScore({ items: form.items, selfScore: self, missingWeight: form.missingWeight }, record.items);
  const difference =
    self.total !== null && review.total !== null ? Math.round((self.total - review.total) * 100) / 100 : null;
  return { self, review, difference, overrated: difference !== null && difference > rules.overrateThreshold };
}

/**
 * The conflict (回避) that keeps a review's reviewer away from it: declared for them or their firm against the
 * form's unit or department, also after the review was assigned to them. Null when none.
 */
async function conflictOfReviewer(repos: Repos, regionCode: string, record: ReviewRecord) {
  if (!record.firm || !record.reviewer) return null;
  const conflicts = (await repos.selfevalReviews.conflicts(regionCode, record.firm.id)).map((c) => ({
    userId: c.reviewer?.id ?? null,
    orgPath: c.org.path,
    orgName: c.org.name,
  }));
  return conflictOf(
    { reviewId: record.id, code: record.code, unitPath: record.unitPath, departmentPath: record.departmentPath },
    record.reviewer.id,
    conflicts,
  );
}

/** Refuses the re-scoring of a reviewer who must stand aside (409 REVIEW_CONFLICTED). */
export function expectNoConflict(conflict: { orgName: string } | null) {
  if (conflict)
    throw new AppError(
      "conflict",
      "REVIEW_CONFLICTED",
      `您（或您的机构）与“${conflict.orgName}”须回避，不能复核该自评表；请联系财政部门改派`,
    );
}

/** What the viewer may do with a review now. */
function allowed(record: ReviewRecord, actor: { role: Role; userId: number | null }, conflicted: boolean) {
  const mine = actor.role === "firm" && record.reviewer?.id === actor.userId && !conflicted;
  const finance = actor.role === "finance_admin" || actor.role === "finance_staff";
  return {
    editable: mine && (record.status === "assigned" || record.status === "returned"),
    actions: [
      ...(mine && (record.status === "assigned" || record.status === "returned") ? ["submit" as const] : []),
      ...(finance && record.status === "submitted" ? ["confirm" as const, "return" as const] : []),
    ],
  };
}

/** A review with its form: the self-evaluation as submitted, the re-scoring, both scores and the checks. */
export async function readReview(repos: Repos, actor: Actor, id: number) {
  const record = await repos.selfevalReviews.review(viewerOf(actor), id);
  if (!record) throw notFound("复核任务", id);
  // The review's visibility was checked above; the form is read by id within the region.
  const [form] = await repos.selfeval.details(
    { kind: "region", regionCode: actor.regionCode },
    { fiscalYear: record.fiscalYear, ids: [record.formId] },
  );
  if (!form) throw notFound("自评表", record.formId);
  const rules = await selfEvalRulesFor(repos, actor.regionCode, record.fiscalYear);
  const scores = compareScores(record, form, rules);
  const conflict =
    actor.role === "firm" && record.reviewer?.id === actor.userId
      ? await conflictOfReviewer(repos, actor.regionCode, record)
      : null;
  const can = allowed(record, actor, conflict !== null);
  const issues = checkReview(
    { guidance: record.guidance, items: record.items },
    { items: form.items, selfScore: scores.self },
    "submit",
  );
  const reviewed = new Map(record.items.map((i) => [i.uid, i]));
  const selfItems = new Map(scores.self.items.map((s) => [s.uid, s]));
  const reviewItems = new Map(scores.review.items.map((s) => [s.uid, s]));
  const answers = new Map(form.answers.items.map((a) => [a.uid, a.answers]));
  const view = {
    ...record,
    statusText: REVIEW_STATUS_LABELS[record.status],
    form: {
      id: form.id,
      overallGoal: form.overallGoal,
      overallActual: form.answers.overallActual,
      figures: form.figures,
      status: form.status,
      executionWeight: form.executionWeight,
      missingWeight: form.missingWeight,
    },
    items: form.items.map((i) => ({
      uid: i.uid,
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      kind: i.kind,
      operator: i.operator,
      target: i.target,
      unit: i.unit,
      weight: i.weight,
      explanation: i.explanation,
      formula: i.formula,
      answers: answers.get(i.uid) ?? null,
      self: selfItems.get(i.uid) ?? null,
      review: reviewed.get(i.uid) ?? { uid: i.uid, points: null, notApplicable: false, comment: null },
      reviewScore: reviewItems.get(i.uid) ?? null,
    })),
    execution: scores.self.execution,
    selfTotal: scores.self.total,
    selfGrade: scores.self.grade,
    reviewTotal: scores.review.total,
    reviewGrade: scores.review.grade,
    reviewHow: scores.review.how,
    tiers: rules.project.tiers,
    difference: scores.difference,
    overrated: scores.overrated,
    overrateThreshold: rules.overrateThreshold,
    gradeLabels: rules.gradeLabels,
    issues,
    editable: can.editable,
    allowedActions: can.actions,
  };
  return { record, form, rules, scores, conflict, view };
}
