import { checkShares } from "./check-shares";
import { checkSums } from "./check-sums";
import type { FigureValues } from "./figures";
import type { Finding } from "./finding";
import { decimalText } from "./numbers";
import { type Quoted, recognise } from "./recognise";

const shown = (q: Quoted, value: string) => `${value}${q.def.unit}`;

/**
 * 核对: a report's figures against its own arithmetic (shares, counts and amounts against their totals),
 * against each other (a figure quoted twice must read the same), and, given the data's values, against the
 * data at the precision each is printed with. Findings come in text order.
 */
export function checkText(text: string, data?: FigureValues): Finding[] {
  const out: Finding[] = [...checkShares(text), ...checkSums(text)];
  const quoted = recognise(text);
  const first = new Map<string, Quoted>();
  for (const q of quoted) {
    const expected = data?.[q.key];
    if (expected && "exact" in expected) {
      const computed = decimalText(expected.exact, q.decimals);
      if (computed !== decimalText(q.value, q.decimals))
        out.push({
          kind: "data",
          severity: "error",
          sentence: q.sentence,
          printed: q.printed,
          computed: shown(q, computed),
          figure: q.key,
          message: `${q.def.label}：数据为 ${shown(q, computed)}，文中为 ${q.printed}`,
          at: q.at,
        });
    }
    const before = first.get(q.key);
    if (!before) {
      first.set(q.key, q);
      continue;
    }
    const decimals = Math.min(before.decimals, q.decimals);
    if (decimalText(before.value, decimals) !== decimalText(q.value, decimals))
      out.push({
        kind: "twice",
        severity: "error",
        sentence: q.sentence,
        printed: q.printed,
        computed: before.printed,
        figure: q.key,
        message: `${q.def.label}前后不一致：前文为 ${before.printed}，此处为 ${q.printed}`,
        at: q.at,
      });
  }
  // A wrong share is found by the arithmetic and by the data: say it once.
  const seen = new Set<string>();
  return out
    .sort((a, b) => a.at - b.at || (a.kind === "data" ? 1 : -1))
    .filter((f) => {
      const key = `${f.at}:${f.computed}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
