/** 评价统计: the year's coverage of department evaluations, key projects due, and the firms' ledger. */

import { useQuery } from "@tanstack/react-query";
import type { ReplyOf } from "../../../../src/contracts/common";
import type * as e from "../../../../src/contracts/evaluations";
import type * as summary from "../../../../src/contracts/evaluations-summary";
import { apiUrl, request } from "../client";

export type EvaluationCoverage = ReplyOf<typeof e.getEvaluationCoverage>;
export type CoverageRow = EvaluationCoverage["rows"][number];
export type KeyProjectDue = EvaluationCoverage["keyProjectsDue"][number];
export type FirmLedger = ReplyOf<typeof e.getFirmLedger>;
export type FirmLedgerRow = FirmLedger["firms"][number];

export const coverageKeys = {
  coverage: (year: number) => ["evaluations", "coverage", year] as const,
  ledger: (year: number) => ["evaluations", "ledger", year] as const,
};

export const useEvaluationCoverage = (year: number) =>
  useQuery({
    queryKey: coverageKeys.coverage(year),
    queryFn: () => request<EvaluationCoverage>("/evaluations/coverage", { query: { year } }),
  });
export const useFirmLedger = (year: number, enabled = true) =>
  useQuery({
    queryKey: coverageKeys.ledger(year),
    queryFn: () => request<FirmLedger>("/evaluations/ledger", { query: { year } }),
    enabled,
  });

/** 导出Excel: coverage by department, the key projects due and the firms' ledger of the year. */
export const evaluationStatsXlsxUrl = (year: number) => apiUrl("/evaluations/stats.xlsx", { year });

export type EvaluationSummary = ReplyOf<typeof summary.getEvaluationSummary>;

export const useEvaluationSummary = (year: number) =>
  useQuery({
    queryKey: ["evaluations", "summary", year] as const,
    queryFn: () => request<EvaluationSummary>("/evaluations/summary", { query: { year } }),
  });

/** 导出年度汇总: 汇总, 等级分布, 部门覆盖 and 评价清单 of the year. */
export const evaluationSummaryXlsxUrl = (year: number) => apiUrl("/evaluations/summary.xlsx", { year });
