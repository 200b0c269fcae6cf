import type { ResultRuleSet, RuleKind } from "./rules";
import type { Adjustment, RuleRef } from "./simulate";

/** Sums of a group of rows, integer fen. */
export interface Sums {
  projects: number;
  /** Rows with something taken off or added. */
  adjusted: number;
  request: number;
  cut: number;
  raise: number;
  newAmount: number;
}

export interface DepartmentTotals extends Sums {
  departmentId: number;
  departmentName: string;
}

export interface RuleTotals extends Sums {
  index: number;
  kind: RuleKind;
  label: string;
}

export interface SimulationTotals extends Sums {
  /** Of the cut, what is suspended (暂缓) rather than cut or cancelled. */
  suspended: number;
  /** Of the cut, what is cancelled (取消). */
  cancelled: number;
  byDepartment: DepartmentTotals[];
  /** Every rule of the set, in its order, with the rows it decided (none for a rule that met nothing). */
  byRule: RuleTotals[];
}

export const isAdjusted = (r: Adjustment) => r.cut > 0 || r.raise > 0;

const empty = (): Sums => ({ projects: 0, adjusted: 0, request: 0, cut: 0, raise: 0, newAmount: 0 });

function addRow(s: Sums, r: Adjustment) {
  s.projects += 1;
  if (isAdjusted(r)) s.adjusted += 1;
  s.request += r.request;
  s.cut += r.cut;
  s.raise += r.raise;
  s.newAmount += r.newAmount;
}

/**
 * Totals are the sums of the rows, never computed apart: overall, per department (by name) and per rule
 * (the rule that decided each row). Fen are integers, so the sums are exact.
 */
export function totalsOf(
  ruleSet: ResultRuleSet,
  refs: readonly RuleRef[],
  rows: readonly Adjustment[],
): SimulationTotals {
  const all = empty();
  let suspended = 0;
  let cancelled = 0;
  const depts = new Map<number, DepartmentTotals>();
  const rules = refs.map(
    (ref): RuleTotals => ({ ...empty(), index: ref.index, kind: ruleSet.rules[ref.index]!.kind, label: ref.label }),
  );
  for (const r of rows) {
    addRow(all, r);
    if (r.action === "suspend") suspended += r.cut;
    if (r.action === "cancel") cancelled += r.cut;
    let d = depts.get(r.departmentId);
    if (!d) {
      d = { ...empty(), departmentId: r.departmentId, departmentName: r.departmentName };
      depts.set(r.departmentId, d);
    }
    addRow(d, r);
    if (r.rule) addRow(rules[r.rule.index]!, r);
  }
  if (![all.request, all.cut, all.raise, all.newAmount].every(Number.isSafeInteger))
    throw new RangeError("合计金额超出可精确表示的范围");
  const byDepartment = [...depts.values()].sort(
    (a, b) => a.departmentName.localeCompare(b.departmentName, "zh") || a.departmentId - b.departmentId,
  );
  return { ...all, suspended, cancelled, byDepartment, byRule: rules };
}
