import { SaxesParser } from "saxes";
import { AppError } from "../../core/errors";
import { ZipArchive } from "./zip";

/**
 * Reads an uploaded xlsx sparsely: only the cells the file holds, within limits sized to the layout
 * being imported. Every part is inflated within a byte budget (zip.ts); a cell with content outside the
 * allowed rows and columns refuses the file with its address, before anything past it is read; merges
 * are kept as ranges (clipped to the limits), never expanded into cells.
 */

export interface SheetLimits {
  /** The most rows and columns a sheet's content may reach (A1 to column maxColumns, row maxRows). */
  maxRows: number;
  maxColumns: number;
  /** Cells with content, in all sheets read together; every cell a merge covers counts (readers repeat its value). */
  maxCells: number;
  /**
   * Characters of text in all cells read, every occurrence counted: a shared string (or a merged cell)
   * is stored once in the file but repeated in what the reader hands on, so a few KB could otherwise
   * expand to gigabytes of text.
   */
  maxTextChars: number;
  maxSheets: number;
  /** Bytes all parts read may inflate to, together (zip-bomb guard by real output, not declared size). */
  maxInflatedBytes: number;
}

/** A cell's value: plain for most cells; the few that need their format or formula carry it. */
export type XlsxValue =
  | string
  | number
  | boolean
  | { kind: "date"; serial: number; iso: string }
  | { kind: "percent"; value: number }
  | { kind: "formula"; formula: string }
  | { kind: "error"; text: string };

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface XlsxSheet {
  name: string;
  /** Row number → cells by column (1-based; holes are empty cells). Only rows with content. */
  rows: Map<number, (XlsxValue | undefined)[]>;
  merges: CellRange[];
  /** The last row and column with content (0 when the sheet is empty). */
  maxRow: number;
  maxColumn: number;
}

export interface XlsxSheetInfo {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  path: string;
}

/** Excel's own limit for the text of one cell: longer text cannot have been typed in Excel or WPS. */
export const MAX_CELL_CHARS = 32_767;

const unreadable = (message: string, details?: unknown) =>
  new AppError("validation", "IMPORT_UNREADABLE", message, details);
const corrupt = (reason: string) =>
  unreadable("无法打开 Excel 文件：文件已损坏，或不是 .xlsx 格式（请在 Excel 中另存为 .xlsx 后再导入）", { reason });

export const columnLetter = (c: number): string => {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** "XFD20000" → [row, column]; null when it is not a cell address. */
export function parseAddress(ref: string): [number, number] | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let column = 0;
  for (const ch of m[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), column];
}

/** Drops a namespace prefix (some writers use <x:c>). */
const local = (name: string) => {
  const i = name.indexOf(":");
  return i === -1 ? name : name.slice(i + 1);
};

function parseXml(
  text: string,
  open: (name: string, attributes: Record<string, string>) => void,
  close: (name: string) => void,
  onText: (text: string) => void,
  part: string,
): void {
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => open(local(tag.name), tag.attributes as Record<string, string>));
  parser.on("closetag", (tag) => close(local(tag.name)));
  parser.on("text", onText);
  parser.on("cdata", onText);
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw corrupt(`${part}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Built-in number formats that show a date or time (including the Chinese locale's 27–36 and 50–58). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);
const PERCENT_FORMAT_IDS = new Set([9, 10]);

type Format = "general" | "percent" | "date";

function formatOfCode(code: string): Format {
  // Quoted text, escaped characters and [colour]/[locale] brackets are not format tokens.
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?!h\]|m\]|s\]|hh\]|mm\]|ss\])[^\]]*\]/gi, "");
  if (bare.includes("%")) return "percent";
  if (/general/i.test(bare)) return "general";
  return /[ymdhs]/i.test(bare.split(";")[0] ?? "") ? "date" : "general";
}

/** Excel's serial day number as a date: the 1900 system (with its phantom 29 Feb 1900), or 1904. */
function serialToIso(serial: number, date1904: boolean): string {
  const ms = Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86_400_000);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(serial);
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

export class XlsxBook {
  readonly sheets: XlsxSheetInfo[];
  private readonly zip: ZipArchive;
  private readonly strings: string[];
  private readonly formats: Format[];
  private readonly date1904: boolean;
  private cells = 0;
  private textChars = 0;

  constructor(
    bytes: Buffer,
    private readonly limits: SheetLimits,
  ) {
    this.zip = new ZipArchive(bytes, limits.maxInflatedBytes, limits.maxSheets * 4 + 64);
    const workbookPath = this.officeDocument();
    const workbook = this.zip.text(workbookPath);
    if (workbook === null) throw corrupt("no workbook part");
    const rels = this.relationships(workbookPath);
    const sheets: XlsxSheetInfo[] = [];
    let date1904 = false;
    parseXml(
      workbook,
      (name, a) => {
        if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
        if (name !== "sheet") return;
        const rid = Object.entries(a).find(([k]) => local(k) === "id")?.[1];
        const path = rid ? rels.get(rid) : undefined;
        if (!path) return; // a chart sheet or a broken reference: nothing to read
        const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
        sheets.push({ name: a.name ?? "", state, path });
      },
      () => {},
      () => {},
      workbookPath,
    );
    if (sheets.length > limits.maxSheets)
      throw new AppError(
        "too_large",
        "IMPORT_FILE_TOO_LARGE",
        `工作簿中有 ${sheets.length} 个工作表，超过上限 ${limits.maxSheets} 个，请拆分后分批导入`,
        { sheets: sheets.length, limit: limits.maxSheets },
      );
    this.sheets = sheets;
    this.date1904 = date1904;
    const dir = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
    const target = (type: string) => [...rels.entries()].find(([k]) => k === `type:${type}`)?.[1];
    this.strings = this.sharedStrings(target("sharedStrings") ?? `${dir}sharedStrings.xml`);
    this.formats = this.cellFormats(target("styles") ?? `${dir}styles.xml`);
  }

  /** Reads one sheet's cells; the file is refused when content lies outside the limits. */
  readSheet(info: XlsxSheetInfo): XlsxSheet {
    const xml = this.zip.text(info.path);
    if (xml === null) throw corrupt(`missing sheet part ${info.path}`);
    const { maxRows, maxColumns } = this.limits;
    const sheet: XlsxSheet = { name: info.name, rows: new Map(), merges: [], maxRow: 0, maxColumn: 0 };
    let row = 0;
    let column = 0;
    let type = "n";
    let style = 0;
    let capture: "v" | "f" | "t" | null = null;
    let inInline = false;
    let inPhonetic = false;
    let v = "";
    let f = "";
    let hasF = false;
    let t = "";
    let mergedArea = 0;
    parseXml(
      xml,
      (name, a) => {
        switch (name) {
          case "row":
            row = a.r ? Number(a.r) : row + 1;
            column = 0;
            break;
          case "c": {
            const at = a.r ? parseAddress(a.r) : null;
            if (at) [row, column] = at;
            else column += 1;
            type = a.t ?? "n";
            style = a.s ? Number(a.s) : 0;
            v = "";
            f = "";
            t = "";
            hasF = false;
            break;
          }
          case "v":
            capture = "v";
            break;
          case "f":
            capture = "f";
            hasF = true;
            break;
          case "is":
            inInline = true;
            break;
          case "rPh":
            inPhonetic = true;
            break;
          case "t":
            if (inInline && !inPhonetic) capture = "t";
            break;
          case "mergeCell": {
            const range = this.range(a.ref ?? "");
            if (!range) break;
            mergedArea += (range.bottom - range.top + 1) * (range.right - range.left + 1);
            // Merges never overlap in a sound file, so together they cover at most the allowed area.
            if (mergedArea > maxRows * maxColumns)
              throw unreadable(
                `工作表“${info.name}”有重叠合并的单元格，文件已损坏；请在 Excel 中取消这些合并，另存为 .xlsx 后再导入`,
                { reason: `overlapping merges in ${info.name}` },
              );
            sheet.merges.push(range);
            break;
          }
        }
      },
      (name) => {
        if (name === "v" || name === "f" || name === "t") capture = null;
        else if (name === "is") inInline = false;
        else if (name === "rPh") inPhonetic = false;
        else if (name === "c") {
          const value = this.value(type, style, v, hasF ? f : null, t);
          if (value === null) return;
          if (row < 1 || column < 1 || row > maxRows || column > maxColumns) throw this.outside(info.name, row, column);
          if (typeof value === "string") {
            if (value.length > MAX_CELL_CHARS)
              throw new AppError(
                "too_large",
                "IMPORT_CELL_TOO_LONG",
                `工作表“${info.name}”的单元格 ${columnLetter(column)}${row} 有 ${value.length} 个字符，超过 Excel 单元格 ${MAX_CELL_CHARS} 个字符的上限，文件可能已损坏或被改动`,
                { sheet: info.name, cell: `${columnLetter(column)}${row}`, length: value.length },
              );
            this.takeText(value.length);
          }
          this.takeCells(1);
          const cells = sheet.rows.get(row) ?? [];
          if (cells.length === 0) sheet.rows.set(row, cells);
          cells[column - 1] = value;
          if (row > sheet.maxRow) sheet.maxRow = row;
          if (column > sheet.maxColumn) sheet.maxColumn = column;
        }
      },
      (text) => {
        if (capture === "v") v += text;
        else if (capture === "f") f += text;
        else if (capture === "t") t += text;
      },
      info.path,
    );
    this.countMerges(sheet);
    return sheet;
  }

  private takeCells(n: number): void {
    this.cells += n;
    if (this.cells > this.limits.maxCells)
      throw new AppError(
        "too_large",
        "IMPORT_FILE_TOO_LARGE",
        `文件中有内容的单元格（含合并单元格覆盖的）超过 ${this.limits.maxCells} 个，超出了可导入的范围，请拆分后分批导入`,
        { limit: this.limits.maxCells },
      );
  }

  private takeText(n: number): void {
    this.textChars += n;
    if (this.textChars > this.limits.maxTextChars)
      throw new AppError(
        "too_large",
        "IMPORT_FILE_TOO_LARGE",
        `文件中的文字超过 ${this.limits.maxTextChars} 个字符，超出了可导入的范围，请删除无关内容或拆分后分批导入`,
        { limit: this.limits.maxTextChars },
      );
  }

  /** A merge repeats its master's value over every cell it covers: count those cells and their text. */
  private countMerges(sheet: XlsxSheet): void {
    for (const m of sheet.merges) {
      const repeats = (m.bottom - m.top + 1) * (m.right - m.left + 1) - 1;
      if (repeats <= 0) continue;
      this.takeCells(repeats);
      const master = sheet.rows.get(m.top)?.[m.left - 1];
      if (typeof master === "string") this.takeText(master.length * repeats);
    }
  }

  private outside(sheet: string, row: number, column: number) {
    const { maxRows, maxColumns } = this.limits;
    return new AppError(
      "too_large",
      "IMPORT_SHEET_TOO_LARGE",
      `工作表“${sheet}”的单元格 ${columnLetter(column)}${row} 超出了可导入的范围（最多 ${maxColumns} 列即 A–${columnLetter(maxColumns)} 列、${maxRows} 行）；请删除表格以外的内容，或拆分后分批导入`,
      { sheet, cell: `${columnLetter(column)}${row}`, maxRows, maxColumns },
    );
  }

  /** A merge range clipped to the limits (content outside them is refused anyway); null if malformed. */
  private range(ref: string): CellRange | null {
    const [from, to = from] = ref.split(":");
    const a = parseAddress(from ?? "");
    const b = parseAddress(to ?? "");
    if (!a || !b) return null;
    const { maxRows, maxColumns } = this.limits;
    const top = Math.min(a[0], b[0]);
    const left = Math.min(a[1], b[1]);
    if (top > maxRows || left > maxColumns) return null;
    return {
      top,
      left,
      bottom: Math.min(Math.max(a[0], b[0]), maxRows),
      right: Math.min(Math.max(a[1], b[1]), maxColumns),
    };
  }

  private value(type: string, style: number, v: string, formula: string | null, inline: string): XlsxValue | null {
    switch (type) {
      case "s": {
        if (v === "") return null;
        const s = this.strings[Number(v)];
        if (s === undefined) throw corrupt(`shared string ${v} out of range`);
        return s === "" ? null : s;
      }
      case "inlineStr":
        return inline === "" ? null : inline;
      case "str":
        if (v === "") return formula ? { kind: "formula", formula } : null;
        return v;
      case "b":
        return v === "" ? null : v === "1" || v.toLowerCase() === "true";
      case "e":
        return v === "" ? null : { kind: "error", text: v };
      case "d":
        return v === "" ? null : v;
      default: {
        if (v === "") return formula ? { kind: "formula", formula } : null;
        const n = Number(v);
        if (!Number.isFinite(n)) return v;
        const format = this.formats[style] ?? "general";
        if (format === "date") return { kind: "date", serial: n, iso: serialToIso(n, this.date1904) };
        if (format === "percent") return { kind: "percent", value: n };
        return n;
      }
    }
  }

  /** The main workbook part, as the package's root relationships name it. */
  private officeDocument(): string {
    const rels = this.zip.text("_rels/.rels");
    let path = "xl/workbook.xml";
    if (rels !== null)
      parseXml(
        rels,
        (name, a) => {
          if (name === "Relationship" && /officeDocument$/.test(a.Type ?? "") && a.Target)
            path = a.Target.replace(/^\/+/, "");
        },
        () => {},
        () => {},
        "_rels/.rels",
      );
    return path;
  }

  /** Relationship id → part path (and `type:<kind>` → part path for the workbook's styles and strings). */
  private relationships(part: string): Map<string, string> {
    const slash = part.lastIndexOf("/");
    const dir = part.slice(0, slash + 1);
    const xml = this.zip.text(`${dir}_rels/${part.slice(slash + 1)}.rels`);
    const map = new Map<string, string>();
    if (xml === null) return map;
    parseXml(
      xml,
      (name, a) => {
        if (name !== "Relationship" || !a.Id || !a.Target) return;
        const path = a.Target.startsWith("/") ? a.Target.slice(1) : normalise(dir + a.Target);
        map.set(a.Id, path);
        const kind = /\/(sharedStrings|styles)$/.exec(a.Type ?? "")?.[1];
        if (kind) map.set(`type:${kind}`, path);
      },
      () => {},
      () => {},
      part,
    );
    return map;
  }

  private sharedStrings(path: string): string[] {
    const xml = this.zip.text(path);
    if (xml === null) return [];
    const list: string[] = [];
    let text = "";
    let inT = false;
    let inPhonetic = false;
    parseXml(
      xml,
      (name) => {
        if (name === "si") text = "";
        else if (name === "rPh") inPhonetic = true;
        else if (name === "t" && !inPhonetic) inT = true;
      },
      (name) => {
        if (name === "si") list.push(text);
        else if (name === "rPh") inPhonetic = false;
        else if (name === "t") inT = false;
      },
      (s) => {
        if (inT) text += s;
      },
      path,
    );
    return list;
  }

  /** The format kind of each cell style (cellXfs index). */
  private cellFormats(path: string): Format[] {
    const xml = this.zip.text(path);
    if (xml === null) return [];
    const codes = new Map<number, string>();
    const formats: Format[] = [];
    let inCellXfs = false;
    parseXml(
      xml,
      (name, a) => {
        if (name === "numFmt" && a.numFmtId) codes.set(Number(a.numFmtId), a.formatCode ?? "");
        else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs) {
          const id = Number(a.numFmtId ?? 0);
          const code = codes.get(id);
          formats.push(
            code !== undefined
              ? formatOfCode(code)
              : DATE_FORMAT_IDS.has(id)
                ? "date"
                : PERCENT_FORMAT_IDS.has(id)
                  ? "percent"
                  : "general",
          );
        }
      },
      (name) => {
        if (name === "cellXfs") inCellXfs = false;
      },
      () => {},
      path,
    );
    return formats;
  }
}

/** "xl/worksheets/../sharedStrings.xml" → "xl/sharedStrings.xml". */
function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}
