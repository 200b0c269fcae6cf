import { percent } from "../../core/percent";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { CoverageRow } from "./ports";

/**
 * 自评覆盖情况: how many of the region's projects and department-wide budgets have a form, have submitted
 * and are approved, and the money they cover, per department and in total. Subjects without an approved
 * goal table have no form: they are counted, and listed for finance to chase.
 */
export async function selfEvalCoverage(deps: Deps, actor: Actor, fiscalYear: number) {
  const scope = authorize(actor, "selfeval.read");
  const [round, rows] = await Promise.all([
    deps.uow.read.selfeval.round(actor.regionCode, fiscalYear),
    deps.uow.read.selfeval.coverage(scope, fiscalYear),
  ]);
  const total = (kind: "project" | "deptWide") => {
    const of = rows.filter((r) => r.subjectKind === kind);
    const sum = (f: (r: (typeof of)[number]) => number) => of.reduce((s, r) => s + f(r), 0);
    const t = {
      subjects: sum((r) => r.subjects),
      budget: sum((r) => r.budget),
      forms: sum((r) => r.forms),
      submitted: sum((r) => r.submitted),
      submittedBudget: sum((r) => r.submittedBudget),
      approved: sum((r) => r.approved),
      approvedBudget: sum((r) => r.approvedBudget),
    };
    return { ...t, submittedShare: percent(t.submitted, t.subjects), approvedShare: percent(t.approved, t.subjects) };
  };
  type Counts = Omit<CoverageRow, "department" | "subjectKind">;
  const departments = new Map<
    number,
    { department: CoverageRow["department"]; project: Counts | null; deptWide: Counts | null }
  >();
  for (const r of rows) {
    const entry = departments.get(r.department.id) ?? { department: r.department, project: null, deptWide: null };
    const { department: _d, subjectKind, ...counts } = r;
    entry[subjectKind] = counts;
    departments.set(r.department.id, entry);
  }
  return {
    fiscalYear,
    round,
    project: total("project"),
    deptWide: total("deptWide"),
    departments: [...departments.values()],
  };
}
