import { largestRemainderPercents } from "../percent";
import type { Finding } from "./finding";
import { decimalText, exact } from "./numbers";
import { clauses, quote, type Sentence, sentences, type Token, tokens } from "./tokens";

/** One share of a distribution: the clause's count and the percentage printed for it. */
export interface Share {
  clause: string;
  count: Token;
  percent: Token;
}

/** Counts with their shares of a base stated just before them, in one sentence. */
export interface Distribution {
  sentence: Sentence;
  base: Token;
  shares: Share[];
}

/**
 * The distributions of a text as reports write them: "抽查的97个项目…的项目7个，占本次抽查比例7.22%；…57个，
 * 占…58.76%". In each clause (split at ；) holding a percentage, the last count before it is its count; the
 * count stated just before the first of those counts is the base.
 */
export function findDistributions(text: string): Distribution[] {
  const out: Distribution[] = [];
  for (const s of sentences(text)) {
    const all = tokens(s.text, s.at).filter((t) => t.unit === "count");
    const shares: Share[] = [];
    for (const c of clauses(s)) {
      const ts = tokens(c.text, c.at);
      const pi = ts.findIndex((t) => t.unit === "percent");
      if (pi < 0) continue;
      const count = ts
        .slice(0, pi)
        .reverse()
        .find((t) => t.unit === "count");
      if (count) shares.push({ clause: c.text, count, percent: ts[pi]! });
    }
    if (shares.length === 0) continue;
    const first = all.findIndex((t) => t.at === shares[0]!.count.at);
    const base = first > 0 ? all[first - 1] : undefined;
    if (base) out.push({ sentence: s, base, shares });
  }
  return out;
}

const hundredths = (t: Token) => decimalText(t.value, 2);
const sumOf = (xs: readonly string[]) => xs.reduce((a, x) => a + Math.round(Number(x) * 100), 0);

/**
 * A distribution against its own arithmetic: every share is its count over the base, half up at the
 * decimals printed; a full distribution's counts add up to the base. Shares printed to add up to exactly
 * 100% where the half-up shares do not (largest remainder: one share 0.01 off) are a `note`, not an error.
 */
export function checkDistribution(d: Distribution): Finding[] {
  const base = Number(d.base.value.num / d.base.value.den);
  const printed = d.shares.map((s) => s.percent.text.replace(/[%％]$/, "").trim());
  // A base of nothing (a year before any review: "0个…占0.00%") gives no share to check; counts above it
  // are the count-sum finding's.
  const computed = d.shares.map((s, i) =>
    base === 0
      ? s.count.value.num === 0n
        ? decimalText(exact(0), s.percent.decimals)
        : printed[i]!
      : decimalText(exact(s.count.value.num * 100n, base), s.percent.decimals),
  );
  const out: Finding[] = [];
  const sentence = quote(d.sentence, d.base.at);
  const allTwo = d.shares.every((s) => s.percent.decimals === 2);
  const printedSum = sumOf(d.shares.map((s) => hundredths(s.percent)));
  const forced =
    allTwo &&
    printedSum === 10_000 &&
    sumOf(computed) !== 10_000 &&
    largestRemainderPercents(d.shares.map((s) => Number(s.count.value.num))).every((p, i) => p === printed[i]);
  if (forced) {
    out.push({
      kind: "forced",
      severity: "note",
      sentence,
      printed: printed.map((p) => `${p}%`).join(" / "),
      computed: computed.map((p) => `${p}%`).join(" / "),
      message: `各项占比按最大余数法调整为合计100.00%（四舍五入为 ${computed.map((p) => `${p}%`).join("、")}），属凑整，不是错误`,
      at: d.shares[0]!.percent.at,
    });
  } else {
    d.shares.forEach((s, i) => {
      if (computed[i] === printed[i]) return;
      out.push({
        kind: "share",
        severity: "error",
        sentence,
        printed: `${printed[i]}%`,
        computed: `${computed[i]}%`,
        message: `${s.count.text}占${d.base.text}的比例应为 ${computed[i]}%（四舍五入保留${s.percent.decimals}位小数），文中为 ${printed[i]}%`,
        at: s.percent.at,
      });
    });
  }
  // Shares that print as a whole (about 100%) claim the counts are all of the base.
  const counted = d.shares.reduce((a, s) => a + Number(s.count.value.num), 0);
  const whole = Math.abs(printedSum - 10_000) <= d.shares.length;
  if (counted > base || (whole && counted !== base))
    out.push({
      kind: "count-sum",
      severity: "error",
      sentence,
      printed: d.shares.map((s) => s.count.text).join(" + "),
      computed: `${counted}，应为 ${d.base.text}`,
      message: `各项个数合计 ${counted}，与总数 ${d.base.text} 不符`,
      at: d.base.at,
    });
  return out;
}

export const checkShares = (text: string): Finding[] => findDistributions(text).flatMap(checkDistribution);
