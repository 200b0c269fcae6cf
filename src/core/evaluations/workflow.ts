/**
 * An evaluation's life. A department evaluation: the department drafts and scores it, submits it to finance,
 * which returns it or finalises it. A key evaluation: finance drafts it and forms the team, opens the scoring,
 * each expert scores and submits independently; finance finalises (the score is the experts' mean unless it
 * overrides it with a reason) or reopens the scoring of one expert.
 */
export const EVALUATION_KINDS = ["department", "key"] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];
export const EVALUATION_KIND_LABELS: Record<EvaluationKind, string> = { department: "部门评价", key: "财政重点评价" };

export const EVALUATION_STATUSES = ["draft", "scoring", "submitted", "returned", "final"] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];
export const EVALUATION_STATUS_LABELS: Record<EvaluationStatus, string> = {
  draft: "草稿",
  scoring: "评分中",
  submitted: "待财政审核",
  returned: "被退回",
  final: "已定稿",
};

export type EvaluationAction = "open" | "submit" | "return" | "finalise";

const MOVES: Record<
  EvaluationKind,
  Partial<Record<EvaluationAction, { from: EvaluationStatus[]; to: EvaluationStatus }>>
> = {
  department: {
    submit: { from: ["draft", "returned"], to: "submitted" },
    return: { from: ["submitted"], to: "returned" },
    finalise: { from: ["submitted"], to: "final" },
  },
  key: {
    open: { from: ["draft"], to: "scoring" },
    finalise: { from: ["scoring"], to: "final" },
  },
};

export function nextEvaluationStatus(
  kind: EvaluationKind,
  status: EvaluationStatus,
  action: EvaluationAction,
): EvaluationStatus | null {
  const m = MOVES[kind][action];
  return m?.from.includes(status) ? m.to : null;
}

/** The evaluation's scores and report are edited by its owner only while it is in these statuses. */
export const editableStatuses = (kind: EvaluationKind): EvaluationStatus[] =>
  kind === "department" ? ["draft", "returned"] : ["draft", "scoring"];

/**
 * Blind scoring: an expert sees only their own sheet until they have submitted it; finance sees all. Once
 * submitted (or the evaluation is final), the expert sees the others' submitted sheets.
 */
export function canSeeOthersScores(
  viewer: { isFinance: boolean; ownSubmitted: boolean },
  status: EvaluationStatus,
): boolean {
  return viewer.isFinance || viewer.ownSubmitted || status === "final";
}
