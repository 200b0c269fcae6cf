import type { FrameworkRow } from "./framework";
import { MAX_RECTIFICATION_ITEMS, MAX_RECTIFICATION_TEXT } from "./rectification-notice";
import { reportFigures, type SubmittedSheet, weakIndicators, weakText } from "./report-figures";

/** 1. / 1、/ （一）/ 一、/ (1) / ① at the start of a line: the numbering people type before each problem. */
const NUMBERING =
  /^\s*(?:[（(]\s*[0-9一二三四五六七八九十]+\s*[)）]|[0-9]+\s*[.、．)）]|[一二三四五六七八九十]+\s*[、.．]|[①-⑳])\s*/u;

/**
 * The problems an evaluation found, one per rectification item: the lines of the report's 存在的问题 as
 * people wrote them (numbering dropped), or, where that part is empty, the indicators scored below 80 % of
 * their weight as the drafted report lists them. At most a notice's worth, each cut to an item's length.
 */
export function evaluationProblems(
  rows: readonly FrameworkRow[],
  sheets: readonly SubmittedSheet[],
  problemsText: string,
): string[] {
  const written = problemsText
    .split(/\r?\n/)
    .map((l) => l.replace(NUMBERING, "").trim())
    .filter((l) => l !== "");
  const found =
    written.length > 0 ? written : weakIndicators(reportFigures(rows, sheets, null, null)).map((i) => weakText(i));
  return found.slice(0, MAX_RECTIFICATION_ITEMS).map((p) => [...p].slice(0, MAX_RECTIFICATION_TEXT).join(""));
}
