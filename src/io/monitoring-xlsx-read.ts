import { AppError } from "../core/errors";
import { CONTENTS_SHEET, sheetIssue } from "../core/goals/goal-sheet";
import { MAX_UPLOAD_BYTES } from "../core/imports/spec";
import type { Fen } from "../core/money";
import {
  type CellAt,
  GRID_FIELDS,
  type GridField,
  gridHeaders,
  type LockedItemRead,
  MONITORING_META_HEADERS,
  MONITORING_META_SHEET,
  type MonitoringLockedRead,
  type MonitoringSheetIssue,
  type MonitoringSheetLayout,
  type MonitoringSheetMeta,
  type MonitoringSheetRead,
  type SheetColumn,
} from "../core/monitoring/sheet";
import { parseLikelihood, wanToFen } from "../core/monitoring/sheet-values";
import type { ItemAnswers, ReportAnswers } from "../core/monitoring/types";
import { type Cell, cellRightOf, cellText, type Grid, gridOf, halfWidth, norm, noteText } from "./xlsx/sheet-grid";
import { columnLetter, type SheetLimits, XlsxBook, type XlsxSheet } from "./xlsx/sparse-xlsx";

/**
 * Reading monitoring reports back from the workbook written by monitoring-xlsx.ts. Blocks are found by
 * their labels, not by fixed rows, so inserted blank rows, moved blocks and the usual header wordings
 * (完成值, 实际完成值, 可能性 …) still read; which report and round a sheet belongs to comes from the very
 * hidden identification sheet. Answers are parsed here (amounts in 万元 to exact fen, likelihood labels);
 * the prefilled part is returned as read, for core/monitoring/sheet.ts `compareLocked`.
 */

/**
 * What a monitoring workbook may hold: a report is a header block and a grid of some dozens of
 * indicators whose notes run to a few hundred characters; a department sends one sheet per project.
 */
export const MONITORING_SHEET_LIMITS: SheetLimits = {
  maxRows: 2_000,
  maxColumns: 40,
  maxCells: 1_000_000,
  maxTextChars: 12_000_000,
  maxSheets: 1_100,
  maxInflatedBytes: 48 * 1024 * 1024,
};

const unreadable = (message: string) => new AppError("validation", "IMPORT_UNREADABLE", message);
const emptyFile = (message: string) => new AppError("validation", "IMPORT_EMPTY_FILE", message);
const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Buffer) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

const GRID_ALIASES: Record<GridField, readonly (string | RegExp)[]> = {
  level1: ["一级指标"],
  level2: ["二级指标"],
  name: ["三级指标", "指标名称", "三级指标名称"],
  target: ["年度指标值", "指标值", "年度目标值", "目标值", "全年指标值"],
  progress: [
    /^截至\d{1,2}月(底)?(完成值|完成情况|执行情况)$/,
    /^1[-－—–~～至]\d{1,2}月(完成值|完成情况|执行情况)$/,
    "完成值",
    "实际完成值",
    "截至目前完成值",
    "当前完成值",
  ],
  expected: ["预计全年完成值", "全年预计完成值", "全年预计完成情况", "预计全年完成情况", "预计年底完成值"],
  likelihood: ["完成目标可能性", "目标完成可能性", "可能性", "完成可能性"],
  cause: ["偏差原因", "偏差原因分析", "偏差原因类别", "原因类别"],
  causeNote: ["偏差原因说明", "原因说明", "偏差说明", "偏差原因具体说明"],
  measures: ["改进措施", "纠偏措施", "整改措施", "下一步措施"],
  uid: ["指标标识"],
};

function gridFieldOf(text: string): GridField | undefined {
  const key = norm(text);
  if (key === "") return undefined;
  return GRID_FIELDS.find((f) => GRID_ALIASES[f].some((a) => (typeof a === "string" ? norm(a) === key : a.test(key))));
}

const SUMMARY_LABELS: Record<"budget" | "executed" | "expectedYearEnd" | "executionNote", (key: string) => boolean> = {
  budget: (k) => k === "全年预算数" || k === "全年预算数(调整后)" || k === "调整后预算数" || k === "年度预算数",
  executed: (k) => /^(截至\d{1,2}月(底)?|1[-－—–~～至]\d{1,2}月)(累计)?执行数$/.test(k),
  expectedYearEnd: (k) => k === "预计全年执行数" || k === "全年预计执行数" || k === "预计年底执行数",
  executionNote: (k) => k.startsWith("超预算说明"),
};
const LABEL_CODE = new Set(["项目编码", "部门编码"]);
const LABEL_UNIT_CODE = new Set(["单位编码", "实施单位编码"]);
const LABEL_OVERALL = new Set(["年度总体目标完成情况", "总体目标完成情况", "年度总体目标执行情况"]);
const PERIOD_RE = /((?:19|20)\d{2})\s*年度?.*?截至\s*(\d{1,2})\s*月/;
const MONTH_RE = /^(\d{1,2})月$/;
const NOTE_ROW_RE = /^(填表说明|说明|注[:：]|备注[:：]|单位负责人)/;

const column = (c: number, header: string): SheetColumn => ({ letter: columnLetter(c), header });
const at = (row: number, c: number, header: string): CellAt => ({ row, column: column(c, header) });

/** An amount cell: fen (null when blank or unreadable), the text as read, and an issue when unreadable. */
function amountOf(v: Cell): { fen: Fen | null; text: string; reason: string | null } {
  const text = cellText(v);
  if (v === null || text === "") return { fen: null, text: "", reason: null };
  const parsed = wanToFen(typeof v === "number" ? v : text);
  return parsed.ok ? { fen: parsed.fen, text, reason: null } : { fen: null, text, reason: parsed.reason };
}

/** A quantity a clerk typed: full-width digits and signs made ASCII when that leaves a plain number. */
function answerText(v: Cell, percent: boolean): string | null {
  const text = cellText(v, percent);
  if (text === "") return null;
  const ascii = halfWidth(text).replace(/\s+/g, "");
  return /^[<>=≥≤]*-?[\d,]*\.?\d+%?$/.test(ascii) ? ascii : text;
}

const emptyLocked = (): MonitoringLockedRead => ({
  fiscalYear: null,
  cutoffMonth: null,
  subjectCode: null,
  unitCode: null,
  budget: null,
  executed: null,
  byMonth: Array(12).fill(null),
  shown: { budget: "", executed: "", byMonth: Array(12).fill("") },
  items: [],
});

const emptyLayout = (): MonitoringSheetLayout => ({
  title: null,
  subjectCode: null,
  unitCode: null,
  budget: null,
  executed: null,
  months: Array(12).fill(null),
  expectedYearEnd: null,
  executionNote: null,
  overallStatus: null,
  headerRow: null,
  columns: {},
});

/** Reads one sheet of the monitoring layout; `meta` is its row of the identification sheet, if any. */
export function readMonitoringSheet(ws: XlsxSheet, meta: MonitoringSheetMeta | null): MonitoringSheetRead {
  const sheet = ws.name;
  const grid = gridOf(ws, GRID_FIELDS.length);
  const issues: MonitoringSheetIssue[] = [];
  const locked = emptyLocked();
  const layout = emptyLayout();
  const answers: ReportAnswers = { overallStatus: "", expectedYearEnd: null, executionNote: null, items: [] };

  const header = findGridHeader(grid, layout);
  const above = (r: number) => header === null || r < header.row;
  readParticulars(grid, locked, layout, answers, above);
  readMonths(grid, sheet, locked, layout, issues, above);
  readSummary(grid, sheet, locked, layout, answers, issues, above);

  if (!layout.title)
    issues.push(
      sheetIssue(sheet, "MONITORING_SHEET_NO_PERIOD", "标题下找不到年度和截至月份（如“（2024年度 截至7月）”）"),
    );
  if (!layout.budget)
    issues.push(
      sheetIssue(
        sheet,
        "MONITORING_SHEET_NO_EXECUTION",
        "找不到预算执行情况（全年预算数、截至N月执行数……），请使用系统导出的绩效运行监控表",
      ),
    );
  if (header === null)
    issues.push(
      sheetIssue(
        sheet,
        "MONITORING_SHEET_NO_HEADER",
        "找不到绩效指标表头（一级指标、二级指标、三级指标……），不是绩效运行监控表格式；请使用系统导出的绩效运行监控表",
      ),
    );
  else readItems(grid, sheet, header, locked, layout, answers, issues);

  if (!meta)
    issues.push(
      sheetIssue(
        sheet,
        "MONITORING_SHEET_NO_META",
        "无法确定本工作表属于哪份监控报告（缺少系统标识，或工作表被改名、复制到了其他工作簿）；请重新下载监控表，在下载的文件中填写后导入",
      ),
    );
  return { sheetName: sheet, meta, locked, answers, layout, issues };
}

/** The indicator grid's header row (naming 一级指标, 二级指标 and 三级指标) and each field's column number. */
function findGridHeader(
  grid: Grid,
  layout: MonitoringSheetLayout,
): { row: number; index: Map<GridField, number> } | null {
  for (const r of grid.rows) {
    const found = new Map<GridField, number>();
    for (let c = 1; c <= grid.columns; c++) {
      if (c > 1 && grid.master(r, c) === grid.master(r, c - 1)) continue;
      const field = gridFieldOf(cellText(grid.value(r, c)));
      if (field && !found.has(field)) found.set(field, c);
    }
    if (found.has("level1") && found.has("level2") && found.has("name")) {
      layout.headerRow = r;
      for (const [field, c] of found) layout.columns[field] = column(c, cellText(grid.value(r, c)));
      return { row: r, index: found };
    }
  }
  return null;
}

function readParticulars(
  grid: Grid,
  locked: MonitoringLockedRead,
  layout: MonitoringSheetLayout,
  answers: ReportAnswers,
  above: (r: number) => boolean,
) {
  for (const r of grid.rows) {
    if (!above(r)) break;
    for (let c = 1; c <= grid.columns; c++) {
      if (c > 1 && grid.master(r, c) === grid.master(r, c - 1)) continue;
      const text = cellText(grid.value(r, c));
      if (text === "") continue;
      const key = norm(text);
      const period = PERIOD_RE.exec(halfWidth(text));
      if (period && !layout.title) {
        locked.fiscalYear = Number(period[1]);
        locked.cutoffMonth = Number(period[2]);
        layout.title = at(r, c, "年度及截至月份");
        continue;
      }
      const right = () => {
        const cell = cellRightOf(grid, r, c, false);
        return cell ? { text: cellText(cell.value), at: at(r, cell.column, text), value: cell.value } : null;
      };
      if (LABEL_CODE.has(key) && !layout.subjectCode) {
        const v = right();
        locked.subjectCode = v?.text ?? "";
        layout.subjectCode = v?.at ?? at(r, c + 1, text);
      } else if (LABEL_UNIT_CODE.has(key) && !layout.unitCode) {
        const v = right();
        locked.unitCode = v?.text ?? "";
        layout.unitCode = v?.at ?? at(r, c + 1, text);
      } else if (LABEL_OVERALL.has(key) && !layout.overallStatus) {
        const v = right();
        answers.overallStatus = noteText(v?.value ?? null);
        layout.overallStatus = v?.at ?? at(r, c + 1, text);
      }
    }
  }
}

/** 1月…12月 labels with the amounts under them, on the next row labelled 执行数 (blank rows between are fine). */
function readMonths(
  grid: Grid,
  sheet: string,
  locked: MonitoringLockedRead,
  layout: MonitoringSheetLayout,
  issues: MonitoringSheetIssue[],
  above: (r: number) => boolean,
) {
  const rows = grid.rows.filter(above);
  rows.forEach((r, index) => {
    const months: [number, number][] = [];
    for (let c = 1; c <= grid.columns; c++) {
      const m = MONTH_RE.exec(norm(cellText(grid.value(r, c))));
      const month = m ? Number(m[1]) : 0;
      if (month >= 1 && month <= 12 && !layout.months[month - 1]) months.push([month, c]);
    }
    if (months.length === 0) return;
    const valueRow = rows.slice(index + 1).find((x) => rowLabel(grid, x).startsWith("执行数"));
    if (valueRow === undefined) return;
    for (const [month, c] of months) {
      const cellAt = at(valueRow, c, `${month}月执行数`);
      const amount = amountOf(grid.value(valueRow, c));
      layout.months[month - 1] = cellAt;
      locked.byMonth[month - 1] = amount.fen;
      locked.shown.byMonth[month - 1] = amount.text;
      if (amount.reason) issues.push(sheetIssue(sheet, "MONITORING_SHEET_BAD_AMOUNT", amount.reason, cellAt));
    }
  });
}

const rowLabel = (grid: Grid, r: number) => norm(cellText(grid.value(r, 1)));

/** The summary: a row of labels (全年预算数, 截至N月执行数 …) with the values in the next row holding content. */
function readSummary(
  grid: Grid,
  sheet: string,
  locked: MonitoringLockedRead,
  layout: MonitoringSheetLayout,
  answers: ReportAnswers,
  issues: MonitoringSheetIssue[],
  above: (r: number) => boolean,
) {
  const rows = grid.rows.filter(above);
  for (const [index, r] of rows.entries()) {
    const found = new Map<keyof typeof SUMMARY_LABELS, { c: number; header: string }>();
    for (let c = 1; c <= grid.columns; c++) {
      if (c > 1 && grid.master(r, c) === grid.master(r, c - 1)) continue;
      const header = cellText(grid.value(r, c));
      const key = norm(header);
      for (const [field, test] of Object.entries(SUMMARY_LABELS) as [
        keyof typeof SUMMARY_LABELS,
        (k: string) => boolean,
      ][])
        if (key !== "" && test(key) && !found.has(field)) found.set(field, { c, header });
    }
    if (!found.has("budget")) continue;
    const valueRow = rows[index + 1];
    if (valueRow === undefined) return;
    for (const [field, { c, header }] of found) {
      const cellAt = at(valueRow, c, header);
      const v = grid.value(valueRow, c);
      if (field === "executionNote") {
        const note = noteText(v);
        answers.executionNote = note === "" ? null : note;
        layout.executionNote = cellAt;
        continue;
      }
      const amount = amountOf(v);
      if (amount.reason) issues.push(sheetIssue(sheet, "MONITORING_SHEET_BAD_AMOUNT", amount.reason, cellAt));
      if (field === "expectedYearEnd") {
        layout.expectedYearEnd = cellAt;
        if (amount.fen !== null && amount.fen < 0)
          issues.push(sheetIssue(sheet, "MONITORING_SHEET_BAD_AMOUNT", "预计全年执行数不能为负数", cellAt));
        else answers.expectedYearEnd = amount.fen;
      } else {
        layout[field] = cellAt;
        locked[field] = amount.fen;
        locked.shown[field] = amount.text;
      }
    }
    return;
  }
}

function readItems(
  grid: Grid,
  sheet: string,
  { row: headerRow, index }: { row: number; index: Map<GridField, number> },
  locked: MonitoringLockedRead,
  layout: MonitoringSheetLayout,
  answers: ReportAnswers,
  issues: MonitoringSheetIssue[],
) {
  const { columns } = layout;
  const names = gridHeaders(locked.cutoffMonth ?? 0);
  names.progress = "截至N月完成值";
  const missing = GRID_FIELDS.filter((f) => f !== "uid" && !index.has(f)).map((f) => names[f]);
  if (missing.length > 0)
    issues.push(
      sheetIssue(
        sheet,
        "MONITORING_SHEET_MISSING_COLUMNS",
        `第${headerRow}行的指标表头缺少列：${missing.join("、")}；请使用系统导出的绩效运行监控表，不要删除或改名表头`,
      ),
    );
  if (!index.has("uid"))
    issues.push(
      sheetIssue(
        sheet,
        "MONITORING_SHEET_NO_UID",
        "指标表缺少隐藏的“指标标识”列，无法把各行对应到绩效指标；请使用系统导出的绩效运行监控表",
      ),
    );

  let previous: { level1: string; level2: string } | null = null;
  for (const r of grid.rows) {
    if (r <= headerRow) continue;
    const raw = (f: GridField): Cell => {
      const c = index.get(f);
      return c === undefined ? null : grid.value(r, c);
    };
    const text = (f: GridField) => cellText(raw(f));
    if (NOTE_ROW_RE.test(norm(cellText(grid.value(r, 1))))) break;
    const own = GRID_FIELDS.filter((f) => f !== "level1" && f !== "level2");
    if (own.every((f) => text(f) === "")) continue;

    const level1: string = text("level1") || previous?.level1 || "";
    const level2: string = text("level2") || (previous && previous.level1 === level1 ? previous.level2 : "");
    previous = { level1, level2 };
    const item: LockedItemRead = {
      uid: text("uid"),
      row: r,
      level1,
      level2,
      name: text("name"),
      target: text("target"),
    };
    locked.items.push(item);

    const likelihoodText = text("likelihood");
    const likelihood = parseLikelihood(likelihoodText);
    if (likelihood === undefined)
      issues.push(
        sheetIssue(
          sheet,
          "MONITORING_SHEET_BAD_LIKELIHOOD",
          `完成目标可能性“${likelihoodText}”无法识别，应为“确定能”“有可能”或“完全不可能”`,
          { row: r, column: columns.likelihood! },
        ),
      );
    const percentAt = (f: GridField) => {
      const c = index.get(f);
      return c !== undefined && grid.isPercent(r, c);
    };
    const note = (f: GridField) => {
      const t = noteText(raw(f));
      return t === "" ? null : t;
    };
    const itemAnswers: ItemAnswers = {
      progress: answerText(raw("progress"), percentAt("progress")),
      expected: answerText(raw("expected"), percentAt("expected")),
      likelihood: likelihood ?? null,
      cause: text("cause") === "" ? null : text("cause"),
      causeNote: note("causeNote"),
      measures: note("measures"),
    };
    if (item.uid !== "") answers.items.push({ uid: item.uid, answers: itemAnswers });
  }
}

/** The identification sheet's rows by sheet name; null when the workbook has none. */
function readMeta(book: XlsxBook): Map<string, MonitoringSheetMeta> | null {
  const info = book.sheets.find((s) => s.name === MONITORING_META_SHEET);
  if (!info) return null;
  const ws = book.readSheet(info);
  const header = (ws.rows.get(1) ?? []).map((v) => (typeof v === "string" ? v.trim() : ""));
  const col = Object.fromEntries(MONITORING_META_HEADERS.map((h) => [h, header.indexOf(h)])) as Record<
    (typeof MONITORING_META_HEADERS)[number],
    number
  >;
  if (Object.values(col).some((c) => c < 0)) return null;
  const map = new Map<string, MonitoringSheetMeta>();
  for (const [r, cells] of ws.rows) {
    if (r === 1) continue;
    const text = (c: number) => {
      const v = cells[c];
      return typeof v === "string" || typeof v === "number" ? cellText(v) : "";
    };
    const int = (c: number) => {
      const n = Number(text(c));
      return Number.isSafeInteger(n) && n > 0 ? n : null;
    };
    const name = text(col.sheet);
    const reportId = int(col.reportId);
    const roundId = int(col.roundId);
    const version = int(col.version);
    if (name === "" || reportId === null || roundId === null || version === null) continue;
    map.set(name, { reportId, roundId, version, unitCode: text(col.unitCode), subjectCode: text(col.subjectCode) });
  }
  return map;
}

/**
 * Reads a workbook of monitoring reports: every visible sheet but the 目录. A file that is not an xlsx,
 * is empty or holds no sheet is refused whole; problems inside a sheet are returned with the sheet.
 * Runs in the upload worker (io/read-upload.ts → readMonitoringWorkbook).
 */
export function parseMonitoringWorkbook(bytes: Buffer): MonitoringSheetRead[] {
  if (bytes.length > MAX_UPLOAD_BYTES)
    throw new AppError("too_large", "IMPORT_FILE_TOO_LARGE", "文件超过 10 MB 上限，请分批导入", {
      size: bytes.length,
      limit: MAX_UPLOAD_BYTES,
    });
  if (bytes.length === 0) throw emptyFile("文件是空的（0字节），请选择下载后填好的绩效运行监控表 Excel 文件");
  if (isOle(bytes)) throw unreadable("不支持 Excel 97-2003 格式（.xls）；请在 Excel 中另存为 .xlsx 工作簿后再导入");
  if (!isZip(bytes)) throw unreadable("文件不是 Excel（.xlsx）工作簿；请使用系统导出的绩效运行监控表填写后导入");
  const book = new XlsxBook(bytes, MONITORING_SHEET_LIMITS);
  const meta = readMeta(book);
  const read: MonitoringSheetRead[] = [];
  for (const info of book.sheets) {
    if (info.state !== "visible" || info.name === CONTENTS_SHEET || info.name === MONITORING_META_SHEET) continue;
    const sheet = book.readSheet(info);
    if (sheet.rows.size > 0) read.push(readMonitoringSheet(sheet, meta?.get(info.name) ?? null));
  }
  if (read.length === 0) throw emptyFile("文件中没有绩效运行监控表（工作表都是空的），请使用系统导出的监控表填写");
  return read;
}
