/**
 * The drafted report as the page shows it: where each finding of the check lies in the blocks, runs cut
 * at the marks that highlight it, and the editor's placeholder insertion. A finding's `at` is an offset in
 * the report's plain text (the title, then one line per block, joined by line breaks: core's documentText).
 */
import { placeholders } from "../../../../src/core/report/template";
import { tokens } from "../../../../src/core/report/tokens";
import type { ReportBlock, ReportDocument, ReportFinding, ReportRun, ReportTemplate } from "../../api/report/annual";

/** A block's runs in reading order: a paragraph's run-in heading （一）…。 comes first. */
export const blockRuns = (b: ReportBlock): ReportRun[] =>
  b.type === "heading" ? b.runs : [...(b.lead ?? []), ...b.runs];

const runsText = (runs: readonly ReportRun[]) => runs.map((r) => r.text).join("");

/** A stretch of a block's text, in characters from the block's start. */
export interface Span {
  from: number;
  to: number;
}

/** Where a finding points: its block (-1: the title), the sentence it quotes and the figure it is about. */
export interface FindingTarget {
  block: number;
  sentence: Span | null;
  figure: Span;
}

/** The occurrence of `needle` in `text` that covers `at`, else the first, else none. */
function spanOf(text: string, needle: string, at: number): Span | null {
  const n = needle.trim();
  if (n === "") return null;
  let first: Span | null = null;
  for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) {
    const s = { from: i, to: i + n.length };
    if (s.from <= at && at < s.to) return s;
    first ??= s;
  }
  return first;
}

/** The number printed at `at` with its unit ("7.21%", "四个"), or the run there when no number starts at it. */
function figureAt(text: string, runs: readonly ReportRun[], at: number): Span {
  const t = tokens(text).find((k) => k.at === at);
  if (t) return { from: t.at, to: t.end };
  let from = 0;
  for (const r of runs) {
    const to = from + r.text.length;
    if (at >= from && at < to && r.figure) return { from, to };
    from = to;
  }
  return { from: at, to: Math.min(at + 1, text.length) };
}

/** Where a finding of the report's check lies in the document; null if its offset is beyond the text. */
export function locateFinding(doc: ReportDocument, f: ReportFinding): FindingTarget | null {
  if (f.at < doc.title.length)
    return {
      block: -1,
      sentence: spanOf(doc.title, f.sentence, f.at),
      figure: figureAt(doc.title, [{ text: doc.title }], f.at),
    };
  let start = doc.title.length + 1;
  for (const [i, b] of doc.blocks.entries()) {
    const runs = blockRuns(b);
    const text = runsText(runs);
    if (f.at >= start && f.at <= start + text.length) {
      const at = f.at - start;
      return { block: i, sentence: spanOf(text, f.sentence, at), figure: figureAt(text, runs, at) };
    }
    start += text.length + 1;
  }
  return null;
}

/** A finding's figure in its sentence, cut to `radius` characters either side, for the 核对 panel's quote. */
export interface Excerpt {
  before: string;
  figure: string;
  after: string;
  /** The sentence goes on beyond the quote (printed as …). */
  cutBefore: boolean;
  cutAfter: boolean;
}

export function excerpt(text: string, target: Pick<FindingTarget, "sentence" | "figure">, radius = 40): Excerpt {
  const s = target.sentence ?? { from: 0, to: text.length };
  const { from, to } = target.figure;
  const start = Math.max(Math.min(s.from, from), from - radius);
  const end = Math.min(Math.max(s.to, to), to + radius);
  return {
    before: text.slice(start, from),
    figure: text.slice(from, to),
    after: text.slice(to, end),
    cutBefore: start > Math.min(s.from, from),
    cutAfter: end < Math.max(s.to, to),
  };
}

/** The plain text of a block (-1: the title), in which a target's spans count. */
export const blockText = (doc: ReportDocument, block: number): string =>
  block < 0 ? doc.title : runsText(doc.blocks[block] ? blockRuns(doc.blocks[block]) : []);

/** A piece of a run between two mark boundaries, with the marks that cover it. */
export interface Piece {
  text: string;
  run: ReportRun;
  /** The run's index in the block's runs (a figure split by a mark keeps one index). */
  runIndex: number;
  marks: string[];
}

/** A block's runs cut wherever a mark starts or ends, so each piece carries the marks over it. */
export function pieces(runs: readonly ReportRun[], marks: readonly (Span & { name: string })[]): Piece[] {
  const cuts = new Set<number>();
  for (const m of marks) cuts.add(m.from).add(m.to);
  const out: Piece[] = [];
  let at = 0;
  runs.forEach((run, runIndex) => {
    const end = at + run.text.length;
    const inside = [...cuts].filter((c) => c > at && c < end).sort((a, b) => a - b);
    let from = at;
    for (const to of [...inside, end]) {
      if (to > from)
        out.push({
          text: run.text.slice(from - at, to - at),
          run,
          runIndex,
          marks: marks.filter((m) => m.from < to && m.to > from).map((m) => m.name),
        });
      from = to;
    }
    at = end;
  });
  return out;
}

/** The text with `insert` put where the selection was; the cursor goes after it. */
export function insertAtCursor(
  text: string,
  selection: { start: number; end: number } | null,
  insert: string,
): { text: string; cursor: number } {
  const start = Math.max(0, Math.min(selection?.start ?? text.length, text.length));
  const end = Math.max(start, Math.min(selection?.end ?? start, text.length));
  return { text: text.slice(0, start) + insert + text.slice(end), cursor: start + insert.length };
}

export const sameTemplate = (a: ReportTemplate, b: ReportTemplate): boolean =>
  a.title === b.title &&
  a.intro === b.intro &&
  a.sections.length === b.sections.length &&
  a.sections.every((s, i) => s.key === b.sections[i]?.key && s.text === b.sections[i]?.text);

/** The editor's field a REPORT_TEMPLATE_INVALID answer names (`details.part`: title, intro or a section). */
export function templateErrorPart(details: unknown): string | null {
  if (typeof details !== "object" || details === null) return null;
  const d = details as { part?: unknown; field?: unknown };
  if (typeof d.part === "string") return d.part;
  return null;
}

/** The figures a text quotes, once each in order of appearance. */
export const quotedKeys = (text: string): string[] => [...new Set(placeholders(text).map((p) => p.key))];
