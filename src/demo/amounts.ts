import type { ProjectRow } from "../core/imports/rows";
import type { Fen } from "../core/money";
import type { Rng } from "../core/random";
import type { ProjectDraft } from "./projects";

/** The district's 1,713 projects come to 941,026,800.00 元: 9.41亿元 as in the seed, for every seed. */
export const TOTAL_ADJUSTED: Fen = 94_102_680_000;

const HUNDRED_YUAN: Fen = 10_000;
const MIN_BUDGET: Fen = 1_0000_00; // 1万元
const MEDIAN_BUDGET: Fen = 15_0000_00; // 15万元
const SIGMA = 1.2; // log-normal spread: a few projects hold much of the money, as in real districts

const round100 = (fen: number): Fen => Math.round(fen / HUNDRED_YUAN) * HUNDRED_YUAN;

/**
 * Gives every draft its money: log-normal sizes scaled to the district total, whole hundreds of yuan,
 * with the rounding remainder put on the largest project so the total is exact.
 */
export function assignBudgets(rng: Rng, drafts: readonly ProjectDraft[]): ProjectRow[] {
  const raw = drafts.map(
    (d) =>
      d.fixedBudget ?? Math.min(d.cap, Math.max(MIN_BUDGET, d.weight * MEDIAN_BUDGET * Math.exp(SIGMA * rng.normal()))),
  );
  const fixedTotal = drafts.reduce((s, d) => s + (d.fixedBudget ?? 0), 0);
  const freeTotal = drafts.reduce((s, d, i) => s + (d.fixedBudget === null ? (raw[i] ?? 0) : 0), 0);
  const factor = (TOTAL_ADJUSTED - fixedTotal) / freeTotal;
  const adjusted = drafts.map((d, i) => d.fixedBudget ?? Math.max(MIN_BUDGET, round100((raw[i] ?? 0) * factor)));

  let largest = -1;
  drafts.forEach((d, i) => {
    if (d.fixedBudget === null && (largest < 0 || (adjusted[i] ?? 0) > (adjusted[largest] ?? 0))) largest = i;
  });
  adjusted[largest] = (adjusted[largest] ?? 0) + TOTAL_ADJUSTED - adjusted.reduce((a, b) => a + b, 0);

  return drafts.map(({ weight: _w, cap: _c, fixedBudget, ...d }, i) => {
    const adjustedBudget = adjusted[i] ?? 0;
    const otherFunds = fixedBudget === null ? otherFundsOf(rng, adjustedBudget) : 0;
    return {
      ...d,
      initialBudget: initialBudgetOf(rng, d.category, adjustedBudget),
      adjustedBudget,
      fiscalFunds: adjustedBudget - otherFunds,
      otherFunds,
    };
  });
}

/** About 30% of projects were adjusted during the year, more often up (追加) than down; a few were new. */
function initialBudgetOf(rng: Rng, category: ProjectRow["category"], adjusted: Fen): Fen {
  const r = rng.next();
  if (r < 0.03 && category === "one_off") return 0;
  if (r < 0.3) return Math.max(HUNDRED_YUAN, round100(adjusted / Math.exp(rng.between(-0.35, 0.45))));
  return adjusted;
}

/** Most projects are wholly fiscal; about one in six also has other funds (fees, unit income, carry-overs). */
function otherFundsOf(rng: Rng, adjusted: Fen): Fen {
  return rng.chance(0.17) ? round100(adjusted * rng.between(0.05, 0.5)) : 0;
}
