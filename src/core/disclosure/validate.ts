import { REPORT_SECTION_LABELS, type ReportSection } from "../report/figures";
import type { BlockType } from "./types";
import { MAX_BLOCK_TEXT, MAX_BLOCKS, MAX_INTRO, MAX_NOTE, MAX_TITLE } from "./workflow";

export interface DraftTexts {
  title?: string | undefined;
  intro?: string | undefined;
  blocks?: { type: BlockType; text: string }[] | undefined;
  changeNote?: string | undefined;
  /** The annual report's template: its text becomes the paragraphs, so it is held to the same characters. */
  template?: { title: string; intro: string; sections: { key: ReportSection; text: string }[] } | undefined;
}

export interface TextIssue {
  field: string;
  message: string;
}

// Control characters other than tab and line breaks: invisible on the portal, and a way to hide text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * What a 信息员 types into a draft: a title (1–200 characters), the introduction, paragraphs and headings, and
 * the 更正说明. Markup is allowed (the portal escapes every character it prints: a report may well say
 * “得分<60分”); control and direction-override characters are not. Every issue names its field.
 */
export function checkDraftTexts(t: DraftTexts): TextIssue[] {
  const issues: TextIssue[] = [];
  const text = (field: string, label: string, value: string | undefined, max: number, required = false) => {
    if (value === undefined) return;
    if (required && value.trim() === "") issues.push({ field, message: `${label}不能为空` });
    if (value.length > max) issues.push({ field, message: `${label}不能超过 ${max} 个字符（现为 ${value.length}）` });
    if (CONTROL.test(value)) issues.push({ field, message: `${label}含有不可见的控制字符，请删除后再保存` });
  };
  text("title", "标题", t.title, MAX_TITLE, true);
  text("intro", "说明", t.intro, MAX_INTRO);
  text("changeNote", "更正说明", t.changeNote, MAX_NOTE);
  if (t.blocks) {
    if (t.blocks.length > MAX_BLOCKS)
      issues.push({ field: "blocks", message: `正文段落不能超过 ${MAX_BLOCKS} 段（现为 ${t.blocks.length}）` });
    for (const [i, b] of t.blocks.entries()) text(`blocks.${i}.text`, `正文第${i + 1}段`, b.text, MAX_BLOCK_TEXT, true);
  }
  if (t.template) {
    // Lengths are the template's own rule (report/template.ts); here only what the portal would hide.
    const hidden = (field: string, label: string, value: string) => {
      if (CONTROL.test(value)) issues.push({ field, message: `${label}含有不可见的控制字符，请删除后再保存` });
    };
    hidden("template.title", "模板标题", t.template.title);
    hidden("template.intro", "模板开篇", t.template.intro);
    for (const [i, s] of t.template.sections.entries())
      hidden(`template.sections.${i}.text`, `模板第${i + 1}节（${REPORT_SECTION_LABELS[s.key]}）`, s.text);
  }
  return issues;
}
