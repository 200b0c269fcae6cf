import { FIGURE_BY_KEY, type FigureValues, type ReportSection } from "./figures";
import { chineseNumber, decimalText } from "./numbers";
import { placeholders, type ReportTemplate } from "./template";

/** A piece of text; a figure's run says which figure and the list behind it. */
export interface Run {
  text: string;
  figure?: string;
  link?: string;
  /** The data has no value for it (e.g. no rule set adopted yet): printed as 【无数据：…】. */
  missing?: boolean;
}

/** `lead` is a run-in heading （一）…。 set before the paragraph's text, as 公文 writes them. */
export type ReportBlock =
  | { type: "heading"; section: ReportSection; runs: Run[] }
  | { type: "paragraph"; section: ReportSection | "intro"; lead: Run[] | null; runs: Run[] };

export interface ReportDocument {
  title: string;
  blocks: ReportBlock[];
}

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const numeral = (i: number) => NUMERALS[i] ?? String(i + 1);

/** The template's text with each placeholder replaced by its figure as printed. */
export function renderRuns(text: string, values: FigureValues): Run[] {
  const runs: Run[] = [];
  let from = 0;
  for (const p of placeholders(text)) {
    if (p.at > from) runs.push({ text: text.slice(from, p.at) });
    from = p.end;
    const def = FIGURE_BY_KEY.get(p.key);
    const v = values[p.key];
    const link = v?.link;
    if (!def || !v) {
      runs.push({ text: `【无数据：${def?.label ?? p.key}】`, figure: p.key, missing: true });
      continue;
    }
    const shown =
      "text" in v
        ? v.text
        : p.format && "chinese" in p.format && v.exact.den === 1n
          ? chineseNumber(Number(v.exact.num))
          : decimalText(v.exact, p.format && "decimals" in p.format ? p.format.decimals : (def.decimals ?? 0));
    runs.push({ text: shown, figure: p.key, ...(link ? { link } : {}) });
  }
  if (from < text.length) runs.push({ text: text.slice(from) });
  return runs;
}

/**
 * The report drafted from the template and the data: `# ` lines become parts numbered 一、二、…, `## ` lines
 * run-in headings （一）（二）… numbered within their part and set before the next paragraph.
 */
export function renderReport(t: ReportTemplate, values: FigureValues): ReportDocument {
  const blocks: ReportBlock[] = [];
  let part = 0;
  let sub = 0;
  blocks.push({ type: "paragraph", section: "intro", lead: null, runs: renderRuns(t.intro, values) });
  for (const s of t.sections) {
    let lead: Run[] | null = null;
    const flush = () => {
      if (lead) blocks.push({ type: "paragraph", section: s.key, lead, runs: [] });
      lead = null;
    };
    for (const raw of s.text.split("\n")) {
      const line = raw.trim();
      if (line === "") continue;
      if (line.startsWith("## ")) {
        flush();
        const heading = renderRuns(line.slice(3).trim(), values);
        lead = [{ text: `（${numeral(sub++)}）` }, ...heading, { text: "。" }];
      } else if (line.startsWith("# ")) {
        flush();
        sub = 0;
        blocks.push({
          type: "heading",
          section: s.key,
          runs: [{ text: `${numeral(part++)}、` }, ...renderRuns(line.slice(2).trim(), values)],
        });
      } else {
        blocks.push({ type: "paragraph", section: s.key, lead, runs: renderRuns(line, values) });
        lead = null;
      }
    }
    flush();
  }
  return {
    title: renderRuns(t.title, values)
      .map((r) => r.text)
      .join(""),
    blocks,
  };
}

const runText = (runs: readonly Run[]) => runs.map((r) => r.text).join("");

/** The report as plain text, one paragraph a line: what the check reads and the .txt export. */
export function documentText(doc: ReportDocument): string {
  return [
    doc.title,
    ...doc.blocks.map((b) => (b.type === "heading" ? runText(b.runs) : runText([...(b.lead ?? []), ...b.runs]))),
  ].join("\n");
}

/** The report as Markdown: headings as such, run-in headings in bold. */
export function documentMarkdown(doc: ReportDocument): string {
  const esc = (s: string) => s.replace(/([\\`*_[\]<>#])/g, "\\$1");
  const md = (runs: readonly Run[]) => runs.map((r) => esc(r.text)).join("");
  return `${[
    `# ${md([{ text: doc.title }])}`,
    ...doc.blocks.map((b) =>
      b.type === "heading" ? `## ${md(b.runs)}` : `${b.lead ? `**${md(b.lead)}**` : ""}${md(b.runs)}`,
    ),
  ].join("\n\n")}\n`;
}
