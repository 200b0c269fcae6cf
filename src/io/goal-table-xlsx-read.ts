import { AppError } from "../core/errors";
import {
  CONTENTS_SHEET,
  GOAL_SHEET_HEADERS,
  type GoalSheetIssue,
  type GoalSheetLayout,
  type GoalSheetRead,
  type GoalSheetTable,
  INDICATOR_FIELDS,
  type IndicatorField,
  type SheetColumn,
  sheetIssue,
  TEMPLATE_VERSION_LABEL,
} from "../core/goals/goal-sheet";
import type { GoalIndicator, GoalSubjectKind, IndicatorKind, Operator } from "../core/goals/types";
import { MAX_UPLOAD_BYTES } from "../core/imports/spec";
import {
  type CellRange,
  columnLetter,
  type SheetLimits,
  XlsxBook,
  type XlsxSheet,
  type XlsxValue,
} from "./xlsx/sparse-xlsx";

/**
 * Reading goal tables back from the official layout written by goal-table-xlsx.ts, or typed by hand in
 * the same shape: merged cells, blank spacer rows, numbers typed as text, "≥" or ">=" and the like are
 * accepted; anything else is reported with its sheet, row and column.
 */

/**
 * What a goal workbook may hold: a table is a title, a few particulars, the grid of 9–15 columns and
 * some dozens of indicators; a department sends up to a thousand tables (the largest demo department's
 * 225 make 2.7 MB of XML). Anything beyond is refused before it is read.
 */
export const GOAL_SHEET_LIMITS: SheetLimits = {
  maxRows: 2_000,
  maxColumns: 40,
  maxCells: 1_000_000,
  maxTextChars: 8_000_000,
  maxSheets: 1_100,
  maxInflatedBytes: 32 * 1024 * 1024,
};

const unreadable = (message: string, details?: unknown) =>
  new AppError("validation", "IMPORT_UNREADABLE", message, details);
const emptyFile = (message: string) => new AppError("validation", "IMPORT_EMPTY_FILE", message);

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Buffer) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

type Cell = string | number | null;

/** A cell as text or number: formulas by their cached result (none: blank), dates as ISO, errors as text. */
function plain(v: XlsxValue | undefined): Cell {
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
const halfWidth = (s: string) =>
  s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");

/** Text of a cell; line breaks and tabs inside a cell (Alt+Enter) become spaces. */
function cellText(v: Cell, percentFormat = false): string {
  if (v === null) return "";
  if (typeof v === "number") return numberText(percentFormat ? v * 100 : v);
  return v.replace(/[\t\r\n]+/g, " ").trim();
}

/** A number as a clerk would write it: 95, 12.5 (not 12.499999999); whole numbers (codes) in full. */
const numberText = (n: number) => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12))));

/** Header and label text compared without spaces and with ASCII brackets and colons. */
const norm = (s: string) =>
  halfWidth(s)
    .replace(/\s+/g, "")
    .replace(/[:：]$/, "")
    .toLowerCase();

const HEADER_ALIASES: Record<IndicatorField, readonly string[]> = {
  level1: ["一级指标"],
  level2: ["二级指标"],
  name: ["三级指标", "指标名称", "三级指标名称"],
  kind: ["指标性质", "指标类型", "定量/定性", "指标属性"],
  operator: ["运算符", "运算符号", "符号"],
  target: ["指标值", "目标值", "指标目标值", "年度指标值"],
  unit: ["度量单位", "计量单位", "单位"],
  weight: ["权重（分）", "权重(分)", "权重", "分值", "指标分值"],
  explanation: ["指标解释", "指标说明", "备注"],
};
const HEADER_OF = new Map<string, IndicatorField>(
  INDICATOR_FIELDS.flatMap((f) => HEADER_ALIASES[f].map((a) => [norm(a), f] as const)),
);

const OPERATOR_TEXT = new Map<string, Operator>([
  ["≥", ">="],
  [">=", ">="],
  ["≧", ">="],
  ["=>", ">="],
  ["大于等于", ">="],
  ["不低于", ">="],
  ["不少于", ">="],
  ["≤", "<="],
  ["<=", "<="],
  ["≦", "<="],
  ["=<", "<="],
  ["小于等于", "<="],
  ["不高于", "<="],
  ["不超过", "<="],
  ["=", "="],
  ["==", "="],
  ["等于", "="],
]);
const KIND_OF = new Map<string, IndicatorKind>([
  ["定量", "quantitative"],
  ["定量指标", "quantitative"],
  ["quantitative", "quantitative"],
  ["定性", "qualitative"],
  ["定性指标", "qualitative"],
  ["qualitative", "qualitative"],
]);

interface Grid {
  /** The rows that hold content, in order: nothing else can hold a header, a label or an indicator. */
  rows: number[];
  columns: number;
  /** Merged cells read as their master's value, so a merged level 1 names every row it spans. */
  value(r: number, c: number): Cell;
  /** The master cell's address, equal for every cell of a merge. */
  master(r: number, c: number): string;
  isPercent(r: number, c: number): boolean;
}

function gridOf(sheet: XlsxSheet): Grid {
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
    columns: Math.max(sheet.maxColumn, INDICATOR_FIELDS.length),
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

const LABEL_NAME = new Set(["项目名称", "部门名称"].map(norm));
const LABEL_CODE = new Map([
  [norm("项目编码"), "project" as const],
  [norm("部门编码"), "deptWide" as const],
]);
const LABEL_GOAL = norm("年度总体目标");
const VERSION_RE = new RegExp(`${TEMPLATE_VERSION_LABEL}\\s*[:：]\\s*([0-9A-Za-z._-]+)`);
const YEAR_RE = /((?:19|20)\d{2})\s*年/;

/** A row whose own cells are all blank is a spacer, even where merged level cells run through it. */
const OWN_FIELDS = INDICATOR_FIELDS.filter((f) => f !== "level1" && f !== "level2");

/** The first non-empty cell right of a label that is not the label itself (merged labels repeat). */
function valueRightOf(grid: Grid, r: number, c: number): { column: number; value: Cell } | null {
  const own = grid.master(r, c);
  for (let x = c + 1; x <= grid.columns; x++) {
    if (grid.master(r, x) === own) continue;
    const v = grid.value(r, x);
    if (v !== null && cellText(v) !== "") return { column: x, value: v };
  }
  return null;
}

function parseWeight(v: Cell): number | null {
  if (typeof v === "number") return v;
  const s = halfWidth(cellText(v)).replace(/分$/, "").replace(/[,，]/g, "").trim();
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

/** Reads one sheet in the official layout; every problem names its row and column. */
export function readGoalSheet(ws: XlsxSheet): GoalSheetRead {
  const sheet = ws.name;
  const grid = gridOf(ws);
  const issues: GoalSheetIssue[] = [];
  const col = (c: number, header: string): SheetColumn => ({ letter: columnLetter(c), header });

  // The indicator grid's header: the first row naming 一级指标 and 二级指标.
  let headerRow = 0;
  const columns: Partial<Record<IndicatorField, SheetColumn>> = {};
  const columnIndex = new Map<IndicatorField, number>();
  for (const r of grid.rows) {
    if (headerRow !== 0) break;
    const found = new Map<IndicatorField, number>();
    for (let c = 1; c <= grid.columns; c++) {
      const field = HEADER_OF.get(norm(cellText(grid.value(r, c))));
      if (field && !found.has(field)) found.set(field, c);
    }
    if (found.has("level1") && found.has("level2")) {
      headerRow = r;
      for (const [field, c] of found) {
        columns[field] = { letter: columnLetter(c), header: cellText(grid.value(r, c)) };
        columnIndex.set(field, c);
      }
    }
  }
  if (headerRow === 0)
    return {
      sheet,
      table: null,
      layout: null,
      issues: [
        sheetIssue(
          sheet,
          "GOAL_SHEET_NO_HEADER",
          "找不到指标表头（一级指标、二级指标、三级指标……），不是绩效目标表格式；请使用系统导出的绩效目标表",
        ),
      ],
    };
  const missing = INDICATOR_FIELDS.filter((f) => f !== "explanation" && !columnIndex.has(f));
  if (missing.length > 0)
    return {
      sheet,
      table: null,
      layout: null,
      issues: [
        sheetIssue(
          sheet,
          "GOAL_SHEET_MISSING_COLUMNS",
          `第${headerRow}行的指标表头缺少列：${missing.map((f) => GOAL_SHEET_HEADERS[f]).join("、")}；请使用系统导出的绩效目标表，不要删除或改名表头`,
        ),
      ],
    };

  // Particulars above the grid: year, template version, subject code and name, overall goal.
  let fiscalYear: number | null = null;
  let templateVersion: { value: string; row: number; column: SheetColumn } | null = null;
  let code: { value: string; kind: GoalSubjectKind; row: number; column: SheetColumn } | null = null;
  let subjectName = "";
  let overallGoal: { value: string; row: number; column: SheetColumn } | null = null;
  for (const r of grid.rows) {
    if (r >= headerRow) break;
    for (let c = 1; c <= grid.columns; c++) {
      if (c > 1 && grid.master(r, c) === grid.master(r, c - 1)) continue;
      const textValue = cellText(grid.value(r, c));
      if (textValue === "") continue;
      const label = norm(textValue);
      const version = VERSION_RE.exec(halfWidth(textValue));
      if (version && !templateVersion) templateVersion = { value: version[1]!, row: r, column: col(c, "指标体系版本") };
      const year = YEAR_RE.exec(textValue);
      if (year && fiscalYear === null && !version) fiscalYear = Number(year[1]);
      const kind = LABEL_CODE.get(label);
      if (kind && !code) {
        const right = valueRightOf(grid, r, c);
        code = {
          value: right ? cellText(right.value) : "",
          kind,
          row: r,
          column: col(right?.column ?? c + 1, textValue),
        };
      } else if (LABEL_NAME.has(label) && !subjectName) {
        subjectName = cellText(valueRightOf(grid, r, c)?.value ?? null);
      } else if (label === LABEL_GOAL && !overallGoal) {
        const right = valueRightOf(grid, r, c);
        overallGoal = { value: cellText(right?.value ?? null), row: r, column: col(right?.column ?? c + 1, textValue) };
      }
    }
  }
  const head = (row: number, c: number, header: string) => ({ row, column: { letter: columnLetter(c), header } });
  if (fiscalYear === null)
    issues.push(sheetIssue(sheet, "GOAL_SHEET_NO_YEAR", "标题中找不到年度（如“（2024年度）”）", head(1, 1, "标题")));
  if (!templateVersion)
    issues.push(
      sheetIssue(
        sheet,
        "GOAL_SHEET_NO_VERSION",
        `找不到“${TEMPLATE_VERSION_LABEL}：…”，无法确认文件所用的指标体系；请使用系统导出的绩效目标表`,
      ),
    );
  if (!code || code.value === "")
    issues.push(
      sheetIssue(
        sheet,
        "GOAL_SHEET_NO_CODE",
        "找不到项目编码或部门编码，无法确定这张表属于哪个项目；请使用系统导出的绩效目标表",
        code ? { row: code.row, column: code.column } : null,
      ),
    );

  // The indicator rows, down to 合计; blank spacer rows and note rows are skipped.
  const indicators: GoalIndicator[] = [];
  const rows: number[] = [];
  let totalRow: number | null = null;
  let previous: { level1: string; level2: string } | null = null;
  const at = (field: IndicatorField, row: number) => ({ row, column: columns[field]! });
  for (const r of grid.rows) {
    if (r <= headerRow) continue;
    const raw = {} as Record<IndicatorField, Cell>;
    for (const f of INDICATOR_FIELDS) {
      const c = columnIndex.get(f);
      raw[f] = c === undefined ? null : grid.value(r, c);
    }
    const txt = (f: IndicatorField) => {
      const c = columnIndex.get(f);
      return cellText(raw[f], f === "target" && c !== undefined && grid.isPercent(r, c));
    };
    if (/^(合计|总计)$/.test(norm(txt("level1"))) || /^(合计|总计)$/.test(norm(txt("name")))) {
      totalRow = r;
      break;
    }
    if (OWN_FIELDS.every((f) => txt(f) === "")) continue;
    // A note merged across the whole row (填表说明) is not an indicator.
    const masters = new Set<string>();
    for (let c = 1; c <= grid.columns; c++) if (cellText(grid.value(r, c)) !== "") masters.add(grid.master(r, c));
    if (masters.size === 1 && txt("name") !== "" && txt("name") === txt("level1")) continue;

    // A level cell left blank under an unmerged block belongs to the row above, as on paper.
    const above: { level1: string; level2: string } | null = previous;
    const level1: string = txt("level1") || above?.level1 || "";
    const level2: string = txt("level2") || (above && above.level1 === level1 ? above.level2 : "");
    previous = { level1, level2 };

    const kindText = norm(txt("kind"));
    const operatorText = halfWidth(txt("operator")).replace(/\s+/g, "");
    const unit = txt("unit");
    let operator: Operator | null = null;
    if (operatorText !== "") {
      operator = OPERATOR_TEXT.get(operatorText) ?? null;
      if (!operator)
        issues.push(
          sheetIssue(
            sheet,
            "GOAL_SHEET_BAD_OPERATOR",
            `运算符“${operatorText}”无法识别，应为“≥”“≤”或“=”（也可写作 >=、<=）`,
            at("operator", r),
          ),
        );
    }
    let kind = KIND_OF.get(kindText);
    if (!kind) {
      issues.push(
        sheetIssue(
          sheet,
          "GOAL_SHEET_BAD_KIND",
          kindText === ""
            ? "指标性质未填写，应为“定量”或“定性”"
            : `指标性质“${txt("kind")}”无法识别，应为“定量”或“定性”`,
          at("kind", r),
        ),
      );
      kind = operatorText !== "" || unit !== "" ? "quantitative" : "qualitative";
    }
    let weight = parseWeight(raw.weight);
    if (weight === null) {
      issues.push(
        sheetIssue(
          sheet,
          "GOAL_SHEET_BAD_WEIGHT",
          txt("weight") === "" ? "权重未填写" : `权重“${txt("weight")}”不是数字（只填分值，如“10”）`,
          at("weight", r),
        ),
      );
      weight = Number.NaN;
    }
    indicators.push({
      level1,
      level2,
      name: txt("name"),
      kind,
      operator,
      target: txt("target"),
      unit: unit === "" ? null : unit,
      weight,
      explanation: txt("explanation") === "" ? null : txt("explanation"),
    });
    rows.push(r);
  }

  const layout: GoalSheetLayout = {
    headerRow,
    columns,
    rows,
    overallGoal: overallGoal && { row: overallGoal.row, column: overallGoal.column },
    templateVersion: templateVersion && { row: templateVersion.row, column: templateVersion.column },
    subjectCode: code && { row: code.row, column: code.column },
    totalRow,
  };
  const table: GoalSheetTable | null =
    code && code.value !== "" && fiscalYear !== null && templateVersion
      ? {
          subjectKind: code.kind,
          subjectCode: code.value,
          subjectName,
          fiscalYear,
          templateVersion: templateVersion.value,
          overallGoal: overallGoal?.value ?? "",
          indicators,
        }
      : null;
  return { sheet, table, layout, issues };
}

/**
 * Reads a workbook of goal tables: every visible sheet but the 目录. A file that is not an xlsx, is
 * empty or holds no sheet is refused whole; problems inside a sheet are returned with the sheet. Runs
 * in the upload worker (io/read-upload.ts → readGoalWorkbook).
 */
export function parseGoalWorkbook(bytes: Buffer): GoalSheetRead[] {
  if (bytes.length > MAX_UPLOAD_BYTES)
    throw new AppError("too_large", "IMPORT_FILE_TOO_LARGE", "文件超过 10 MB 上限，请按部门分批导入", {
      size: bytes.length,
      limit: MAX_UPLOAD_BYTES,
    });
  if (bytes.length === 0) throw emptyFile("文件是空的（0字节），请选择导出后填好的绩效目标表 Excel 文件");
  if (isOle(bytes)) throw unreadable("不支持 Excel 97-2003 格式（.xls）；请在 Excel 中另存为 .xlsx 工作簿后再导入");
  if (!isZip(bytes)) throw unreadable("文件不是 Excel（.xlsx）工作簿；绩效目标表请使用系统导出的 Excel 文件填写后导入");
  const book = new XlsxBook(bytes, GOAL_SHEET_LIMITS);
  const read: GoalSheetRead[] = [];
  for (const info of book.sheets) {
    if (info.state !== "visible" || info.name === CONTENTS_SHEET) continue;
    const sheet = book.readSheet(info);
    if (sheet.rows.size > 0) read.push(readGoalSheet(sheet));
  }
  if (read.length === 0) throw emptyFile("文件中没有绩效目标表（工作表都是空的），请使用系统导出的绩效目标表填写");
  return read;
}
