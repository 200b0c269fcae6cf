/** 绩效运行监控: rounds, the departments' choice of subjects, key monitoring and the warning rules. */

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as m from "../../../../src/contracts/monitoring";
import type * as mc from "../../../../src/contracts/monitoring-config";
import { request } from "../client";

export type RoundsData = ReplyOf<typeof m.listMonitoringRounds>;
export type MonitoringRound = RoundsData["rounds"][number];
export type OpenRoundBody = BodyOf<typeof m.openMonitoringRound>;
export type RoundData = ReplyOf<typeof m.getMonitoringRound>;
export type RoundSummary = RoundData["summary"];
export type DepartmentFigures = RoundData["departments"][number];
export type Selection = ReplyOf<typeof m.listMonitoringSelections>[number];
export type Candidate = ReplyOf<typeof m.listMonitoringCandidates>[number];
export type Subject = BodyOf<typeof m.selectMonitoringSubjects>["subjects"][number];
export type Issued = ReplyOf<typeof m.selectMonitoringSubjects>;
export type KeyCandidate = ReplyOf<typeof mc.listKeyCandidates>[number];
export type KeyDrawBody = BodyOf<typeof mc.drawKeyMonitoring>;
export type KeyDrawData = ReplyOf<typeof mc.getKeyDraw>;
export type KeyDraw = NonNullable<KeyDrawData["draw"]>;
export type KeyDrawReply = ReplyOf<typeof mc.drawKeyMonitoring, 201>;
export type MonitoringRules = ReplyOf<typeof mc.getMonitoringRules>;
export type MonitoringRulesBody = BodyOf<typeof mc.saveMonitoringRules>;
export type MonitoringRulesProposal = BodyOf<typeof mc.previewMonitoringRules>;
export type MonitoringRulesImpact = ReplyOf<typeof mc.previewMonitoringRules>;

/** Every monitoring query key starts with "monitoring", so that one invalidation refreshes the pages. */
export const monitoringKeys = {
  all: ["monitoring"] as const,
  rounds: (year: number) => ["monitoring", "rounds", year] as const,
  round: (id: number) => ["monitoring", "round", id] as const,
  selections: (id: number) => ["monitoring", "selections", id] as const,
  candidates: (id: number, departmentId: number | undefined) =>
    ["monitoring", "candidates", id, departmentId ?? null] as const,
  keyCandidates: (id: number, largeBudgetWan: number | undefined) =>
    ["monitoring", "key-candidates", id, largeBudgetWan ?? null] as const,
  keyDraw: (id: number) => ["monitoring", "key-draw", id] as const,
  rules: (year: number) => ["monitoring-rules", year] as const,
};

export const fetchRounds = (year: number) => request<RoundsData>("/monitoring/rounds", { query: { year } });
export const openRound = (body: OpenRoundBody) =>
  request<ReplyOf<typeof m.openMonitoringRound, 201>>("/monitoring/rounds", { method: "POST", body });
export const fetchRound = (id: number) => request<RoundData>(`/monitoring/rounds/${id}`);
export const fetchSelections = (id: number) => request<Selection[]>(`/monitoring/rounds/${id}/selections`);
export const fetchCandidates = (id: number, departmentId?: number) =>
  request<Candidate[]>(`/monitoring/rounds/${id}/candidates`, { query: { departmentId } });
export const selectSubjects = (id: number, departmentId: number, subjects: Subject[]) =>
  request<Issued>(`/monitoring/rounds/${id}/selections/${departmentId}/subjects`, {
    method: "POST",
    body: { subjects },
  });
export const confirmSelection = (id: number, departmentId: number, confirmed: boolean) =>
  request<Selection>(`/monitoring/rounds/${id}/selections/${departmentId}/confirm`, {
    method: "POST",
    body: { confirmed },
  });
export const removeReport = (reportId: number) =>
  request<void>(`/monitoring/reports/${reportId}`, { method: "DELETE" });
export const fetchKeyCandidates = (id: number, largeBudgetWan?: number) =>
  request<KeyCandidate[]>(`/monitoring/rounds/${id}/key-candidates`, { query: { largeBudgetWan } });
export const fetchKeyDraw = (id: number) => request<KeyDrawData>(`/monitoring/rounds/${id}/key-draw`);
export const drawKey = (id: number, body: Partial<KeyDrawBody> & { count: number }) =>
  request<KeyDrawReply>(`/monitoring/rounds/${id}/key-draw`, { method: "POST", body });
export const pickKey = (id: number, subjects: Subject[]) =>
  request<Issued>(`/monitoring/rounds/${id}/key-picks`, { method: "POST", body: { subjects } });
export const fetchMonitoringRules = (year: number) =>
  request<MonitoringRules>("/monitoring/rules", { query: { year } });
export const saveMonitoringRules = (year: number, body: MonitoringRulesBody) =>
  request<MonitoringRules>("/monitoring/rules", { method: "PUT", query: { year }, body });
export const previewMonitoringRules = (year: number, body: MonitoringRulesProposal) =>
  request<MonitoringRulesImpact>("/monitoring/rules/preview", { method: "POST", query: { year }, body });

export const useRounds = (year: number) =>
  useQuery({ queryKey: monitoringKeys.rounds(year), queryFn: () => fetchRounds(year) });
export const useRound = (id: number | undefined) =>
  useQuery({
    queryKey: monitoringKeys.round(id ?? 0),
    queryFn: () => fetchRound(id!),
    enabled: id !== undefined && id > 0,
    placeholderData: keepPreviousData,
  });
export const useSelections = (id: number, enabled = true) =>
  useQuery({ queryKey: monitoringKeys.selections(id), queryFn: () => fetchSelections(id), enabled });
export const useCandidates = (id: number, departmentId: number | undefined) =>
  useQuery({
    queryKey: monitoringKeys.candidates(id, departmentId),
    queryFn: () => fetchCandidates(id, departmentId),
    enabled: departmentId !== undefined,
  });
export const useKeyCandidates = (id: number, largeBudgetWan: number | undefined) =>
  useQuery({
    queryKey: monitoringKeys.keyCandidates(id, largeBudgetWan),
    queryFn: () => fetchKeyCandidates(id, largeBudgetWan),
    placeholderData: keepPreviousData,
  });
export const useKeyDraw = (id: number) =>
  useQuery({ queryKey: monitoringKeys.keyDraw(id), queryFn: () => fetchKeyDraw(id) });
export const useMonitoringRules = (year: number) =>
  useQuery({ queryKey: monitoringKeys.rules(year), queryFn: () => fetchMonitoringRules(year), staleTime: 10 * 60_000 });
