import type { Fen } from "../money";
import { LIKELIHOOD_LABELS, type Likelihood } from "./types";

/**
 * Values a clerk types into a monitoring sheet: amounts in 万元 and the likelihood label. Pure, so the
 * reader (in the upload worker) and the checks agree on what a cell means.
 */

/** 1 万元 in fen: six decimals of 万元 are exactly one fen. */
const FEN_PER_WAN = 1_000_000n;
/** Amounts above 100亿元 in one cell are unit mistakes (元 typed where 万元 is asked), as in the imports. */
const MAX_FEN = 10_000_000_000n * 100n;

export type WanParse = { ok: true; fen: Fen } | { ok: false; reason: string };

/** fen → 万元 as a number for a cell: exact in the cell's decimal form for any amount below 10^15 fen. */
export const fenToWanValue = (fen: Fen): number => fen / 1_000_000;

/** fen → 万元 as text with at least 2 and at most 6 decimals, exact: 123456789 → "123.456789", 5e8 → "500.00". */
export function wanText(fen: Fen): string {
  const f = BigInt(fen);
  const abs = f < 0n ? -f : f;
  const frac = (abs % FEN_PER_WAN).toString().padStart(6, "0").replace(/0+$/, "").padEnd(2, "0");
  return `${f < 0n ? "-" : ""}${abs / FEN_PER_WAN}.${frac}`;
}

const TOO_PRECISE = "金额单位为万元，最多保留6位小数（即精确到分）";

function decimalToFen(sign: string, whole: string, fraction: string): WanParse {
  const frac = fraction.replace(/0+$/, "");
  if (frac.length > 6) return { ok: false, reason: TOO_PRECISE };
  const fen = BigInt(whole || "0") * FEN_PER_WAN + BigInt(frac.padEnd(6, "0"));
  if (fen > MAX_FEN) return { ok: false, reason: "金额超过100亿元，请确认金额单位为万元" };
  return { ok: true, fen: Number(sign === "-" ? -fen : fen) };
}

/**
 * An amount in 万元 as a cell holds it: a number, or text with full-width digits, thousands separators
 * and an optional trailing 万元. Converted to fen exactly; more precision than a fen is refused rather
 * than rounded, since it means the clerk typed 元 or a formula's unrounded result.
 */
export function wanToFen(value: number | string): WanParse {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ok: false, reason: "不是有效的数字" };
    if (Math.abs(value) >= 1e15) return { ok: false, reason: "金额超过100亿元，请确认金额单位为万元" };
    // A double carries 15 reliable digits: 110.00000000000001 (a formula's result) is 110, 12.3456789 keeps 7 decimals.
    const digits = value.toPrecision(15);
    // Exponent form below 1e-6: less than a fen.
    if (digits.includes("e")) return value === 0 ? { ok: true, fen: 0 } : { ok: false, reason: TOO_PRECISE };
    const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(digits);
    if (!m) return { ok: false, reason: "不是有效的数字" };
    return decimalToFen(m[1] ?? "", m[2] ?? "0", m[3] ?? "");
  }
  const text = value
    .normalize("NFKC")
    .replace(/[\s,]/g, "")
    .replace(/万元?$/, "");
  if (/元$/.test(text)) return { ok: false, reason: "金额单位为万元，请填写万元数（如“12.5”），不要填写元" };
  const m = /^([+-])?(\d*)(?:\.(\d+))?$/.exec(text);
  if (!m || (m[2] === "" && m[3] === undefined))
    return { ok: false, reason: `“${value.trim()}”不是金额，请填写万元数（如“12.5”）` };
  return decimalToFen(m[1] ?? "", m[2] ?? "", m[3] ?? "");
}

/** What clerks write for 完成目标可能性, the official labels first. */
const LIKELIHOOD_TEXT = new Map<string, Likelihood>([
  ...Object.entries(LIKELIHOOD_LABELS).map(([k, label]) => [label, k as Likelihood] as const),
  ["能", "certain"],
  ["确定", "certain"],
  ["可能", "possible"],
  ["不可能", "impossible"],
  ["完全不能", "impossible"],
  ["certain", "certain"],
  ["possible", "possible"],
  ["impossible", "impossible"],
]);

/** The likelihood a label names; null for blank; undefined when the text is none of them. */
export function parseLikelihood(text: string): Likelihood | null | undefined {
  const key = text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  if (key === "") return null;
  return LIKELIHOOD_TEXT.get(key);
}
