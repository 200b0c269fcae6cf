/** A goal table's review record: revisions, rounds, comment threads and comparisons (shared review loop). */

import { useQuery } from "@tanstack/react-query";
import type { ReplyOf } from "../../../../src/contracts/common";
import type * as threads from "../../../../src/contracts/goals-threads";
import { request } from "../client";

export type GoalTableReview = ReplyOf<typeof threads.getGoalTableReview>;
export type ReviewCommentRow = GoalTableReview["comments"][number];
export type ReviewRoundRow = GoalTableReview["rounds"][number];
export type GoalRevisionRow = GoalTableReview["revisions"][number];

export const goalReviewKey = (id: number) => ["goal-tables", "review", id] as const;

export const useGoalTableReview = (id: number) =>
  useQuery({
    queryKey: goalReviewKey(id),
    queryFn: () => request<GoalTableReview>(`/goals/tables/${id}/review`),
    enabled: Number.isInteger(id) && id > 0,
  });

export const answerGoalComment = (id: number, commentId: number, body: { version: number; answer: string }) =>
  request<ReplyOf<typeof threads.answerGoalComment>>(`/goals/tables/${id}/comments/${commentId}/answer`, {
    method: "PUT",
    body,
  });
