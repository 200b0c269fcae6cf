/** 年度工作安排: the year's phases, saving their dates, opening the goal declaration. */

import { useQuery } from "@tanstack/react-query";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as plan from "../../../../src/contracts/plan";
import { request } from "../client";

export type WorkPlan = ReplyOf<typeof plan.getPlan>;
export type PlanPhaseView = WorkPlan["phases"][number];
export type PlanBody = BodyOf<typeof plan.savePlan>;
export type DeclarationOpened = ReplyOf<typeof plan.openGoalDeclaration>;

export const planKey = (year: number) => ["plan", year] as const;

export const fetchPlan = (year: number) => request<WorkPlan>("/plan", { query: { year } });
export const savePlan = (year: number, body: PlanBody) =>
  request<{ version: number }>("/plan", { method: "PUT", query: { year }, body });
export const openGoalDeclaration = (year: number, dueOn?: string) =>
  request<DeclarationOpened>("/plan/goal-declaration/open", { method: "POST", query: { year }, body: { dueOn } });

export const usePlan = (year: number) => useQuery({ queryKey: planKey(year), queryFn: () => fetchPlan(year) });
