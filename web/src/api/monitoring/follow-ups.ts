/** 跟进措施 of monitoring reports and their evidence files. */

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as m from "../../../../src/contracts/monitoring-actions";
import { apiUrl, request } from "../client";

export type FollowUp = ReplyOf<typeof m.getMonitoringAction>;
export type FollowUpPage = ReplyOf<typeof m.listMonitoringActions>;
export type FollowUpRow = FollowUpPage["rows"][number];
export type AttachmentInfo = ReplyOf<typeof m.uploadAttachment>;
export type AssignBody = BodyOf<typeof m.assignMonitoringAction>;
export type ActBody = BodyOf<typeof m.actOnMonitoringAction>;

/** The list's filters as the page keeps them. */
export interface FollowUpFilters {
  year?: number | undefined;
  roundId?: number | undefined;
  reportId?: number | undefined;
  departmentId?: number | undefined;
  status?: string | undefined;
  kind?: string | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
}

export type FollowUpSort = "dueOn" | "createdAt" | "department" | "status";

export const followUpKeys = {
  all: ["follow-ups"] as const,
  list: (f: FollowUpFilters, sort: string | undefined, order: string | undefined, page: number, pageSize: number) =>
    ["follow-ups", "list", f, sort, order, page, pageSize] as const,
  one: (id: number) => ["follow-ups", "one", id] as const,
};

const listQuery = (f: FollowUpFilters, sort?: string, order?: string) => ({
  ...f,
  overdue: f.overdue ? "true" : undefined,
  sort,
  order,
});

export const fetchFollowUps = (
  f: FollowUpFilters,
  sort: string | undefined,
  order: string | undefined,
  page: number,
  pageSize: number,
) => request<FollowUpPage>("/monitoring/follow-ups", { query: { ...listQuery(f, sort, order), page, pageSize } });
export const followUpsExportUrl = (f: FollowUpFilters, sort?: string, order?: string) =>
  apiUrl("/monitoring/follow-ups/export.xlsx", listQuery(f, sort, order));
export const fetchFollowUp = (id: number) => request<FollowUp>(`/monitoring/follow-ups/${id}`);
export const assignFollowUp = (reportId: number, body: AssignBody) =>
  request<FollowUp>(`/monitoring/reports/${reportId}/follow-ups`, { method: "POST", body });
export const actOnFollowUp = (id: number, body: ActBody) =>
  request<FollowUp>(`/monitoring/follow-ups/${id}/actions`, { method: "POST", body });
export const uploadEvidence = (actionId: number, file: File) => {
  const form = new FormData();
  form.append("file", file);
  return request<AttachmentInfo>("/attachments", {
    method: "POST",
    body: form,
    query: { entity: "monitoring_action", recordId: actionId },
  });
};
export const removeEvidence = (id: number) => request<void>(`/attachments/${id}`, { method: "DELETE" });

export const useFollowUps = (
  f: FollowUpFilters,
  sort: string | undefined,
  order: string | undefined,
  page: number,
  pageSize: number,
) =>
  useQuery({
    queryKey: followUpKeys.list(f, sort, order, page, pageSize),
    queryFn: () => fetchFollowUps(f, sort, order, page, pageSize),
    placeholderData: keepPreviousData,
  });
export const useFollowUp = (id: number) =>
  useQuery({ queryKey: followUpKeys.one(id), queryFn: () => fetchFollowUp(id) });
