import { type Exact, parseFigure } from "./numbers";

/** A number in the text with its unit: "5个", "9.26%", "1336.64万元", "四个". */
export interface Token {
  text: string;
  value: Exact;
  decimals: number;
  unit: "count" | "percent" | "amount" | "score";
  /** 万元, 亿元, 元 for amounts; the counting word (个, 项, 家…) for counts. */
  measure: string;
  at: number;
  end: number;
}

// Lengths are bounded (15 digits, 8 decimals, 8 numerals: no report prints more) and a number starts only where
// no digit or numeral precedes it, so a run of digits is read once, not again from each of its positions.
const TOKEN =
  /(?<![\d.])(\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,8})?|\d{1,15}(?:\.\d{1,8})?)\s*(%|％|个|项|家|张|所|亿元|万元|元|分(?![之钟]))|(?<![零一二三四五六七八九十百两])([一二三四五六七八九十百两]{1,8})(个|项|家)/gu;

export function tokens(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const number = m[1] ?? m[3]!;
    const measure = m[2] ?? m[4]!;
    const parsed = parseFigure(number);
    if (!parsed) continue;
    const unit =
      measure === "%" || measure === "％"
        ? "percent"
        : measure.endsWith("元")
          ? "amount"
          : measure === "分"
            ? "score"
            : "count";
    out.push({
      text: m[0],
      value: parsed.value,
      decimals: parsed.decimals,
      unit,
      measure: measure === "％" ? "%" : measure,
      at: offset + m.index,
      end: offset + m.index + m[0].length,
    });
  }
  return out;
}

/** A sentence of the text (up to 。！？ or a line break), with where it starts. */
export interface Sentence {
  text: string;
  at: number;
}

export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const m of text.matchAll(/[^。！？!?\n]+[。！？!?]?/gu)) {
    const t = m[0];
    if (t.trim() !== "") out.push({ text: t, at: m.index });
  }
  return out;
}

/** The clauses of a sentence, split at ；/; (a distribution gives one share a clause). */
/** Longest sentence quoted whole in a finding; a longer one is quoted around the figure. */
const MAX_QUOTE = 200;

/** The sentence as a finding quotes it: trimmed, and cut around the figure at `at` when it is very long. */
export function quote(s: Sentence, at: number): string {
  const text = s.text.trim();
  if (text.length <= MAX_QUOTE) return text;
  const from = Math.max(0, Math.min(at - s.at - MAX_QUOTE / 2, s.text.length - MAX_QUOTE));
  const cut = s.text.slice(from, from + MAX_QUOTE).trim();
  return `${from > 0 ? "…" : ""}${cut}${from + MAX_QUOTE < s.text.length ? "…" : ""}`;
}

/** The sentence holding offset `at`, found by halving (`ss` in text order). */
export function sentenceAt(ss: readonly Sentence[], at: number): Sentence | undefined {
  let lo = 0;
  let hi = ss.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ss[mid]!;
    if (at < s.at) hi = mid - 1;
    else if (at >= s.at + s.text.length) lo = mid + 1;
    else return s;
  }
  return undefined;
}

export function clauses(s: Sentence): Sentence[] {
  const out: Sentence[] = [];
  for (const m of s.text.matchAll(/[^；;]+[；;]?/gu)) out.push({ text: m[0], at: s.at + m.index });
  return out;
}
