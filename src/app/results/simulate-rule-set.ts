import { AppError } from "../../core/errors";
import { compareSimulations } from "../../core/results/compare";
import { effectiveResult, type ProjectResult } from "../../core/results/inputs";
import type { ResultRule } from "../../core/results/rules";
import { type Adjustment, type Simulation, simulate } from "../../core/results/simulate";
import { pointsText } from "../../core/selfeval/grade";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { NewAdjustment, StoredResultRuleSet } from "./adoption-ports";
import { loadRuleSet } from "./rule-sets";
import { type GatheredInputs, gatherInputs, kindsOf } from "./simulation-inputs";

const hundredthsText = (h: bigint | null) => (h === null ? null : pointsText(h));

/** What the reason of one row rests on: the evidence of the rule that decided it, with links. */
function evidenceOf(
  row: Adjustment,
  rule: ResultRule | null,
  g: GatheredInputs,
  results: Map<string, ProjectResult[]>,
): NewAdjustment["evidence"] {
  if (!rule) return [];
  const cited = g.evidence.get(row.projectCode) ?? [];
  const strip = ({ label, link }: { label: string; link: string }) => ({ label, link });
  switch (rule.kind) {
    case "grade": {
      const counted = effectiveResult(results.get(row.projectCode) ?? []);
      return cited.filter((e) => e.kind === "grade" && e.source === counted?.source).map(strip);
    }
    case "departmentScore": {
      const d = g.ranking.rows.find((x) => x.departmentId === row.departmentId);
      return [
        {
          label: `${row.departmentName}部门绩效考核得分${hundredthsText(d?.score ?? null) ?? "—"}分，全区平均${hundredthsText(g.ranking.average) ?? "—"}分`,
          link: `/results/department-scores?year=${g.fiscalYear}`,
        },
      ];
    }
    case "rectification":
      return cited.filter((e) => e.kind === "rectification").map(strip);
    case "monitoring":
      return cited.filter((e) => e.kind === "monitoring").map(strip);
    case "exemption":
      return [];
  }
}

/** A simulation's rows as they would be frozen: the project's ids, the reason and its evidence. */
export function adjustmentRows(sim: Simulation, rules: readonly ResultRule[], g: GatheredInputs): NewAdjustment[] {
  const byCode = new Map(g.requests.map((r) => [r.projectCode, r]));
  const results = new Map<string, ProjectResult[]>();
  for (const r of g.inputs.results) results.set(r.projectCode, [...(results.get(r.projectCode) ?? []), r]);
  return sim.rows.map((row) => {
    const req = byCode.get(row.projectCode)!;
    const rule = row.rule ? (rules[row.rule.index] ?? null) : null;
    return {
      projectId: req.projectId,
      projectCode: row.projectCode,
      projectName: row.projectName,
      departmentId: row.departmentId,
      departmentName: row.departmentName,
      unitId: req.unitId,
      request: row.request,
      action: row.action,
      cut: row.cut,
      raise: row.raise,
      newAmount: row.newAmount,
      ruleIndex: row.rule?.index ?? null,
      ruleLabel: row.rule?.label ?? null,
      reason: row.reason,
      evidence: evidenceOf(row, rule, g, results),
    };
  });
}

/** Applies one stored rule set to the year's data as it is now; refuses a year without requests. */
export async function runSimulation(deps: Deps, actor: Actor, fiscalYear: number, ruleSet: StoredResultRuleSet) {
  if (ruleSet.fiscalYear !== fiscalYear)
    throw new AppError("validation", "REQUEST_INVALID", `规则集“${ruleSet.name}”不属于${fiscalYear}年度`, {
      field: "ruleSetId",
    });
  const g = await gatherInputs(deps, actor, fiscalYear, kindsOf(ruleSet));
  if (g.requests.length === 0)
    throw new AppError(
      "validation",
      "RESULT_NO_REQUESTS",
      `${fiscalYear + 1}年度尚无预算申请：请先导入“下年度预算申请”或逐项录入`,
    );
  const simulation = simulate(
    { budgetYear: fiscalYear + 1, name: ruleSet.name, rules: ruleSet.rules },
    g.inputs,
    g.gradeLabels,
  );
  return { simulation, gathered: g, rows: adjustmentRows(simulation, ruleSet.rules, g) };
}

const presentRuleSet = (r: StoredResultRuleSet) => ({ id: r.id, name: r.name, version: r.version });

/** 模拟: which departments and projects a rule set hits and by how much, in total, per department and per rule. */
export async function simulateRuleSet(deps: Deps, actor: Actor, fiscalYear: number, ruleSetId: number) {
  authorize(actor, "results.manage");
  const ruleSet = await loadRuleSet(deps, actor, ruleSetId);
  const { simulation, gathered, rows } = await runSimulation(deps, actor, fiscalYear, ruleSet);
  return {
    fiscalYear,
    budgetYear: fiscalYear + 1,
    ruleSet: presentRuleSet(ruleSet),
    average: hundredthsText(simulation.average),
    deptScoreVersion: gathered.templateVersion,
    totals: simulation.totals,
    rows: rows.map((r, i) => ({ ...r, alsoMet: simulation.rows[i]!.alsoMet })),
  };
}

/** 比较: two to six rule sets side by side over the same data, by department and by project. */
export async function compareRuleSets(deps: Deps, actor: Actor, fiscalYear: number, ruleSetIds: readonly number[]) {
  authorize(actor, "results.manage");
  if (ruleSetIds.length < 2 || ruleSetIds.length > 6 || new Set(ruleSetIds).size !== ruleSetIds.length)
    throw new AppError("validation", "RESULT_COMPARE_INVALID", "请选择 2 到 6 个不同的规则集进行比较", {
      field: "ruleSetIds",
    });
  const ruleSets = await Promise.all(ruleSetIds.map((id) => loadRuleSet(deps, actor, id)));
  for (const r of ruleSets)
    if (r.fiscalYear !== fiscalYear)
      throw new AppError("validation", "RESULT_COMPARE_INVALID", `规则集“${r.name}”不属于${fiscalYear}年度`, {
        field: "ruleSetIds",
      });
  const g = await gatherInputs(deps, actor, fiscalYear, kindsOf(...ruleSets));
  if (g.requests.length === 0)
    throw new AppError("validation", "RESULT_NO_REQUESTS", `${fiscalYear + 1}年度尚无预算申请，不能比较`);
  const sims = ruleSets.map((r) => ({
    label: `${r.name}（第${r.version}版）`,
    simulation: simulate({ budgetYear: fiscalYear + 1, name: r.name, rules: r.rules }, g.inputs, g.gradeLabels),
  }));
  return {
    fiscalYear,
    budgetYear: fiscalYear + 1,
    ruleSets: ruleSets.map(presentRuleSet),
    average: hundredthsText(g.ranking.average),
    byRule: sims.map((s) => s.simulation.totals.byRule),
    ...compareSimulations(sims),
  };
}
