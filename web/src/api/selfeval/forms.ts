/** 自评表: the list with scores, one form, saving, the workflow and the review record with its answers. */

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as s from "../../../../src/contracts/selfeval";
import type * as threads from "../../../../src/contracts/selfeval-threads";
import type { DeskStatus } from "../../../../src/core/review/desk-workflow";
import type { SelfEvalSubjectKind } from "../../../../src/core/selfeval/form";
import type { Grade } from "../../../../src/core/selfeval/grade";
import type { FormSort } from "../../../../src/core/selfeval/list";
import { request } from "../client";

export type SelfEvalFormRow = z.output<typeof s.SelfEvalFormRow>;
export type SelfEvalFormPage = ReplyOf<typeof s.listSelfEvalForms>;
export type SelfEvalFormDetail = z.output<typeof s.SelfEvalFormDetail>;
export type SelfEvalFormItem = SelfEvalFormDetail["items"][number];
export type SelfEvalSaveBody = BodyOf<typeof s.saveSelfEvalForm>;
export type SelfEvalActionBody = BodyOf<typeof s.actOnSelfEvalForm>;
export type SelfEvalFormReview = ReplyOf<typeof threads.getSelfEvalFormReview>;

/** The list's filters as the page keeps them in its address (the year is the page's own). */
export interface SelfEvalFormFilters {
  subjectKind?: SelfEvalSubjectKind | undefined;
  status?: DeskStatus | undefined;
  grade?: Grade | undefined;
  departmentId?: number | undefined;
  unitId?: number | undefined;
  q?: string | undefined;
}

export interface SelfEvalFormQuery extends SelfEvalFormFilters {
  year: number;
  page: number;
  pageSize: number;
  sort?: FormSort | undefined;
  order?: "asc" | "desc" | undefined;
}

export const selfEvalFormKeys = {
  list: (q: SelfEvalFormQuery) => ["selfeval", "forms", "list", q] as const,
  lists: ["selfeval", "forms", "list"] as const,
  detail: (id: number) => ["selfeval", "forms", "detail", id] as const,
  review: (id: number) => ["selfeval", "forms", "review", id] as const,
};

export const useSelfEvalForms = (q: SelfEvalFormQuery) =>
  useQuery({
    queryKey: selfEvalFormKeys.list(q),
    queryFn: () => request<SelfEvalFormPage>("/selfeval/forms", { query: { ...q } }),
    placeholderData: keepPreviousData,
  });

export const useSelfEvalForm = (id: number) =>
  useQuery({
    queryKey: selfEvalFormKeys.detail(id),
    queryFn: () => request<SelfEvalFormDetail>(`/selfeval/forms/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });

export const saveSelfEvalForm = (id: number, body: SelfEvalSaveBody) =>
  request<SelfEvalFormDetail>(`/selfeval/forms/${id}`, { method: "PUT", body });

export const actOnSelfEvalForm = (id: number, body: SelfEvalActionBody) =>
  request<SelfEvalFormDetail>(`/selfeval/forms/${id}/actions`, { method: "POST", body });

export const useSelfEvalFormReview = (id: number) =>
  useQuery({
    queryKey: selfEvalFormKeys.review(id),
    queryFn: () => request<SelfEvalFormReview>(`/selfeval/forms/${id}/review`),
    enabled: Number.isInteger(id) && id > 0,
  });

export const answerSelfEvalComment = (id: number, commentId: number, body: { version: number; answer: string }) =>
  request<ReplyOf<typeof threads.answerSelfEvalComment>>(`/selfeval/forms/${id}/comments/${commentId}/answer`, {
    method: "PUT",
    body,
  });

export type SelfEvalBatchBody = BodyOf<typeof s.actOnSelfEvalForms>;
export type SelfEvalBatchReply = ReplyOf<typeof s.actOnSelfEvalForms>;

/** 批量提交 / 批量审核通过: all or nothing; a refusal names every form that cannot take the step. */
export const actOnSelfEvalForms = (body: SelfEvalBatchBody) =>
  request<SelfEvalBatchReply>("/selfeval/forms/actions", { method: "POST", body });
