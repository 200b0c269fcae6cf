import ExcelJS from "exceljs";
import { CONTENTS_SHEET } from "../core/goals/goal-sheet";
import { fenToWanValue } from "../core/monitoring/sheet-values";
import {
  type FundsRow,
  SELFEVAL_FUNDS_HEADERS,
  SELFEVAL_GRID_FIELDS,
  SELFEVAL_GRID_HEADERS,
  SELFEVAL_META_HEADERS,
  SELFEVAL_META_SHEET,
  type SelfEvalGridField,
  type SelfEvalSheet,
} from "../core/selfeval/sheet";
import { isQualitativeTarget } from "../core/selfeval/target";
import { SONG_FONT } from "./write-xlsx";

/**
 * Self-evaluation tables in the official layout (项目支出绩效自评表, annex of 财预〔2020〕10号): one sheet
 * per table with the title and （年度）, 项目名称 / 主管部门 / 实施单位, the funds block (年初预算数,
 * 全年预算数, 全年执行数, 分值, 执行率, 得分), 年度总体目标 (预期目标 | 实际完成情况), the indicator grid
 * with level 1 and level 2 merged like the paper form, and the 总分 row (a SUM formula with its value;
 * the sheet's total as a value when indicators marked 不适用 rescale it).
 * What the unit fills (实际完成值, a qualitative indicator's 得分, 偏差原因分析及改进措施, 实际完成情况)
 * is unlocked and shaded; the rest is locked (protection without a password, as the monitoring
 * workbook: it prevents slips, and the import recomputes every figure anyway). A 目录 comes first when
 * there are several tables; a very hidden sheet names each sheet's form, version, year and unit.
 */

export interface SelfEvalWorkbookOptions {
  /** The 目录's title, e.g. "城中区教育局 2024年度项目支出绩效自评表"; used when there are several sheets. */
  title: string;
}

/** A: block labels; B–I: the grid (一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施). */
const WIDTHS = [9, 10, 11, 24, 13, 13, 7, 8, 26];
const LAST = "I";
const GRID_COLUMN: Record<SelfEvalGridField, number> = {
  level1: 2,
  level2: 3,
  name: 4,
  target: 5,
  actual: 6,
  weight: 7,
  points: 8,
  deviationNote: 9,
};
/** Fixed rows of the header block; the funds, goal and grid follow from FUNDS_HEADER_ROW. */
const ROWS = { back: 1, title: 2, year: 3, name: 4, org: 5, fundsHeader: 6 } as const;
const PART_LABELS = ["其中：当年财政拨款", "上年结转资金", "其他资金"];
const NOT_APPLICABLE = "不适用";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TITLE_FONT: Partial<ExcelJS.Font> = { name: "黑体", size: 16, bold: true, charset: 134 };
const BOLD: Partial<ExcelJS.Font> = { ...SONG_FONT, bold: true };
const NOTE: Partial<ExcelJS.Font> = { ...SONG_FONT, size: 10, color: { argb: "FF404040" } };
const LINK: Partial<ExcelJS.Font> = { ...SONG_FONT, color: { argb: "FF1F5FAE" }, underline: true };
const solid = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
const LABEL_FILL = solid("FFF2F2F2");
const INPUT_FILL = solid("FFFFF2CC");
const CENTER: Partial<ExcelJS.Alignment> = { horizontal: "center", vertical: "middle", wrapText: true };
const LEFT: Partial<ExcelJS.Alignment> = { horizontal: "left", vertical: "middle", wrapText: true };
const RIGHT: Partial<ExcelJS.Alignment> = { horizontal: "right", vertical: "middle", wrapText: true };
/** 万元 shown with two decimals; the cell holds the exact amount (to the fen), which the reader takes. */
const WAN_FORMAT = "#,##0.00";
const POINTS_FORMAT = "0.00";

const letter = (c: number) => String.fromCharCode(64 + c);
const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** Excel's rules for sheet names: at most 31 characters, none of []:*?/\, no quote at either end, unique without case. */
export function selfEvalSheetNames(wanted: readonly string[]): string[] {
  const used = new Set([CONTENTS_SHEET, SELFEVAL_META_SHEET].map((n) => n.toLowerCase()));
  return wanted.map((w) => {
    const base =
      w
        .replace(/[[\]:*?/\\]/g, "_")
        .replace(/^'+|'+$/g, "")
        .trim()
        .slice(0, 31) || "自评表";
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)}_${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

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

function shown(
  ws: ExcelJS.Worksheet,
  address: string,
  value: ExcelJS.CellValue,
  numFmt = "@",
  align: Partial<ExcelJS.Alignment> = LEFT,
) {
  const cell = ws.getCell(address);
  cell.value = value;
  cell.numFmt = numFmt;
  cell.alignment = align;
}

function input(
  ws: ExcelJS.Worksheet,
  address: string,
  value: ExcelJS.CellValue,
  numFmt = "@",
  align: Partial<ExcelJS.Alignment> = LEFT,
) {
  shown(ws, address, value, numFmt, align);
  const cell = ws.getCell(address);
  cell.fill = INPUT_FILL;
  cell.protection = { locked: false };
}

const amount = (fen: number | null) => (fen === null ? null : fenToWanValue(fen));

function writeHeader(ws: ExcelJS.Worksheet, s: SelfEvalSheet, withContents: boolean) {
  ws.mergeCells(`A${ROWS.title}:${LAST}${ROWS.title}`);
  const title = ws.getCell(`A${ROWS.title}`);
  title.value = "项目支出绩效自评表";
  title.font = TITLE_FONT;
  title.alignment = CENTER;
  ws.getRow(ROWS.title).height = 30;
  ws.mergeCells(`A${ROWS.year}:F${ROWS.year}`);
  shown(ws, `A${ROWS.year}`, s.fiscalYear === null ? "（    年度）" : `（${s.fiscalYear}年度）`, "@", {
    horizontal: "right",
    vertical: "middle",
  });
  ws.mergeCells(`G${ROWS.year}:${LAST}${ROWS.year}`);
  shown(ws, `G${ROWS.year}`, "金额单位：万元", "@", RIGHT);
  if (withContents) {
    const back = ws.getCell(`A${ROWS.back}`);
    back.value = { text: "← 返回目录", hyperlink: `#${quoteSheet(CONTENTS_SHEET)}!A1` };
    back.font = LINK;
  }

  label(ws, `A${ROWS.name}`, "项目名称");
  ws.mergeCells(`B${ROWS.name}:E${ROWS.name}`);
  shown(ws, `B${ROWS.name}`, s.subjectName);
  ws.mergeCells(`F${ROWS.name}:G${ROWS.name}`);
  label(ws, `F${ROWS.name}`, "项目编码");
  ws.mergeCells(`H${ROWS.name}:${LAST}${ROWS.name}`);
  shown(ws, `H${ROWS.name}`, s.subjectCode);
  ws.getRow(ROWS.name).height = Math.max(22, linesFor(s.subjectName, 56) * 15);

  label(ws, `A${ROWS.org}`, "主管部门");
  ws.mergeCells(`B${ROWS.org}:D${ROWS.org}`);
  shown(ws, `B${ROWS.org}`, s.departmentName);
  label(ws, `E${ROWS.org}`, "实施单位");
  ws.mergeCells(`F${ROWS.org}:${LAST}${ROWS.org}`);
  shown(ws, `F${ROWS.org}`, s.unitName);
  ws.getRow(ROWS.org).height = Math.max(22, linesFor(s.departmentName, 44) * 15, linesFor(s.unitName, 40) * 15);
}

/** The funds block from the header row; returns the row after it and the 年度资金总额 row. */
function writeFunds(ws: ExcelJS.Worksheet, s: SelfEvalSheet): { next: number; totalRow: number } {
  const head = ROWS.fundsHeader;
  const parts: FundsRow[] =
    s.funds.parts.length > 0
      ? s.funds.parts
      : PART_LABELS.map((l) => ({ label: l, initial: null, adjusted: null, executed: null }));
  const last = head + 1 + parts.length;
  ws.mergeCells(`A${head}:A${last}`);
  label(ws, `A${head}`, "项目资金\n（万元）");
  ws.mergeCells(`B${head}:C${head}`);
  label(ws, `B${head}`, "");
  const columns = ["initial", "adjusted", "executed", "weight", "rate", "points"] as const;
  columns.forEach((f, i) => {
    label(ws, `${letter(4 + i)}${head}`, SELFEVAL_FUNDS_HEADERS[f]);
  });
  ws.getRow(head).height = 24;

  const writeRow = (row: number, r: FundsRow) => {
    ws.mergeCells(`B${row}:C${row}`);
    label(ws, `B${row}`, r.label);
    shown(ws, `D${row}`, amount(r.initial), WAN_FORMAT, RIGHT);
    shown(ws, `E${row}`, amount(r.adjusted), WAN_FORMAT, RIGHT);
    shown(ws, `F${row}`, amount(r.executed), WAN_FORMAT, RIGHT);
  };
  const totalRow = head + 1;
  writeRow(totalRow, { ...s.funds.total, label: s.funds.total.label || "年度资金总额" });
  shown(ws, `G${totalRow}`, s.funds.weight, "General", CENTER);
  shown(ws, `H${totalRow}`, s.funds.rate === null ? null : s.funds.rate.percent / 100, "0.00%", RIGHT);
  shown(ws, `I${totalRow}`, s.funds.points, POINTS_FORMAT, CENTER);
  parts.forEach((p, i) => {
    const row = totalRow + 1 + i;
    writeRow(row, p);
    for (const c of ["G", "H", "I"]) shown(ws, `${c}${row}`, "—", "@", CENTER);
  });
  return { next: last + 1, totalRow };
}

function writeOverallGoal(ws: ExcelJS.Worksheet, s: SelfEvalSheet, row: number): number {
  ws.mergeCells(`A${row}:A${row + 1}`);
  label(ws, `A${row}`, "年度总体目标");
  ws.mergeCells(`B${row}:E${row}`);
  label(ws, `B${row}`, "预期目标");
  ws.mergeCells(`F${row}:${LAST}${row}`);
  label(ws, `F${row}`, "实际完成情况");
  ws.mergeCells(`B${row + 1}:E${row + 1}`);
  shown(ws, `B${row + 1}`, s.overallGoal.expected, "@", { ...LEFT, vertical: "top" });
  ws.mergeCells(`F${row + 1}:${LAST}${row + 1}`);
  input(ws, `F${row + 1}`, s.overallGoal.actual, "@", { ...LEFT, vertical: "top" });
  ws.getRow(row + 1).height = Math.max(
    60,
    linesFor(s.overallGoal.expected, 58) * 15 + 6,
    linesFor(s.overallGoal.actual, 52) * 15 + 6,
  );
  return row + 2;
}

/** Merges runs of equal keys in a grid column (level 1; level 2 within its level 1), like the paper form. */
function mergeRuns(ws: ExcelJS.Worksheet, column: number, first: number, keys: readonly string[]) {
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i < keys.length && keys[i] === keys[start]) continue;
    if (i - start > 1) ws.mergeCells(first + start, column, first + i - 1, column);
    start = i;
  }
}

/** The grid and its 总分 row; returns the 总分 row. */
function writeGrid(ws: ExcelJS.Worksheet, s: SelfEvalSheet, headerRow: number, fundsTotalRow: number): number {
  for (const f of SELFEVAL_GRID_FIELDS) label(ws, `${letter(GRID_COLUMN[f])}${headerRow}`, SELFEVAL_GRID_HEADERS[f]);
  ws.getRow(headerRow).height = 30;
  const first = headerRow + 1;
  s.rows.forEach((r, i) => {
    const row = first + i;
    const at = (f: SelfEvalGridField) => `${letter(GRID_COLUMN[f])}${row}`;
    shown(ws, at("level1"), r.level1, "@", CENTER);
    shown(ws, at("level2"), r.level2, "@", CENTER);
    shown(ws, at("name"), r.name);
    shown(ws, at("target"), r.target, "@", CENTER);
    shown(ws, at("weight"), r.weight, "General", CENTER);
    if (r.notApplicable) {
      // Decided before the sheet goes out: nothing to fill, and the reader takes the word back.
      shown(ws, at("actual"), NOT_APPLICABLE, "@", CENTER);
      shown(ws, at("points"), NOT_APPLICABLE, "@", CENTER);
    } else if (r.qualitative ?? isQualitativeTarget(r.target)) {
      input(ws, at("actual"), r.actual, "@", CENTER);
      // A qualitative indicator's points are the assessor's: within 0 and its 分值.
      input(ws, at("points"), r.points, POINTS_FORMAT, CENTER);
      ws.getCell(at("points")).dataValidation = {
        type: "decimal",
        operator: "between",
        allowBlank: true,
        formulae: [0, r.weight ?? 100],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: "得分",
        error: `定性指标的得分在 0 到分值 ${r.weight ?? ""} 之间，最多两位小数`,
      };
    } else {
      input(ws, at("actual"), r.actual, "@", CENTER);
      shown(ws, at("points"), r.points, POINTS_FORMAT, CENTER);
    }
    input(ws, at("deviationNote"), r.deviationNote);
    ws.getRow(row).height = Math.max(
      24,
      linesFor(r.name, WIDTHS[3]!) * 15 + 4,
      linesFor(r.deviationNote, WIDTHS[8]!) * 15 + 4,
    );
  });
  const lastItem = first + s.rows.length - 1;
  mergeRuns(
    ws,
    GRID_COLUMN.level1,
    first,
    s.rows.map((r) => r.level1),
  );
  mergeRuns(
    ws,
    GRID_COLUMN.level2,
    first,
    s.rows.map((r) => `${r.level1}\u0000${r.level2}`),
  );
  if (lastItem > headerRow) ws.mergeCells(`A${headerRow}:A${lastItem}`);
  label(ws, `A${headerRow}`, "绩效指标");

  const totalRow = Math.max(headerRow, lastItem) + 1;
  ws.mergeCells(`A${totalRow}:F${totalRow}`);
  label(ws, `A${totalRow}`, "总分");
  const range = (c: string) => (s.rows.length > 0 ? `,${c}${first}:${c}${lastItem}` : "");
  const sum = (values: (number | null)[]) =>
    values.some((v) => v !== null)
      ? values.reduce<number>((a, v) => a + Math.round((v ?? 0) * 100), 0) / 100
      : undefined;
  const weightSum = sum([s.funds.weight, ...s.rows.map((r) => r.weight)]);
  const pointsSum = sum([s.funds.points, ...s.rows.map((r) => r.points)]);
  // A formula with its value: Excel recomputes it as the unit fills; a reader without Excel reads the value.
  const formula = (f: string, result: number | undefined): ExcelJS.CellValue =>
    result === undefined ? { formula: f, date1904: false } : { formula: f, result, date1904: false };
  shown(ws, `G${totalRow}`, formula(`SUM(G${fundsTotalRow}${range("G")})`, weightSum), "General", CENTER);
  // With indicators marked 不适用 (or points of a level the table lacks, or an execution rate that does not
  // count) the total is rescaled to 100 (domain.md §5), which a SUM cannot say: the sheet's total is written
  // as a value. Otherwise SUM, so the total follows the points a unit fills in.
  const rescaled = s.rescaled ?? s.rows.some((r) => r.notApplicable);
  const total = rescaled ? s.statedTotal : formula(`SUM(I${fundsTotalRow}${range("H")})`, pointsSum);
  shown(ws, `H${totalRow}`, total, POINTS_FORMAT, CENTER);
  ws.getCell(`H${totalRow}`).font = BOLD;
  shown(ws, `I${totalRow}`, null);
  return totalRow;
}

function writeNotes(ws: ExcelJS.Worksheet, afterRow: number): number {
  const notes = afterRow + 1;
  ws.mergeCells(`A${notes}:${LAST}${notes}`);
  const cell = ws.getCell(`A${notes}`);
  cell.value = [
    "填表说明：",
    "1. 黄色单元格由单位填写（实际完成值、定性指标的得分、偏差原因分析及改进措施、总体目标实际完成情况），其余内容已锁定。",
    "2. 定量指标按年度指标值计分：“≥”类实际值达到指标值得满分，未达到按实际值÷指标值×分值；“≤”类按指标值÷实际值×分值；得分不超过分值。",
    "3. 定性指标由评价人在分值内评定：达成年度指标得分值的80%—100%，部分达成60%—80%，未达成0—60%。",
    "4. 未得满分的指标须填写偏差原因分析及改进措施。填好后在系统中导入本文件，请勿修改工作表名称。",
  ].join("\n");
  cell.font = NOTE;
  cell.alignment = { ...LEFT, vertical: "top" };
  ws.getRow(notes).height = 5 * 15 + 8;
  const sign = notes + 1;
  ws.mergeCells(`A${sign}:${LAST}${sign}`);
  shown(
    ws,
    `A${sign}`,
    "单位负责人：                  填表人：                  联系电话：                  填报日期：      年    月    日",
    "@",
    { horizontal: "left", vertical: "bottom" },
  );
  ws.getRow(sign).height = 30;
  return sign;
}

async function writeTableSheet(wb: ExcelJS.Workbook, name: string, s: SelfEvalSheet, withContents: boolean) {
  const ws = wb.addWorksheet(name, {
    properties: { defaultRowHeight: 20 },
    views: [{ showGridLines: false }],
    pageSetup: {
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页" },
  });
  ws.columns = WIDTHS.map((width) => ({ width, style: { font: SONG_FONT } }));
  writeHeader(ws, s, withContents);
  const funds = writeFunds(ws, s);
  const headerRow = writeOverallGoal(ws, s, funds.next);
  const totalRow = writeGrid(ws, s, headerRow, funds.totalRow);
  for (let r = ROWS.name; r <= totalRow; r++) for (let c = 1; c <= WIDTHS.length; c++) ws.getCell(r, c).border = BORDER;
  const lastRow = writeNotes(ws, totalRow);
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  // exceljs prefixes only the column with "$"; the row's "$" is ours, without it LibreOffice ignores the area.
  ws.pageSetup.printArea = `A$${ROWS.title}:${LAST}$${lastRow}`;
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatRows: true });
}

function writeContents(wb: ExcelJS.Workbook, title: string, sheets: readonly SelfEvalSheet[], names: string[]) {
  const ws = wb.addWorksheet(CONTENTS_SHEET, {
    views: [{ state: "frozen", ySplit: 3, showGridLines: false }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const widths = [6, 24, 44, 24, 28, 10];
  ws.columns = widths.map((width) => ({ width, style: { font: SONG_FONT } }));
  ws.mergeCells("A1:F1");
  const head = ws.getCell("A1");
  head.value = title;
  head.font = TITLE_FONT;
  head.alignment = CENTER;
  ws.getRow(1).height = 32;
  ws.mergeCells("A2:F2");
  const note = ws.getCell("A2");
  note.value = `共 ${sheets.length} 张项目支出绩效自评表，点击编码打开。黄色单元格由单位填写，其余内容已锁定；填好后在系统中导入本文件。`;
  note.font = NOTE;
  const header = ["序号", "项目编码", "项目名称", "主管部门", "实施单位", "总分"];
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
      { text: s.subjectCode ?? names[i]!, hyperlink: `#${quoteSheet(names[i]!)}!A1` },
      s.subjectName,
      s.departmentName,
      s.unitName,
      s.statedTotal,
    ];
    row.getCell(2).font = LINK;
    row.getCell(6).numFmt = POINTS_FORMAT;
    for (let c = 1; c <= header.length; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.alignment = c === 3 || c === 4 || c === 5 ? LEFT : CENTER;
    }
  });
  if (sheets.length > 0) ws.autoFilter = { from: "A3", to: `F${3 + sheets.length}` };
}

async function writeMeta(wb: ExcelJS.Workbook, sheets: readonly SelfEvalSheet[], names: string[]) {
  const ws = wb.addWorksheet(SELFEVAL_META_SHEET, { state: "veryHidden" });
  ws.getRow(1).values = [...SELFEVAL_META_HEADERS];
  let row = 2;
  sheets.forEach((s, i) => {
    const id = s.identity;
    if (!id) return;
    const r = ws.getRow(row++);
    r.values = [names[i]!, id.formId, id.version, id.fiscalYear, id.unitCode, id.subjectCode];
    r.getCell(5).numFmt = "@";
    r.getCell(6).numFmt = "@";
  });
  await ws.protect("", {});
}

/** The workbook of one or more self-evaluation tables: a 目录 when several, one sheet each, the hidden identification. */
export async function writeSelfEvalWorkbook(
  sheets: readonly SelfEvalSheet[],
  opts: SelfEvalWorkbookOptions,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao";
  wb.created = new Date();
  const names = selfEvalSheetNames(sheets.map((s) => s.sheet || s.subjectCode || s.subjectName));
  const withContents = sheets.length > 1;
  if (withContents) writeContents(wb, opts.title, sheets, names);
  for (const [i, s] of sheets.entries()) await writeTableSheet(wb, names[i]!, s, withContents);
  await writeMeta(wb, sheets, names);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
