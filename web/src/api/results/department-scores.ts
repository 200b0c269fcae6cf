/** 部门绩效考核: the year's department scores and their versioned template. */

import { useQuery } from "@tanstack/react-query";
import type { BodyOf, ReplyOf } from "../../../../src/contracts/common";
import type * as r from "../../../../src/contracts/results-department-scores";
import { apiUrl, request } from "../client";

export type DepartmentScores = ReplyOf<typeof r.getDepartmentScores>;
export type DepartmentScoreRow = DepartmentScores["rows"][number];
export type DeptScoreTemplateData = ReplyOf<typeof r.getDeptScoreTemplate>;
export type DeptScoreTemplateBody = BodyOf<typeof r.saveDeptScoreTemplate>;

export const departmentScoresKeys = {
  all: ["results", "department-scores"] as const,
  scores: (year: number) => ["results", "department-scores", "table", year] as const,
  template: (year: number) => ["results", "department-scores", "template", year] as const,
};

export const useDepartmentScores = (year: number) =>
  useQuery({
    queryKey: departmentScoresKeys.scores(year),
    queryFn: () => request<DepartmentScores>("/results/department-scores", { query: { year } }),
  });

export const useDeptScoreTemplate = (year: number) =>
  useQuery({
    queryKey: departmentScoresKeys.template(year),
    queryFn: () => request<DeptScoreTemplateData>("/results/department-scores/template", { query: { year } }),
  });

export const saveDeptScoreTemplate = (year: number, body: DeptScoreTemplateBody) =>
  request<DeptScoreTemplateData>("/results/department-scores/template", { method: "PUT", query: { year }, body });

/** 导出Excel: the ranking and what every component was computed from. */
export const departmentScoresXlsxUrl = (year: number) => apiUrl("/results/department-scores.xlsx", { year });
