import { AppError } from "../core/errors";
import { sheetIssue } from "../core/goals/goal-sheet";
import type { OutsideGoalTable, OutsideSheetRead, SheetCell } from "../core/goals/outside-check";
import type { GoalIndicator, IndicatorField, IndicatorKind, Operator } from "../core/goals/types";
import { MAX_UPLOAD_BYTES } from "../core/imports/spec";
import { type Fen, parseYuan, yuanNumberToFen } from "../core/money";
import { wanToFen } from "../core/monitoring/sheet-values";
import { microText, normaliseUnit } from "../core/selfeval/quantity";
import { isBlankMark, isQualitativeTarget, readTarget } from "../core/selfeval/target";
import { GOAL_SHEET_LIMITS } from "./goal-table-xlsx-read";
import { isEndOfGrid, isTotalLabel, labelKey, levelText, pointsOf, stripIndicatorPrefix } from "./selfeval-xlsx-labels";
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
import { columnLetter, parseAddress, XlsxBook, type XlsxSheet } from "./xlsx/sparse-xlsx";

/**
 * Reading goal tables (绩效目标表) that other systems produced, in their own layouts, for checking
 * only: the 财政部 layout and the variants counties publish (湖南 年度本级预算金额 + 指标值类型 + 度量单位,
 * the 2018 资金情况 block with units inside the values, 指标内容 columns, 井研's 指标性质 + 权重 columns with
 * the project in the grid, sheets without any header block). Blocks are found by their labels, the grid
 * by its header; merged cells read as their master, blank level cells take the one above, "指标1：" and
 * ★ marks are dropped, targets such as "≥90%", "95%以上", "≤16万元", "12所" are split into operator,
 * number and unit. Whatever cannot be read is reported with its sheet and cell. Level names are kept as
 * the sheet wrote them: the check maps them to the year's template (core/goals/level-synonyms.ts).
 * Runs in the upload worker (read-upload.ts → readOutsideGoalWorkbook).
 */

const unreadable = (message: string) => new AppError("validation", "IMPORT_UNREADABLE", message);
const emptyFile = (message: string) => new AppError("validation", "IMPORT_EMPTY_FILE", message);
const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Buffer) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

// ---------------------------------------------------------------- the grid's columns

type GridField = IndicatorField | "project" | "budget" | "goal" | "unitName";

/** Header words by field, compared by labelKey (no spaces, no bracketed notes, no trailing colon, no ★ or *). */
const GRID_WORDS: readonly [GridField, readonly string[]][] = [
  ["level1", ["一级指标"]],
  ["level2", ["二级指标"]],
  ["name", ["三级指标", "指标内容", "指标名称", "三级指标内容", "三级指标名称", "绩效指标名称", "具体指标"]],
  [
    "target",
    [
      "指标值",
      "目标值",
      "年度指标值",
      "指标值及单位",
      "年度目标值",
      "预期指标值",
      "指标目标值",
      "当年预期实现值",
      "预期目标值",
      "绩效指标值",
    ],
  ],
  ["unit", ["度量单位", "计量单位", "单位"]],
  ["operator", ["指标值类型", "指标性质", "运算符", "运算符号", "符号", "指标类型", "指标属性"]],
  ["weight", ["权重", "分值", "指标分值", "权重分值"]],
  ["explanation", ["指标解释", "指标说明", "指标值内容", "绩效标准", "指标值说明"]],
  ["project", ["项目名称"]],
  ["budget", ["预算数", "项目预算数", "预算金额"]],
  ["goal", ["年度目标", "年度绩效目标"]],
  ["unitName", ["单位名称"]],
];

const gridKey = (text: string) => labelKey(text).replace(/^[*★＊]+/, "");
const WORD_OF = new Map<string, GridField>(GRID_WORDS.flatMap(([f, words]) => words.map((w) => [gridKey(w), f])));

interface GridHeader {
  row: number;
  index: Map<GridField, number>;
  headers: Map<GridField, string>;
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

function headerAt(grid: Grid, r: number): GridHeader | null {
  const index = new Map<GridField, number>();
  const headers = new Map<GridField, string>();
  for (const { c, text } of rowCells(grid, r)) {
    const field = WORD_OF.get(gridKey(text));
    if (field && !index.has(field)) {
      index.set(field, c);
      headers.set(field, text);
    }
  }
  return index.has("level1") && index.has("name") && index.has("target") ? { row: r, index, headers } : null;
}

// ---------------------------------------------------------------- the block above the grid

type Label =
  | "subjectName"
  | "department"
  | "unit"
  | "total"
  | "fiscal"
  | "other"
  | "local"
  | "upper"
  | "annualGoal"
  | "overallGoal"
  | "longGoal"
  | "fundsBlock";

const LABELS: readonly [Label, RegExp][] = [
  ["subjectName", /^(项目名称|项目支出名称|专项名称|专项资金名称|项目资金名称|资金名称|部门名称)$/],
  ["department", /^(主管部门|项目主管部门|预算部门|主管预算部门|预算单位|主管单位|主管部门及代码|县级主管部门)$/],
  ["unit", /^(执行单位|实施单位|项目执行单位|项目实施单位|项目单位|实施单位名称|填报单位)$/],
  ["local", /^年度本级预算金额$/],
  ["upper", /^(该项目支出上级资金|上级补助资金)$/],
  [
    "total",
    /^(年度资金总额|资金总额|项目资金总额|年度资金合计|年度金额|项目预算金额|项目预算|部门预算|本年度预计投入|项目资金|本年度申请.*预算资金|年度预算金额|预算金额|项目总投资)$/,
  ],
  [
    "fiscal",
    /^(其中)?[:：]?(财政拨款|财政拨款小计|一\)?财政拨款小计|\(一\)财政拨款小计|财政资金|上级资金|当年财政拨款)$/,
  ],
  ["other", /^(其中)?[:：]?(其他资金|其他|自有资金|自有资金小计|\(二\)自有资金小计|\(三\)其他收入|其他收入)$/],
  ["annualGoal", /^(年度目标|年度总体目标|本年度绩效目标|年度绩效目标|项目年度目标|项目年度绩效目标|本年度目标)$/],
  ["overallGoal", /^(项目绩效目标|绩效目标|项目总体绩效目标|总体绩效目标)$/],
  ["longGoal", /^(总体目标|实施期绩效目标|实施期目标|中长期绩效目标|中长期目标|中期滚动目标.*|长期目标|长期绩效目标)$/],
  ["fundsBlock", /^(资金情况|项目资金|专项资金情况|资金来源|资金总额及构成|项目资金申请)$/],
];

const labelOf = (text: string): Label | null => {
  const key = labelKey(text).replace(/^[一二三四五六七八九十]+[、.．]/, "");
  if (key === "" || key.length > 30) return null;
  for (const [label, re] of LABELS) if (re.test(key)) return label;
  return null;
};

/** "年度资金总额：16" in one cell: the label and the value after its colon. */
function splitInline(text: string): { label: string; value: string } | null {
  const m = /^([^:：]{2,30})[:：]\s*(.+)$/s.exec(text.trim());
  return m ? { label: m[1]!, value: m[2]!.trim() } : null;
}

type AmountUnit = "万元" | "元";

/** An amount in the sheet's unit (or the unit written after it): fen, or why not. */
function amountOf(v: Cell, unit: AmountUnit): { fen: Fen | null; problem: string | null } {
  if (v === null) return { fen: null, problem: null };
  if (typeof v === "number") {
    if (unit === "元") {
      const fen = yuanNumberToFen(v);
      return fen === null ? { fen: null, problem: `“${numberText(v)}”不是以元计的金额` } : { fen, problem: null };
    }
    const p = wanToFen(v);
    return p.ok ? { fen: p.fen, problem: null } : { fen: null, problem: p.reason };
  }
  const text = v.normalize("NFKC").replace(/\s+/g, "");
  if (isBlankMark(text)) return { fen: null, problem: null };
  const m = /^([+-]?[\d,]*\.?\d+)(万元|万|元)?/.exec(text);
  if (!m) return { fen: null, problem: `“${v.trim()}”不是金额` };
  const written = m[2] === "元" ? "元" : m[2] ? "万元" : unit;
  const digits = m[1]!.replace(/,/g, "");
  if (written === "元") {
    const fen = parseYuan(digits);
    return fen === null ? { fen: null, problem: `“${v.trim()}”不是以元计的金额` } : { fen, problem: null };
  }
  const p = wanToFen(digits);
  return p.ok ? { fen: p.fen, problem: null } : { fen: null, problem: p.reason };
}

const YEAR_RE = /((?:19|20)\d{2})\s*年/;
const TITLE_RE = /(绩效目标|目标申报|目标表)/;

/** "2023年雾炮车降尘抑尘服务项目支出绩效目标申报表（2023年度）" → "雾炮车降尘抑尘服务项目". */
export function nameFromTitle(title: string): string {
  const name = halfWidth(title)
    .replace(/\s+/g, "")
    .replace(/\((?:19|20)\d{2}年度?\)/g, "")
    .replace(/(?:19|20)\d{2}年度?/g, "")
    .replace(/\([^)]*\)$/g, "")
    .replace(/(?:支出)?(?:部门整体)?(?:支出)?绩效目标(?:申报|批复|设定|审核)?表$/, "")
    .replace(/^(?:部门预算|预算)/, "")
    .trim();
  return name === "项目" || name === "" ? "" : name;
}

// ---------------------------------------------------------------- indicators

const OPERATOR_CELL = new Map<string, Operator>([
  ["≥", ">="],
  [">=", ">="],
  ["≧", ">="],
  ["=>", ">="],
  [">", ">="],
  ["大于等于", ">="],
  ["不低于", ">="],
  ["≤", "<="],
  ["<=", "<="],
  ["≦", "<="],
  ["=<", "<="],
  ["<", "<="],
  ["小于等于", "<="],
  ["不高于", "<="],
  ["=", "="],
  ["═", "="],
  ["==", "="],
  ["等于", "="],
]);

/** What an 指标值类型 / 指标性质 / 运算符 cell says: an operator (quantitative), 定量 or 定性. */
function readOperatorCell(text: string): { operator: Operator | null; kind: IndicatorKind | null } | null {
  const key = text.normalize("NFKC").replace(/\s+/g, "").replace(/═/g, "=");
  if (key === "") return { operator: null, kind: null };
  const operator = OPERATOR_CELL.get(key);
  if (operator) return { operator, kind: "quantitative" };
  if (/^定量(指标)?$/.test(key)) return { operator: null, kind: "quantitative" };
  if (/^定性(指标)?$/.test(key)) return { operator: null, kind: "qualitative" };
  return null;
}

interface ReadValue {
  kind: IndicatorKind;
  operator: Operator | null;
  target: string;
  unit: string | null;
  problem: string | null;
}

/**
 * A target as written, with what an operator and a unit column say: "≥90%" is ≥ 90 %, "95%以上" ≥ 95 %,
 * "≤16万元" ≤ 16 万元, "12所" 12 所 (no operator), "稳步提高" qualitative; a date ("12月底前") is qualitative.
 */
export function readIndicatorValue(targetText: string, operatorText: string, unitText: string): ReadValue {
  const text = targetText.replace(/[═＝]/g, "=").trim();
  const column = readOperatorCell(operatorText) ?? { operator: null, kind: null };
  const read = readTarget(text);
  const q = read.quantity && !isQualitativeTarget(text) ? read.quantity : null;
  const unitColumn = unitText.trim() === "" ? null : unitText.trim();
  const operator = column.operator ?? read.operator;
  const kind: IndicatorKind = column.kind ?? (operator !== null || q ? "quantitative" : "qualitative");
  if (kind === "qualitative") return { kind, operator: null, target: text, unit: unitColumn, problem: null };
  if (!q) return { kind, operator, target: read.value, unit: unitColumn, problem: null };
  const written = q.unit === "" ? null : q.unit;
  let problem: string | null = null;
  if (written && unitColumn && normaliseUnit(written) !== normaliseUnit(unitColumn))
    problem = `指标值“${targetText.trim()}”写的单位“${written}”与单位列的“${unitColumn}”不一致，按指标值中的“${written}”检查`;
  return { kind, operator, target: microText(q.micro), unit: written ?? unitColumn, problem };
}

const ENDS_GRID =
  /^(财政部门.*意见|主管部门.*意见|.*审核意见|.*审批意见|填表人|填报人|联系电话|填报日期|其他说明|单位负责人|项目负责人)/;

// ---------------------------------------------------------------- a sheet

interface Pending {
  project: string;
  budget: { value: Cell; cell: SheetCell } | null;
  goal: { text: string; cell: SheetCell } | null;
  unitName: string;
  indicators: GoalIndicator[];
  at: OutsideGoalTable["at"]["indicators"];
}

/** Reads one worksheet: its tables (one, or one per project when the grid names projects) and issues. */
/** How much of a cell the check reads: the limits of our own tables (a level name is a few words). */
const MAX_CHARS = { level: 30, name: 100, target: 100, unit: 20, explanation: 500, goal: 2_000, label: 200 };

/**
 * What a workbook to check may hold: a department's tables are a few thousand indicators; a file beyond
 * is refused (split it), so neither the check nor its answer can grow past a few megabytes.
 */
export const MAX_CHECK_TABLES = 1_100;
export const MAX_CHECK_INDICATORS = 5_000;

const EXCEL_ERROR = /^#(?:DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA)$/;

/** Why a target cell cannot be read as written (an Excel error, a number beyond 15 digits), or null. */
function unreadableValueOf(v: Cell): string | null {
  if (typeof v === "string" && EXCEL_ERROR.test(v.trim()))
    return `指标值是 Excel 错误值“${v.trim()}”，请改正公式或直接填写目标值`;
  if (typeof v === "number" && v !== 0 && (Math.abs(v) >= 1e15 || Math.abs(v) < 1e-6))
    return `指标值 ${String(v)} 超出可读范围（整数不超过15位、小数不超过6位），请核对`;
  return null;
}

export function readOutsideGoalSheet(ws: XlsxSheet): OutsideSheetRead {
  const sheet = ws.name;
  const grid = gridOf(ws, 8);
  const issues: OutsideSheetRead["issues"] = [];
  const issueAt = (r: number, c: number, header: string, code: string, message: string) =>
    issues.push(sheetIssue(sheet, code, message, { row: r, column: { letter: columnLetter(c), header } }));
  const cellOf = (r: number, c: number, header: string): SheetCell => ({ cell: grid.master(r, c), row: r, header });
  const issueIn = (at: SheetCell, code: string, message: string) =>
    issues.push(
      sheetIssue(sheet, code, message, {
        row: Number(/\d+$/.exec(at.cell)?.[0] ?? at.row),
        column: { letter: at.cell.replace(/\d+$/, ""), header: at.header },
      }),
    );

  // A value longer than our own tables allow is cut there, once, with an issue at its cell: a 3 KB file must
  // not turn into a 100 MB answer by quoting a 12,000-character level name in every row below it.
  const cut = (text: string, max: number, r: number, c: number, what: string): string => {
    const chars = [...text];
    if (chars.length <= max) return text;
    issueAt(
      r,
      c,
      what,
      "GOAL_CHECK_TOO_LONG",
      `${what}有 ${chars.length} 个字，超过 ${max} 个字，只检查前 ${max} 个字`,
    );
    return chars.slice(0, max).join("");
  };

  let header: GridHeader | null = null;
  for (const r of grid.rows) {
    header = headerAt(grid, r);
    if (header) break;
  }
  if (!header)
    return {
      sheet,
      tables: [],
      issues: [
        sheetIssue(
          sheet,
          "GOAL_CHECK_NO_GRID",
          "找不到绩效指标表（同一行中的“一级指标”“三级指标”（或“指标内容”“指标名称”）和“指标值”（或“目标值”）表头），不是绩效目标表，未检查",
        ),
      ],
    };
  const notes: string[] = [];

  // ------------------------------------------------ above the grid
  const above = grid.rows.filter((r) => r < header!.row);
  let title: string | null = null;
  let fiscalYear: number | null = null;
  let amountUnit: AmountUnit = "万元";
  for (const r of above) {
    for (const { text } of rowCells(grid, r)) {
      const t = halfWidth(text).replace(/\s+/g, "");
      if (title === null && text.length <= 80 && TITLE_RE.test(t) && labelOf(text) === null) title = text.trim();
      if (fiscalYear === null && t.length <= 40 && /(?:19|20)\d{2}年度/.test(t))
        fiscalYear = Number(YEAR_RE.exec(t)![1]);
      if (/(金额)?单位[:：]元$|\(元\)$|^金额单位[:：]?元/.test(t)) amountUnit = "元";
    }
  }
  if (title) {
    const y = YEAR_RE.exec(halfWidth(title));
    if (y) fiscalYear = Number(y[1]);
  }
  if (amountUnit === "元") notes.push("表中注明金额单位为元，资金按元读取");

  const found = new Map<Label, { value: string; raw: Cell; cell: SheetCell; label: string }>();
  let labels = 0;
  for (const r of above) {
    for (const { c, text } of rowCells(grid, r)) {
      const inline = splitInline(text);
      const label = labelOf(text) ?? (inline ? labelOf(inline.label) : null);
      if (!label) continue;
      labels++;
      if (label === "fundsBlock") {
        if (/\(元\)|（元）/.test(text)) amountUnit = "元";
        continue;
      }
      let raw: Cell = null;
      let cell = cellOf(r, c, text);
      if (inline && labelOf(text) === null && inline.value !== "") raw = inline.value;
      else {
        const right = cellRightOf(grid, r, c, true);
        if (right) {
          const rightText = cellText(right.value);
          const rightInline = splitInline(rightText);
          // The next label ("主管部门 | 实施单位") is no value.
          if (labelOf(rightText) === null && !(rightInline && labelOf(rightInline.label))) {
            raw = right.value;
            cell = cellOf(r, right.column, text);
          }
        }
      }
      if (raw === null || found.has(label)) continue;
      const [cr, cc] = parseAddress(cell.cell) ?? [r, c];
      const value = label.endsWith("Goal")
        ? cut(noteText(raw), MAX_CHARS.goal, cr, cc, labelKey(text) || "目标")
        : cut(cellText(raw), MAX_CHARS.label, cr, cc, labelKey(text) || "表头");
      found.set(label, { value, raw, cell, label: labelKey(text) });
    }
  }
  const hasHeaderBlock = labels > 0;

  // Funds: the MOF block, Hunan's 本级 + 上级, or one total.
  const amounts = new Map<Label, Fen>();
  let fundsCell: SheetCell | null = null;
  for (const key of ["total", "fiscal", "other", "local", "upper"] as const) {
    const f = found.get(key);
    if (!f) continue;
    const a = amountOf(f.raw, amountUnit);
    if (a.problem) {
      issueIn(f.cell, "GOAL_CHECK_BAD_AMOUNT", a.problem);
    } else if (a.fen !== null) {
      amounts.set(key, a.fen);
      fundsCell ??= f.cell;
    }
  }
  let funds: OutsideGoalTable["table"]["funds"] = null;
  if (amounts.has("local") || amounts.has("upper")) {
    const fiscal = (amounts.get("local") ?? 0) + (amounts.get("upper") ?? 0);
    const total = amounts.get("total") ?? fiscal + (amounts.get("other") ?? 0);
    funds = { total, fiscal, other: total - fiscal };
    notes.push("资金按“年度本级预算金额”与“该项目支出上级资金”合计为财政拨款");
  } else if (amounts.size > 0) {
    const other = amounts.get("other") ?? null;
    const fiscalRead = amounts.get("fiscal") ?? null;
    const total = amounts.get("total") ?? (fiscalRead ?? 0) + (other ?? 0);
    const fiscal = fiscalRead ?? total - (other ?? 0);
    funds = { total, fiscal, other: other ?? total - fiscal };
  }

  // Goals: the annual one preferred; a multi-year goal kept apart.
  const annual = found.get("annualGoal");
  const plain = found.get("overallGoal");
  const long = found.get("longGoal");
  const goal = annual ?? plain ?? (long && !annual ? long : undefined);
  const longTermGoal = goal !== long && long ? long.value : null;
  if (!annual && !plain && long) notes.push(`表中只有“${long.label}”，按年度总体目标检查`);

  const subjectFromTitle = title ? nameFromTitle(title) : "";
  let subjectName = found.get("subjectName")?.value ?? "";
  if (subjectName === "" && subjectFromTitle !== "") {
    subjectName = subjectFromTitle;
    notes.push(`表中没有“项目名称”，名称取自标题“${title}”`);
  }
  if (subjectName === "") subjectName = sheet;

  // ------------------------------------------------ the grid
  const { index, headers } = header;
  const col = (f: GridField) => index.get(f);
  const hdr = (f: GridField) => headers.get(f) ?? "";
  const hasWeights = index.has("weight");
  if (!index.has("level2"))
    issues.push(
      sheetIssue(sheet, "GOAL_CHECK_NO_LEVEL2", `第${header.row}行的指标表头没有“二级指标”列，二级指标按空白检查`),
    );
  const known = new Set([...index.values()]);
  const levelCols = new Set([col("level1"), col("level2")].filter((c): c is number => c !== undefined));
  const firstGridCol = Math.min(...known);

  const parts: Pending[] = [];
  const start = (project: string): Pending => {
    const p: Pending = { project, budget: null, goal: null, unitName: "", indicators: [], at: [] };
    parts.push(p);
    return p;
  };
  let current = start("");
  let previous: { level1: string; level2: string } | null = null;
  let impliedOperators = 0;
  // A caption left of the grid or on its own row above it: "长期绩效指标" (佳县) or "本年度绩效指标" (湘潭).
  const rowAbove = above[above.length - 1];
  const caption = [
    ...rowCells(grid, header.row).filter((x) => x.c < firstGridCol),
    ...(rowAbove !== undefined && rowCells(grid, rowAbove).length === 1 ? rowCells(grid, rowAbove) : []),
  ]
    .map((x) => x.text)
    .join(" ");
  const longTermGrid = /长期|中期|实施期/.test(caption) && !/年度/.test(caption);
  const nameCol = col("name")!;
  const extraCols = new Set([col("project"), col("budget"), col("goal"), col("unitName")]);
  for (const r of grid.rows) {
    if (r <= header.row) continue;
    const cells = rowCells(grid, r);
    const text = (f: GridField) => {
      const c = col(f);
      return c === undefined ? "" : cellText(grid.value(r, c));
    };
    const lead = cells.filter((x) => x.c <= (col("target") ?? 0));
    if (lead.some((x) => isTotalLabel(x.text))) break;
    const left = cells.filter((x) => x.c < nameCol && !extraCols.has(x.c));
    if (left.some((x) => ENDS_GRID.test(labelKey(x.text)) || isEndOfGrid(x.text))) break;
    const again = headerAt(grid, r);
    if (again) {
      if (longTermGrid) {
        // The first grid held the long-term indicators (长期绩效指标): the annual grid below replaces it.
        notes.push(`第${header.row}行起的中长期指标未检查，检查第${r}行起的年度指标`);
        parts.length = 0;
        current = start("");
        previous = null;
        continue;
      }
      issues.push(
        sheetIssue(
          sheet,
          "GOAL_CHECK_SECOND_GRID",
          `第${r}行又有一个指标表头：本工作表只检查第${header.row}行的指标表，以下未读取`,
        ),
      );
      break;
    }

    // A project named in the grid (井研 style) starts its own table.
    const project = cut(text("project"), MAX_CHARS.label, r, col("project") ?? 0, hdr("project"));
    if (project !== "" && project !== current.project) {
      if (current.indicators.length === 0 && current.project === "") current.project = project;
      else current = start(project);
    }
    if (project !== "" || current.budget === null) {
      const b = col("budget");
      if (b !== undefined && grid.value(r, b) !== null && !current.budget)
        current.budget = { value: grid.value(r, b), cell: cellOf(r, b, hdr("budget")) };
      const g = col("goal");
      if (g !== undefined && text("goal") !== "" && !current.goal)
        current.goal = {
          text: cut(noteText(grid.value(r, g)), MAX_CHARS.goal, r, g, hdr("goal")),
          cell: cellOf(r, g, hdr("goal")),
        };
      if (text("unitName") !== "" && current.unitName === "")
        current.unitName = cut(text("unitName"), MAX_CHARS.label, r, col("unitName") ?? 0, hdr("unitName"));
    }

    const name = cut(
      stripIndicatorPrefix(text("name").replace(/^[★☆*＊]+/, "")),
      MAX_CHARS.name,
      r,
      nameCol,
      hdr("name"),
    );
    const targetCol = col("target")!;
    const targetRaw = grid.value(r, targetCol);
    const unreadableValue = unreadableValueOf(targetRaw);
    if (unreadableValue) issueAt(r, targetCol, hdr("target"), "GOAL_CHECK_BAD_VALUE", unreadableValue);
    const targetText = unreadableValue
      ? ""
      : cut(
          typeof targetRaw === "number" && grid.isPercent(r, targetCol)
            ? `${numberText(targetRaw * 100)}%`
            : cellText(targetRaw),
          MAX_CHARS.target,
          r,
          targetCol,
          hdr("target"),
        );
    if (isBlankMark(name) && isBlankMark(targetText)) {
      // Nothing to read as an indicator: say so when the row holds something other than level names.
      const stray = cells.filter(
        (x) =>
          known.has(x.c) && !levelCols.has(x.c) && !extraCols.has(x.c) && !isBlankMark(x.c === nameCol ? name : x.text),
      );
      const first = stray[0];
      const header = [...index].find(([, c]) => c === first?.c)?.[0];
      if (first)
        issueAt(
          r,
          first.c,
          header ? hdr(header) : "",
          "GOAL_CHECK_ROW_UNREAD",
          `第${r}行没有指标名称和指标值，这一行（“${first.text}”）未作为指标读取`,
        );
      continue;
    }

    const levelAt = (f: "level1" | "level2") => cut(levelText(text(f)), MAX_CHARS.level, r, col(f) ?? 0, hdr(f));
    const level1: string = levelAt("level1") || previous?.level1 || "";
    const level2: string = levelAt("level2") || (previous && previous.level1 === level1 ? previous.level2 : "");
    previous = { level1, level2 };
    const operatorText = text("operator");
    if (operatorText !== "" && readOperatorCell(operatorText) === null)
      issueAt(
        r,
        col("operator")!,
        hdr("operator"),
        "GOAL_CHECK_BAD_OPERATOR",
        `“${operatorText}”既不是运算符（≥、≤、=）也不是“定量”“定性”，按指标值本身判断`,
      );
    const value = readIndicatorValue(
      targetText,
      operatorText,
      cut(text("unit"), MAX_CHARS.unit, r, col("unit") ?? 0, hdr("unit")),
    );
    // "100%", "12所": county tables leave the operator out where "=" is meant; said once in the notes.
    if (value.kind === "quantitative" && value.operator === null && value.target !== "") {
      value.operator = "=";
      impliedOperators++;
    }
    if (value.problem) issueAt(r, targetCol, hdr("target"), "GOAL_CHECK_UNIT_CLASH", value.problem);
    let weight = 0;
    const w = col("weight");
    if (w !== undefined) {
      const p = pointsOf(grid.value(r, w));
      if (p.problem) issueAt(r, w, hdr("weight"), "GOAL_CHECK_BAD_WEIGHT", p.problem);
      weight = p.value ?? Number.NaN;
    }
    const explanation =
      col("explanation") === undefined
        ? ""
        : cut(
            noteText(grid.value(r, col("explanation")!)),
            MAX_CHARS.explanation,
            r,
            col("explanation")!,
            hdr("explanation"),
          );
    current.indicators.push({
      level1,
      level2,
      name,
      kind: value.kind,
      operator: value.operator,
      target: value.target,
      unit: value.unit,
      weight,
      explanation: explanation === "" ? null : explanation,
    });
    const addr = (f: GridField) => {
      const c = col(f);
      return c === undefined ? undefined : grid.master(r, c);
    };
    const targetAddr = addr("target");
    const at: Partial<Record<IndicatorField, string>> = {};
    const put = (field: IndicatorField, address: string | undefined) => {
      if (address !== undefined) at[field] = address;
    };
    put("level1", addr("level1"));
    put("level2", addr("level2"));
    put("name", addr("name"));
    // Operator, kind and unit read from the target's text sit in its cell.
    put("kind", addr("operator") ?? targetAddr);
    put("operator", addr("operator") ?? targetAddr);
    put("target", targetAddr);
    put("unit", addr("unit") ?? targetAddr);
    put("weight", addr("weight"));
    put("explanation", addr("explanation"));
    current.at.push({ row: r, cells: at });
  }

  if (impliedOperators > 0) notes.push(`${impliedOperators} 个定量指标的指标值未写运算符（如“100%”“12所”），按“=”检查`);
  const tables = parts
    .filter((p) => p.indicators.length > 0 || parts.length === 1)
    .map((p): OutsideGoalTable => {
      const partNotes = [...notes];
      let partFunds = funds;
      let partFundsCell = fundsCell;
      if (p.budget) {
        const a = amountOf(p.budget.value, amountUnit);
        if (a.problem) issueIn(p.budget.cell, "GOAL_CHECK_BAD_AMOUNT", a.problem);
        else if (a.fen !== null) {
          partFunds = { total: a.fen, fiscal: a.fen, other: 0 };
          partFundsCell = p.budget.cell;
        }
      }
      const goalText = p.goal?.text ?? goal?.value ?? "";
      return {
        sheet,
        part: parts.length > 1 ? p.project : null,
        title,
        fiscalYear,
        table: {
          subjectKind: title?.includes("整体") ? "deptWide" : "project",
          subjectCode: "",
          subjectName: p.project !== "" ? p.project : subjectName,
          fiscalYear: fiscalYear ?? 0,
          funds: partFunds,
          overallGoal: goalText,
          indicators: p.indicators,
        },
        departmentName: found.get("department")?.value ?? "",
        unitName: p.unitName || found.get("unit")?.value || "",
        longTermGoal,
        overallGoalLabel: p.goal ? hdr("goal") : (goal?.label ?? null),
        hasHeaderBlock: hasHeaderBlock || p.project !== "",
        hasWeights,
        at: {
          subjectName: found.get("subjectName")?.cell ?? null,
          funds: partFundsCell,
          overallGoal: p.goal?.cell ?? goal?.cell ?? null,
          grid: cellOf(header!.row, col("level1")!, hdr("level1")),
          weights: col("weight") === undefined ? null : cellOf(header!.row, col("weight")!, hdr("weight")),
          indicators: p.at,
        },
        notes: partNotes,
      };
    });
  if (tables.every((t) => t.table.indicators.length === 0))
    issues.push(sheetIssue(sheet, "GOAL_CHECK_NO_INDICATORS", `第${header.row}行的指标表头下没有读到任何指标`));
  return { sheet, tables, issues };
}

/**
 * Reads a workbook of goal tables from anywhere: every visible, non-empty sheet. A file that is not an
 * xlsx, is empty, too large, or holds no sheet with an indicator grid is refused whole, naming the sheets.
 */
export function parseOutsideGoalWorkbook(bytes: Buffer): OutsideSheetRead[] {
  if (bytes.length > MAX_UPLOAD_BYTES)
    throw new AppError("too_large", "IMPORT_FILE_TOO_LARGE", "文件超过 10 MB 上限，请把工作表分成几个文件再检查", {
      size: bytes.length,
      limit: MAX_UPLOAD_BYTES,
    });
  if (bytes.length === 0) throw emptyFile("文件是空的（0字节），请选择要检查的绩效目标表 Excel 文件");
  if (isOle(bytes))
    throw unreadable("不支持 Excel 97-2003 格式（.xls）；请在 Excel 或 WPS 中另存为 .xlsx 工作簿后再检查");
  if (!isZip(bytes)) throw unreadable("文件不是 Excel（.xlsx）工作簿；请选择绩效目标表的 .xlsx 文件");
  const book = new XlsxBook(bytes, GOAL_SHEET_LIMITS);
  const read: OutsideSheetRead[] = [];
  for (const info of book.sheets) {
    if (info.state !== "visible") continue;
    const sheet = book.readSheet(info);
    if (sheet.rows.size === 0) continue;
    read.push(readOutsideGoalSheet(sheet));
    const tables = read.reduce((n, x) => n + x.tables.length, 0);
    const indicators = read.reduce((n, x) => n + x.tables.reduce((m, t) => m + t.table.indicators.length, 0), 0);
    if (tables > MAX_CHECK_TABLES || indicators > MAX_CHECK_INDICATORS)
      throw new AppError(
        "too_large",
        "IMPORT_TOO_MANY_INDICATORS",
        `文件中的目标表超过 ${MAX_CHECK_TABLES} 张或指标超过 ${MAX_CHECK_INDICATORS} 个（读到工作表“${info.name}”时已有 ${tables} 张表、${indicators} 个指标），请把工作表分成几个文件再检查`,
        { sheet: info.name, tables, indicators, maxTables: MAX_CHECK_TABLES, maxIndicators: MAX_CHECK_INDICATORS },
      );
  }
  if (read.length === 0) throw emptyFile("文件中没有内容（工作表都是空的），请选择要检查的绩效目标表");
  if (read.every((s) => s.tables.length === 0))
    throw unreadable(
      `文件中没有绩效目标表：${read.map((s) => `工作表“${s.sheet}”`).join("、")}都找不到指标表头（一级指标、二级指标、三级指标、指标值）`,
    );
  return read;
}
