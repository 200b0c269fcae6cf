import type { DeptBudgetRow, ProjectRow } from "../core/imports/rows";
import type { Fen } from "../core/money";
import type { Rng } from "../core/random";
import type { DemoDepartment } from "./orgs";
import { FISCAL_YEAR } from "./projects";

const HUNDRED_YUAN: Fen = 10_000;
const round100 = (fen: number): Fen => Math.round(fen / HUNDRED_YUAN) * HUNDRED_YUAN;

/**
 * 部门整体支出 = the department's projects + its basic expenditure (基本支出: salaries, social insurance,
 * running costs), about 11–16万元 a head a year.
 */
export function buildDeptBudgets(
  rng: Rng,
  departments: readonly DemoDepartment[],
  projects: readonly ProjectRow[],
): DeptBudgetRow[] {
  return departments.map((d) => {
    const own = projects.filter((p) => p.departmentCode === d.code);
    const sum = (f: (p: ProjectRow) => Fen) => own.reduce((s, p) => s + f(p), 0);
    const basic = round100(d.def.staff * rng.between(11_0000_00, 16_0000_00));
    // Salary rises and staff changes move the basic expenditure a little during the year.
    const basicInitial = round100(basic * rng.between(0.95, 1.01));
    // Some departments also run basic expenditure on their own income (fees, rents).
    const basicOther = rng.chance(0.2) ? round100(basic * rng.between(0.01, 0.08)) : 0;
    const adjustedBudget = sum((p) => p.adjustedBudget) + basic;
    const otherFunds = sum((p) => p.otherFunds) + basicOther;
    return {
      fiscalYear: FISCAL_YEAR,
      departmentCode: d.code,
      initialBudget: sum((p) => p.initialBudget) + basicInitial,
      adjustedBudget,
      fiscalFunds: adjustedBudget - otherFunds,
      otherFunds,
    };
  });
}
