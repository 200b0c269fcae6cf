import { AppError } from "../core/errors";
import { CONTENTS_SHEET, sheetIssue } from "../core/goals/goal-sheet";
import { MAX_UPLOAD_BYTES } from "../core/imports/spec";
import { readQuantity } from "../core/selfeval/quantity";
import {
  type CellAt,
  emptyFundsRow,
  type FundsRow,
  SELFEVAL_META_HEADERS,
  SELFEVAL_META_SHEET,
  type SelfEvalFunds,
  type SelfEvalIdentity,
  type SelfEvalRow,
  type SelfEvalSheet,
  type SelfEvalSheetIssue,
  type SelfEvalSheetRead,
} from "../core/selfeval/sheet";
import { isBlankMark, readTarget } from "../core/selfeval/target";
import {
  amountOf,
  type FundsColumn,
  fundsColumnOf,
  fundsRowKind,
  type GridColumn,
  gridColumnOf,
  isEndOfGrid,
  isGoalActualLabel,
  isGoalExpectedLabel,
  isNotApplicable,
  isOverallGoalLabel,
  isTotalLabel,
  levelText,
  type Parsed,
  particularOf,
  pointsOf,
  rateOf,
  stripIndicatorPrefix,
} from "./selfeval-xlsx-labels";
import {
  type Cell,
  cellRightOf,
  cellText,
  type Grid,
  gridOf,
  halfWidth,
  noteText,
  numberText,
} from "./xlsx/sheet-grid";
import { columnLetter, parseAddress, type SheetLimits, XlsxBook, type XlsxSheet } from "./xlsx/sparse-xlsx";

/**
 * Reading project self-evaluation tables (项目支出绩效自评表) from the workbook selfeval-xlsx.ts writes
 * or from a county's own form. Blocks are found by their labels, not by fixed rows: the particulars, the
 * funds block under its header (全年预算数, 全年执行数 …), 年度总体目标 with 预期目标 | 实际完成情况, and
 * the grid under its header with the usual aliases (指标值, 实际值, 全年实际值, 原因分析 …), with or
 * without a 二级指标 column, a unit column or extra columns. Merged cells read as their master, blank
 * level cells take the one above, "指标1：" prefixes and spacer rows ("指标2：", "……") are dropped,
 * numbers typed as text and percent-formatted numbers are read as the clerk meant them. Every problem is
 * reported with its sheet and cell. Runs in the upload worker (read-upload.ts → readSelfEvalWorkbook).
 */

/**
 * What a self-evaluation workbook may hold: a table is a few dozen rows of up to a dozen columns; a
 * department sends one sheet per project. Anything beyond is refused before it is read.
 */
export const SELFEVAL_SHEET_LIMITS: SheetLimits = {
  maxRows: 2_000,
  maxColumns: 40,
  maxCells: 1_000_000,
  maxTextChars: 8_000_000,
  maxSheets: 1_100,
  maxInflatedBytes: 32 * 1024 * 1024,
};

/** The largest PostgreSQL integer: the bound of a form's id and version. */
const INT4_MAX = 2_147_483_647;
const unreadable = (message: string) => new AppError("validation", "IMPORT_UNREADABLE", message);
const emptyFile = (message: string) => new AppError("validation", "IMPORT_EMPTY_FILE", message);
const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Buffer) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

const at = (row: number, c: number, header: string): CellAt => ({ row, column: { letter: columnLetter(c), header } });
const YEAR_RE = /((?:19|20)\d{2})\s*年度/;

interface Reading {
  sheet: string;
  grid: Grid;
  issues: SelfEvalSheetIssue[];
}

/** Parses a figure and reports a problem at its cell. */
function figure<T>(rd: Reading, parsed: Parsed<T>, cell: CellAt, code: string): T | null {
  if (parsed.problem) rd.issues.push(sheetIssue(rd.sheet, code, parsed.problem, cell));
  return parsed.value;
}

/** The texts of a row's cells, one per merge, with their columns. */
function rowCells(grid: Grid, r: number): { c: number; text: string }[] {
  const out: { c: number; text: string }[] = [];
  for (let c = 1; c <= grid.columns; c++) {
    if (c > 1 && grid.master(r, c) === grid.master(r, c - 1)) continue;
    const text = cellText(grid.value(r, c));
    if (text !== "") out.push({ c, text });
  }
  return out;
}

const ownRow = (grid: Grid, r: number, c: number) => parseAddress(grid.master(r, c))?.[0] === r;

// ---------------------------------------------------------------- the grid header

interface GridHeader {
  row: number;
  index: Map<GridColumn, number>;
  headers: Map<GridColumn, string>;
}

function findGridHeader(grid: Grid): GridHeader | null {
  for (const r of grid.rows) {
    const index = new Map<GridColumn, number>();
    const headers = new Map<GridColumn, string>();
    for (const { c, text } of rowCells(grid, r)) {
      const field = gridColumnOf(text);
      if (field && !index.has(field)) {
        index.set(field, c);
        headers.set(field, text);
      }
    }
    if (index.has("name") && index.has("target") && (index.has("actual") || index.has("weight") || index.has("points")))
      return { row: r, index, headers };
  }
  return null;
}

// ---------------------------------------------------------------- above the grid

function readParticulars(rd: Reading, above: number[], table: SelfEvalSheet) {
  const { grid } = rd;
  const found: NonNullable<SelfEvalSheet["particularsAt"]> = {};
  table.particularsAt = found;
  for (const r of above) {
    for (const { c, text } of rowCells(grid, r)) {
      if (table.fiscalYear === null && text.length <= 60) {
        const year = YEAR_RE.exec(halfWidth(text));
        if (year) {
          table.fiscalYear = Number(year[1]);
          found.fiscalYear = at(r, c, "年度");
        }
      }
      const field = particularOf(text);
      if (!field) continue;
      const right = cellRightOf(grid, r, c, false);
      const value = right ? cellText(right.value) : "";
      // A blank value followed by the next label ("主管部门 | 实施单位 | …") is blank, not that label.
      const v = value === "" || particularOf(value) ? "" : value;
      const taken = field === "subjectCode" ? table.subjectCode !== null : table[field] !== "";
      if (taken) continue;
      if (field === "subjectCode") table.subjectCode = v === "" ? null : v;
      else table[field] = v;
      if (right) found[field] = at(r, right.column, text);
    }
  }
}

function readFunds(rd: Reading, above: number[]): SelfEvalFunds {
  const { grid } = rd;
  const funds: SelfEvalFunds = {
    total: emptyFundsRow("年度资金总额"),
    parts: [],
    weight: null,
    rate: null,
    points: null,
  };
  const headerIndex = above.findIndex((r) => {
    const cols = new Set(rowCells(grid, r).map((x) => fundsColumnOf(x.text)));
    return cols.has("adjusted") && cols.has("executed");
  });
  if (headerIndex === -1) return funds;
  const headerRow = above[headerIndex]!;
  const columns = new Map<FundsColumn, { c: number; header: string }>();
  for (const { c, text } of rowCells(grid, headerRow)) {
    const f = fundsColumnOf(text);
    if (f && !columns.has(f)) columns.set(f, { c, header: text });
  }
  const firstFigure = Math.min(...[...columns.values()].map((x) => x.c));
  let totalSeen = false;
  for (const r of above.slice(headerIndex + 1)) {
    // The row's label: the last cell of its own row left of the figures (a block label merged down is not one).
    let label = "";
    for (let c = firstFigure - 1; c >= 1 && label === ""; c--)
      if (ownRow(grid, r, c)) label = cellText(grid.value(r, c));
    const kind = fundsRowKind(label);
    if (kind === null || (kind === "total" && totalSeen)) break;
    const cell = (f: FundsColumn) => {
      const col = columns.get(f);
      return col
        ? { at: at(r, col.c, col.header), value: grid.value(r, col.c), percent: grid.isPercent(r, col.c) }
        : null;
    };
    const money = (f: "initial" | "adjusted" | "executed") => {
      const x = cell(f);
      return x ? { value: figure(rd, amountOf(x.value), x.at, "SELFEVAL_SHEET_BAD_AMOUNT"), at: x.at } : null;
    };
    const initial = money("initial");
    const adjusted = money("adjusted");
    const executed = money("executed");
    const row: FundsRow = {
      label: label.replace(/[:：]\s*$/, "").trim(),
      initial: initial?.value ?? null,
      adjusted: adjusted?.value ?? null,
      executed: executed?.value ?? null,
      at: { initial: initial?.at ?? null, adjusted: adjusted?.at ?? null, executed: executed?.at ?? null },
    };
    if (kind === "part") {
      funds.parts.push(row);
      continue;
    }
    totalSeen = true;
    funds.total = row;
    const w = cell("weight");
    const rate = cell("rate");
    const p = cell("points");
    funds.weight = w ? figure(rd, pointsOf(w.value), w.at, "SELFEVAL_SHEET_BAD_POINTS") : null;
    funds.rate = rate ? figure(rd, rateOf(rate.value, rate.percent), rate.at, "SELFEVAL_SHEET_BAD_RATE") : null;
    funds.points = p ? figure(rd, pointsOf(p.value), p.at, "SELFEVAL_SHEET_BAD_POINTS") : null;
    funds.at = { weight: w?.at ?? null, rate: rate?.at ?? null, points: p?.at ?? null };
  }
  if (!totalSeen && funds.parts.length > 0)
    rd.issues.push(
      sheetIssue(rd.sheet, "SELFEVAL_SHEET_NO_TOTAL_FUNDS", "资金表中找不到“年度资金总额”行，无法计算预算执行率"),
    );
  return funds;
}

function readOverallGoal(rd: Reading, above: number[], table: SelfEvalSheet) {
  const { grid } = rd;
  for (const [i, r] of above.entries()) {
    const cells = rowCells(grid, r);
    const expected = cells.find((x) => isGoalExpectedLabel(x.text));
    const actual = cells.find((x) => isGoalActualLabel(x.text));
    if (!expected && !actual) continue;
    const below = above[i + 1];
    if (below === undefined) return;
    const valueAt = (c: number, header: string) => ({ at: at(below, c, header), text: noteText(grid.value(below, c)) });
    if (expected) {
      const v = valueAt(expected.c, expected.text);
      table.overallGoal.expected = v.text;
      table.overallGoal.at = { expected: v.at, actual: table.overallGoal.at?.actual ?? null };
    }
    if (actual) {
      const v = valueAt(actual.c, actual.text);
      table.overallGoal.actual = v.text === "" ? null : v.text;
      table.overallGoal.at = { expected: table.overallGoal.at?.expected ?? null, actual: v.at };
    }
    return;
  }
  // A goal-table style row: 年度总体目标 | the goal.
  for (const r of above)
    for (const { c, text } of rowCells(grid, r)) {
      if (!isOverallGoalLabel(text)) continue;
      const right = cellRightOf(grid, r, c, true);
      if (!right) continue;
      table.overallGoal.expected = noteText(right.value);
      table.overallGoal.at = { expected: at(r, right.column, text), actual: null };
      return;
    }
}

// ---------------------------------------------------------------- the grid

/** A value with the unit of a separate unit column put back after its number ("120" + "公里"). */
function withUnit(text: string, unit: string): string {
  if (unit === "" || isBlankMark(text)) return text;
  const q = readQuantity(readTarget(text).value);
  return q && q.unit === "" ? `${text}${unit}` : text;
}

function readRows(rd: Reading, header: GridHeader, table: SelfEvalSheet) {
  const { grid } = rd;
  const { index, headers } = header;
  const nameCol = index.get("name")!;
  let previous: { level1: string; level2: string } | null = null;
  for (const r of grid.rows) {
    if (r <= header.row) continue;
    const raw = (f: GridColumn): Cell => {
      const c = index.get(f);
      return c === undefined ? null : grid.value(r, c);
    };
    const text = (f: GridColumn) => cellText(raw(f));
    const cellAt = (f: GridColumn) => {
      const c = index.get(f);
      return c === undefined ? null : at(r, c, headers.get(f) ?? "");
    };
    const lead = rowCells(grid, r).filter((x) => x.c <= nameCol);
    if (lead.some((x) => isTotalLabel(x.text))) {
      readTotal(rd, cellAt, raw, table);
      return;
    }
    if (lead[0] && isEndOfGrid(lead[0].text)) return;

    const name = stripIndicatorPrefix(text("name"));
    const own: GridColumn[] = ["target", "actual", "weight", "points"];
    if (isBlankMark(name) && own.every((f) => isBlankMark(text(f)))) continue;

    const level1: string = levelText(text("level1")) || previous?.level1 || "";
    const level2: string = levelText(text("level2")) || (previous && previous.level1 === level1 ? previous.level2 : "");
    previous = { level1, level2 };

    const unit = text("unit");
    // An operator column, or 指标性质 holding "≥" (as some provinces print it), goes back before the value.
    const opText = halfWidth(text("operator") || text("kind")).replace(/\s+/g, "");
    const operator = opText !== "" && readTarget(`${opText}1`).value === "1" ? opText : "";
    // A number in a percent cell is a fraction shown as a percentage (0.98 as 98%): read as the clerk sees it.
    const shownText = (f: "target" | "actual") => {
      const c = index.get(f);
      const v = raw(f);
      return typeof v === "number" && c !== undefined && grid.isPercent(r, c)
        ? `${numberText(v * 100)}%`
        : withUnit(cellText(v), unit);
    };
    let target = shownText("target");
    if (operator !== "" && readTarget(target).operator === null && !isBlankMark(target))
      target = `${operator}${target}`;
    const actualText = shownText("actual");
    const notApplicable = [text("actual"), text("weight"), text("points")].some(isNotApplicable);
    const num = (f: "weight" | "points") => {
      const c = cellAt(f);
      if (!c || isNotApplicable(text(f))) return null;
      return figure(rd, pointsOf(raw(f)), c, "SELFEVAL_SHEET_BAD_POINTS");
    };
    const note = noteText(raw("deviationNote"));
    const row: SelfEvalRow = {
      level1,
      level2,
      name,
      target,
      actual: isBlankMark(actualText) || notApplicable ? null : actualText,
      weight: num("weight"),
      points: num("points"),
      deviationNote: note === "" ? null : note,
      notApplicable,
      at: {
        row: r,
        name: cellAt("name"),
        target: cellAt("target"),
        actual: cellAt("actual"),
        weight: cellAt("weight"),
        points: cellAt("points"),
        deviationNote: cellAt("deviationNote"),
      },
    };
    if (isBlankMark(name))
      rd.issues.push(sheetIssue(rd.sheet, "SELFEVAL_SHEET_NO_NAME", "三级指标名称未填写", cellAt("name")!));
    table.rows.push(row);
  }
}

function readTotal(
  rd: Reading,
  cellAt: (f: GridColumn) => CellAt | null,
  raw: (f: GridColumn) => Cell,
  table: SelfEvalSheet,
) {
  const points = cellAt("points");
  const weight = cellAt("weight");
  table.statedTotal = points ? figure(rd, pointsOf(raw("points")), points, "SELFEVAL_SHEET_BAD_POINTS") : null;
  table.statedWeightTotal = weight ? figure(rd, pointsOf(raw("weight")), weight, "SELFEVAL_SHEET_BAD_POINTS") : null;
  table.totalAt = { points, weight };
}

// ---------------------------------------------------------------- a sheet, a workbook

/** Reads one worksheet; `identity` is its row of the very hidden sheet, if any. */
export function readSelfEvalSheet(ws: XlsxSheet, identity: SelfEvalIdentity | null): SelfEvalSheetRead {
  const grid = gridOf(ws, 9);
  const rd: Reading = { sheet: ws.name, grid, issues: [] };
  const header = findGridHeader(grid);
  if (!header)
    return {
      sheet: ws.name,
      table: null,
      issues: [
        sheetIssue(
          ws.name,
          "SELFEVAL_SHEET_NOT_FORM",
          "找不到绩效指标表头（三级指标、年度指标值、实际完成值、分值、得分……），不是项目支出绩效自评表，已跳过",
        ),
      ],
    };
  const table: SelfEvalSheet = {
    sheet: ws.name,
    fiscalYear: null,
    subjectName: "",
    subjectCode: null,
    departmentName: "",
    unitName: "",
    funds: { total: emptyFundsRow("年度资金总额"), parts: [], weight: null, rate: null, points: null },
    overallGoal: { expected: "", actual: null },
    rows: [],
    statedTotal: null,
    statedWeightTotal: null,
    identity,
  };
  const above = grid.rows.filter((r) => r < header.row);
  readParticulars(rd, above, table);
  table.funds = readFunds(rd, above);
  readOverallGoal(rd, above, table);
  readRows(rd, header, table);
  if (table.fiscalYear === null && identity) table.fiscalYear = identity.fiscalYear;

  const missing = (["actual", "weight", "points"] as const).filter((f) => !header.index.has(f));
  const names = { actual: "实际完成值", weight: "分值", points: "得分" };
  if (missing.length > 0)
    rd.issues.push(
      sheetIssue(
        ws.name,
        "SELFEVAL_SHEET_MISSING_COLUMNS",
        `第${header.row}行的指标表头缺少列：${missing.map((f) => names[f]).join("、")}；缺少的内容无法核对`,
      ),
    );
  if (table.funds.total.adjusted === null && table.funds.total.executed === null && !table.funds.at)
    rd.issues.push(
      sheetIssue(
        ws.name,
        "SELFEVAL_SHEET_NO_FUNDS",
        "找不到项目资金表（全年预算数、全年执行数……），无法核对预算执行率",
      ),
    );
  if (table.fiscalYear === null)
    rd.issues.push(sheetIssue(ws.name, "SELFEVAL_SHEET_NO_YEAR", "标题中找不到年度（如“（2024年度）”）"));
  return { sheet: ws.name, table, issues: rd.issues };
}

/** The identification sheet's rows by sheet name; null when the workbook has none. */
function readMeta(book: XlsxBook): Map<string, SelfEvalIdentity> | null {
  const info = book.sheets.find((s) => s.name === SELFEVAL_META_SHEET);
  if (!info) return null;
  const ws = book.readSheet(info);
  const header = (ws.rows.get(1) ?? []).map((v) => (typeof v === "string" ? v.trim() : ""));
  const col = Object.fromEntries(SELFEVAL_META_HEADERS.map((h) => [h, header.indexOf(h)])) as Record<
    (typeof SELFEVAL_META_HEADERS)[number],
    number
  >;
  if (Object.values(col).some((c) => c < 0)) return null;
  const map = new Map<string, SelfEvalIdentity>();
  for (const [r, cells] of ws.rows) {
    if (r === 1) continue;
    const text = (c: number) => {
      const v = cells[c];
      return typeof v === "string" || typeof v === "number" ? cellText(v) : "";
    };
    // Ids and versions are PostgreSQL integers: a larger one was not written by the system (and would reach
    // the database only to be refused there, without naming the sheet).
    const int = (c: number) => {
      const n = Number(text(c));
      return Number.isSafeInteger(n) && n > 0 && n <= INT4_MAX ? n : null;
    };
    const name = text(col.sheet);
    const formId = int(col.formId);
    const version = int(col.version);
    const fiscalYear = int(col.fiscalYear);
    if (name === "" || formId === null || version === null || fiscalYear === null) continue;
    map.set(name, { formId, version, fiscalYear, unitCode: text(col.unitCode), subjectCode: text(col.subjectCode) });
  }
  return map;
}

/**
 * Reads a workbook of self-evaluation tables: every visible sheet but the 目录. A file that is not an
 * xlsx, is empty or holds no self-evaluation table is refused whole; problems inside a sheet are
 * returned with the sheet, and sheets that are not tables (a 说明 sheet) are returned as such.
 */
export function parseSelfEvalWorkbook(bytes: Buffer): SelfEvalSheetRead[] {
  if (bytes.length > MAX_UPLOAD_BYTES)
    throw new AppError("too_large", "IMPORT_FILE_TOO_LARGE", "文件超过 10 MB 上限，请分批导入", {
      size: bytes.length,
      limit: MAX_UPLOAD_BYTES,
    });
  if (bytes.length === 0) throw emptyFile("文件是空的（0字节），请选择填好的项目支出绩效自评表 Excel 文件");
  if (isOle(bytes)) throw unreadable("不支持 Excel 97-2003 格式（.xls）；请在 Excel 中另存为 .xlsx 工作簿后再导入");
  if (!isZip(bytes)) throw unreadable("文件不是 Excel（.xlsx）工作簿；请使用项目支出绩效自评表的 Excel 文件");
  const book = new XlsxBook(bytes, SELFEVAL_SHEET_LIMITS);
  const meta = readMeta(book);
  const read: SelfEvalSheetRead[] = [];
  for (const info of book.sheets) {
    if (info.state !== "visible" || info.name === CONTENTS_SHEET || info.name === SELFEVAL_META_SHEET) continue;
    const sheet = book.readSheet(info);
    if (sheet.rows.size > 0) read.push(readSelfEvalSheet(sheet, meta?.get(info.name) ?? null));
  }
  if (read.length === 0) throw emptyFile("文件中没有内容（工作表都是空的），请选择填好的项目支出绩效自评表");
  if (read.every((s) => s.table === null))
    throw unreadable(
      "文件中没有项目支出绩效自评表：各工作表都找不到绩效指标表头（三级指标、年度指标值、实际完成值、分值、得分）",
    );
  return read;
}
