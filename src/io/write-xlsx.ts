import { Writable } from "node:stream";
import ExcelJS from "exceljs";

/**
 * How a column's numbers are shown. Money is given in 元 as a number: the caller converts fen → yuan
 * (fen / 100) for display; exports are for reading, the database keeps exact fen.
 * percent takes a fraction (0.8534 → 85.34%); points are scores with two decimals (85.3 → 85.30).
 */
export type XlsxColumnKind = "text" | "money" | "int" | "percent" | "points";

export interface XlsxColumn {
  header: string;
  key: string;
  /** In Excel character widths; estimated from the header and the first rows when omitted. */
  width?: number;
  kind?: XlsxColumnKind;
}

export interface XlsxSheet {
  name: string;
  /** A title merged over the columns, above the header row. */
  title?: string;
  columns: XlsxColumn[];
  rows: Record<string, unknown>[];
  /**
   * Last touches on the header before it is written (notes, colours, data validations): rows are
   * streamed, so nothing can change after this.
   */
  decorate?: (ws: ExcelJS.Worksheet, header: ExcelJS.Row) => void;
  /** How the sheet prints (paper, orientation, fit to width); set when the sheet is opened, before any row. */
  pageSetup?: Partial<ExcelJS.PageSetup>;
  /** Last touches on a data row before it is streamed out (e.g. a template's example rows set apart). */
  styleRow?: (row: ExcelJS.Row, data: Record<string, unknown>) => void;
}

/** 宋体 with the GB2312 charset, so Excel and WPS render Chinese with an East Asian font. */
export const SONG_FONT: Partial<ExcelJS.Font> = { name: "宋体", size: 11, charset: 134 };

const FORMATS: Record<XlsxColumnKind, string> = {
  text: "@",
  money: "#,##0.00",
  int: "#,##0",
  percent: "0.00%",
  points: "0.00",
};
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF9BA7B4" } };

/**
 * Writes sheets as an .xlsx: 宋体 throughout, bold filled header, frozen and filtered. Rows are
 * streamed (exceljs WorkbookWriter), about three times faster than building the workbook in memory.
 */
export async function writeXlsx(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  wb.creator = "jixiao";
  const used = new Set<string>();
  for (const sheet of sheets) writeSheet(wb, sheet, sheetName(sheet.name, used));
  await wb.commit();
  return Buffer.concat(chunks);
}

/** The row number of a sheet's header: 2 under a title, else 1. */
const headerRowOf = (sheet: Pick<XlsxSheet, "title">): number => (sheet.title ? 2 : 1);

function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: XlsxSheet, name: string): void {
  const { columns, rows } = sheet;
  const headerRow = headerRowOf(sheet);
  const last = Math.max(1, columns.length);
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: headerRow }],
    ...(sheet.pageSetup ? { pageSetup: sheet.pageSetup } : {}),
  });
  // Column styles are inherited by every cell created below, which is far faster than per-cell styling.
  ws.columns = columns.map((c) => ({
    key: c.key,
    width: c.width ?? estimateWidth(c, rows),
    style: { font: SONG_FONT, ...(c.kind ? { numFmt: FORMATS[c.kind] } : {}) },
  }));

  if (sheet.title) {
    ws.mergeCells(1, 1, 1, last);
    const row = ws.getRow(1);
    row.height = 24;
    const title = row.getCell(1);
    title.value = sheet.title;
    title.style = { font: { ...SONG_FONT, size: 14, bold: true }, alignment: { horizontal: "center" } };
    row.commit();
  }

  const header = ws.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.style = {
      font: { ...SONG_FONT, bold: true },
      fill: HEADER_FILL,
      alignment: { horizontal: "center", vertical: "middle", wrapText: true },
      border: { top: THIN, bottom: THIN, left: THIN, right: THIN },
    };
  });
  sheet.decorate?.(ws, header);
  header.commit();

  for (const r of rows) {
    const row = ws.addRow(columns.map((c) => cellValue(r[c.key])));
    sheet.styleRow?.(row, r);
    row.commit();
  }
  if (columns.length > 0)
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + rows.length, column: last } };
  ws.commit();
}

/** The most characters an Excel cell holds; a longer text makes Excel and WPS call the file damaged. */
export const EXCEL_CELL_CHARS = 32_767;

const fitCell = (s: string) => (s.length <= EXCEL_CELL_CHARS ? s : `${s.slice(0, EXCEL_CELL_CHARS - 1)}…`);

function cellValue(v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return fitCell(v);
  if (typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "bigint") return Number(v);
  return fitCell(typeof v === "object" ? JSON.stringify(v) : String(v));
}

/** CJK characters take two widths in Excel's unit. */
function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += s.charCodeAt(i) > 0xff ? 2 : 1;
  return w;
}

function estimateWidth(c: XlsxColumn, rows: readonly Record<string, unknown>[]): number {
  let w = displayWidth(c.header);
  const sample = Math.min(rows.length, 200);
  for (let i = 0; i < sample; i++) {
    const v = rows[i]?.[c.key];
    if (v === null || v === undefined) continue;
    // Money shows thousands separators and two decimals.
    const text = typeof v === "number" && c.kind === "money" ? v.toFixed(2) : String(v);
    w = Math.max(w, displayWidth(text) + (c.kind === "money" ? Math.floor(text.length / 3) : 0));
  }
  return Math.min(60, Math.max(8, w + 2));
}

/** Excel refuses : \ / ? * [ ] in sheet names, more than 31 characters, and duplicates. */
function sheetName(wanted: string, used: Set<string>): string {
  const base =
    wanted
      .replace(/[:\\/?*[\]]/g, "_")
      .replace(/^'+|'+$/g, "")
      .slice(0, 31) || "Sheet";
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}_${n}`;
  used.add(name.toLowerCase());
  return name;
}
