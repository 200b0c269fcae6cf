import { divRoundHalfUp } from "../money";

/**
 * Figures as exact fractions: a count is n/1, an amount in 亿元 is fen/10¹⁰, a share is count/base. Printing
 * and checking both round the fraction half up at the precision the text uses, so "9.41亿元" and "9.4135亿元"
 * are each judged at their own decimals.
 */
export interface Exact {
  num: bigint;
  den: bigint;
}

export const exact = (num: bigint | number, den: bigint | number = 1n): Exact => ({
  num: BigInt(num),
  den: BigInt(den),
});

/** The fraction half up at `decimals`, as the text prints it: 54 → "54", 5/54 at 2 → "9.26". */
export function decimalText(x: Exact, decimals: number): string {
  const scaled = divRoundHalfUp(x.num * 10n ** BigInt(decimals), x.den);
  const neg = scaled < 0n;
  const abs = neg ? -scaled : scaled;
  const unit = 10n ** BigInt(decimals);
  const whole = (abs / unit).toString();
  const frac = decimals > 0 ? `.${(abs % unit).toString().padStart(decimals, "0")}` : "";
  return `${neg ? "-" : ""}${whole}${frac}`;
}

/** A printed decimal as a fraction and its precision: "58.77" → 5877/100, 2. */
export function parseDecimal(text: string): { value: Exact; decimals: number } | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const decimals = m[2]?.length ?? 0;
  return { value: exact(BigInt(`${m[1]}${m[2] ?? ""}`), 10n ** BigInt(decimals)), decimals };
}

const DIGITS = "零一二三四五六七八九";

/** Chinese numerals as reports write counts, up to 9999: 四 → 4, 十二 → 12, 一百零三 → 103, 两 → 2. */
export function parseChineseNumber(text: string): number | null {
  const t = text.replace(/两/g, "二").replace(/〇/g, "零");
  if (!/^[零一二三四五六七八九十百千]+$/.test(t)) return null;
  let total = 0;
  let digit = 0;
  for (const ch of t) {
    const d = DIGITS.indexOf(ch);
    if (d >= 0) {
      digit = d;
      continue;
    }
    const unit = ch === "十" ? 10 : ch === "百" ? 100 : 1000;
    total += (digit === 0 && unit === 10 && total === 0 ? 1 : digit) * unit;
    digit = 0;
  }
  return total + digit;
}

/** A count as a report writes it in words: 4 → 四, 12 → 十二, 103 → 一百零三. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n === 0) return "零";
  const units = ["", "十", "百", "千"];
  const digits = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = out !== "";
      return;
    }
    if (zero) out += "零";
    zero = false;
    out += d === 1 && unit === "十" && out === "" ? unit : `${DIGITS[d]}${unit}`;
  });
  return out;
}

/** A number as printed in the text, in digits or Chinese numerals. */
export function parseFigure(text: string): { value: Exact; decimals: number } | null {
  const digits = parseDecimal(text.replace(/,/g, ""));
  if (digits) return digits;
  const n = parseChineseNumber(text);
  return n === null ? null : { value: exact(n), decimals: 0 };
}

export const sameAt = (printed: Exact, data: Exact, decimals: number) =>
  decimalText(printed, decimals) === decimalText(data, decimals);
