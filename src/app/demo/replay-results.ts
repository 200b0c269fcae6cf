import type { RequestRow } from "../../core/imports/rows";
import type { ResultRule } from "../../core/results/rules";
import type { Actor, Deps } from "../context";
import { commitRows } from "../imports/run-import";
import { adoptRuleSet } from "../results/adopt";
import { saveResultRuleSet } from "../results/rule-sets";
import { compareRuleSets } from "../results/simulate-rule-set";
import type { SetDay } from "./replay-declaration";

/** The name the demo gives the seed's rule set. */
export const DEMO_DEPARTMENT_RULE_SET = "低于全区平均分核减";

/** The seed's rule (四): departments scoring below the district's average have their projects' requests cut. */
export const DEMO_DEPARTMENT_RULES: ResultRule[] = [
  { kind: "exemption", exempt: "rigid" },
  { kind: "exemption", exempt: "keyProject" },
  { kind: "departmentScore", priority: 1, percent: 30 },
];

/** The rule set finance weighed against it and did not adopt: by each project's grade. */
export const DEMO_GRADE_RULES: ResultRule[] = [
  { kind: "exemption", exempt: "rigid" },
  { kind: "rectification", priority: 1, trigger: "overdue", action: "suspend" },
  { kind: "grade", priority: 2, grade: "excellent", action: "raise", percent: 5, capFen: 50_000_000 },
  { kind: "grade", priority: 2, grade: "good", action: "keep" },
  { kind: "grade", priority: 2, grade: "fair", action: "cut", percent: 10 },
  { kind: "grade", priority: 2, grade: "poor", action: "cancel" },
];

/**
 * 结果应用 of the demo year, through the use cases finance calls: the budget system's requests for the next year
 * are imported, two rule sets are written and compared, and the seed's is adopted, which freezes the list and
 * tells each unit adjusted. Every figure (61 projects, 4,366万元) comes out of the adoption's computation.
 */
export async function replayResults(
  deps: Deps,
  setDay: SetDay,
  finance: Actor,
  year: number,
  requests: readonly RequestRow[],
  meta: { fileName: string; sha256: string },
) {
  setDay(`${year + 1}-11-03`);
  await deps.uow.transaction((repos) =>
    commitRows(deps, repos, finance, "requests", requests, year + 1, {
      ...meta,
      fileName: `${year + 1}年度预算申请.xlsx`,
    }),
  );
  setDay(`${year + 1}-11-05`);
  const seed = await saveResultRuleSet(deps, finance, {
    fiscalYear: year,
    name: DEMO_DEPARTMENT_RULE_SET,
    rules: DEMO_DEPARTMENT_RULES,
    note: "",
  });
  const byGrade = await saveResultRuleSet(deps, finance, {
    fiscalYear: year,
    name: "按评价等级调整",
    rules: DEMO_GRADE_RULES,
    note: "",
  });
  await compareRuleSets(deps, finance, year, [seed.id, byGrade.id]);
  setDay(`${year + 1}-11-10`);
  return adoptRuleSet(deps, finance, { fiscalYear: year, ruleSetId: seed.id, reason: "" });
}
