import { divRoundHalfUp } from "./money";

/**
 * Percentages are computed, never stored: part / whole × 100, rounded half up to 2 decimals.
 * 5/54 → "9.26", 7/97 → "7.22".
 */
// Integers (counts, fen) stay exact however large; fractional inputs keep six decimals.
const scaled = (x: number): bigint => (Number.isInteger(x) ? BigInt(x) * 1_000_000n : BigInt(Math.round(x * 1e6)));

export function percent(part: number, whole: number): string {
  if (whole === 0) return "0.00";
  const hundredths = divRoundHalfUp(scaled(part) * 10_000n, scaled(whole));
  const neg = hundredths < 0n;
  const abs = neg ? -hundredths : hundredths;
  return `${neg ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/**
 * Shares of a whole that add up to exactly 100.00 (largest remainder method), for distribution
 * tables that must say they sum to 100%. Returns hundredths of a percent as strings.
 */
export function largestRemainderPercents(counts: readonly number[]): string[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => "0.00");
  const exact = counts.map((c) => (BigInt(c) * 10_000n * 1_000_000n) / BigInt(total));
  const floors = exact.map((e) => e / 1_000_000n);
  let left = 10_000n - floors.reduce((a, b) => a + b, 0n);
  const order = exact
    .map((e, i) => ({ i, rem: e % 1_000_000n }))
    .sort((a, b) => (b.rem === a.rem ? a.i - b.i : b.rem > a.rem ? 1 : -1));
  const result = [...floors];
  for (const { i } of order) {
    if (left <= 0n) break;
    result[i] = (result[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return result.map((h) => `${h / 100n}.${(h % 100n).toString().padStart(2, "0")}`);
}
