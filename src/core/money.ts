/**
 * Money is integer fen (分). JavaScript numbers hold integers exactly up to 2^53 fen (~9e13 元),
 * far beyond a province's budget, so fen travel as `number` and are checked to be safe integers.
 * Display is 万元 or 亿元 with 2 decimals, rounded half up with integer arithmetic only.
 */
export type Fen = number;

const MONEY_RE = /^([+-])?(\d{1,15})(?:\.(\d{1,2}))?$/;

/** Parses a yuan amount written as text ("1,234.56", "1234.5", "-3") into fen; null when not money. */
export function parseYuan(text: string): Fen | null {
  const cleaned = text
    .trim()
    .replace(/[,，\s]/g, "")
    .replace(/^¥/, "");
  const m = MONEY_RE.exec(cleaned);
  if (!m) return null;
  const [, sign, whole = "0", frac = ""] = m;
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  if (!Number.isSafeInteger(fen)) return null;
  return sign === "-" ? -fen : fen;
}

/** Converts a finite number of yuan (e.g. an Excel numeric cell) into fen; null if it has sub-fen digits. */
export function yuanNumberToFen(yuan: number): Fen | null {
  if (!Number.isFinite(yuan)) return null;
  const fen = Math.round(yuan * 100);
  // Excel stores 0.1 as a binary float: accept what rounds within a millionth of a fen.
  if (Math.abs(fen - yuan * 100) > 1e-6 * Math.max(1, Math.abs(fen))) return null;
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Integer division rounding half away from zero. */
export function divRoundHalfUp(num: bigint, den: bigint): bigint {
  if (den === 0n) throw new RangeError("division by zero");
  const neg = num < 0n !== den < 0n;
  const a = num < 0n ? -num : num;
  const b = den < 0n ? -den : den;
  const q = (a * 2n + b) / (b * 2n);
  return neg ? -q : q;
}

function withTwoDecimals(hundredths: bigint): string {
  const neg = hundredths < 0n;
  const abs = neg ? -hundredths : hundredths;
  const whole = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, "0");
  return `${neg ? "-" : ""}${whole}.${frac}`;
}

/** fen → 元 with 2 decimals, exact. */
export const fenToYuan = (fen: Fen): string => withTwoDecimals(BigInt(fen));
/** fen → 万元 with 2 decimals (1万元 = 1,000,000 fen). */
export const fenToWan = (fen: Fen): string => withTwoDecimals(divRoundHalfUp(BigInt(fen), 10_000n));
/** fen → 亿元 with 2 decimals (1亿元 = 10,000,000,000 fen). */
export const fenToYi = (fen: Fen): string => withTwoDecimals(divRoundHalfUp(BigInt(fen), 100_000_000n));

const WAN_RE = /^(\d{1,11})(?:\.(\d{1,6}))?$/;

/**
 * Parses an amount in 万元 as typed ("500", "1,336.64", "0.000001") into fen, exactly: 1万元 is 1,000,000
 * fen, so six decimals reach the fen; more digits, a sign or other text are null.
 */
export function parseWan(text: string): Fen | null {
  const m = WAN_RE.exec(text.trim().replace(/[,，\s]/g, ""));
  if (!m) return null;
  const [, whole = "0", frac = ""] = m;
  const fen = Number(whole) * 1_000_000 + Number(frac.padEnd(6, "0"));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** fen → 万元 exactly, without trailing zeros: 5,000,000,00 fen → "500", 1 fen → "0.000001". */
export function fenToWanExact(fen: Fen): string {
  const f = BigInt(fen);
  const neg = f < 0n;
  const abs = neg ? -f : f;
  const frac = (abs % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${abs / 1_000_000n}${frac ? `.${frac}` : ""}`;
}

/** Groups the integer part with thousands separators for display: 1234567.89 → 1,234,567.89. */
export function groupThousands(decimal: string): string {
  const [int = "0", frac] = decimal.split(".");
  const neg = int.startsWith("-");
  const digits = neg ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${neg ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

export const sumFen = (values: readonly Fen[]): Fen => values.reduce((a, b) => a + b, 0);
