import { findingText } from "./format";
import type { FigureFinding, PublishedColumn, PublishedTable } from "./types";

type Row = PublishedTable["rows"][number];

const norm = (v: string | number | null | undefined) =>
  v === undefined || v === null ? null : typeof v === "string" ? (v.trim() === "" ? null : v.trim()) : v;

/** A row's label: its first column's value. */
const labelOf = (t: PublishedTable, r: Row) => {
  const first = t.columns[0];
  const v = first ? norm(r[first.key]) : null;
  return v === null ? "" : String(v);
};

/** Rows keyed by their label and how many rows before carried the same label (so repeated labels pair in order). */
function keyed(t: PublishedTable): Map<string, Row> {
  const seen = new Map<string, number>();
  const out = new Map<string, Row>();
  for (const r of t.rows) {
    const label = labelOf(t, r);
    const n = seen.get(label) ?? 0;
    seen.set(label, n + 1);
    out.set(`${label}\u0000${n}`, r);
  }
  return out;
}

const rowName = (label: string) => (label === "" ? "（无名称的行）" : label);

/**
 * Every printed figure that the data no longer gives: the tables of a draft (`printed`) against the tables
 * rebuilt from the data now (`expected`). Tables pair by key, rows by their first column (the project code,
 * the row number), cells by column key. A table or row present on one side only, a column added or dropped,
 * and every differing cell is one finding, in the printed order; none when the draft still matches.
 */
export function compareTables(
  printed: readonly PublishedTable[],
  expected: readonly PublishedTable[],
): FigureFinding[] {
  const findings: FigureFinding[] = [];
  const now = new Map(expected.map((t) => [t.key, t]));
  const printedKeys = new Set(printed.map((t) => t.key));
  for (const p of printed) {
    const e = now.get(p.key);
    if (!e) {
      findings.push({
        table: p.title,
        row: "",
        column: "",
        printed: `${p.rows.length}行`,
        expected: null,
        message: `表“${p.title}”在现有数据中已不存在`,
      });
      continue;
    }
    const eCols = new Map(e.columns.map((c) => [c.key, c]));
    const pColKeys = new Set(p.columns.map((c) => c.key));
    for (const c of p.columns)
      if (!eCols.has(c.key))
        findings.push({
          table: p.title,
          row: "",
          column: c.title,
          printed: c.title,
          expected: null,
          message: `表“${p.title}”的“${c.title}”列在现有数据中已不存在`,
        });
    for (const c of e.columns)
      if (!pColKeys.has(c.key))
        findings.push({
          table: p.title,
          row: "",
          column: c.title,
          printed: null,
          expected: c.title,
          message: `表“${p.title}”缺少现有数据中的“${c.title}”列`,
        });
    const shared: PublishedColumn[] = p.columns.filter((c) => eCols.has(c.key));
    const eRows = keyed(e);
    const pRows = keyed(p);
    for (const [key, pr] of pRows) {
      const label = labelOf(p, pr);
      const er = eRows.get(key);
      if (!er) {
        findings.push({
          table: p.title,
          row: label,
          column: "",
          printed: rowName(label),
          expected: null,
          message: `表“${p.title}”中“${rowName(label)}”一行在现有数据中已不存在`,
        });
        continue;
      }
      for (const c of shared) {
        const a = norm(pr[c.key]);
        const b = norm(er[c.key]);
        if (a === b) continue;
        const printedText = findingText(c.type, a);
        const expectedText = findingText(c.type, b);
        findings.push({
          table: p.title,
          row: label,
          column: c.title,
          printed: printedText,
          expected: expectedText,
          message: `表“${p.title}”中“${rowName(label)}”的“${c.title}”：公开稿为${printedText ?? "空"}，现有数据为${expectedText ?? "空"}`,
        });
      }
    }
    for (const [key, er] of eRows)
      if (!pRows.has(key)) {
        const label = labelOf(e, er);
        findings.push({
          table: p.title,
          row: label,
          column: "",
          printed: null,
          expected: rowName(label),
          message: `表“${p.title}”缺少现有数据中的“${rowName(label)}”一行`,
        });
      }
  }
  for (const e of expected)
    if (!printedKeys.has(e.key))
      findings.push({
        table: e.title,
        row: "",
        column: "",
        printed: null,
        expected: `${e.rows.length}行`,
        message: `公开稿缺少现有数据中的表“${e.title}”`,
      });
  return findings;
}
