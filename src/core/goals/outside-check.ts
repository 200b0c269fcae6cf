import type { GoalRules } from "./goal-rules";
import type { GoalSheetIssue } from "./goal-sheet";
import { mapLevels } from "./level-synonyms";
import { checkGoalTable, GOAL_RULES_BY_CODE } from "./quality";
import type { GoalFindingField, GoalSeverity } from "./quality-types";
import type { GoalTable, IndicatorField } from "./types";

/**
 * Checking goal tables (绩效目标表) that come from other systems, in their own layouts: what the reader
 * (io/goal-check-xlsx-read.ts) makes of a sheet, and the pure check of it with a region's rules for the
 * year. Nothing here is stored: a reviewer reads the findings with the cell each one is about.
 */

/** A cell of the sheet: "D12", with its row and the header of its column (or the label beside it). */
export interface SheetCell {
  cell: string;
  row: number;
  header: string;
}

/** One table as a sheet of another system states it. */
export interface OutsideGoalTable {
  sheet: string;
  /** When a sheet lists several projects one under another (井研 style): which one, else null. */
  part: string | null;
  /** The sheet's title row, if any ("2023年项目支出绩效目标申报表"). */
  title: string | null;
  fiscalYear: number | null;
  /**
   * The table as written: level names cleaned of spaces and notes but not yet mapped to a template
   * (the check maps them), targets split into operator, number and unit where the text allows.
   */
  table: GoalTable;
  departmentName: string;
  unitName: string;
  /** 实施期 / 中长期 / 中期滚动 goal, when the sheet states one beside the annual goal. */
  longTermGoal: string | null;
  /** The label the annual goal was read under ("年度目标", "本年度绩效目标"), null when none was found. */
  overallGoalLabel: string | null;
  /** Whether the sheet has a header block above the grid (项目名称, 资金, 目标…). */
  hasHeaderBlock: boolean;
  /** Whether the grid has a weight column: without one the weight rules do not apply. */
  hasWeights: boolean;
  at: {
    subjectName: SheetCell | null;
    funds: SheetCell | null;
    overallGoal: SheetCell | null;
    /** The grid's header row (its 一级指标 cell). */
    grid: SheetCell;
    /** The header cell of the weight column, when there is one. */
    weights: SheetCell | null;
    /** Per indicator, in order: its row and the cell each field was read from. */
    indicators: { row: number; cells: Partial<Record<IndicatorField, string>> }[];
  };
  /** How the sheet was read where it could be read more than one way (amounts in 元, goals chosen…). */
  notes: string[];
}

/** What the reader made of one worksheet: its tables (none when no indicator grid was found) and issues. */
export interface OutsideSheetRead {
  sheet: string;
  tables: OutsideGoalTable[];
  issues: GoalSheetIssue[];
}

export interface OutsideFinding {
  code: string;
  title: string;
  severity: GoalSeverity;
  message: string;
  suggestion: string | null;
  /** The cell the finding is about ("D12"), or null for the whole table. */
  cell: string | null;
  row: number | null;
  indicatorIndex: number | null;
  field: GoalFindingField | null;
}

export interface CheckedOutsideTable {
  sheet: string;
  part: string | null;
  fiscalYear: number;
  rulesVersion: string;
  /** The table as checked: level names mapped to the template. */
  table: GoalTable;
  /** Per indicator, the level names the sheet printed (before mapping). */
  writtenLevels: { level1: string; level2: string }[];
  departmentName: string;
  unitName: string;
  longTermGoal: string | null;
  at: OutsideGoalTable["at"];
  findings: OutsideFinding[];
  errors: number;
  warnings: number;
  notes: string[];
}

/** Rules that need a weight column; a table read without one is not held to them. */
export const WEIGHT_RULES: readonly string[] = ["GOAL_WEIGHTS_NOT_100", "GOAL_WEIGHT_INVALID"];

export const NO_HEADER_CODE = "GOAL_CHECK_NO_HEADER";
const NO_HEADER_TITLE = "缺少表头信息";

/** The cell an indicator's finding is about: the field's own cell, else the one it was read from, else the name. */
function cellOf(
  t: OutsideGoalTable,
  code: string,
  index: number | null,
  field: GoalFindingField | null,
): SheetCell | null {
  if (index === null) {
    if (field === "overallGoal") return t.at.overallGoal;
    if (code === "GOAL_WEIGHTS_NOT_100") return t.at.weights ?? t.at.grid;
    return t.at.grid;
  }
  const at = t.at.indicators[index];
  if (!at) return null;
  const f = field && field !== "overallGoal" && field !== "indicators" && field !== "uid" ? field : "name";
  const cell = at.cells[f] ?? at.cells.target ?? at.cells.name ?? null;
  return cell ? { cell, row: at.row, header: "" } : null;
}

/**
 * Checks one table read from another system's sheet with the given rules: level names mapped to the
 * template first (and said so once per name), then every goal rule. Without a weight column the weight
 * rules' findings are dropped and the notes say so; without a header block a finding says the header
 * is missing.
 */
export function checkOutsideTable(t: OutsideGoalTable, rules: GoalRules, fiscalYear: number): CheckedOutsideTable {
  const notes = [...t.notes];
  const said = new Set<string>();
  const writtenLevels: { level1: string; level2: string }[] = [];
  const indicators = t.table.indicators.map((ind) => {
    const m = mapLevels(ind.level1, ind.level2, rules.template);
    writtenLevels.push(m.written);
    if (m.mapped) {
      const from = [m.written.level1, m.written.level2].filter((x) => x !== "").join("/");
      const key = `${from}→${m.level1}/${m.level2}`;
      if (!said.has(key)) {
        said.add(key);
        notes.push(`表中的“${from}”按本年度指标体系的“${m.level1}/${m.level2}”检查`);
      }
    }
    return { ...ind, level1: m.level1, level2: m.level2 };
  });
  const table: GoalTable = { ...t.table, fiscalYear, indicators };
  const result = checkGoalTable(table, { template: rules.template, policy: rules.policy });
  let raw = result.findings;
  if (!t.hasWeights) {
    raw = raw.filter((f) => !WEIGHT_RULES.includes(f.code));
    notes.push("表中没有权重（分值）列：各指标权重按 0 处理，不检查权重合计与取值");
  }
  const findings: OutsideFinding[] = [];
  if (!t.hasHeaderBlock)
    findings.push({
      code: NO_HEADER_CODE,
      title: NO_HEADER_TITLE,
      severity: "warning",
      message: `指标表上方找不到项目名称、资金情况、年度目标等表头信息${t.title ? `，项目名称取自标题“${t.title}”` : ""}`,
      suggestion: "请对方提供完整的绩效目标表（含项目名称、主管部门、实施单位、资金情况和年度目标）",
      cell: null,
      row: null,
      indicatorIndex: null,
      field: null,
    });
  for (const f of raw) {
    const at = cellOf(t, f.code, f.indicatorIndex, f.field);
    findings.push({
      code: f.code,
      title: GOAL_RULES_BY_CODE.get(f.code)?.title ?? f.code,
      severity: f.severity,
      // The checks count indicators ("第3行" of the form); beside a sheet cell that reads as a row number.
      message: f.message.replace(/^第(\d+)行“/, "第$1个指标“"),
      suggestion: f.suggestion,
      cell: at?.cell ?? null,
      row: at?.row ?? null,
      indicatorIndex: f.indicatorIndex,
      field: f.field,
    });
  }
  const errors = findings.filter((f) => f.severity === "error").length;
  return {
    sheet: t.sheet,
    part: t.part,
    fiscalYear,
    rulesVersion: rules.version,
    table,
    writtenLevels,
    departmentName: t.departmentName,
    unitName: t.unitName,
    longTermGoal: t.longTermGoal,
    at: t.at,
    findings,
    errors,
    warnings: findings.length - errors,
    notes,
  };
}

export interface OutsideWorkbookCheck {
  sheets: { sheet: string; tables: CheckedOutsideTable[]; issues: GoalSheetIssue[] }[];
  counts: { sheets: number; tables: number; errors: number; warnings: number; issues: number };
}

/** The year a table is checked for: the one asked for, else the table's own, else the fallback (said so). */
export function yearOf(t: OutsideGoalTable, asked: number | null, fallback: number): number {
  return asked ?? t.fiscalYear ?? fallback;
}

/**
 * Checks every table of a workbook with the rules of its year (`rulesFor`, the region's or the
 * defaults). Pure: the caller loads the rules.
 */
export function checkOutsideWorkbook(
  reads: readonly OutsideSheetRead[],
  rulesFor: (fiscalYear: number) => GoalRules,
  asked: number | null,
  fallbackYear: number,
): OutsideWorkbookCheck {
  const counts = { sheets: reads.length, tables: 0, errors: 0, warnings: 0, issues: 0 };
  const sheets = reads.map((read) => {
    const tables = read.tables.map((t) => {
      const year = yearOf(t, asked, fallbackYear);
      const checked = checkOutsideTable(t, rulesFor(year), year);
      if (asked === null && t.fiscalYear === null)
        checked.notes.unshift(`表中未写年度，按 ${year} 年度的指标体系和审核规则检查`);
      else if (asked !== null && t.fiscalYear !== null && t.fiscalYear !== asked)
        checked.notes.unshift(`表中写的是 ${t.fiscalYear} 年度，按指定的 ${asked} 年度规则检查`);
      counts.tables++;
      counts.errors += checked.errors;
      counts.warnings += checked.warnings;
      return checked;
    });
    counts.issues += read.issues.length;
    return { sheet: read.sheet, tables, issues: read.issues };
  });
  return { sheets, counts };
}
