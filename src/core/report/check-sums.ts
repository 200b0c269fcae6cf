import type { Finding } from "./finding";
import { decimalText, type Exact, exact } from "./numbers";
import { sentences, type Token, tokens } from "./tokens";

const TOTAL_BEFORE = /(?:合计|共计|总计|总额|共)[为是：:，,\s]*$/u;
const PARTS_AFTER = /^[，,\s]*其中[：:，,\s]*/u;
/** 亿元 and 万元 into 元 hundredths (fen), so mixed units add up. */
const FEN_PER: Record<string, bigint> = { 亿元: 10_000_000_000n, 万元: 1_000_000n, 元: 100n };

const add = (xs: readonly Exact[]): Exact =>
  xs.reduce((a, x) => exact(a.num * x.den + x.num * a.den, a.den * x.den), exact(0));
const inFen = (t: Token): Exact => exact(t.value.num * (FEN_PER[t.measure] ?? 1n), t.value.den);
const sameKind = (a: Token, b: Token) => a.unit === b.unit && (a.unit === "amount" || a.measure === b.measure);

/**
 * Amounts (and counts) against the totals the text states for them in the same sentence: "A万元、B万元，合计
 * C万元" must add up at C's precision; "C万元，其中A万元、B万元" must not exceed C.
 */
export function checkSums(text: string): Finding[] {
  const out: Finding[] = [];
  for (const s of sentences(text)) {
    const ts = tokens(s.text, s.at).filter((t) => t.unit === "amount" || t.unit === "count");
    ts.forEach((total, i) => {
      const before = s.text.slice(0, total.at - s.at);
      if (TOTAL_BEFORE.test(before)) {
        const parts = ts.slice(0, i).filter((t) => sameKind(t, total));
        if (parts.length < 2) return;
        check(parts, total, "sum");
      }
      const after = s.text.slice(total.end - s.at);
      if (PARTS_AFTER.test(after)) {
        const parts = ts.slice(i + 1).filter((t) => sameKind(t, total));
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
        sentence: s.text.trim(),
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
