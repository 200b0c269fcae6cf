/** 评价指标体系: the year's framework of department and key evaluations, set by finance. */

import { useQuery } from "@tanstack/react-query";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as e from "../../../../src/contracts/evaluations";
import { request } from "../client";

export type EvaluationFrameworkData = ReplyOf<typeof e.getEvaluationFramework>;
export type EvaluationFrameworkBody = BodyOf<typeof e.saveEvaluationFramework>;

export const frameworkKey = (year: number) => ["evaluations", "framework", year] as const;

export const fetchEvaluationFramework = (year: number) =>
  request<EvaluationFrameworkData>("/evaluations/framework", { query: { year } });
export const saveEvaluationFramework = (year: number, body: EvaluationFrameworkBody) =>
  request<EvaluationFrameworkData>("/evaluations/framework", { method: "PUT", query: { year }, body });

export const useEvaluationFramework = (year: number, enabled = true) =>
  useQuery({
    queryKey: frameworkKey(year),
    queryFn: () => fetchEvaluationFramework(year),
    staleTime: 10 * 60_000,
    enabled,
  });
