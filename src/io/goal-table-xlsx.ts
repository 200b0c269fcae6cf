import ExcelJS from "exceljs";
import type { GoalExport } from "../app/goals/export-goal-tables";
import {
  CONTENTS_SHEET,
  GOAL_SHEET_HEADERS,
  INDICATOR_FIELDS,
  type IndicatorField,
  TEMPLATE_VERSION_LABEL,
} from "../core/goals/goal-sheet";
import { inTemplateOrder } from "../core/goals/order";
import {
  type GoalSubjectKind,
  type GoalTable,
  type IndicatorKind,
  type IndicatorTemplate,
  OPERATOR_LABELS,
} from "../core/goals/types";
import { fenToWan } from "../core/money";
import { SONG_FONT } from "./write-xlsx";

/**
 * Goal tables in the official layout (财预〔2020〕10号 style 项目支出绩效目标表 / 部门整体支出绩效目标表):
 * one sheet per table, named by its subject code, with the year in the title, the subject's particulars,
 * the annual overall goal and the indicator grid (level 1 and level 2 merged like the paper form). A cell
 * above the grid records the template version, so a file can be read back and refused when the year's
 * template has changed. A department's workbook starts with a 目录 sheet linking every table.
 */

export interface GoalSheetData {
  table: GoalTable;
  departmentName: string;
  unitName: string;
  /** 已批复, 草稿…: shown in the 目录. */
  statusText: string;
  errors: number;
  warnings: number;
}

export interface GoalWorkbookData {
  fiscalYear: number;
  template: IndicatorTemplate;
  /** With a title the workbook starts with a 目录 sheet (department workbooks). */
  contentsTitle: string | null;
  sheets: readonly GoalSheetData[];
}

// ---------------------------------------------------------------- writing

const COLUMN_WIDTHS = [11, 14, 26, 8, 7, 12, 9, 9, 30];
const LAST_COLUMN = "I";
const HEADER_ROW = 10;
const FIRST_INDICATOR_ROW = HEADER_ROW + 1;

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TITLE_FONT: Partial<ExcelJS.Font> = { name: "黑体", size: 16, bold: true, charset: 134 };
const BOLD: Partial<ExcelJS.Font> = { ...SONG_FONT, bold: true };
const SMALL: Partial<ExcelJS.Font> = { ...SONG_FONT, size: 9, color: { argb: "FF555555" } };
const LINK: Partial<ExcelJS.Font> = { ...SONG_FONT, color: { argb: "FF1F5FAE" }, underline: true };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const CENTER: Partial<ExcelJS.Alignment> = { horizontal: "center", vertical: "middle", wrapText: true };
const LEFT: Partial<ExcelJS.Alignment> = { horizontal: "left", vertical: "middle", wrapText: true };

const KIND_TEXT: Record<IndicatorKind, string> = { quantitative: "定量", qualitative: "定性" };
const TITLES: Record<GoalSubjectKind, string> = {
  project: "项目支出绩效目标表",
  deptWide: "部门整体支出绩效目标表",
};
const LABELS: Record<GoalSubjectKind, { name: string; code: string; funds: string }> = {
  project: { name: "项目名称", code: "项目编码", funds: "项目资金（万元）" },
  deptWide: { name: "部门名称", code: "部门编码", funds: "部门预算资金（万元）" },
};

/** Excel's rules for sheet names: at most 31 characters, none of []:*?/\ , unique. */
function sheetNames(codes: readonly string[]): string[] {
  const used = new Set([CONTENTS_SHEET]);
  return codes.map((code) => {
    const base = code.replace(/[[\]:*?/\\]/g, "_").slice(0, 31) || "目标表";
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base.slice(0, 28)}_${n}`;
    used.add(name);
    return name;
  });
}

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** Rows of wrapped text a cell of this width needs (Chinese characters count double). */
function linesFor(textValue: string, widthChars: number): number {
  let width = 0;
  for (const ch of textValue) width += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return Math.max(1, Math.ceil(width / Math.max(1, widthChars * 1.1)));
}

function styleRange(ws: ExcelJS.Worksheet, from: number, to: number, style: (cell: ExcelJS.Cell) => void) {
  for (let r = from; r <= to; r++) for (let c = 1; c <= COLUMN_WIDTHS.length; c++) style(ws.getCell(r, c));
}

function labelCell(ws: ExcelJS.Worksheet, address: string, value: string) {
  const cell = ws.getCell(address);
  cell.value = value;
  cell.font = BOLD;
  cell.alignment = CENTER;
  cell.fill = HEADER_FILL;
}

function valueCell(ws: ExcelJS.Worksheet, address: string, value: string | number | null, numFmt = "@") {
  const cell = ws.getCell(address);
  cell.value = value;
  cell.numFmt = numFmt;
  cell.alignment = LEFT;
}

/** Merges runs of equal values in a column (level 1; level 2 within its level 1), like the paper form. */
function mergeRuns(ws: ExcelJS.Worksheet, column: string, keys: readonly string[]) {
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i < keys.length && keys[i] === keys[start]) continue;
    if (i - start > 1) ws.mergeCells(`${column}${FIRST_INDICATOR_ROW + start}:${column}${FIRST_INDICATOR_ROW + i - 1}`);
    start = i;
  }
}

function writeTableSheet(
  wb: ExcelJS.Workbook,
  name: string,
  data: GoalSheetData,
  fiscalYear: number,
  template: IndicatorTemplate,
  withContents: boolean,
) {
  // Grouped as on paper whatever order the indicators were entered in, so each level 1 is merged once.
  const table = { ...data.table, indicators: inTemplateOrder(data.table.indicators, template) };
  const labels = LABELS[table.subjectKind];
  const ws = wb.addWorksheet(name, {
    properties: { defaultRowHeight: 20 },
    pageSetup: {
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页" },
  });
  ws.columns = COLUMN_WIDTHS.map((width) => ({ width, style: { font: SONG_FONT } }));

  ws.mergeCells(`A1:${LAST_COLUMN}1`);
  const title = ws.getCell("A1");
  title.value = TITLES[table.subjectKind];
  title.font = TITLE_FONT;
  title.alignment = CENTER;
  ws.getRow(1).height = 32;
  ws.mergeCells(`A2:${LAST_COLUMN}2`);
  const year = ws.getCell("A2");
  year.value = `（${fiscalYear}年度）`;
  year.alignment = CENTER;

  if (withContents) {
    ws.mergeCells("A3:B3");
    const back = ws.getCell("A3");
    back.value = { text: "← 返回目录", hyperlink: `#${quoteSheet(CONTENTS_SHEET)}!A1` };
    back.font = LINK;
  }
  ws.mergeCells(`E3:${LAST_COLUMN}3`);
  const version = ws.getCell("E3");
  version.value = `${TEMPLATE_VERSION_LABEL}：${template.version}`;
  version.font = SMALL;
  version.alignment = { horizontal: "right", vertical: "middle" };

  labelCell(ws, "A4", labels.name);
  ws.mergeCells("B4:E4");
  valueCell(ws, "B4", table.subjectName);
  labelCell(ws, "F4", labels.code);
  ws.mergeCells(`G4:${LAST_COLUMN}4`);
  valueCell(ws, "G4", table.subjectCode);
  labelCell(ws, "A5", "主管部门");
  ws.mergeCells("B5:E5");
  valueCell(ws, "B5", data.departmentName);
  labelCell(ws, "F5", "实施单位");
  ws.mergeCells(`G5:${LAST_COLUMN}5`);
  valueCell(ws, "G5", data.unitName);
  ws.getRow(4).height = Math.max(20, linesFor(table.subjectName, 50) * 16);

  ws.mergeCells("A6:A8");
  labelCell(ws, "A6", labels.funds);
  const funds: [string, number | undefined][] = [
    ["年度资金总额", table.funds?.total],
    ["其中：财政拨款", table.funds?.fiscal],
    ["其他资金", table.funds?.other],
  ];
  funds.forEach(([label, fen], i) => {
    const row = 6 + i;
    ws.mergeCells(`B${row}:D${row}`);
    labelCell(ws, `B${row}`, label);
    ws.mergeCells(`E${row}:${LAST_COLUMN}${row}`);
    // Amounts in 万元 for reading; the database keeps exact fen and the import never reads them back.
    valueCell(ws, `E${row}`, fen === undefined ? null : Number(fenToWan(fen)), "#,##0.00");
  });

  labelCell(ws, "A9", "年度总体目标");
  ws.mergeCells(`B9:${LAST_COLUMN}9`);
  valueCell(ws, "B9", table.overallGoal);
  ws.getRow(9).height = Math.max(36, linesFor(table.overallGoal, 120) * 16 + 6);

  INDICATOR_FIELDS.forEach((field, i) => {
    const cell = ws.getCell(HEADER_ROW, i + 1);
    cell.value = GOAL_SHEET_HEADERS[field];
    cell.font = BOLD;
    cell.alignment = CENTER;
    cell.fill = HEADER_FILL;
  });
  ws.getRow(HEADER_ROW).height = 30;

  const level1s = template.levels.map((l) => l.level1);
  const level2s = [...new Set(template.levels.flatMap((l) => l.level2))];
  table.indicators.forEach((ind, i) => {
    const row = ws.getRow(FIRST_INDICATOR_ROW + i);
    const values: Record<IndicatorField, string | number | null> = {
      level1: ind.level1,
      level2: ind.level2,
      name: ind.name,
      kind: KIND_TEXT[ind.kind],
      operator: ind.operator ? OPERATOR_LABELS[ind.operator] : null,
      target: ind.target,
      unit: ind.unit,
      weight: ind.weight,
      explanation: ind.explanation,
    };
    INDICATOR_FIELDS.forEach((field, c) => {
      const cell = row.getCell(c + 1);
      cell.value = values[field];
      cell.numFmt = field === "weight" ? "General" : "@";
      cell.alignment = field === "name" || field === "target" || field === "explanation" ? LEFT : CENTER;
    });
    row.getCell(1).dataValidation = listValidation(level1s);
    row.getCell(2).dataValidation = listValidation(level2s);
    row.getCell(4).dataValidation = listValidation(Object.values(KIND_TEXT));
    row.getCell(5).dataValidation = listValidation(Object.values(OPERATOR_LABELS));
    row.height = Math.max(20, linesFor(ind.explanation ?? "", 30) * 15, linesFor(ind.name, 26) * 15);
  });
  mergeRuns(
    ws,
    "A",
    table.indicators.map((i) => i.level1),
  );
  mergeRuns(
    ws,
    "B",
    table.indicators.map((i) => `${i.level1}\u0000${i.level2}`),
  );

  const totalRow = FIRST_INDICATOR_ROW + table.indicators.length;
  ws.mergeCells(`A${totalRow}:G${totalRow}`);
  labelCell(ws, `A${totalRow}`, "合计");
  const sum = table.indicators.reduce((s, i) => s + Math.round(i.weight * 100), 0) / 100;
  const total = ws.getCell(`H${totalRow}`);
  total.value =
    table.indicators.length > 0 ? { formula: `SUM(H${FIRST_INDICATOR_ROW}:H${totalRow - 1})`, result: sum } : 0;
  total.numFmt = "General";
  total.font = BOLD;
  total.alignment = CENTER;

  styleRange(ws, 4, totalRow, (cell) => {
    cell.border = BORDER;
  });
  ws.views = [{ state: "frozen", ySplit: HEADER_ROW, showGridLines: false }];
}

function listValidation(items: readonly string[]): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    // Excel limits an inline list to 255 characters; a longer template is simply not offered as a list.
    formulae: [`"${items.join(",").slice(0, 250)}"`],
    showErrorMessage: false,
  };
}

function writeContents(wb: ExcelJS.Workbook, title: string, data: GoalWorkbookData, names: readonly string[]) {
  const ws = wb.addWorksheet(CONTENTS_SHEET, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const widths = [6, 18, 44, 10, 26, 16, 8, 8, 8];
  ws.columns = widths.map((width) => ({ width, style: { font: SONG_FONT } }));
  ws.mergeCells("A1:I1");
  const head = ws.getCell("A1");
  head.value = title;
  head.font = TITLE_FONT;
  head.alignment = CENTER;
  ws.getRow(1).height = 32;
  ws.mergeCells("A2:I2");
  const note = ws.getCell("A2");
  note.value = `${TEMPLATE_VERSION_LABEL}：${data.template.version}　共 ${data.sheets.length} 张绩效目标表；点击编码打开该表。“错误”须改正后才能提交，“提示”建议修改。`;
  note.font = SMALL;
  const header = ["序号", "编码", "名称", "类型", "实施单位", "状态", "指标数", "错误", "提示"];
  header.forEach((h, i) => {
    const cell = ws.getCell(3, i + 1);
    cell.value = h;
    cell.font = BOLD;
    cell.alignment = CENTER;
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  data.sheets.forEach((s, i) => {
    const row = ws.getRow(4 + i);
    const name = names[i] ?? s.table.subjectCode;
    row.values = [
      i + 1,
      { text: s.table.subjectCode, hyperlink: `#${quoteSheet(name)}!A1` },
      s.table.subjectName,
      s.table.subjectKind === "deptWide" ? "部门整体" : "项目",
      s.unitName,
      s.statusText,
      s.table.indicators.length,
      s.errors,
      s.warnings,
    ];
    row.getCell(2).font = LINK;
    for (let c = 1; c <= header.length; c++) row.getCell(c).border = BORDER;
    if (s.errors > 0) row.getCell(8).font = { ...BOLD, color: { argb: "FFC00000" } };
  });
  ws.autoFilter = { from: "A3", to: `I${3 + data.sheets.length}` };
  ws.views = [{ state: "frozen", ySplit: 3 }];
}

/** The workbook of one table or of many (with a 目录 first when `contentsTitle` is given). */
export async function writeGoalWorkbook(data: GoalWorkbookData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao";
  wb.created = new Date();
  const names = sheetNames(data.sheets.map((s) => s.table.subjectCode));
  if (data.contentsTitle !== null) writeContents(wb, data.contentsTitle, data, names);
  data.sheets.forEach((s, i) => {
    writeTableSheet(wb, names[i]!, s, data.fiscalYear, data.template, data.contentsTitle !== null);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The workbook of an export (one table, or a department's tables with a 目录). */
export function goalExportWorkbook(e: GoalExport): Promise<Buffer> {
  return writeGoalWorkbook({
    fiscalYear: e.fiscalYear,
    template: e.template,
    contentsTitle: e.contentsTitle,
    sheets: e.tables.map((t) => ({
      table: t.record.table,
      departmentName: t.record.departmentName,
      unitName: t.record.unitName,
      statusText: t.statusText,
      errors: t.errors,
      warnings: t.warnings,
    })),
  });
}

export { parseGoalWorkbook, readGoalSheet } from "./goal-table-xlsx-read";
export { CONTENTS_SHEET };
