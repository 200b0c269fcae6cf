import { divRoundHalfUp, type Fen } from "../money";

/**
 * A rule's percentage: 0 to 100 with at most two decimals, kept as hundredths of a percent (12.5% → 1250)
 * so that p% of a request is integer arithmetic on fen, rounded half up to the fen once.
 */
export function percentHundredths(p: unknown): number | null {
  if (typeof p !== "number" || !Number.isFinite(p)) return null;
  const h = Math.round(p * 100);
  if (Math.abs(p * 100 - h) > 1e-6 || h < 0 || h > 10_000) return null;
  return h;
}

/** p% of an amount, half up to the fen; never more than the amount since p ≤ 100. */
export function percentOf(amount: Fen, hundredths: number): Fen {
  return Number(divRoundHalfUp(BigInt(amount) * BigInt(hundredths), 10_000n));
}

/** As people write it in a reason: 1000 → "10", 1250 → "12.5", 1205 → "12.05". */
export function percentLabel(hundredths: number): string {
  const whole = Math.trunc(hundredths / 100);
  const frac = (hundredths % 100).toString().padStart(2, "0").replace(/0+$/, "");
  return frac === "" ? `${whole}` : `${whole}.${frac}`;
}
