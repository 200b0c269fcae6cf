import type { Finding } from "./finding";
import { decimalText, type Exact, exact } from "./numbers";
import { quote, sentences, type Token, tokens } from "./tokens";

const TOTAL_BEFORE = /(?:合计|共计|总计|总额|共)[为是：:，,\s]*$/u;
const PARTS_AFTER = /^[，,\s]*其中[：:，,\s]*/u;
/** 亿元 and 万元 into 元 hundredths (fen), so mixed units add up. */
const FEN_PER: Record<string, bigint> = { 亿元: 10_000_000_000n, 万元: 1_000_000n, 元: 100n };

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
/** Fractions added over their least common denominator, so many parts keep a small one. */
const add = (xs: readonly Exact[]): Exact =>
  xs.reduce((a, x) => {
    const den = (a.den / gcd(a.den, x.den)) * x.den;
    return exact(a.num * (den / a.den) + x.num * (den / x.den), den);
  }, exact(0));
const inFen = (t: Token): Exact => exact(t.value.num * (FEN_PER[t.measure] ?? 1n), t.value.den);
const sameKind = (a: Token, b: Token) => a.unit === b.unit && (a.unit === "amount" || a.measure === b.measure);
const kindOf = (t: Token) => (t.unit === "amount" ? "amount" : `${t.unit}:${t.measure}`);

/**
 * Amounts (and counts) against the totals the text states for them in the same sentence: "A万元、B万元，合计
 * C万元" must add up at C's precision; "C万元，其中A万元、B万元" must not exceed C. A total sums the parts of its
 * kind since the previous such total; the parts "其中" lists run to the next "其中" of the kind. So each figure is
 * a part of one total at most, and the check takes time in step with the text.
 */
export function checkSums(text: string): Finding[] {
  const out: Finding[] = [];
  for (const s of sentences(text)) {
    const ts = tokens(s.text, s.at).filter((t) => t.unit === "amount" || t.unit === "count");
    // Only the text between a figure and the one before can name it a total: a keyword and separators.
    const sums = ts.map((t, i) => TOTAL_BEFORE.test(s.text.slice(i === 0 ? 0 : ts[i - 1]!.end - s.at, t.at - s.at)));
    const withins = ts.map((t) => PARTS_AFTER.test(s.text.slice(t.end - s.at)));
    const nextWithin: number[] = [];
    const ahead = new Map<string, number>();
    for (let i = ts.length - 1; i >= 0; i--) {
      nextWithin[i] = ahead.get(kindOf(ts[i]!)) ?? ts.length;
      if (withins[i]) ahead.set(kindOf(ts[i]!), i);
    }
    const lastSum = new Map<string, number>();
    ts.forEach((total, i) => {
      const kind = kindOf(total);
      if (sums[i]) {
        const parts = ts.slice((lastSum.get(kind) ?? -1) + 1, i).filter((t) => sameKind(t, total));
        lastSum.set(kind, i);
        if (parts.length >= 2) check(parts, total, "sum");
      }
      if (withins[i]) {
        const parts = ts.slice(i + 1, nextWithin[i]).filter((t) => sameKind(t, total));
        if (parts.length >= 1) check(parts, total, "within");
      }
    });
    function check(parts: Token[], total: Token, how: "sum" | "within") {
      const amount = total.unit === "amount";
      const unit = amount ? total.measure : "";
      const toUnit = (x: Exact) => (amount ? exact(x.num, x.den * (FEN_PER[total.measure] ?? 1n)) : x);
      const sum = toUnit(add(parts.map((p) => (amount ? inFen(p) : p.value))));
      const printed = decimalText(total.value, total.decimals);
      const computed = decimalText(sum, total.decimals);
      const wrong = how === "sum" ? computed !== printed : sum.num * total.value.den > total.value.num * sum.den;
      if (!wrong) return;
      out.push({
        kind: amount ? "amount-sum" : "count-sum",
        severity: "error",
        sentence: quote(s, total.at),
        printed: total.text,
        computed: `${computed}${unit}`,
        message:
          how === "sum"
            ? `${parts.map((p) => p.text).join(" + ")} = ${computed}${unit || total.measure}，文中合计为 ${total.text}`
            : `其中各项 ${parts.map((p) => p.text).join(" + ")} = ${computed}${unit || total.measure}，超过总数 ${total.text}`,
        at: total.at,
      });
    }
  }
  return out;
}
