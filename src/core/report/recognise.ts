import { type Distribution, findDistributions } from "./check-shares";
import { FIGURES, type FigureDef } from "./figures";
import { type Exact, parseFigure } from "./numbers";
import { quote, type Sentence, sentenceAt, sentences } from "./tokens";

/** A figure found in a text: which one, as printed, and where. */
export interface Quoted {
  key: string;
  def: FigureDef;
  printed: string;
  value: Exact;
  decimals: number;
  sentence: string;
  at: number;
}

/** The sentence quoting the figure at `at` (the text's sentences are split once, not once a figure). */
const quoteAt = (ss: readonly Sentence[], at: number) => {
  const s = sentenceAt(ss, at);
  return s ? quote(s, at) : "";
};

// The review's grade bands as reports name them: by the grade's word, or by its score band.
const GRADE_WORDS: readonly [RegExp, string][] = [
  [/一等|优秀|90分(?:[（(]含[）)])?以上/u, "excellent"],
  [/二等|良好|80分(?:[（(]含[）)])?以上/u, "good"],
  [/三等|一般|60分(?:[（(]含[）)])?以上/u, "fair"],
  [/四等|较差|60分以下/u, "poor"],
];

function gradeOfClause(clause: string): string | null {
  return GRADE_WORDS.find(([re]) => re.test(clause))?.[1] ?? null;
}

function subjectOf(d: Distribution): "deptWide" | "project" | null {
  const lead = d.sentence.text.slice(0, d.base.end - d.sentence.at + 12);
  if (/部门整体/u.test(lead)) return "deptWide";
  if (/项目/u.test(lead)) return "project";
  return null;
}

/** The review's grade counts and shares, recognised through the distributions the text states. */
function gradeFigures(text: string): Quoted[] {
  const out: Quoted[] = [];
  for (const d of findDistributions(text)) {
    const kind = subjectOf(d);
    if (!kind) continue;
    for (const s of d.shares) {
      const g = gradeOfClause(s.clause);
      if (!g) continue;
      for (const [key, t] of [
        [`review.${kind}.${g}`, s.count],
        [`review.${kind}.${g}Share`, s.percent],
      ] as const) {
        const def = FIGURES.find((f) => f.key === key);
        if (def)
          out.push({
            key,
            def,
            printed: t.text,
            value: t.value,
            decimals: t.decimals,
            sentence: quote(d.sentence, t.at),
            at: t.at,
          });
      }
    }
  }
  return out;
}

/** Every figure of the catalogue the text quotes, in text order. */
export function recognise(text: string): Quoted[] {
  const out: Quoted[] = [];
  const ss = sentences(text);
  const seen = new Set<string>();
  for (const def of FIGURES)
    for (const re of def.patterns)
      for (const m of text.matchAll(re)) {
        const v = m.groups?.v;
        if (v === undefined) continue;
        const parsed = parseFigure(v);
        if (!parsed) continue;
        const at = m.index + m[0].lastIndexOf(v);
        if (seen.has(`${def.key}@${at}`)) continue;
        seen.add(`${def.key}@${at}`);
        out.push({
          key: def.key,
          def,
          printed: `${v}${def.unit}`,
          value: parsed.value,
          decimals: parsed.decimals,
          sentence: quoteAt(ss, at),
          at,
        });
      }
  out.push(...gradeFigures(text));
  return out.sort((a, b) => a.at - b.at);
}
