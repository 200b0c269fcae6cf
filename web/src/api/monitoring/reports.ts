/** 绩效运行监控 reports: the list with lights, one report, saving, the workflow and the review threads. */

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as monitoring from "../../../../src/contracts/monitoring";
import type * as threads from "../../../../src/contracts/monitoring-threads";
import type { ReportSort } from "../../../../src/core/monitoring/list";
import type { Light, MonitoringKind } from "../../../../src/core/monitoring/types";
import type { DeskStatus } from "../../../../src/core/review/desk-workflow";
import { request } from "../client";

export type MonitoringRound = z.output<typeof monitoring.MonitoringRound>;
export type MonitoringReportRow = z.output<typeof monitoring.MonitoringReportRow>;
export type MonitoringReportPage = ReplyOf<typeof monitoring.listMonitoringReports>;
export type MonitoringReportDetail = z.output<typeof monitoring.MonitoringReportDetail>;
export type MonitoringReportItem = MonitoringReportDetail["items"][number];
export type MonitoringSaveBody = BodyOf<typeof monitoring.saveMonitoringReport>;
export type MonitoringActionBody = BodyOf<typeof monitoring.actOnMonitoringReport>;
export type MonitoringReportReview = ReplyOf<typeof threads.getMonitoringReportReview>;

export interface MonitoringReportFilters {
  roundId?: number | undefined;
  kind?: MonitoringKind | undefined;
  status?: DeskStatus | undefined;
  light?: Light | undefined;
  departmentId?: number | undefined;
  unitId?: number | undefined;
  q?: string | undefined;
}

export interface MonitoringReportQuery extends MonitoringReportFilters {
  roundId: number;
  page: number;
  pageSize: number;
  sort?: ReportSort | undefined;
  order?: "asc" | "desc" | undefined;
}

export const monitoringKeys = {
  rounds: (year: number) => ["monitoring", "rounds", year] as const,
  list: (q: MonitoringReportQuery) => ["monitoring", "reports", "list", q] as const,
  detail: (id: number) => ["monitoring", "reports", "detail", id] as const,
  review: (id: number) => ["monitoring", "reports", "review", id] as const,
};

export const useMonitoringRounds = (year: number) =>
  useQuery({
    queryKey: monitoringKeys.rounds(year),
    queryFn: () => request<ReplyOf<typeof monitoring.listMonitoringRounds>>("/monitoring/rounds", { query: { year } }),
  });

export const useMonitoringReports = (q: MonitoringReportQuery, enabled: boolean) =>
  useQuery({
    queryKey: monitoringKeys.list(q),
    queryFn: () => request<MonitoringReportPage>("/monitoring/reports", { query: { ...q } }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useMonitoringReport = (id: number) =>
  useQuery({
    queryKey: monitoringKeys.detail(id),
    queryFn: () => request<MonitoringReportDetail>(`/monitoring/reports/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });

export const saveMonitoringReport = (id: number, body: MonitoringSaveBody) =>
  request<MonitoringReportDetail>(`/monitoring/reports/${id}`, { method: "PUT", body });

export const actOnMonitoringReport = (id: number, body: MonitoringActionBody) =>
  request<MonitoringReportDetail>(`/monitoring/reports/${id}/actions`, { method: "POST", body });

export const useMonitoringReportReview = (id: number) =>
  useQuery({
    queryKey: monitoringKeys.review(id),
    queryFn: () => request<MonitoringReportReview>(`/monitoring/reports/${id}/review`),
    enabled: Number.isInteger(id) && id > 0,
  });

export const answerMonitoringComment = (id: number, commentId: number, body: { version: number; answer: string }) =>
  request<ReplyOf<typeof threads.answerMonitoringComment>>(`/monitoring/reports/${id}/comments/${commentId}/answer`, {
    method: "PUT",
    body,
  });
