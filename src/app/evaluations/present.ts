import { EVAL_LEVEL1_LABELS } from "../../core/evaluations/framework";
import { evaluationScore, expertTotal, isComplete, type ScoreSheet } from "../../core/evaluations/scores";
import {
  canSeeOthersScores,
  EVALUATION_KIND_LABELS,
  EVALUATION_STATUS_LABELS,
  editableStatuses,
} from "../../core/evaluations/workflow";
import { DEFAULT_GRADE_LABELS, gradeOf, hundredthsToNumber } from "../../core/selfeval/grade";
import type { Actor } from "../context";
import type { EvaluationRecord, EvaluationRow, EvaluationViewer, MemberRecord } from "./ports";

export const viewerOf = (actor: Actor, scope: EvaluationViewer["scope"]): EvaluationViewer => ({
  scope,
  userId: actor.userId,
  expert: actor.role === "expert",
});

/** Finance, and the auditor who reads everything, see every sheet at any time. */
export const seesAll = (actor: Actor) =>
  actor.role === "finance_admin" || actor.role === "finance_staff" || actor.role === "auditor";

/** The member whose sheet the actor scores: an expert's own, or the department's on its own evaluation. */
export function ownMember(actor: Actor, e: Pick<EvaluationRecord, "kind" | "owner" | "members">): MemberRecord | null {
  if (e.kind === "department")
    return actor.role === "department" && e.owner.id === actor.orgId
      ? (e.members.find((m) => m.expert === null) ?? null)
      : null;
  if (actor.role !== "expert" || actor.userId === null) return null;
  return e.members.find((m) => m.expert !== null && m.userId === actor.userId) ?? null;
}

/**
 * Whether the actor may read the report. It holds every expert's points, so blind scoring decides for experts:
 * a team member once their own sheet is submitted (or the evaluation is final). Finance and the auditor at any
 * time; the department on its own department evaluation; the project's unit and department once final.
 */
export function mayReadReport(actor: Actor, e: EvaluationRecord): boolean {
  if (seesAll(actor)) return true;
  const own = ownMember(actor, e);
  if (e.kind === "department" && own !== null) return true;
  if (actor.role === "expert")
    return own !== null && canSeeOthersScores({ isFinance: false, ownSubmitted: own.submittedAt !== null }, e.status);
  return e.status === "final";
}

/**
 * Whether the actor sees the evaluation's score (the mean, finance's override and its reason): finance and the
 * auditor; a team member once their own sheet is submitted; the department on its own evaluation; anyone once final.
 */
export function seesScores(actor: Actor, e: EvaluationRecord): boolean {
  const own = ownMember(actor, e);
  return (
    canSeeOthersScores({ isFinance: seesAll(actor), ownSubmitted: own?.submittedAt != null }, e.status) ||
    (own !== null && e.kind === "department")
  );
}

const sheetOf = (m: MemberRecord): ScoreSheet => Object.fromEntries(m.scores.map((s) => [s.uid, s.points]));

/** The score block: the experts' mean, finance's override and the evaluation's score, with how and the grade. */
function scoreBlock(
  kind: EvaluationRecord["kind"],
  totals: bigint[],
  overridePoints: number | null,
  overrideReason: string | null,
) {
  const s = evaluationScore(
    totals,
    overridePoints === null ? null : BigInt(Math.round(overridePoints * 100)),
    overrideReason,
  );
  const grade = s.score === null ? null : gradeOf(s.score);
  return {
    mean: s.mean === null ? null : hundredthsToNumber(s.mean),
    override: s.override === null ? null : hundredthsToNumber(s.override),
    overrideReason: s.reason,
    score: s.score === null ? null : hundredthsToNumber(s.score),
    how:
      kind === "department" && s.override === null
        ? s.score === null
          ? "部门尚未完成评分"
          : "部门评分（各指标得分合计）"
        : s.how,
    grade,
    gradeLabel: grade === null ? null : DEFAULT_GRADE_LABELS[grade],
    submittedSheets: totals.length,
  };
}

/**
 * An evaluation as the actor may see it. Blind scoring: an expert sees their own sheet, and the others'
 * submitted sheets (and the mean) only once their own is submitted or the evaluation is final; finance sees
 * every sheet. The department sees its own sheet on its own evaluation; others see the scores once final.
 */
export function presentEvaluation(actor: Actor, e: EvaluationRecord) {
  const own = ownMember(actor, e);
  const all = seesAll(actor);
  const seeOthers = canSeeOthersScores({ isFinance: all, ownSubmitted: own?.submittedAt != null }, e.status);
  const visible = (m: MemberRecord) => all || m.id === own?.id || (seeOthers && m.submittedAt !== null);
  const rows = e.framework.rows;
  // A key evaluation's score is the mean of the submitted sheets; a department's own sheet counts once complete.
  const counted = (m: MemberRecord) =>
    e.kind === "department" ? isComplete(rows, sheetOf(m)) : m.submittedAt !== null;
  const totals = e.members.filter(counted).map((m) => expertTotal(rows, sheetOf(m)));
  const showScore = seesScores(actor, e);
  const editable = editableStatuses(e.kind).includes(e.status);
  return {
    id: e.id,
    fiscalYear: e.fiscalYear,
    kind: e.kind,
    kindLabel: EVALUATION_KIND_LABELS[e.kind],
    status: e.status,
    statusLabel: EVALUATION_STATUS_LABELS[e.status],
    project: e.project,
    unit: e.unit,
    department: e.department,
    owner: e.owner,
    firm: e.firm,
    amount: e.amount,
    rulesVersion: e.rulesVersion,
    conflictYears: e.framework.conflictYears,
    framework: rows.map((r) => ({ ...r, level1Label: EVAL_LEVEL1_LABELS[r.level1] })),
    report: {
      basics: e.report.basics ?? "",
      work: e.report.work ?? "",
      problems: e.report.problems ?? "",
      recommendations: e.report.recommendations ?? "",
    },
    returnNote: e.returnNote,
    dueOn: e.dueOn,
    finalisedAt: e.finalisedAt,
    members: e.members.map((m) => {
      const shown = visible(m);
      return {
        id: m.id,
        expert: m.expert,
        isLead: m.isLead,
        submitted: m.submittedAt !== null,
        submittedAt: m.submittedAt,
        version: m.version,
        visible: shown,
        total: shown ? hundredthsToNumber(expertTotal(rows, sheetOf(m))) : null,
        scores: shown ? m.scores : [],
      };
    }),
    myMemberId: own?.id ?? null,
    canScore:
      own !== null && own.submittedAt === null && editable && (e.kind === "department" || e.status === "scoring"),
    scores: showScore ? scoreBlock(e.kind, totals, e.overridePoints, e.overrideReason) : null,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    version: e.version,
  };
}

/** Whether a list or summary row shows its score, override and reason: finance and the auditor, anyone once final. */
export const rowShowsScore = (actor: Actor, r: Pick<EvaluationRow, "status">) => seesAll(actor) || r.status === "final";

/** A list row: the score and finance's override only for those who may see them (blind scoring). */
export function presentRow(actor: Actor, r: EvaluationRow) {
  const show = rowShowsScore(actor, r);
  const { submittedTotals, ...rest } = r;
  return {
    ...rest,
    overridePoints: show ? r.overridePoints : null,
    overrideReason: show ? r.overrideReason : null,
    kindLabel: EVALUATION_KIND_LABELS[r.kind],
    statusLabel: EVALUATION_STATUS_LABELS[r.status],
    submittedSheets: submittedTotals.length,
    scores: show ? scoreBlock(r.kind, submittedTotals.map(BigInt), r.overridePoints, r.overrideReason) : null,
  };
}
