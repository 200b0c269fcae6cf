import ExcelJS from "exceljs";
import { CONTENTS_SHEET } from "../core/goals/goal-sheet";
import {
  GRID_FIELDS,
  type GridField,
  gridHeaders,
  MONITORING_META_HEADERS,
  MONITORING_META_SHEET,
  type MonitoringSheetData,
  SUBJECT_LABELS,
  targetText,
} from "../core/monitoring/sheet";
import { fenToWanValue } from "../core/monitoring/sheet-values";
import { LIKELIHOOD_LABELS, LIKELIHOODS, type MonitoringItem } from "../core/monitoring/types";
import { percent } from "../core/percent";
import { SONG_FONT } from "./write-xlsx";

/**
 * Monitoring reports as a workbook a unit fills offline (the layout is described in
 * core/monitoring/sheet.ts): a 目录, then one sheet per report named by its subject code, each with its
 * particulars, budget execution by month, the overall goal's status and the indicator grid. What the
 * system prefilled is locked (sheet protection without a password: it prevents slips, and the import
 * compares every locked cell anyway); what the unit fills is unlocked and shaded light yellow. A very
 * hidden sheet records which report, round and version each sheet was written for.
 */

export interface MonitoringWorkbookOptions {
  /** The 目录's title, e.g. "城中区教育局 2024年绩效运行监控表". */
  title: string;
}

// Columns A–J are the form; K holds each indicator's uid, hidden.
const WIDTHS = [12, 17, 24, 16, 13, 13, 12, 12, 26, 26, 38];
const LAST = "J";
const UID_COLUMN = GRID_FIELDS.indexOf("uid") + 1;
/** Row numbers of the fixed header block; the grid's rows follow GRID_HEADER_ROW. */
export const MONITORING_ROWS = {
  /** The link back to the 目录: above the print area, since it means nothing on paper. */
  back: 1,
  title: 2,
  period: 3,
  info: 4,
  subject: 5,
  org: 6,
  execution: 7,
  monthsFirst: 8,
  summaryHead: 12,
  summary: 13,
  goal: 14,
  overall: 15,
  grid: 16,
  gridHeader: 17,
} as const;
const FIRST_ITEM_ROW = MONITORING_ROWS.gridHeader + 1;

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TITLE_FONT: Partial<ExcelJS.Font> = { name: "黑体", size: 16, bold: true, charset: 134 };
const BOLD: Partial<ExcelJS.Font> = { ...SONG_FONT, bold: true };
const SECTION_FONT: Partial<ExcelJS.Font> = { name: "黑体", size: 11, bold: true, charset: 134 };
const SMALL: Partial<ExcelJS.Font> = { ...SONG_FONT, size: 9, color: { argb: "FF404040" } };
/** Notes a clerk must read: fit to width shrinks the sheet by about a quarter, so not smaller than 10 pt. */
const NOTE: Partial<ExcelJS.Font> = { ...SONG_FONT, size: 10, color: { argb: "FF404040" } };
const LINK: Partial<ExcelJS.Font> = { ...SONG_FONT, color: { argb: "FF1F5FAE" }, underline: true };
const solid = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
const LABEL_FILL = solid("FFF2F2F2");
const INPUT_FILL = solid("FFFFF2CC");
const AFTER_CUTOFF_FILL = solid("FFBFBFBF");
const CENTER: Partial<ExcelJS.Alignment> = { horizontal: "center", vertical: "middle", wrapText: true };
const LEFT: Partial<ExcelJS.Alignment> = { horizontal: "left", vertical: "middle", wrapText: true };
const RIGHT: Partial<ExcelJS.Alignment> = { horizontal: "right", vertical: "middle", wrapText: true };
/**
 * 万元 shown with two decimals, as every figure of the system is; the cell holds the exact amount (to the
 * fen, six decimals), which the formula bar shows and the import compares.
 */
const WAN_FORMAT = "#,##0.00";

/** Excel's rules for sheet names: at most 31 characters, none of []:*?/\, no quote at either end, unique. */
export function monitoringSheetNames(codes: readonly string[]): string[] {
  const used = new Set([CONTENTS_SHEET, MONITORING_META_SHEET].map((n) => n.toLowerCase()));
  return codes.map((code) => {
    const base =
      code
        .replace(/[[\]:*?/\\]/g, "_")
        .replace(/^'+|'+$/g, "")
        .trim()
        .slice(0, 31) || "监控表";
    let name = base;
    // Excel compares sheet names without case.
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)}_${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** Rows of wrapped text a cell of this width needs (Chinese characters count double). */
function linesFor(text: string | null | undefined, widthChars: number): number {
  let lines = 0;
  for (const part of (text ?? "").split("\n")) {
    let width = 0;
    for (const ch of part) width += ch.charCodeAt(0) > 0xff ? 2 : 1;
    lines += Math.max(1, Math.ceil(width / Math.max(1, widthChars * 1.05)));
  }
  return Math.max(1, lines);
}

function label(ws: ExcelJS.Worksheet, address: string, value: string) {
  const cell = ws.getCell(address);
  cell.value = value;
  cell.font = BOLD;
  cell.alignment = CENTER;
  cell.fill = LABEL_FILL;
}

function shown(ws: ExcelJS.Worksheet, address: string, value: string | number | null, numFmt = "@", align = LEFT) {
  const cell = ws.getCell(address);
  cell.value = value;
  cell.numFmt = numFmt;
  cell.alignment = align;
}

function input(ws: ExcelJS.Worksheet, address: string, value: string | number | null, numFmt = "@", align = LEFT) {
  shown(ws, address, value, numFmt, align);
  const cell = ws.getCell(address);
  cell.fill = INPUT_FILL;
  cell.protection = { locked: false };
}

function section(ws: ExcelJS.Worksheet, row: number, text: string) {
  ws.mergeCells(`A${row}:${LAST}${row}`);
  const cell = ws.getCell(`A${row}`);
  cell.value = text;
  cell.font = SECTION_FONT;
  cell.alignment = { horizontal: "left", vertical: "middle" };
  ws.getRow(row).height = 22;
}

/** Merges runs of equal keys in a grid column (level 1; level 2 within its level 1), like the paper form. */
function mergeRuns(ws: ExcelJS.Worksheet, column: string, keys: readonly string[]) {
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i < keys.length && keys[i] === keys[start]) continue;
    if (i - start > 1) ws.mergeCells(`${column}${FIRST_ITEM_ROW + start}:${column}${FIRST_ITEM_ROW + i - 1}`);
    start = i;
  }
}

function listValidation(formula: string, title: string, message: string): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: title,
    error: message,
  };
}

function writeHeaderBlock(ws: ExcelJS.Worksheet, data: MonitoringSheetData) {
  const R = MONITORING_ROWS;
  const labels = SUBJECT_LABELS[data.subjectKind];
  ws.mergeCells(`A${R.title}:${LAST}${R.title}`);
  const title = ws.getCell(`A${R.title}`);
  title.value = labels.title;
  title.font = TITLE_FONT;
  title.alignment = CENTER;
  ws.getRow(R.title).height = 30;
  ws.mergeCells(`A${R.period}:${LAST}${R.period}`);
  shown(ws, `A${R.period}`, `（${data.fiscalYear}年度 截至${data.cutoffMonth}月）`, "@", CENTER);

  const back = ws.getCell(`A${R.back}`);
  back.value = { text: "← 返回目录", hyperlink: `#${quoteSheet(CONTENTS_SHEET)}!A1` };
  back.font = LINK;
  ws.mergeCells(`C${R.info}:G${R.info}`);
  shown(ws, `C${R.info}`, `监控类型：${data.kindLabel}`, "@", CENTER);
  ws.mergeCells(`H${R.info}:${LAST}${R.info}`);
  shown(ws, `H${R.info}`, "金额单位：万元", "@", RIGHT);

  label(ws, `A${R.subject}`, labels.name);
  ws.mergeCells(`B${R.subject}:F${R.subject}`);
  shown(ws, `B${R.subject}`, data.subjectName);
  label(ws, `G${R.subject}`, labels.code);
  ws.mergeCells(`H${R.subject}:${LAST}${R.subject}`);
  shown(ws, `H${R.subject}`, data.subjectCode);
  ws.getRow(R.subject).height = Math.max(22, linesFor(data.subjectName, 90) * 15);

  label(ws, `A${R.org}`, "主管部门");
  ws.mergeCells(`B${R.org}:C${R.org}`);
  shown(ws, `B${R.org}`, data.departmentName);
  label(ws, `D${R.org}`, "实施单位");
  ws.mergeCells(`E${R.org}:G${R.org}`);
  shown(ws, `E${R.org}`, data.unitName);
  label(ws, `H${R.org}`, "单位编码");
  ws.mergeCells(`I${R.org}:${LAST}${R.org}`);
  shown(ws, `I${R.org}`, data.unitCode);
  ws.getRow(R.org).height = Math.max(22, linesFor(data.unitName, 38) * 15, linesFor(data.departmentName, 38) * 15);
}

function writeExecution(ws: ExcelJS.Worksheet, data: MonitoringSheetData) {
  const R = MONITORING_ROWS;
  const n = data.cutoffMonth;
  const { execution } = data;
  section(ws, R.execution, "一、预算执行情况");
  for (let half = 0; half < 2; half++) {
    const labelRow = R.monthsFirst + half * 2;
    label(ws, `A${labelRow}`, "月份");
    label(ws, `A${labelRow + 1}`, "执行数");
    for (let i = 0; i < 6; i++) {
      const month = half * 6 + i + 1;
      const head = ws.getCell(labelRow, 2 + i);
      const value = ws.getCell(labelRow + 1, 2 + i);
      head.value = `${month}月`;
      head.font = BOLD;
      head.alignment = CENTER;
      value.alignment = RIGHT;
      if (month <= n) {
        head.fill = LABEL_FILL;
        value.value = fenToWanValue(execution.byMonth[month - 1] ?? 0);
        value.numFmt = WAN_FORMAT;
      } else {
        // Months after N are outside the report: greyed and left blank.
        head.fill = AFTER_CUTOFF_FILL;
        value.fill = AFTER_CUTOFF_FILL;
      }
    }
  }
  ws.mergeCells(`H${R.monthsFirst}:${LAST}${R.monthsFirst + 3}`);
  const note = ws.getCell(`H${R.monthsFirst}`);
  note.value = `各月执行数取自预算管理一体化系统，不可修改。\n灰色为${n}月之后的月份，不在本次监控范围，无需填写。`;
  note.font = NOTE;
  note.alignment = { ...LEFT, vertical: "top" };

  const heads: [string, string][] = [
    ["A", "全年预算数"],
    ["B", `截至${n}月执行数`],
    ["C", "执行率"],
    ["D", "时间进度"],
    ["E", "预计全年执行数"],
    ["F", "超预算说明（截至执行数或预计全年执行数超过全年预算数时必填）"],
  ];
  for (const [col, text] of heads) label(ws, `${col}${R.summaryHead}`, text);
  ws.mergeCells(`F${R.summaryHead}:${LAST}${R.summaryHead}`);
  ws.getRow(R.summaryHead).height = 30;
  shown(ws, `A${R.summary}`, fenToWanValue(execution.budget), WAN_FORMAT, RIGHT);
  shown(ws, `B${R.summary}`, fenToWanValue(execution.executed), WAN_FORMAT, RIGHT);
  if (execution.budget > 0)
    shown(ws, `C${R.summary}`, Number(percent(execution.executed, execution.budget)) / 100, "0.00%", RIGHT);
  else shown(ws, `C${R.summary}`, "—", "@", CENTER);
  shown(ws, `D${R.summary}`, Number(percent(n, 12)) / 100, "0.00%", RIGHT);
  const expected = data.answers.expectedYearEnd;
  input(ws, `E${R.summary}`, expected === null ? null : fenToWanValue(expected), WAN_FORMAT, RIGHT);
  ws.getCell(`E${R.summary}`).dataValidation = {
    type: "decimal",
    operator: "greaterThanOrEqual",
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "预计全年执行数",
    error: "请填写万元数（不小于0，最多6位小数）",
  };
  ws.mergeCells(`F${R.summary}:${LAST}${R.summary}`);
  input(ws, `F${R.summary}`, data.answers.executionNote);
  ws.getRow(R.summary).height = Math.max(36, linesFor(data.answers.executionNote, 88) * 15);
}

function writeOverall(ws: ExcelJS.Worksheet, data: MonitoringSheetData) {
  const R = MONITORING_ROWS;
  section(ws, R.goal, "二、总体目标完成情况");
  label(ws, `A${R.overall}`, "年度总体\n目标完成情况");
  ws.mergeCells(`B${R.overall}:${LAST}${R.overall}`);
  input(ws, `B${R.overall}`, data.answers.overallStatus === "" ? null : data.answers.overallStatus);
  ws.getRow(R.overall).height = Math.max(60, linesFor(data.answers.overallStatus, 150) * 15 + 6);
}

function writeGrid(ws: ExcelJS.Worksheet, data: MonitoringSheetData, causeList: string): number {
  const R = MONITORING_ROWS;
  section(ws, R.grid, "三、绩效指标完成情况");
  const headers = gridHeaders(data.cutoffMonth);
  GRID_FIELDS.forEach((field, i) => {
    const cell = ws.getCell(R.gridHeader, i + 1);
    cell.value = headers[field];
    cell.font = BOLD;
    cell.alignment = CENTER;
    cell.fill = LABEL_FILL;
  });
  ws.getRow(R.gridHeader).height = 30;

  const likelihoods = `"${LIKELIHOODS.map((l) => LIKELIHOOD_LABELS[l]).join(",")}"`;
  data.items.forEach((item, i) => {
    const r = FIRST_ITEM_ROW + i;
    const values: Record<GridField, string | null> = {
      level1: item.level1,
      level2: item.level2,
      name: item.name,
      target: targetText(item),
      progress: item.progress,
      expected: item.expected,
      likelihood: item.likelihood ? LIKELIHOOD_LABELS[item.likelihood] : null,
      cause: item.cause,
      causeNote: item.causeNote,
      measures: item.measures,
      uid: item.uid,
    };
    GRID_FIELDS.forEach((field, c) => {
      const address = `${ws.getColumn(c + 1).letter}${r}`;
      const align =
        field === "name" || field === "target" || field === "causeNote" || field === "measures" ? LEFT : CENTER;
      if (isAnswer(field)) input(ws, address, values[field], "@", align);
      else shown(ws, address, values[field], "@", align);
    });
    ws.getCell(r, GRID_FIELDS.indexOf("likelihood") + 1).dataValidation = listValidation(
      likelihoods,
      "完成目标可能性",
      "请从下拉列表中选择：确定能、有可能、完全不可能",
    );
    ws.getCell(r, GRID_FIELDS.indexOf("cause") + 1).dataValidation = listValidation(
      causeList,
      "偏差原因",
      `请从下拉列表中选择：${data.causeCategories.join("、")}`,
    );
    ws.getRow(r).height = rowHeight(item);
  });
  mergeRuns(
    ws,
    "A",
    data.items.map((i) => i.level1),
  );
  mergeRuns(
    ws,
    "B",
    data.items.map((i) => `${i.level1}\u0000${i.level2}`),
  );
  return FIRST_ITEM_ROW + data.items.length - 1;
}

const isAnswer = (field: GridField) =>
  field === "progress" ||
  field === "expected" ||
  field === "likelihood" ||
  field === "cause" ||
  field === "causeNote" ||
  field === "measures";

function rowHeight(item: MonitoringItem): number {
  const lines = Math.max(
    linesFor(item.name, WIDTHS[2]!),
    linesFor(targetText(item), WIDTHS[3]!),
    linesFor(item.progress, WIDTHS[4]!),
    linesFor(item.expected, WIDTHS[5]!),
    linesFor(item.causeNote, WIDTHS[8]!),
    linesFor(item.measures, WIDTHS[9]!),
  );
  // Room for a line or two of answer even when nothing is filled yet.
  return Math.max(30, lines * 15 + 6);
}

function writeNotes(ws: ExcelJS.Worksheet, afterRow: number, data: MonitoringSheetData) {
  const notes = afterRow + 1;
  ws.mergeCells(`A${notes}:${LAST}${notes}`);
  const cell = ws.getCell(`A${notes}`);
  cell.value = [
    "填表说明：",
    "1. 黄色单元格由单位填写，其余内容由系统预填并已锁定，请勿修改。",
    "2. 金额单位为万元，最多保留6位小数（即精确到分）。",
    "3. 完成目标可能性为“有可能”或“完全不可能”时，须填写偏差原因、偏差原因说明和改进措施。",
    `4. 偏差原因从下拉列表中选择：${data.causeCategories.join("、")}。`,
    "5. 填好后在系统中导入本文件；请勿修改工作表名称，也不要把工作表复制到其他工作簿。",
  ].join("\n");
  cell.font = NOTE;
  cell.alignment = { ...LEFT, vertical: "top" };
  ws.getRow(notes).height = 6 * 14 + 6;
  const sign = notes + 1;
  ws.mergeCells(`A${sign}:${LAST}${sign}`);
  const signCell = ws.getCell(`A${sign}`);
  signCell.value =
    "单位负责人：                    填表人：                    联系电话：                    填报日期：        年    月    日";
  signCell.alignment = { horizontal: "left", vertical: "bottom" };
  ws.getRow(sign).height = 30;
  return sign;
}

async function writeReportSheet(wb: ExcelJS.Workbook, name: string, data: MonitoringSheetData, causeList: string) {
  const R = MONITORING_ROWS;
  const ws = wb.addWorksheet(name, {
    properties: { defaultRowHeight: 20 },
    views: [{ showGridLines: false }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${R.gridHeader}:${R.gridHeader}`,
    },
    headerFooter: { oddFooter: `&L${name}&C第 &P 页，共 &N 页` },
  });
  ws.columns = WIDTHS.map((width) => ({ width, style: { font: SONG_FONT } }));
  ws.getColumn(UID_COLUMN).hidden = true;

  writeHeaderBlock(ws, data);
  writeExecution(ws, data);
  writeOverall(ws, data);
  const lastItem = writeGrid(ws, data, causeList);
  const lastRow = writeNotes(ws, Math.max(lastItem, R.gridHeader), data);

  const bordered = [
    [R.subject, R.org],
    [R.execution, R.summary],
    [R.goal, R.overall],
    [R.grid, Math.max(lastItem, R.gridHeader)],
  ];
  for (const [from, to] of bordered)
    for (let r = from!; r <= to!; r++) for (let c = 1; c <= UID_COLUMN - 1; c++) ws.getCell(r, c).border = BORDER;
  // exceljs prefixes only the column with "$"; the row's "$" is ours, without it LibreOffice ignores the area.
  ws.pageSetup.printArea = `A$${R.title}:${LAST}$${lastRow}`;
  // No password: protection guards against slips; the import checks every locked cell regardless.
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatRows: true });
}

function writeContents(wb: ExcelJS.Workbook, title: string, sheets: readonly MonitoringSheetData[], names: string[]) {
  const ws = wb.addWorksheet(CONTENTS_SHEET, {
    views: [{ state: "frozen", ySplit: 3, showGridLines: false }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "3:3",
    },
  });
  const widths = [6, 24, 44, 22, 28, 14, 10, 8];
  ws.columns = widths.map((width) => ({ width, style: { font: SONG_FONT } }));
  ws.mergeCells("A1:H1");
  const head = ws.getCell("A1");
  head.value = title;
  head.font = TITLE_FONT;
  head.alignment = CENTER;
  ws.getRow(1).height = 32;
  ws.mergeCells("A2:H2");
  const note = ws.getCell("A2");
  note.value = `共 ${sheets.length} 张绩效运行监控表，点击编码打开。每张表黄色单元格由单位填写，其余内容已锁定；填好后在系统中导入本文件。`;
  note.font = SMALL;
  note.alignment = { horizontal: "left", vertical: "middle" };
  const header = ["序号", "编码", "名称", "主管部门", "实施单位", "监控类型", "截至月份", "指标数"];
  ws.getRow(3).height = 24;
  header.forEach((h, i) => {
    const cell = ws.getCell(3, i + 1);
    cell.value = h;
    cell.font = BOLD;
    cell.alignment = CENTER;
    cell.fill = LABEL_FILL;
    cell.border = BORDER;
  });
  sheets.forEach((s, i) => {
    const row = ws.getRow(4 + i);
    row.values = [
      i + 1,
      { text: s.subjectCode, hyperlink: `#${quoteSheet(names[i]!)}!A1` },
      s.subjectName,
      s.departmentName,
      s.unitName,
      s.kindLabel,
      `${s.cutoffMonth}月`,
      s.items.length,
    ];
    row.getCell(2).font = LINK;
    row.height = Math.max(20, linesFor(s.subjectName, widths[2]!) * 15);
    for (let c = 1; c <= header.length; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.alignment = c === 3 || c === 4 || c === 5 ? LEFT : CENTER;
    }
  });
  if (sheets.length > 0) ws.autoFilter = { from: "A3", to: `H${3 + sheets.length}` };
}

/**
 * The dropdown of 偏差原因: an inline list when it fits Excel's 255 characters and holds no comma or
 * quote, else a range of the hidden sheet (each distinct long list in its own column from H on).
 */
function causeLists(sheets: readonly MonitoringSheetData[]): { formulas: string[]; columns: string[][] } {
  const columns: string[][] = [];
  const formulas = sheets.map((s) => {
    const items = s.causeCategories.map((c) => c.trim()).filter((c) => c !== "");
    const inline = items.join(",");
    if (inline.length <= 250 && !items.some((c) => /[,"]/.test(c))) return `"${inline}"`;
    let index = columns.findIndex((col) => col.join("\u0000") === items.join("\u0000"));
    if (index === -1) index = columns.push(items) - 1;
    const letter = String.fromCharCode("H".charCodeAt(0) + index);
    return `${MONITORING_META_SHEET}!$${letter}$2:$${letter}$${items.length + 1}`;
  });
  return { formulas, columns };
}

async function writeMeta(
  wb: ExcelJS.Workbook,
  sheets: readonly MonitoringSheetData[],
  names: string[],
  lists: string[][],
) {
  const ws = wb.addWorksheet(MONITORING_META_SHEET, { state: "veryHidden" });
  ws.getRow(1).values = [...MONITORING_META_HEADERS];
  sheets.forEach((s, i) => {
    const row = ws.getRow(2 + i);
    row.values = [names[i]!, s.reportId, s.roundId, s.version, s.unitCode, s.subjectCode];
    row.getCell(5).numFmt = "@";
    row.getCell(6).numFmt = "@";
  });
  lists.forEach((items, index) => {
    const column = 8 + index;
    ws.getCell(1, column).value = `偏差原因${index + 1}`;
    items.forEach((item, i) => {
      ws.getCell(2 + i, column).value = item;
    });
  });
  await ws.protect("", {});
}

/** The workbook of one or more monitoring reports: 目录, one sheet per report, the hidden identification sheet. */
export async function writeMonitoringWorkbook(
  sheets: readonly MonitoringSheetData[],
  opts: MonitoringWorkbookOptions,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao";
  wb.created = new Date();
  const names = monitoringSheetNames(sheets.map((s) => s.subjectCode));
  const lists = causeLists(sheets);
  writeContents(wb, opts.title, sheets, names);
  for (const [i, s] of sheets.entries()) await writeReportSheet(wb, names[i]!, s, lists.formulas[i]!);
  await writeMeta(wb, sheets, names, lists.columns);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
