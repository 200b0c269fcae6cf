/** 指标体系与审核规则: the year's indicator template and quality-check policy, set by finance. */
import { useQuery } from "@tanstack/react-query";
import type { GoalRulePolicy } from "../../../src/core/goals/quality-policy";
import type { IndicatorTemplate } from "../../../src/core/goals/types";
import { request } from "./client";

export interface GoalRulesVersion {
  id: number;
  fiscalYear: number;
  version: string;
  createdAt: string;
  createdByName: string | null;
}

/** GET /goals/rules?year= */
export interface GoalRulesData {
  fiscalYear: number;
  version: string;
  template: IndicatorTemplate;
  policy: GoalRulePolicy;
  /** Null while the built-in defaults apply. */
  id: number | null;
  /** The year the rules in effect were set for: an earlier year's carry on until finance sets new ones. */
  setForYear: number | null;
  history: GoalRulesVersion[];
}

export interface GoalRulesBody {
  fiscalYear: number;
  reason?: string;
  template: Omit<IndicatorTemplate, "version">;
  policy: Omit<GoalRulePolicy, "version">;
}

export const goalRulesKey = (year: number) => ["goal-rules", year] as const;

export const fetchGoalRules = (year: number) => request<GoalRulesData>("/goals/rules", { query: { year } });
export const saveGoalRules = (body: GoalRulesBody) => request<GoalRulesData>("/goals/rules", { method: "PUT", body });

/** The rules change rarely: one fetch per year and session is enough. */
export const useGoalRules = (year: number, enabled = true) =>
  useQuery({ queryKey: goalRulesKey(year), queryFn: () => fetchGoalRules(year), staleTime: 10 * 60_000, enabled });
