/**
 * Values as self-evaluation tables carry them: "52", "≥95%", "75元", "1,200人", "100.00%", "≤ 90万元",
 * "９８％". Read leniently into an exact decimal (millionths as a bigint) and the unit written after it,
 * so scores compare and divide without floating-point error.
 */
export interface Quantity {
  /** The value in millionths (52 → 52_000_000n). */
  micro: bigint;
  /** The unit written after the number ("%", "元", "人"), "" when none. */
  unit: string;
}

// Operator words that precede a target or an actual value; they carry no number.
const LEADING_OPERATOR =
  /^(?:>=|<=|≥|≤|=|>|<|＞|＜|大于等于|小于等于|不低于|不少于|不高于|不超过|不多于|大于|小于|等于|达到|约为)\s*/;
const NUMBER_UNIT = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,6})\d*)?\s*([^\d\s]{0,8})$/;

// Forms repeat the same few thousand targets and values ("100%", "≥95%"), and a district's list reads some
// 35,000 of them per request: each text is read once and kept (bounded; the results are frozen, being shared).
const known = new Map<string, Quantity | null>();
const KNOWN_LIMIT = 20_000;

export function readQuantity(raw: string | number | null | undefined): Quantity | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number") return Number.isFinite(raw) ? readQuantity(String(raw)) : null;
  let q = known.get(raw);
  if (q === undefined) {
    q = parseQuantity(raw);
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.set(raw, q);
  }
  return q;
}

function parseQuantity(raw: string): Quantity | null {
  let s = raw
    .normalize("NFKC")
    .replace(/\u2212/g, "-")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
  for (let i = 0; i < 2; i++) s = s.replace(LEADING_OPERATOR, "");
  const m = NUMBER_UNIT.exec(s);
  if (!m) return null;
  const [, sign, int = "", frac = "", unit = ""] = m;
  if (int.replace(/,/g, "").length > 15) return null;
  const micro = BigInt(int.replace(/,/g, "")) * 1_000_000n + BigInt(frac.padEnd(6, "0"));
  return Object.freeze({ micro: sign === "-" ? -micro : micro, unit: normaliseUnit(unit) });
}

export const normaliseUnit = (unit: string | null | undefined): string =>
  (unit ?? "")
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/^（|）$/g, "");

/**
 * Whether two units can be compared: equal, one missing, or one the start of the other ("元/人" and
 * "元"). "万元" against "元" or "%" against "个" cannot: the figures would be off by 10⁴ or meaningless.
 */
export function unitsCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  const x = normaliseUnit(a);
  const y = normaliseUnit(b);
  return x === "" || y === "" || x.startsWith(y) || y.startsWith(x);
}

/** Millionths as a plain decimal without trailing zeros: 52_500_000n → "52.5". */
export function microText(micro: bigint): string {
  const neg = micro < 0n;
  const abs = neg ? -micro : micro;
  const frac = (abs % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${abs / 1_000_000n}${frac ? `.${frac}` : ""}`;
}
