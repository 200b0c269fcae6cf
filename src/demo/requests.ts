import type { ProjectRow, RequestRow } from "../core/imports/rows";
import type { Rng } from "../core/random";

/**
 * The departments whose 2024 部门绩效考核 score the system computes below the district's average on the day
 * the demo adopts its rule (2025-11-10): a fact of the replayed year, kept here because the budget system's
 * request file is written before any score exists. test/api/demo-year.test.ts checks the adoption against the
 * live ranking, so a change to the scoring that moves a department shows there.
 */
export const DEMO_BELOW_AVERAGE = [
  "102",
  "103",
  "105",
  "106",
  "107",
  "111",
  "115",
  "116",
  "120",
  "123",
  "126",
  "128",
  "129",
  "132",
  "133",
  "136",
  "137",
  "141",
  "143",
  "148",
  "151",
  "152",
  "154",
] as const;

/** The seed's figures (四): 61 projects' 2025 requests cut, 4,366万元 in all, at the demo rule's 30%. */
export const DEMO_REQUESTS = { adjusted: 61, cutFen: 4_366_000_000, percent: 30 } as const;

const round100Yuan = (fen: number) => Math.round(fen / 10_000) * 10_000;

/**
 * 2025年度预算申请 as the budget system exports them: every 2024 project that continues (常年性, 延续性; a
 * one-off project ends with its year) asks for about its budget again. Most of what the weak departments ask
 * for is 刚性支出 (pay, statutory transfers, basic services), which no rule may cut; their 61 largest
 * discretionary projects ask for more than they had, and those are what a cut of 30% reaches. Their amounts are
 * set so that the cuts come to the seed's 4,366万元: each cut a whole 元, each request the cut ÷ 30% to the fen
 * (30% of it rounds back to the cut).
 */
export function buildRequests(rng: Rng, projects: readonly ProjectRow[], budgetYear: number): RequestRow[] {
  const weak = new Set<string>(DEMO_BELOW_AVERAGE);
  const continuing = projects.filter((p) => p.category !== "one_off");
  const discretionary = continuing
    .filter((p) => weak.has(p.departmentCode) && !p.isKey && p.adjustedBudget > 0)
    .sort((a, b) => b.adjustedBudget - a.adjustedBudget || a.code.localeCompare(b.code))
    .slice(0, DEMO_REQUESTS.adjusted);
  // Cuts in proportion to what each asks (its budget grown 10–35%), in whole 元, the rounding left on the largest.
  const asked = discretionary.map((p) => p.adjustedBudget * rng.between(1.1, 1.35));
  const whole = asked.reduce((a, b) => a + b, 0);
  const targetYuan = DEMO_REQUESTS.cutFen / 100;
  const cutsYuan = asked.map((a) => Math.floor((a / whole) * targetYuan));
  cutsYuan[0]! += targetYuan - cutsYuan.reduce((a, b) => a + b, 0);
  const cutRequest = new Map(
    discretionary.map((p, i) => [p.code, Math.round((cutsYuan[i]! * 100 * 100) / DEMO_REQUESTS.percent)]),
  );
  return continuing.map((p) => {
    const cut = cutRequest.get(p.code);
    if (cut !== undefined) return { budgetYear, projectCode: p.code, amount: cut, rigid: false };
    const amount = round100Yuan(p.adjustedBudget * rng.between(0.9, 1.15));
    // Every other request of a weak department is rigid; elsewhere about half are.
    const rigid = weak.has(p.departmentCode) || rng.chance(0.5);
    return { budgetYear, projectCode: p.code, amount, rigid };
  });
}
