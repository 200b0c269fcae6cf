import { type GoalSheetIssue, type SheetColumn, sheetIssue } from "../goals/goal-sheet";
import { OPERATOR_LABELS } from "../goals/types";
import type { Fen } from "../money";
import { wanText } from "./sheet-values";
import type { MonitoringExecution, MonitoringItem, MonitoringSubjectKind, ReportAnswers } from "./types";

/**
 * Monitoring reports (绩效运行监控表) exchanged as Excel sheets, so a unit can fill them offline: what
 * one sheet carries when it is written, what the reader makes of a filled one, and how the prefilled
 * (locked) part is checked against the report it was written for. Pure.
 *
 * The layout follows the national 项目支出绩效目标执行监控表 (annex of 财预〔2019〕136号: 项目资金 with
 * 全年预算数, 1–N月执行数, 执行率 and 全年预计执行数; per indicator 年度指标值, 1–N月执行情况, 全年预计完成
 * 情况, 偏差原因分析 by the categories 经费/制度/人员/硬件条件保障/其他, 完成目标可能性 确定能/有可能/完全
 * 不可能, 备注), with the particulars block of the provinces' published self-evaluation forms (项目名称,
 * 主管部门, 实施单位, 金额单位 万元). It adds what domain.md §4 asks and the national form lacks: the
 * execution of each month (from the budget system, months after N left blank), 时间进度, a note required
 * when spending runs over budget, and 偏差原因说明 and 改进措施 as their own columns.
 */

export type MonitoringSheetIssue = GoalSheetIssue;
export type { SheetColumn } from "../goals/goal-sheet";

/** The very hidden sheet that ties each sheet to its report and round (one row per sheet). */
export const MONITORING_META_SHEET = "_jixiao";
export const MONITORING_META_HEADERS = ["sheet", "reportId", "roundId", "version", "unitCode", "subjectCode"] as const;

/** Everything one sheet of the workbook shows: the report as issued and the answers saved so far. */
export interface MonitoringSheetData {
  reportId: number;
  roundId: number;
  version: number;
  fiscalYear: number;
  /** N: months 1..N are reported. */
  cutoffMonth: number;
  /** 部门监控 / 财政重点监控. */
  kindLabel: string;
  subjectKind: MonitoringSubjectKind;
  subjectCode: string;
  subjectName: string;
  departmentName: string;
  unitCode: string;
  unitName: string;
  execution: MonitoringExecution;
  items: MonitoringItem[];
  answers: { overallStatus: string; expectedYearEnd: Fen | null; executionNote: string | null };
  /** 偏差原因 categories of the year's rules, offered as a dropdown. */
  causeCategories: string[];
}

/** The indicator grid's columns, in the order of the form; `uid` is a hidden column. */
export const GRID_FIELDS = [
  "level1",
  "level2",
  "name",
  "target",
  "progress",
  "expected",
  "likelihood",
  "cause",
  "causeNote",
  "measures",
  "uid",
] as const;
export type GridField = (typeof GRID_FIELDS)[number];

/** The grid's headers as written; the reader also takes aliases (io/monitoring-xlsx-read.ts). */
export function gridHeaders(cutoffMonth: number): Record<GridField, string> {
  return {
    level1: "一级指标",
    level2: "二级指标",
    name: "三级指标",
    target: "年度指标值",
    progress: `截至${cutoffMonth}月完成值`,
    expected: "预计全年完成值",
    likelihood: "完成目标可能性",
    cause: "偏差原因",
    causeNote: "偏差原因说明",
    measures: "改进措施",
    uid: "指标标识",
  };
}

/** The subject's titles and labels. */
export const SUBJECT_LABELS: Record<MonitoringSubjectKind, { title: string; name: string; code: string }> = {
  project: { title: "项目支出绩效运行监控表", name: "项目名称", code: "项目编码" },
  deptWide: { title: "部门整体支出绩效运行监控表", name: "部门名称", code: "部门编码" },
};

/** "≥5000平方米", "=100%", "按期完成": the annual target as the form shows it. */
export function targetText(item: Pick<MonitoringItem, "operator" | "target" | "unit">): string {
  const op = item.operator ? OPERATOR_LABELS[item.operator] : "";
  return `${op}${item.target.trim()}${item.unit?.trim() ?? ""}`;
}

/** A cell of the sheet: its row and column (letter and header). */
export interface CellAt {
  row: number;
  column: SheetColumn;
}

/** Which report and round a sheet was written for, from the hidden sheet. */
export interface MonitoringSheetMeta {
  reportId: number;
  roundId: number;
  version: number;
  unitCode: string;
  subjectCode: string;
}

/** One indicator row as read: its locked cells, and its row for locating issues. */
export interface LockedItemRead {
  /** From the hidden 指标标识 column; "" when the row has none (a row added by hand). */
  uid: string;
  row: number;
  level1: string;
  level2: string;
  name: string;
  target: string;
}

/** The prefilled values as the file holds them, to be compared with the report (compareLocked). */
export interface MonitoringLockedRead {
  fiscalYear: number | null;
  cutoffMonth: number | null;
  subjectCode: string | null;
  unitCode: string | null;
  /** Amounts in fen; null when blank or not an amount (`shown` keeps what the cell held). */
  budget: Fen | null;
  executed: Fen | null;
  /** Months 1..12 (index 0 = January). */
  byMonth: (Fen | null)[];
  /** The cells' text as read, for messages. */
  shown: { budget: string; executed: string; byMonth: string[] };
  items: LockedItemRead[];
}

/** Where the values of one sheet sat. */
export interface MonitoringSheetLayout {
  title: CellAt | null;
  subjectCode: CellAt | null;
  unitCode: CellAt | null;
  budget: CellAt | null;
  executed: CellAt | null;
  months: (CellAt | null)[];
  expectedYearEnd: CellAt | null;
  executionNote: CellAt | null;
  overallStatus: CellAt | null;
  headerRow: number | null;
  columns: Partial<Record<GridField, SheetColumn>>;
}

/** What the reader made of one sheet. `answers.items` holds the rows that name an indicator (uid). */
export interface MonitoringSheetRead {
  sheetName: string;
  meta: MonitoringSheetMeta | null;
  locked: MonitoringLockedRead;
  answers: ReportAnswers;
  layout: MonitoringSheetLayout;
  issues: MonitoringSheetIssue[];
}

// ---------------------------------------------------------------- comparing with the report

const clean = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

/**
 * Issues where the file's prefilled (locked) part differs from the report it is compared with: another
 * report or round, changed codes, budget or months' execution, an indicator's levels, name or target,
 * rows added or removed; an amount in a month after N; a 偏差原因 that is not one of the categories.
 * Each names the sheet and cell. The answers themselves are not judged here (the report's rules are).
 */
export function compareLocked(read: MonitoringSheetRead, expected: MonitoringSheetData): MonitoringSheetIssue[] {
  const sheet = read.sheetName;
  const { locked, layout, meta } = read;
  const issues: MonitoringSheetIssue[] = [];
  const changed = (at: CellAt | null, want: string, found: string) =>
    issues.push(
      sheetIssue(
        sheet,
        "MONITORING_SHEET_LOCKED_CHANGED",
        `预填内容不可修改：应为“${want}”，文件中为“${found}”；如系统中的数据已更新，请重新下载监控表`,
        at,
      ),
    );

  if (meta) {
    if (meta.reportId !== expected.reportId)
      issues.push(
        sheetIssue(
          sheet,
          "MONITORING_SHEET_OTHER_REPORT",
          `本工作表属于另一份监控报告，不是“${expected.subjectName}”的`,
        ),
      );
    else if (meta.roundId !== expected.roundId)
      issues.push(
        sheetIssue(
          sheet,
          "MONITORING_SHEET_OTHER_ROUND",
          "本工作表是为之前一轮填报下载的，报告已重新下发或退回，请重新下载监控表后填写",
        ),
      );
    if (meta.subjectCode !== expected.subjectCode || meta.unitCode !== expected.unitCode)
      issues.push(sheetIssue(sheet, "MONITORING_SHEET_META_CHANGED", "隐藏的报告标识已被改动，请重新下载监控表后填写"));
  }

  if (locked.fiscalYear !== expected.fiscalYear || locked.cutoffMonth !== expected.cutoffMonth)
    changed(
      layout.title,
      `（${expected.fiscalYear}年度 截至${expected.cutoffMonth}月）`,
      `（${locked.fiscalYear ?? "?"}年度 截至${locked.cutoffMonth ?? "?"}月）`,
    );
  if (clean(locked.subjectCode) !== clean(expected.subjectCode))
    changed(layout.subjectCode, expected.subjectCode, locked.subjectCode ?? "");
  if (clean(locked.unitCode) !== clean(expected.unitCode))
    changed(layout.unitCode, expected.unitCode, locked.unitCode ?? "");
  if (locked.budget !== expected.execution.budget)
    changed(layout.budget, wanText(expected.execution.budget), locked.shown.budget);
  if (locked.executed !== expected.execution.executed)
    changed(layout.executed, wanText(expected.execution.executed), locked.shown.executed);

  const n = expected.cutoffMonth;
  for (let m = 1; m <= 12; m++) {
    const at = layout.months[m - 1] ?? null;
    const shown = locked.shown.byMonth[m - 1] ?? "";
    if (m > n) {
      if (shown !== "")
        issues.push(
          sheetIssue(
            sheet,
            "MONITORING_SHEET_MONTH_AFTER_CUTOFF",
            `第${n}月之后不应填写执行数（${m}月填了“${shown}”），请清空`,
            at,
          ),
        );
      continue;
    }
    // A blank month reads as no spending (the form writes 0.00); text that is no amount is a change.
    const want = expected.execution.byMonth[m - 1] ?? 0;
    const found = locked.byMonth[m - 1] ?? null;
    if (found === null ? shown !== "" || want !== 0 : found !== want) changed(at, wanText(want), shown);
  }

  compareItems(read, expected, issues);
  return issues;
}

function compareItems(read: MonitoringSheetRead, expected: MonitoringSheetData, issues: MonitoringSheetIssue[]) {
  const sheet = read.sheetName;
  const { columns, headerRow } = read.layout;
  const at = (field: GridField, row: number): CellAt | null => {
    const column = columns[field];
    return column ? { row, column } : null;
  };
  const byUid = new Map(expected.items.map((i) => [i.uid, i]));
  const seen = new Set<string>();
  for (const item of read.locked.items) {
    if (item.uid === "" || !byUid.has(item.uid) || seen.has(item.uid)) {
      issues.push(
        sheetIssue(
          sheet,
          "MONITORING_SHEET_ITEM_UNKNOWN",
          item.uid === "" || !byUid.has(item.uid)
            ? `“${item.name}”不是本报告的绩效指标（可能是新增或复制的行）；绩效指标只能在绩效目标中调整，请删除此行`
            : `“${item.name}”重复出现（可能是复制的行），请删除此行`,
          at("name", item.row),
        ),
      );
      continue;
    }
    seen.add(item.uid);
    const want = byUid.get(item.uid)!;
    const pairs: [GridField, string, string][] = [
      ["level1", want.level1, item.level1],
      ["level2", want.level2, item.level2],
      ["name", want.name, item.name],
      ["target", targetText(want), item.target],
    ];
    for (const [field, w, found] of pairs)
      if (clean(w) !== clean(found))
        issues.push(
          sheetIssue(
            sheet,
            "MONITORING_SHEET_LOCKED_CHANGED",
            `预填内容不可修改：应为“${clean(w)}”，文件中为“${clean(found)}”；如绩效目标已调整，请重新下载监控表`,
            at(field, item.row),
          ),
        );
  }
  const headerAt = headerRow !== null && columns.name ? { row: headerRow, column: columns.name } : null;
  for (const want of expected.items)
    if (!seen.has(want.uid))
      issues.push(
        sheetIssue(
          sheet,
          "MONITORING_SHEET_ITEM_MISSING",
          `缺少绩效指标“${want.name}”（该行可能被删除），请重新下载监控表后填写`,
          headerAt,
        ),
      );

  const categories = new Set(expected.causeCategories.map((c) => c.trim()));
  const rowOf = new Map(read.locked.items.map((i) => [i.uid, i.row]));
  for (const { uid, answers } of read.answers.items) {
    const cause = answers.cause?.trim();
    const row = rowOf.get(uid);
    if (!cause || categories.has(cause) || row === undefined) continue;
    issues.push(
      sheetIssue(
        sheet,
        "MONITORING_SHEET_BAD_CAUSE",
        `偏差原因“${cause}”不是可选的类别，应为：${expected.causeCategories.join("、")}；具体情况写在“偏差原因说明”中`,
        at("cause", row),
      ),
    );
  }
}
