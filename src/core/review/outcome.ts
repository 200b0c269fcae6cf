/**
 * A review round (审核轮次) is one submission of a reviewable record: it opens when the declarer submits
 * and closes when a reviewer returns it, the last reviewer approves it, or the declarer withdraws it.
 */
export const ROUND_OUTCOMES = ["pending", "returned", "approved", "withdrawn"] as const;
export type RoundOutcome = (typeof ROUND_OUTCOMES)[number];

export const ROUND_OUTCOME_LABELS: Record<RoundOutcome, string> = {
  pending: "审核中",
  returned: "已退回",
  approved: "已通过",
  withdrawn: "已撤回",
};

/** When a reviewer wrote a comment: with a return (to be answered) or with an approval (a note). */
export const COMMENT_STAGES = ["return", "approve"] as const;
export type CommentStage = (typeof COMMENT_STAGES)[number];
