import type { ExecutionRow, ProjectRow } from "../core/imports/rows";
import type { Fen } from "../core/money";
import type { Rng } from "../core/random";

/**
 * Year-end execution rate: mostly 85–100%, some fully paid, a tail of slow projects (40–80%) and a
 * few stalled ones, so self-evaluation scores and result application have something to tell apart.
 */
function yearEndRate(rng: Rng): number {
  const r = rng.next();
  if (r < 0.07) return 1;
  if (r < 0.8) return 1 - 0.15 * rng.next() ** 1.5;
  if (r < 0.92) return rng.between(0.8, 0.85);
  if (r < 0.99) return rng.between(0.4, 0.8);
  return rng.between(0.15, 0.4);
}

/**
 * Share of the year's payments made in each month. Cumulative progress follows (m/12)^k: k < 1 pays
 * early (running costs), k > 1 starts slowly (works); then noise, a November/December rush, and for
 * some works a few lump payments instead of a curve. Varying k makes June progress straddle 50%.
 */
function monthlyShares(rng: Rng, category: ProjectRow["category"]): number[] {
  const [lo, hi] = category === "recurring" ? [0.45, 1.05] : category === "continuing" ? [0.7, 1.5] : [0.9, 2.3];
  const lumpy = rng.chance(category === "one_off" ? 0.45 : category === "continuing" ? 0.15 : 0);
  let w: number[];
  if (lumpy) {
    w = new Array<number>(12).fill(0);
    const payments = rng.int(1, 3);
    for (let i = 0; i < payments; i++) {
      const month = Math.min(11, Math.floor(12 * Math.sqrt(rng.next()))); // later months more likely
      w[month] = (w[month] ?? 0) + rng.between(0.5, 1.5);
    }
  } else {
    const k = rng.between(lo, hi);
    w = Array.from({ length: 12 }, (_, m) => (((m + 1) / 12) ** k - (m / 12) ** k) * Math.exp(0.35 * rng.normal()));
    w[10] = (w[10] ?? 0) * (1 + rng.between(0, 0.4));
    w[11] = (w[11] ?? 0) * (1 + rng.between(0, 0.8));
  }
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

/** Twelve rows (month 1 … 12, zero months included); cumulative payments never exceed the budget. */
export function projectExecution(rng: Rng, p: ProjectRow): ExecutionRow[] {
  const rate = yearEndRate(rng);
  // Whole yuan, rounded down so that the year's payments stay within the budget.
  const target: Fen = rate === 1 ? p.adjustedBudget : Math.floor((p.adjustedBudget * rate) / 100) * 100;
  const shares = monthlyShares(rng, p.category);
  const rows: ExecutionRow[] = [];
  let share = 0;
  let paid: Fen = 0;
  for (let m = 1; m <= 12; m++) {
    share += shares[m - 1] ?? 0;
    const cumulative = m === 12 ? target : Math.min(target, Math.floor((target * share) / 100) * 100);
    rows.push({ fiscalYear: p.fiscalYear, projectCode: p.code, month: m, executed: cumulative - paid });
    paid = cumulative;
  }
  return rows;
}
