/** A number a unit typed for a quantitative indicator, read leniently. */
export interface Measure {
  value: number;
  /** The plain decimal ("1200", "-3.5"), without separators or percent sign. */
  text: string;
  /** Written with a percent sign ("85%"). */
  percent: boolean;
}

// After NFKC: optional sign, digits with or without correct thousands groups, decimals, a percent sign.
const MEASURE_RE = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(%)?$/;
const MAX_DIGITS = 30;

/**
 * Reads "1,200", "１２００", "85%", "85％", "-3.5" as a number; null for anything else ("约50", "1,2", "").
 * NFKC folds full-width digits, comma, point, sign and percent to ASCII; a typographic minus is accepted.
 */
export function parseMeasure(raw: string): Measure | null {
  const s = raw
    .normalize("NFKC")
    .replace(/\u2212/g, "-")
    .trim();
  const m = MEASURE_RE.exec(s);
  if (!m) return null;
  const [, sign, int = "", frac = "", pct] = m;
  const digits = int.replace(/,/g, "").replace(/^0+(?=\d)/, "");
  if (digits.length + frac.length > MAX_DIGITS) return null;
  const text = `${sign === "-" && /[1-9]/.test(digits + frac) ? "-" : ""}${digits}${frac ? `.${frac}` : ""}`;
  return { value: Number(text), text, percent: pct !== undefined };
}

/** Whether a unit of measure is the percent sign. */
export const isPercentUnit = (unit: string | null): boolean => (unit ?? "").normalize("NFKC").trim() === "%";
