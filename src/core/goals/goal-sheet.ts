import type { GoalFinding } from "./quality-types";
import { type GoalIndicator, type GoalSubjectKind, INDICATOR_FIELDS, type IndicatorField } from "./types";

/**
 * Goal tables exchanged as Excel sheets in the official layout (项目支出 / 部门整体支出绩效目标表):
 * what a reader hands to the import, where each value sat in the sheet (so every problem names its
 * sheet, row and column), and how a sheet compares with the stored table. Pure.
 */

export { INDICATOR_FIELDS, type IndicatorField } from "./types";

/** The column headers of the indicator grid, in the order of the paper form. */
export const GOAL_SHEET_HEADERS: Record<IndicatorField, string> = {
  level1: "一级指标",
  level2: "二级指标",
  name: "三级指标",
  kind: "指标性质",
  operator: "运算符",
  target: "指标值",
  unit: "度量单位",
  weight: "权重（分）",
  explanation: "指标解释",
};

/** The first sheet of a department's workbook: the list of its tables. */
export const CONTENTS_SHEET = "目录";

/** "指标体系版本：2024.1": the cell that ties a file to the year's template. */
export const TEMPLATE_VERSION_LABEL = "指标体系版本";

/** A column of the sheet: its letter and the header printed above it. */
export interface SheetColumn {
  letter: string;
  header: string;
}

/** Where the values of one sheet sat, so findings can be reported by row and column. */
export interface GoalSheetLayout {
  headerRow: number;
  columns: Partial<Record<IndicatorField, SheetColumn>>;
  /** The sheet row of each indicator, in order. */
  rows: number[];
  overallGoal: { row: number; column: SheetColumn } | null;
  templateVersion: { row: number; column: SheetColumn } | null;
  subjectCode: { row: number; column: SheetColumn } | null;
  /** The 合计 row under the grid, if the sheet has one. */
  totalRow: number | null;
}

/** A goal table as one sheet states it; indicators carry no uid (the import matches them). */
export interface GoalSheetTable {
  subjectKind: GoalSubjectKind;
  subjectCode: string;
  subjectName: string;
  fiscalYear: number;
  templateVersion: string;
  overallGoal: string;
  indicators: GoalIndicator[];
}

/** One problem, located: sheet name, 1-based row, the column's header and the cell ("F12"). */
export interface GoalSheetIssue {
  sheet: string;
  row: number | null;
  column: string | null;
  cell: string | null;
  code: string;
  message: string;
}

/** What the reader made of one sheet: the table (null when the sheet could not be read) and its issues. */
export interface GoalSheetRead {
  sheet: string;
  table: GoalSheetTable | null;
  layout: GoalSheetLayout | null;
  issues: GoalSheetIssue[];
}

/** An issue at a row and column of the sheet. */
export function sheetIssue(
  sheet: string,
  code: string,
  message: string,
  at: { row: number; column: SheetColumn } | null = null,
): GoalSheetIssue {
  return {
    sheet,
    row: at?.row ?? null,
    column: at?.column.header ?? null,
    cell: at ? `${at.column.letter}${at.row}` : null,
    code,
    message: at
      ? `工作表“${sheet}”${at.column.letter}${at.row}（${at.column.header}）：${message}`
      : `工作表“${sheet}”：${message}`,
  };
}

/**
 * Where a quality finding points in the sheet: an indicator's row and the field's column; a table
 * finding on the weights points at the 合计 row, other table findings at the header row.
 */
export function locateFinding(sheet: string, layout: GoalSheetLayout, f: GoalFinding): GoalSheetIssue {
  const columnOf = (field: string | null) =>
    field && field in layout.columns ? layout.columns[field as IndicatorField] : undefined;
  let at: { row: number; column: SheetColumn } | null = null;
  if (f.indicatorIndex !== null) {
    const row = layout.rows[f.indicatorIndex];
    const column = columnOf(f.field) ?? layout.columns.name;
    if (row !== undefined && column) at = { row, column };
  } else if (f.field === "overallGoal") {
    at = layout.overallGoal;
  } else if (f.code === "GOAL_WEIGHTS_NOT_100" && layout.columns.weight) {
    at = { row: layout.totalRow ?? layout.headerRow, column: layout.columns.weight };
  } else if (layout.columns.level1) {
    at = { row: layout.headerRow, column: layout.columns.level1 };
  }
  // The checks count indicators ("第3行" of the form); in a sheet that reads as a row number, so say 第3个指标.
  const issue = sheetIssue(sheet, f.code, f.message.replace(/^第(\d+)行“/, "第$1个指标“"), at);
  return f.suggestion ? { ...issue, message: `${issue.message}（${f.suggestion}）` } : issue;
}

// ---------------------------------------------------------------- comparing with the stored table

export type IndicatorChange = "new" | "changed" | "unchanged";

export interface IndicatorDiffRow {
  /** 0-based position in the sheet. */
  index: number;
  name: string;
  change: IndicatorChange;
  /** The fields that differ from the stored indicator (empty unless changed). */
  fields: IndicatorField[];
}

export interface IndicatorDiff {
  /** The sheet's indicators, each matched one keeping the stored uid. */
  indicators: GoalIndicator[];
  rows: IndicatorDiffRow[];
  /** Stored indicators the sheet no longer has. */
  removed: GoalIndicator[];
  counts: { new: number; changed: number; unchanged: number; removed: number };
  /** Nothing differs: same indicators, same values, same order. */
  same: boolean;
}

const text = (v: string | null | undefined) => (v ?? "").trim();
const hundredths = (w: number) => (Number.isFinite(w) ? Math.round(w * 100) : Number.NaN);

function differs(field: IndicatorField, a: GoalIndicator, b: GoalIndicator): boolean {
  if (field === "weight") return hundredths(a.weight) !== hundredths(b.weight);
  if (field === "operator" || field === "kind") return a[field] !== b[field];
  return text(a[field]) !== text(b[field]);
}

/** Indicators are matched by level 2 and name: the key a clerk keeps when editing the sheet. */
const matchKey = (i: GoalIndicator) => `${text(i.level2)}\u0000${text(i.name)}`;

/**
 * Compares the sheet's indicators with the stored ones. Each sheet indicator takes the uid of the first
 * unmatched stored indicator with the same level 2 and name, so comments keyed by uid survive an
 * import; the others are new (the store gives them a uid).
 */
export function diffIndicators(stored: readonly GoalIndicator[], sheet: readonly GoalIndicator[]): IndicatorDiff {
  const queues = new Map<string, number[]>();
  stored.forEach((s, i) => {
    const key = matchKey(s);
    const queue = queues.get(key);
    if (queue) queue.push(i);
    else queues.set(key, [i]);
  });
  const matched = new Set<number>();
  const indicators: GoalIndicator[] = [];
  const rows: IndicatorDiffRow[] = [];
  let inOrder = stored.length === sheet.length;
  sheet.forEach((ind, index) => {
    const storedIndex = queues.get(matchKey(ind))?.shift();
    const before = storedIndex === undefined ? undefined : stored[storedIndex];
    const { uid: _ignored, ...values } = ind;
    if (storedIndex === undefined || !before) {
      inOrder = false;
      indicators.push(values);
      rows.push({ index, name: text(ind.name), change: "new", fields: [] });
      return;
    }
    matched.add(storedIndex);
    if (storedIndex !== index) inOrder = false;
    const fields = INDICATOR_FIELDS.filter((f) => differs(f, before, ind));
    indicators.push(before.uid === undefined ? values : { uid: before.uid, ...values });
    rows.push({ index, name: text(ind.name), change: fields.length > 0 ? "changed" : "unchanged", fields });
  });
  const removed = stored.filter((_, i) => !matched.has(i));
  const counts = { new: 0, changed: 0, unchanged: 0, removed: removed.length };
  for (const r of rows) counts[r.change]++;
  return {
    indicators,
    rows,
    removed,
    counts,
    same: inOrder && counts.new === 0 && counts.changed === 0 && removed.length === 0,
  };
}
