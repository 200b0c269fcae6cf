/** 会审记录: what the on-site review of a drawn department found, the guidance, and the tables it changed. */

import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as goalsReview from "../../../../src/contracts/goals-review";
import { request } from "../client";

export type ReviewVisit = z.output<typeof goalsReview.ReviewVisit>;
export type ReviewVisitTable = ReviewVisit["tables"][number];
export type ReviewVisitBody = BodyOf<typeof goalsReview.updateReviewVisit>;
export type ReviewVisitLinkBody = BodyOf<typeof goalsReview.linkReviewVisitTable>;
export type ReviewVisitSaved = ReplyOf<typeof goalsReview.updateReviewVisit>;

export const fetchReviewVisits = (drawId: number) =>
  request<{ rows: ReviewVisit[] }>(`/goals/review-draws/${drawId}/visits`);
export const saveReviewVisit = (id: number, body: ReviewVisitBody) =>
  request<ReviewVisitSaved>(`/goals/review-visits/${id}`, { method: "PUT", body });
/** Links a table, or changes whether an already linked one acted on the guidance. */
export const linkReviewVisitTable = (id: number, body: ReviewVisitLinkBody) =>
  request<ReviewVisit>(`/goals/review-visits/${id}/tables`, { method: "POST", body });
export const unlinkReviewVisitTable = (id: number, goalTableId: number) =>
  request<ReviewVisit>(`/goals/review-visits/${id}/tables/${goalTableId}`, { method: "DELETE" });

export const reviewVisitKeys = {
  all: ["review-visits"] as const,
  ofDraw: (drawId: number) => ["review-visits", drawId] as const,
};

export const useReviewVisits = (drawId: number | undefined) =>
  useQuery({
    queryKey: reviewVisitKeys.ofDraw(drawId ?? 0),
    queryFn: () => fetchReviewVisits(drawId ?? 0),
    enabled: drawId !== undefined,
  });
