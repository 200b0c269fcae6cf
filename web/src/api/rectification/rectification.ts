/** 整改: notices finance issues to a unit, their items, the unit's answers with evidence, finance's verdicts. */

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as m from "../../../../src/contracts/rectification";
import type { RectificationSource, RectificationStatus } from "../../../../src/core/evaluations/rectification";
import type { RectificationSort } from "../../../../src/core/evaluations/rectification-notice";
import { apiUrl, request } from "../client";

export type RectificationNotice = ReplyOf<typeof m.getRectificationNotice>;
export type RectificationNoticeItem = RectificationNotice["items"][number];
export type RectificationItem = ReplyOf<typeof m.getRectificationItem>;
export type RectificationItemPage = ReplyOf<typeof m.listRectificationItems>;
export type RectificationItemRow = RectificationItemPage["rows"][number];
export type RectificationCounts = ReplyOf<typeof m.getRectificationCounts>;
export type IssueBody = BodyOf<typeof m.issueRectificationNotice>;
export type ActBody = BodyOf<typeof m.actOnRectificationItem>;

/** The list's filters as the page keeps them in its address (the year is the header's). */
export interface RectificationFilters {
  status?: RectificationStatus | undefined;
  source?: RectificationSource | undefined;
  departmentId?: number | undefined;
  unitId?: number | undefined;
  noticeId?: number | undefined;
  overdue?: boolean | undefined;
}

export interface RectificationQuery extends RectificationFilters {
  year: number;
  sort?: RectificationSort | undefined;
  order?: "asc" | "desc" | undefined;
}

/** Every key starts with "rectification", so that one invalidation refreshes every page. */
export const rectificationKeys = {
  all: ["rectification"] as const,
  items: (q: RectificationQuery, page: number, pageSize: number) =>
    ["rectification", "items", q, page, pageSize] as const,
  counts: (year: number) => ["rectification", "counts", year] as const,
  notice: (id: number) => ["rectification", "notice", id] as const,
  item: (id: number) => ["rectification", "item", id] as const,
};

const listQuery = (q: RectificationQuery) => ({ ...q, overdue: q.overdue ? "true" : undefined });

export const fetchRectificationItems = (q: RectificationQuery, page: number, pageSize: number) =>
  request<RectificationItemPage>("/rectification/items", { query: { ...listQuery(q), page, pageSize } });
export const rectificationExportUrl = (q: RectificationQuery) =>
  apiUrl("/rectification/items/export.xlsx", listQuery(q));
export const fetchRectificationCounts = (year: number) =>
  request<RectificationCounts>("/rectification/counts", { query: { year } });
export const fetchRectificationNotice = (id: number) => request<RectificationNotice>(`/rectification/notices/${id}`);
export const fetchRectificationItem = (id: number) => request<RectificationItem>(`/rectification/items/${id}`);
export const issueRectificationNotice = (body: IssueBody) =>
  request<RectificationNotice>("/rectification/notices", { method: "POST", body });
export const actOnRectificationItem = (id: number, body: ActBody) =>
  request<RectificationItem>(`/rectification/items/${id}/actions`, { method: "POST", body });
export const uploadRectificationEvidence = (itemId: number, file: File) => {
  const form = new FormData();
  form.append("file", file);
  return request<RectificationItem["files"][number]>("/attachments", {
    method: "POST",
    body: form,
    query: { entity: "rectification_item", recordId: itemId },
  });
};

export const useRectificationItems = (q: RectificationQuery, page: number, pageSize: number) =>
  useQuery({
    queryKey: rectificationKeys.items(q, page, pageSize),
    queryFn: () => fetchRectificationItems(q, page, pageSize),
    placeholderData: keepPreviousData,
  });
export const useRectificationCounts = (year: number) =>
  useQuery({ queryKey: rectificationKeys.counts(year), queryFn: () => fetchRectificationCounts(year) });
export const useRectificationNotice = (id: number) =>
  useQuery({ queryKey: rectificationKeys.notice(id), queryFn: () => fetchRectificationNotice(id) });
export const useRectificationItem = (id: number) =>
  useQuery({ queryKey: rectificationKeys.item(id), queryFn: () => fetchRectificationItem(id) });
