import iconv from "iconv-lite";
import { AppError } from "../core/errors";
import { isBlank } from "../core/imports/cells";
import { parseCsv } from "../core/imports/csv";
import { isExampleColumn, isExampleMark } from "../core/imports/examples";
import { matchHeader } from "../core/imports/headers";
import { type FieldSpec, MAX_UPLOAD_BYTES } from "../core/imports/spec";
import { type SheetLimits, XlsxBook, type XlsxValue } from "./xlsx/sparse-xlsx";

export type RawCell = string | number | boolean | null;
export interface RawRow {
  /** The row a clerk sees: sheet row / CSV record number (header = 1), or the object's 1-based index in JSON. */
  rowNumber: number;
  /** Keyed by FieldSpec.key; a column the file lacks reads as null. */
  cells: Record<string, RawCell>;
  /** Marked 示例 in the template's example column: the import skips it (core/imports/examples.ts). */
  example?: true;
}
export interface RawTable {
  format: "xlsx" | "csv" | "json";
  rows: RawRow[];
  /** The file's own header texts (JSON: its keys in first-seen order). */
  headers: string[];
}
export interface TableInput {
  bytes: Buffer;
  fileName: string;
  contentType?: string;
}

/** Official templates and exports may put a title above the header; look this far down for it. */
const HEADER_SEARCH_ROWS = 10;

/**
 * What a table import may hold: a district's monthly execution is about 21,000 rows of a dozen columns
 * (3.6 MB of sheet XML); the limits leave room for five times that and refuse what no budget-system
 * export needs, before it is read.
 */
export const TABLE_LIMITS: SheetLimits = {
  maxRows: 100_000,
  maxColumns: 100,
  maxCells: 2_000_000,
  maxTextChars: 32_000_000,
  maxSheets: 100,
  maxInflatedBytes: 64 * 1024 * 1024,
};

const unreadable = (message: string, details?: unknown) =>
  new AppError("validation", "IMPORT_UNREADABLE", message, details);
const emptyFile = (message: string) => new AppError("validation", "IMPORT_EMPTY_FILE", message);
const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10}MB`;

/**
 * Reads an uploaded xlsx, CSV or JSON file into rows keyed by the spec's field keys. The format is
 * told by the content, not the name (clerks rename files). Cells are not validated here: that is
 * validateImport's job, with row and column in every message. Runs in the upload worker
 * (io/read-upload.ts → readTable); call it directly only on files the system wrote itself.
 */
export function parseTable(input: TableInput, spec: readonly FieldSpec[]): RawTable {
  const { bytes } = input;
  if (bytes.length > MAX_UPLOAD_BYTES)
    throw new AppError(
      "too_large",
      "IMPORT_FILE_TOO_LARGE",
      `文件大小为${mb(bytes.length)}，超过上限${mb(MAX_UPLOAD_BYTES)}，请拆分后分批导入`,
      { size: bytes.length, limit: MAX_UPLOAD_BYTES },
    );
  if (bytes.length === 0) throw emptyFile("文件是空的（0字节），请选择填好数据的文件");

  if (isZip(bytes)) return tableFromGrid("xlsx", xlsxGrid(bytes), spec);
  refuseOtherBinaries(bytes, input);
  const text = decodeText(bytes);
  const start = text.search(/\S/);
  if (start === -1) throw emptyFile("文件中没有内容，请选择填好数据的文件");
  const first = text[start];
  if (first === "[" || first === "{") return tableFromJson(text, spec);
  if (first === "<")
    throw unreadable("文件内容是网页（HTML/XML），不是表格；请在 Excel 中打开后另存为 .xlsx 或 CSV 再导入");
  return tableFromGrid("csv", csvGrid(text), spec);
}

// ---------------------------------------------------------------- format sniffing and decoding

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Buffer) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
const hasUtf16Bom = (b: Buffer) =>
  b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));

function refuseOtherBinaries(bytes: Buffer, input: TableInput): void {
  if (isOle(bytes))
    throw unreadable("不支持 Excel 97-2003 格式（.xls）；请在 Excel 中另存为 .xlsx 工作簿或 CSV 后再导入");
  // Text never holds NUL bytes (UTF-16 aside); junk, images, PDFs and archives do.
  if (hasUtf16Bom(bytes) || !bytes.includes(0)) return;
  const saysExcel = /\.xls[xm]?$/i.test(input.fileName) || /spreadsheetml|ms-excel/.test(input.contentType ?? "");
  throw unreadable(
    saysExcel
      ? "文件扩展名是 Excel，但内容不是有效的 Excel 文件，文件可能已损坏"
      : "无法读取文件：内容是二进制数据，不是 Excel（.xlsx）、CSV 或 JSON 文件",
  );
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** UTF-8 (with or without BOM) first; the budget system and Excel in China also write GBK/GB18030. */
function decodeText(bytes: Buffer): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = iconv.decode(bytes, "utf-16le");
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = iconv.decode(bytes, "utf-16be");
  else {
    try {
      text = utf8.decode(bytes);
    } catch {
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
        throw unreadable("文件标明为 UTF-8 编码，但其中有无法识别的字节，文件可能已损坏；请重新导出后再导入");
      text = iconv.decode(bytes, "gb18030");
      if (text.includes("\ufffd"))
        throw unreadable("无法识别文件的文字编码，请另存为 UTF-8 编码的 CSV 或 Excel（.xlsx）文件后再导入");
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A few stray control characters are a cell problem (reported per row); many mean binary junk.
  const head = text.slice(0, 65536);
  const controls = head.match(/[^\P{Cc}\t\n\r]/gu)?.length ?? 0;
  if (controls > 8 && controls > head.length / 100)
    throw unreadable("无法读取文件：内容含有大量不可见的控制字符，不是 Excel（.xlsx）、CSV 或 JSON 文件");
  return text;
}

// ---------------------------------------------------------------- grids (xlsx, CSV) → table

interface GridRow {
  rowNumber: number;
  cells: RawCell[];
}

/** Whether every cell is empty; most cells start with a visible character, which settles it cheaply. */
function blankRow(cells: readonly RawCell[]): boolean {
  for (const c of cells) {
    if (c === null || c === "") continue;
    if (typeof c !== "string" || c.charCodeAt(0) > 32 || !isBlank(c)) return false;
  }
  return true;
}

function tableFromGrid(format: "xlsx" | "csv", grid: GridRow[], spec: readonly FieldSpec[]): RawTable {
  const rows = grid.filter((r) => !blankRow(r.cells));
  if (rows.length === 0) throw emptyFile("文件中没有数据，请填写表头和数据行后再导入");
  const required = spec.filter((f) => f.required);

  // The header is the first row (of the first few) naming at least half the required columns.
  const fieldsOf = (r: GridRow) => r.cells.map((c) => (typeof c === "string" ? matchHeader(spec, c) : undefined));
  const requiredFound = (fields: (FieldSpec | undefined)[]) => required.filter((f) => fields.includes(f)).length;
  let headerAt = -1;
  let best = 0;
  let bestCount = -1;
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, rows.length); i++) {
    const n = requiredFound(fieldsOf(rows[i] as GridRow));
    if (n > bestCount) [best, bestCount] = [i, n];
    if (n > 0 && n * 2 >= required.length) {
      headerAt = i;
      break;
    }
  }
  // Without a header, the row closest to one tells the clerk what is missing.
  const at = headerAt === -1 ? best : headerAt;
  const headerRow = rows[at] as GridRow;
  const headers = headerRow.cells.map((c) => (c === null ? "" : String(c).trim()));
  const fields = fieldsOf(headerRow);
  checkColumns(required, fields, [...new Set(headers.filter((h) => h !== ""))]);

  // Column index → key; a column repeated under an alias keeps its first occurrence.
  const columns: [number, string][] = [];
  const taken = new Set<string>();
  fields.forEach((f, i) => {
    if (f && !taken.has(f.key)) {
      taken.add(f.key);
      columns.push([i, f.key]);
    }
  });
  const exampleAt = headers.findIndex((h, i) => fields[i] === undefined && isExampleColumn(h));
  const out: RawRow[] = [];
  const empty = blankCells(spec);
  for (let i = at + 1; i < rows.length; i++) {
    const r = rows[i] as GridRow;
    const cells = { ...empty };
    for (const [col, key] of columns) {
      const v = r.cells[col];
      cells[key] = v === undefined || v === "" ? null : v;
    }
    out.push(
      exampleAt >= 0 && isExampleMark(r.cells[exampleAt])
        ? { rowNumber: r.rowNumber, cells, example: true }
        : { rowNumber: r.rowNumber, cells },
    );
  }
  if (out.length === 0) throw emptyFile("文件只有表头，没有数据行");
  return { format, rows: out, headers };
}

/** Every field as null: spread per row, one shape for all rows. */
const blankCells = (spec: readonly FieldSpec[]): Record<string, RawCell> =>
  Object.fromEntries(spec.map((f) => [f.key, null]));

function checkColumns(required: readonly FieldSpec[], found: readonly (FieldSpec | undefined)[], headers: string[]) {
  const missing = required.filter((f) => !found.includes(f)).map((f) => f.header);
  if (missing.length === 0) return;
  const seen = headers.length > 0 ? `；文件中的表头为：${headers.slice(0, 20).join("、")}` : "";
  throw new AppError(
    "validation",
    "IMPORT_MISSING_COLUMNS",
    `缺少必填列：${missing.join("、")}${seen}。请使用下载的导入模板，不要修改表头`,
    { missing, found: headers },
  );
}

// ---------------------------------------------------------------- xlsx

function xlsxGrid(bytes: Buffer): GridRow[] {
  const book = new XlsxBook(bytes, TABLE_LIMITS);
  // The first sheet a clerk sees: hidden sheets (lookup lists of exports) are skipped.
  const info = book.sheets.find((w) => w.state === "visible") ?? book.sheets[0];
  if (!info) throw unreadable("Excel 文件中没有工作表");
  const sheet = book.readSheet(info);
  return [...sheet.rows.keys()]
    .sort((a, b) => a - b)
    .map((rowNumber) => {
      const values = sheet.rows.get(rowNumber)!;
      const cells: RawCell[] = new Array(values.length);
      for (let c = 0; c < values.length; c++) cells[c] = xlsxValue(values[c]);
      return { rowNumber, cells };
    });
}

/** A cell as a plain value: formulas by their cached result, dates as ISO, errors (#N/A) as their text. */
function xlsxValue(v: XlsxValue | undefined): RawCell {
  if (v === undefined) return null;
  if (typeof v !== "object") return v;
  switch (v.kind) {
    case "date":
      return v.iso;
    case "percent":
      return v.value;
    // A formula without a cached result (written by a program, never opened in Excel) shows as itself.
    case "formula":
      return `=${v.formula}`;
    case "error":
      return v.text; // reported as a bad value by validation
  }
}

// ---------------------------------------------------------------- CSV

function csvGrid(text: string): GridRow[] {
  // Excel's "Unicode text" export is tab-separated; everything else here is comma-separated.
  const nl = text.indexOf("\n");
  const firstLine = nl === -1 ? text : text.slice(0, nl);
  const delimiter = firstLine.split("\t").length > firstLine.split(",").length ? "\t" : ",";
  const records = parseCsv(text, delimiter);
  const { maxRows, maxColumns } = TABLE_LIMITS;
  if (records.length > maxRows) throw tooManyRows(records.length);
  return records.map((cells, i) => {
    if (cells.length > maxColumns && cells.slice(maxColumns).some((c) => c !== null && c !== ""))
      throw new AppError(
        "too_large",
        "IMPORT_SHEET_TOO_LARGE",
        `第${i + 1}行有 ${cells.length} 列，超出了可导入的范围（最多 ${maxColumns} 列）；请检查分隔符，或删除多余的列后再导入`,
        { row: i + 1, columns: cells.length, maxColumns },
      );
    return { rowNumber: i + 1, cells: cells.length > maxColumns ? cells.slice(0, maxColumns) : cells };
  });
}

const tooManyRows = (rows: number) =>
  new AppError(
    "too_large",
    "IMPORT_SHEET_TOO_LARGE",
    `文件有 ${rows} 行，超出了可导入的范围（最多 ${TABLE_LIMITS.maxRows} 行），请拆分后分批导入`,
    { rows, maxRows: TABLE_LIMITS.maxRows },
  );

// ---------------------------------------------------------------- JSON

function tableFromJson(text: string, spec: readonly FieldSpec[]): RawTable {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw unreadable(jsonErrorMessage(text, e instanceof Error ? e.message : String(e)), {
      reason: e instanceof Error ? e.message : String(e),
    });
  }
  const list = Array.isArray(data)
    ? data
    : isObject(data) && Array.isArray(data.rows)
      ? (data.rows as unknown[])
      : null;
  if (list === null) throw unreadable('JSON 内容应为对象数组 [ {…}, {…} ]，或 { "rows": [ … ] }');
  if (list.length > TABLE_LIMITS.maxRows) throw tooManyRows(list.length);

  const fieldOf = new Map<string, FieldSpec | undefined>();
  const empty = blankCells(spec);
  const headers: string[] = [];
  const rows: RawRow[] = [];
  list.forEach((item, index) => {
    if (!isObject(item)) throw unreadable(`JSON 第${index + 1}条记录不是对象（应为 { "列名": 值 }）`);
    const cells = { ...empty };
    let blank = true;
    let example = false;
    for (const [name, value] of Object.entries(item)) {
      let field = fieldOf.get(name);
      if (!fieldOf.has(name)) {
        field = matchHeader(spec, name);
        fieldOf.set(name, field);
        headers.push(name);
      }
      if (!field && isExampleColumn(name) && isExampleMark(value)) example = true;
      if (!field || cells[field.key] !== null) continue;
      if (value !== null && typeof value === "object")
        throw unreadable(`JSON 第${index + 1}条记录的“${name}”不是文本、数字或布尔值`);
      cells[field.key] = value as RawCell;
      if (!isBlank(value as RawCell)) blank = false;
    }
    if (!blank) rows.push(example ? { rowNumber: index + 1, cells, example: true } : { rowNumber: index + 1, cells });
  });
  if (rows.length === 0) throw emptyFile("JSON 文件中没有数据记录");
  checkColumns(
    spec.filter((f) => f.required),
    [...fieldOf.values()],
    headers,
  );
  return { format: "json", rows, headers };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** V8's message, turned into where a clerk should look. */
function jsonErrorMessage(text: string, reason: string): string {
  const pos = /at position (\d+)/.exec(reason);
  if (pos) {
    const before = text.slice(0, Number(pos[1]));
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    return `JSON 格式错误：第${line}行第${column}列附近无法解析，请检查引号、逗号和括号`;
  }
  if (/end of JSON input/i.test(reason)) return "JSON 格式错误：内容不完整，可能缺少结尾的 ] 或 }";
  const token = /Unexpected token '(.)'/.exec(reason);
  if (token) return `JSON 格式错误：出现了多余或错误的字符“${token[1]}”，请检查引号、逗号和括号`;
  return "JSON 格式错误，无法解析，请检查引号、逗号和括号";
}
