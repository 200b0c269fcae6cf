import { type CellRange, columnLetter, type XlsxSheet, type XlsxValue } from "./sparse-xlsx";

/**
 * Reading a paper-form layout (labels beside their values, merged cells, a grid under a header row) from
 * a sparsely read sheet: merged cells read as their master, text compared without spaces and widths.
 * The monitoring reader uses it; the goal reader keeps its own copy of the same rules for now.
 */

export type Cell = string | number | null;

/** A cell as text or number: formulas by their cached result (none: blank), dates as ISO, errors as text. */
export function plain(v: XlsxValue | undefined): Cell {
  if (v === undefined) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v ? "是" : "否";
  switch (v.kind) {
    case "date":
      return v.iso.slice(0, 10);
    case "percent":
      return v.value;
    case "formula":
      return null;
    case "error":
      return v.text;
  }
}

/** Full-width digits and signs (typed with a Chinese input method) as ASCII. */
export const halfWidth = (s: string) =>
  s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");

/** A number as a clerk would write it: 95, 12.5 (not 12.499999999); whole numbers (codes) in full. */
export const numberText = (n: number) => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12))));

/** Text of a cell on one line: line breaks and tabs inside a cell (Alt+Enter) become spaces. */
export function cellText(v: Cell, percentFormat = false): string {
  if (v === null) return "";
  if (typeof v === "number") return numberText(percentFormat ? v * 100 : v);
  return v.replace(/[\t\r\n]+/g, " ").trim();
}

/** Text of a cell that may run over several lines (notes): line breaks kept, each line trimmed. */
export function noteText(v: Cell): string {
  if (v === null) return "";
  if (typeof v === "number") return numberText(v);
  return v
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Header and label text compared without spaces, with ASCII brackets and without a trailing colon. */
export const norm = (s: string) =>
  halfWidth(s)
    .replace(/\s+/g, "")
    .replace(/[:：]$/, "")
    .toLowerCase();

export interface Grid {
  /** The rows that hold content, in order: nothing else can hold a header, a label or a value. */
  rows: number[];
  columns: number;
  /** Merged cells read as their master's value. */
  value(r: number, c: number): Cell;
  /** The master cell's address, equal for every cell of a merge. */
  master(r: number, c: number): string;
  isPercent(r: number, c: number): boolean;
}

export function gridOf(sheet: XlsxSheet, minColumns: number): Grid {
  // Merges by row: together they cover at most the sheet's allowed area (sparse-xlsx checks), so this stays small.
  const byRow = new Map<number, CellRange[]>();
  for (const m of sheet.merges)
    for (let r = m.top; r <= m.bottom; r++) {
      const list = byRow.get(r);
      if (list) list.push(m);
      else byRow.set(r, [m]);
    }
  const masterOf = (r: number, c: number): [number, number] => {
    const m = byRow.get(r)?.find((x) => c >= x.left && c <= x.right);
    return m ? [m.top, m.left] : [r, c];
  };
  const raw = (r: number, c: number) => {
    const [mr, mc] = masterOf(r, c);
    return sheet.rows.get(mr)?.[mc - 1];
  };
  return {
    rows: [...sheet.rows.keys()].sort((a, b) => a - b),
    columns: Math.max(sheet.maxColumn, minColumns),
    value: (r, c) => plain(raw(r, c)),
    master: (r, c) => {
      const [mr, mc] = masterOf(r, c);
      return `${columnLetter(mc)}${mr}`;
    },
    isPercent: (r, c) => {
      const v = raw(r, c);
      return typeof v === "object" && v.kind === "percent";
    },
  };
}

/** The first cell right of a label that is not the label itself (merged labels repeat) and, if wanted, not blank. */
export function cellRightOf(grid: Grid, r: number, c: number, nonBlank = true): { column: number; value: Cell } | null {
  const own = grid.master(r, c);
  for (let x = c + 1; x <= grid.columns; x++) {
    if (grid.master(r, x) === own) continue;
    const v = grid.value(r, x);
    if (!nonBlank || (v !== null && cellText(v) !== "")) return { column: x, value: v };
  }
  return null;
}
