import { DEFAULT_GRADE_LABELS, type GradeLabels } from "../selfeval/grade";
import { checkRequests } from "./check-requests";
import { regionAverage } from "./department-score";
import { effectiveResult, type MonitoringRed, type ProjectResult, type SimulationInputs } from "./inputs";
import { matchRule, type ProjectContext, type RuleMatch } from "./match";
import { percentOf } from "./percent";
import { actionText, ruleLabel } from "./rule-label";
import type { AdjustmentAction, ResultRule, ResultRuleSet } from "./rules";
import { type SimulationTotals, totalsOf } from "./totals";

export interface RuleRef {
  /** The rule's place in its rule set, from 0 (第index+1条). */
  index: number;
  label: string;
}

/** One line of the adjustment list: what the budget system receives, with the reason units read. */
export interface Adjustment {
  projectCode: string;
  projectName: string;
  departmentId: number;
  departmentName: string;
  request: number;
  action: AdjustmentAction;
  /** Fen taken off the request: p% half up for a cut, all of it when suspended or cancelled. */
  cut: number;
  /** Fen added for 优 support, at most p% and the cap. */
  raise: number;
  newAmount: number;
  /** The rule that decided, an exemption included; null when none met the project. */
  rule: RuleRef | null;
  reason: string;
  /** Rules that also met the project but lost on priority (or to an exemption). */
  alsoMet: RuleRef[];
}

export interface Simulation {
  budgetYear: number;
  ruleSetName: string;
  /** The region's average department score the department rule compared with, hundredths. */
  average: bigint | null;
  rows: Adjustment[];
  totals: SimulationTotals;
}

/**
 * The order rules are tried in: exemptions first (in their listed order), then the adjusting rules by
 * priority, 1 first. Only the first rule that meets a project applies; rules never stack, so a project
 * below the average and graded 中 is cut once, by whichever rule finance put first.
 */
function tryOrder(rules: readonly ResultRule[]): number[] {
  const idx = rules.map((_, i) => i);
  const rank = (r: ResultRule) => (r.kind === "exemption" ? 0 : r.priority);
  return idx.sort((a, b) => rank(rules[a]!) - rank(rules[b]!) || a - b);
}

function apply(request: number, m: RuleMatch): { action: AdjustmentAction; cut: number; raise: number } {
  switch (m.action) {
    case "exempt":
    case "keep":
      return { action: "keep", cut: 0, raise: 0 };
    case "cut":
      return { action: "cut", cut: percentOf(request, m.percent), raise: 0 };
    case "raise": {
      const most = percentOf(request, m.percent);
      return { action: "raise", cut: 0, raise: m.capFen === undefined ? most : Math.min(most, m.capFen) };
    }
    case "suspend":
    case "cancel":
      return { action: m.action, cut: request, raise: 0 };
  }
}

function group<T extends { projectCode: string }>(items: readonly T[]): Map<string, T[]> {
  const by = new Map<string, T[]>();
  for (const it of items) by.set(it.projectCode, [...(by.get(it.projectCode) ?? []), it]);
  return by;
}

/**
 * Applies a validated rule set to the requests. Pure and exact: cuts are p% of the request rounded half
 * up to the fen, a cut never exceeds its request and a new amount is never negative; the totals are the
 * integer sums of the rows. Requests that fail `checkRequests` are refused with a RangeError.
 */
export function simulate(
  ruleSet: ResultRuleSet,
  inputs: SimulationInputs,
  labels: GradeLabels = DEFAULT_GRADE_LABELS,
): Simulation {
  const bad = checkRequests(inputs.requests);
  if (bad.length > 0) throw new RangeError(bad.map((i) => i.message).join("；"));
  const results = group<ProjectResult>(inputs.results);
  const reds = group<MonitoringRed>(inputs.monitoringReds.filter((r) => !r.corrected));
  const rect = new Map(inputs.rectification.map((r) => [r.projectCode, r]));
  const deptScore = new Map(inputs.departmentScores.map((d) => [d.departmentId, d.score]));
  const average = regionAverage(inputs.departmentScores.map((d) => d.score));
  const order = tryOrder(ruleSet.rules);
  const refs = ruleSet.rules.map((r, index): RuleRef => ({ index, label: ruleLabel(r, labels) }));

  const rows = inputs.requests.map((request): Adjustment => {
    const ctx: ProjectContext = {
      request,
      result: effectiveResult(results.get(request.projectCode) ?? []),
      departmentScore: deptScore.get(request.departmentId) ?? null,
      average,
      rectification: rect.get(request.projectCode) ?? null,
      reds: reds.get(request.projectCode) ?? [],
    };
    const met = order.flatMap((i) => {
      const m = matchRule(ruleSet.rules[i]!, ctx, labels);
      return m ? [{ i, m }] : [];
    });
    const base = {
      projectCode: request.projectCode,
      projectName: request.projectName,
      departmentId: request.departmentId,
      departmentName: request.departmentName,
      request: request.amount,
    };
    const win = met[0];
    if (!win)
      return {
        ...base,
        action: "keep",
        cut: 0,
        raise: 0,
        newAmount: request.amount,
        rule: null,
        reason: "未触发调整规则，按申请数安排",
        alsoMet: [],
      };
    const { action, cut, raise } = apply(request.amount, win.m);
    const alsoMet = met.slice(1).map(({ i }) => refs[i]!);
    const does =
      win.m.action === "exempt" ? "免于调整" : `按规则${actionText(win.m.action, win.m.percent, win.m.capFen)}`;
    const reason = `${win.m.evidence}，${does}${
      alsoMet.length > 0 ? `（另符合第${alsoMet.map((r) => r.index + 1).join("、")}条规则，按优先级只适用一条）` : ""
    }`;
    return {
      ...base,
      action,
      cut,
      raise,
      newAmount: request.amount - cut + raise,
      rule: refs[win.i]!,
      reason,
      alsoMet,
    };
  });
  return {
    budgetYear: ruleSet.budgetYear,
    ruleSetName: ruleSet.name,
    average,
    rows,
    totals: totalsOf(ruleSet, refs, rows),
  };
}
