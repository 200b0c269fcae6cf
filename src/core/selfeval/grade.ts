/**
 * Grades, domain.md §5: the bands are fixed and half-open (90 is 优, 89.99 is 良); the labels are policy
 * (the seed calls them 一等/二等/三等/四等). Scores are compared in hundredths, never as floats.
 */
export const GRADES = ["excellent", "good", "fair", "poor"] as const;
export type Grade = (typeof GRADES)[number];

export type GradeLabels = Record<Grade, string>;
export const DEFAULT_GRADE_LABELS: GradeLabels = { excellent: "优", good: "良", fair: "中", poor: "差" };
/** The bands as the seed prints them. */
export const GRADE_BANDS: Record<Grade, string> = {
  excellent: "90分（含）以上",
  good: "80（含）—90分",
  fair: "60（含）—80分",
  poor: "60分以下",
};

export function gradeOf(hundredths: bigint | number): Grade {
  const h = BigInt(hundredths);
  if (h >= 9000n) return "excellent";
  if (h >= 8000n) return "good";
  if (h >= 6000n) return "fair";
  return "poor";
}

/** Hundredths as a 2-decimal string: 8953n → "89.53". */
export function pointsText(hundredths: bigint | number): string {
  const h = BigInt(hundredths);
  const neg = h < 0n;
  const abs = neg ? -h : h;
  return `${neg ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** Points with up to two decimals (as typed or stored) into exact hundredths; null when not so. */
export function toHundredths(points: number): bigint | null {
  if (!Number.isFinite(points)) return null;
  const h = Math.round(points * 100);
  return Math.abs(points * 100 - h) < 1e-6 ? BigInt(h) : null;
}

/** Points into hundredths, rounding any third decimal: for weights already checked, where a slip must not throw. */
export const hundredthsOf = (points: number): bigint => toHundredths(points) ?? BigInt(Math.round(points * 100));

/** Hundredths floored at 0 and capped at `max`: no item scores below nothing or above its weight. */
export const clampH = (h: bigint, max: bigint): bigint => (h < 0n ? 0n : h > max ? max : h);

export const hundredthsToNumber = (h: bigint): number => Number(h) / 100;
