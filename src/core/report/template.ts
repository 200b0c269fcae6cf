import { AppError } from "../errors";
import { FIGURE_BY_KEY, REPORT_SECTION_LABELS, REPORT_SECTIONS, type ReportSection } from "./figures";

/** The annual report's prose: a title, an opening, and one text per section with `{{figure}}` placeholders. */
export interface ReportTemplate {
  title: string;
  intro: string;
  sections: { key: ReportSection; text: string }[];
}

/** A placeholder: the figure and how it prints (decimals, or Chinese numerals). */
export interface Placeholder {
  key: string;
  format: { decimals: number } | { chinese: true } | null;
  at: number;
  end: number;
  raw: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.]*)\s*(?::\s*(\w+)\s*)?\}\}/g;
const MAX_TEXT = 20_000;

export function placeholders(text: string): Placeholder[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => {
    const f = m[2];
    const format = f === undefined ? null : f === "cn" ? { chinese: true as const } : { decimals: Number(f) };
    return { key: m[1]!, format, at: m.index, end: m.index + m[0].length, raw: m[0] };
  });
}

type Part = "title" | "intro" | ReportSection;
const partLabel = (p: Part) =>
  p === "title"
    ? "标题"
    : p === "intro"
      ? "开篇"
      : `第${REPORT_SECTIONS.indexOf(p) + 1}节（${REPORT_SECTION_LABELS[p]}）`;

/**
 * A template finance saved must name known figures in formats they have, keep every section once and in
 * order, and stay within length: each problem names the section and the placeholder.
 */
export function validateTemplate(t: ReportTemplate): void {
  const bad = (part: Part, message: string, extra: Record<string, unknown> = {}) =>
    new AppError("validation", "REPORT_TEMPLATE_INVALID", `${partLabel(part)}：${message}`, { part, ...extra });
  const keys = t.sections.map((s) => s.key);
  if (keys.length !== REPORT_SECTIONS.length || keys.some((k, i) => k !== REPORT_SECTIONS[i]))
    throw new AppError(
      "validation",
      "REPORT_TEMPLATE_INVALID",
      `报告须依次包含${REPORT_SECTIONS.length}节：${REPORT_SECTIONS.map((k) => REPORT_SECTION_LABELS[k]).join("、")}`,
      { field: "sections" },
    );
  const parts: [Part, string][] = [
    ["title", t.title],
    ["intro", t.intro],
    ...t.sections.map((s) => [s.key, s.text] as [Part, string]),
  ];
  for (const [part, text] of parts) {
    if (text.length > MAX_TEXT) throw bad(part, `不能超过 ${MAX_TEXT} 字`);
    if (part === "title" && (text.trim() === "" || text.includes("\n"))) throw bad(part, "标题须为一行文字");
    const unclosed = text.replace(PLACEHOLDER, "").match(/\{\{|\}\}/);
    if (unclosed) throw bad(part, "有未闭合的数字占位符（“{{”与“}}”须成对）");
    for (const p of placeholders(text)) {
      const def = FIGURE_BY_KEY.get(p.key);
      if (!def) throw bad(part, `未知的数字“${p.raw}”`, { placeholder: p.raw });
      if (p.format && "chinese" in p.format && def.unit !== "个" && def.unit !== "项")
        throw bad(part, `“${p.raw}”：只有个数可以写成中文数字`, { placeholder: p.raw });
      if (p.format && "decimals" in p.format) {
        if (!Number.isInteger(p.format.decimals) || p.format.decimals < 0 || p.format.decimals > 4)
          throw bad(part, `“${p.raw}”：小数位数须为 0 到 4，或 cn（中文数字）`, { placeholder: p.raw });
        if (def.decimals === null) throw bad(part, `“${p.raw}”是文字，不能指定小数位数`, { placeholder: p.raw });
      }
    }
  }
}
