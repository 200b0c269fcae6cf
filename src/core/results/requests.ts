import { MAX_AMOUNT_FEN } from "../imports/spec";
import type { Fen } from "../money";

/**
 * 下年度预算申请 typed by hand or imported: the same rules either way. A request of budget year N belongs to
 * the project of year N − 1 with its code (the year whose results adjust it).
 */

/** The sorts the request list offers (a whitelist the contract validates); every order ends with the id. */
export const REQUEST_SORTS = ["code", "name", "amount", "department"] as const;
export type RequestSort = (typeof REQUEST_SORTS)[number];

/** A request's audit id, the same whether it was imported or typed: `2025:P301001A`. */
export const budgetRequestAuditId = (budgetYear: number, projectCode: string): string => `${budgetYear}:${projectCode}`;

/** The results year a budget year's requests belong to. */
export const resultsYearOf = (budgetYear: number): number => budgetYear - 1;

export interface RequestInput {
  budgetYear: number;
  projectCode: string;
  amount: Fen;
}

export interface RequestIssue {
  field: "budgetYear" | "projectCode" | "amount";
  message: string;
}

/**
 * The checks a typed request needs before the database is asked (the code's project and uniqueness are
 * the use case's): a year in range, a code as the budget system writes it, a whole non-negative number
 * of fen within the per-amount cap the imports use.
 */
export function checkRequestInput(r: RequestInput): RequestIssue | null {
  if (!Number.isInteger(r.budgetYear) || r.budgetYear < 2001 || r.budgetYear > 2100)
    return { field: "budgetYear", message: "预算年度须为2001–2100之间的四位年份" };
  const code = r.projectCode.trim();
  if (code === "") return { field: "projectCode", message: "请填写项目编码" };
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(code))
    return {
      field: "projectCode",
      message: `“${code.slice(0, 40)}”不是有效的项目编码（字母、数字、“-”和“_”，最长40位）`,
    };
  if (!Number.isFinite(r.amount)) return { field: "amount", message: "请填写申请金额" };
  if (r.amount < 0) return { field: "amount", message: "申请金额不能为负数" };
  if (!Number.isSafeInteger(r.amount)) return { field: "amount", message: "申请金额须精确到分（最多两位小数）" };
  if (r.amount > MAX_AMOUNT_FEN)
    return { field: "amount", message: "申请金额超过单笔上限100亿元，请核对金额单位和位数" };
  return null;
}

/** Why a code cannot take a request of the budget year: it is no project of the year before. */
export const unknownRequestProject = (budgetYear: number, code: string): string =>
  `“${code}”不是${resultsYearOf(budgetYear)}年度的项目：${budgetYear}年度的预算申请须对应${resultsYearOf(budgetYear)}年度已有的项目（按项目编码）；没有绩效结果的新增项目不列入预算申请`;

/** Why a code cannot take a second request of the budget year. */
export const duplicateRequest = (budgetYear: number, code: string): string =>
  `项目“${code}”已有${budgetYear}年度的预算申请，请修改原申请，不要重复添加`;
