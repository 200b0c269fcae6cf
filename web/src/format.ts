/**
 * Display helpers: money arrives as integer fen. Rates are shown from their exact integer parts (fen)
 * with one rounding (rateOf); a rate already computed as a float would be rounded twice.
 */
import dayjs from "dayjs";
import { fenToWan, fenToYi, fenToYuan, groupThousands } from "../../src/core/money";
import { percent } from "../../src/core/percent";

export const DASH = "—";

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** fen → "1,234.56" (万元). */
export const wan = (fen: number | null | undefined): string => (isNum(fen) ? groupThousands(fenToWan(fen)) : DASH);
/** fen → "9.41" (亿元). */
export const yi = (fen: number | null | undefined): string => (isNum(fen) ? groupThousands(fenToYi(fen)) : DASH);
/** fen → "1,234,567.89" (元). */
export const yuan = (fen: number | null | undefined): string => (isNum(fen) ? groupThousands(fenToYuan(fen)) : DASH);

/** part / whole in fen → "87.65%", or a dash when there is no budget. */
export const rateOf = (part: number, whole: number): string => (whole > 0 ? `${percent(part, whole)}%` : DASH);

/** fen → 万元 as a number, for charts only (never for display text). */
export const wanNumber = (fen: number): number => Number(fenToWan(fen));

export const count = (n: number | null | undefined): string => (isNum(n) ? groupThousands(String(n)) : DASH);

export const dateTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format("YYYY-MM-DD HH:mm:ss") : DASH;

/** A file's size: 12 KB, 1.5 MB. */
export const fileSize = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
