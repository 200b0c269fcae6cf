import type { RulesIssue } from "../goals/goal-rules";
import type { BudgetRequest } from "./inputs";

/**
 * Requests as they come in (imported or typed): one per project code, a whole non-negative number of fen,
 * and, when this year's projects are given, a code among them: a request for an unknown project is
 * reported, never dropped. Issues name the row (第n行) and the code.
 */
export function checkRequests(requests: readonly BudgetRequest[], knownCodes?: ReadonlySet<string>): RulesIssue[] {
  const issues: RulesIssue[] = [];
  const rows = new Map<string, number>();
  requests.forEach((r, i) => {
    const at = (field: string, message: string) =>
      issues.push({ field: `requests.${i}.${field}`, message: `第${i + 1}行：${message}` });
    const code = r.projectCode.trim();
    if (code === "") at("projectCode", "项目编码为空");
    else if (rows.has(code)) at("projectCode", `项目编码 ${code} 与第${rows.get(code)! + 1}行重复`);
    else {
      rows.set(code, i);
      if (knownCodes && !knownCodes.has(code)) at("projectCode", `项目编码 ${code} 不是本年度的项目`);
    }
    if (!Number.isSafeInteger(r.amount) || r.amount < 0)
      at("amount", `项目 ${code} 的申请数须为不小于 0 的金额（精确到分）`);
  });
  return issues;
}
