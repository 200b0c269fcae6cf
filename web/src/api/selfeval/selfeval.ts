/** 单位自评: opening the year, its coverage, and the year's scoring rules. */

import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as s from "../../../../src/contracts/selfeval";
import type * as config from "../../../../src/contracts/selfeval-config";
import { request } from "../client";

export type SelfEvalRound = z.output<typeof s.SelfEvalRound>;
export type OpenSelfEvalBody = BodyOf<typeof s.openSelfEvaluation>;
export type OpenSelfEvalReply = ReplyOf<typeof s.openSelfEvaluation>;
export type SelfEvalCoverage = ReplyOf<typeof s.getSelfEvalCoverage>;
export type CoverageTotals = SelfEvalCoverage["project"];
export type CoverageDepartment = SelfEvalCoverage["departments"][number];
export type CoverageCounts = NonNullable<CoverageDepartment["project"]>;
export type SelfEvalRulesData = ReplyOf<typeof config.getSelfEvalRules>;
export type SelfEvalRulesBody = BodyOf<typeof config.saveSelfEvalRules>;

/** Every self-evaluation query key starts with "selfeval", so that one invalidation refreshes every page. */
export const selfEvalKeys = {
  all: ["selfeval"] as const,
  coverage: (year: number) => ["selfeval", "coverage", year] as const,
  rules: (year: number) => ["selfeval", "rules", year] as const,
};

export const openSelfEvaluation = (body: OpenSelfEvalBody) =>
  request<OpenSelfEvalReply>("/selfeval/rounds", { method: "POST", body });
export const fetchSelfEvalCoverage = (year: number) =>
  request<SelfEvalCoverage>("/selfeval/coverage", { query: { year } });
export const fetchSelfEvalRules = (year: number) => request<SelfEvalRulesData>("/selfeval/rules", { query: { year } });
export const saveSelfEvalRules = (year: number, body: SelfEvalRulesBody) =>
  request<SelfEvalRulesData>("/selfeval/rules", { method: "PUT", query: { year }, body });

export const useSelfEvalCoverage = (year: number) =>
  useQuery({ queryKey: selfEvalKeys.coverage(year), queryFn: () => fetchSelfEvalCoverage(year) });
export const useSelfEvalRules = (year: number, enabled = true) =>
  useQuery({
    queryKey: selfEvalKeys.rules(year),
    queryFn: () => fetchSelfEvalRules(year),
    staleTime: 10 * 60_000,
    enabled,
  });
