import type { DeptBudgetRow, DeptExecutionRow, ExecutionRow, ProjectRow } from "../core/imports/rows";
import type { Fen } from "../core/money";
import type { Rng } from "../core/random";

/**
 * A department's whole-budget payments by month: its projects' payments plus its basic expenditure
 * (基本支出), which is paid in twelve near-equal instalments (salaries) and almost fully spent.
 */
export function buildDeptExecution(
  rng: Rng,
  deptBudgets: readonly DeptBudgetRow[],
  projects: readonly ProjectRow[],
  execution: readonly ExecutionRow[],
): DeptExecutionRow[] {
  const deptOf = new Map(projects.map((p) => [p.code, p.departmentCode]));
  const projectPaid = new Map<string, Fen>();
  const projectBudget = new Map<string, Fen>();
  for (const p of projects)
    projectBudget.set(p.departmentCode, (projectBudget.get(p.departmentCode) ?? 0) + p.adjustedBudget);
  for (const e of execution) {
    const key = `${deptOf.get(e.projectCode)}:${e.month}`;
    projectPaid.set(key, (projectPaid.get(key) ?? 0) + e.executed);
  }
  const rows: DeptExecutionRow[] = [];
  for (const b of deptBudgets) {
    const basic = b.adjustedBudget - (projectBudget.get(b.departmentCode) ?? 0);
    const basicPaid = Math.floor(basic * rng.between(0.96, 1));
    const monthly = Math.floor(basicPaid / 12);
    for (let month = 1; month <= 12; month++) {
      // December settles the year's remainder (year-end bonuses, final social insurance).
      const basicThisMonth = month < 12 ? monthly : basicPaid - monthly * 11;
      rows.push({
        fiscalYear: b.fiscalYear,
        departmentCode: b.departmentCode,
        month,
        executed: basicThisMonth + (projectPaid.get(`${b.departmentCode}:${month}`) ?? 0),
      });
    }
  }
  return rows;
}
