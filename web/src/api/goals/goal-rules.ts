/** 指标体系与审核规则: the year's indicator template and quality-check policy, set by finance. */

import { useQuery } from "@tanstack/react-query";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as goalsChecks from "../../../../src/contracts/goals-checks";
import { request } from "../client";

/** GET /goals/rules?year= */
export type GoalRulesData = ReplyOf<typeof goalsChecks.getGoalRules>;
export type GoalRulesVersion = GoalRulesData["history"][number];
export type GoalRulesBody = BodyOf<typeof goalsChecks.updateGoalRules>;
export type GoalRulesProposal = BodyOf<typeof goalsChecks.previewGoalRules>;
/** POST /goals/rules/preview: what the proposed rules would do to the year's current tables. */
export type GoalRulesImpact = ReplyOf<typeof goalsChecks.previewGoalRules>;

export const goalRulesKey = (year: number) => ["goal-rules", year] as const;

export const fetchGoalRules = (year: number) => request<GoalRulesData>("/goals/rules", { query: { year } });
export const saveGoalRules = (body: GoalRulesBody) => request<GoalRulesData>("/goals/rules", { method: "PUT", body });
export const previewGoalRules = (body: GoalRulesProposal) =>
  request<GoalRulesImpact>("/goals/rules/preview", { method: "POST", body });

/** The rules change rarely: one fetch per year and session is enough. */
export const useGoalRules = (year: number, enabled = true) =>
  useQuery({ queryKey: goalRulesKey(year), queryFn: () => fetchGoalRules(year), staleTime: 10 * 60_000, enabled });
