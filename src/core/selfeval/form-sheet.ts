import { sheetIssue } from "../goals/goal-sheet";
import { OPERATOR_LABELS } from "../goals/types";
import type { Fen } from "../money";
import { wanText } from "../monitoring/sheet-values";
import { EMPTY_ANSWERS, type FormAnswers, type ItemAnswers, type SelfEvalFigures, type SelfEvalItem } from "./form";
import { hundredthsOf, pointsText, toHundredths } from "./grade";
import type { TierBand } from "./rules";
import type { FormScore } from "./score-form";
import { scoreQualitative } from "./score-project";
import type { CellAt, SelfEvalParticular, SelfEvalSheet, SelfEvalSheetIssue } from "./sheet";

/**
 * A project's self-evaluation form as a sheet of the official workbook, and a filled sheet back as the
 * form's answers. The writer lays out what formSheetOf says; an import compares what the reader made of
 * the sheet with the form (compareFormSheet: the prefilled, locked part) and takes the answers from it
 * (mergeSheetAnswers). Department-wide forms have no such sheet. Pure.
 */
export interface FormForSheet {
  id: number;
  version: number;
  fiscalYear: number;
  code: string;
  name: string;
  departmentName: string;
  unitCode: string;
  unitName: string;
  overallGoal: string;
  figures: SelfEvalFigures;
  executionWeight: number;
  missingWeight: number;
  items: readonly SelfEvalItem[];
  answers: FormAnswers;
}

/** One answer a sheet changes: where, what, and the values before and after as the form shows them. */
export interface SheetAnswerChange {
  cell: string | null;
  /** "年度总体目标实际完成情况", "指标“维修面积”的实际完成值"… */
  label: string;
  before: string;
  after: string;
}

/** 年度指标值 as the paper form prints it: "≥1200平方米", "=100%", "按期完成". */
export function targetTextOf(item: Pick<SelfEvalItem, "operator" | "target" | "unit">): string {
  const op = item.operator ? OPERATOR_LABELS[item.operator] : "";
  return `${op}${item.target}${item.unit ?? ""}`;
}

const answersOf = (form: Pick<FormForSheet, "answers">) => new Map(form.answers.items.map((i) => [i.uid, i.answers]));

/** The sheet of a form: the particulars, the funds with the execution's points, the items with their points. */
export function formSheetOf(form: FormForSheet, score: FormScore): SelfEvalSheet {
  const answers = answersOf(form);
  const scores = new Map(score.items.map((s) => [s.uid, s]));
  const execution = score.execution;
  return {
    sheet: form.code,
    fiscalYear: form.fiscalYear,
    subjectName: form.name,
    subjectCode: form.code,
    departmentName: form.departmentName,
    unitName: form.unitName,
    funds: {
      total: {
        label: "年度资金总额",
        initial: form.figures.startBudget,
        adjusted: form.figures.adjustedBudget,
        executed: form.figures.executed,
      },
      // The form keeps the totals only; the split (当年财政拨款, 上年结转 …) prints blank, as on paper.
      parts: [],
      weight: form.executionWeight,
      rate: execution?.rate ? { percent: Number(execution.rate), decimals: 2 } : null,
      points: execution?.points ?? null,
    },
    overallGoal: { expected: form.overallGoal, actual: form.answers.overallActual || null },
    rows: form.items.map((item) => {
      const a = answers.get(item.uid) ?? EMPTY_ANSWERS;
      const s = scores.get(item.uid);
      const qualitative = item.kind === "qualitative";
      return {
        level1: item.level1,
        level2: item.level2,
        name: item.name,
        target: targetTextOf(item),
        actual: a.actual,
        weight: item.weight,
        // A qualitative item shows the assessor's points as entered; a quantitative one the computed points.
        points: qualitative ? a.points : (s?.points ?? null),
        deviationNote: a.note,
        notApplicable: a.notApplicable,
        qualitative,
      };
    }),
    statedTotal: score.total,
    statedWeightTotal: null,
    rescaled:
      form.missingWeight > 0 ||
      score.execution?.status === "notApplicable" ||
      score.items.some((i) => i.status === "notApplicable"),
    identity: {
      formId: form.id,
      version: form.version,
      fiscalYear: form.fiscalYear,
      unitCode: form.unitCode,
      subjectCode: form.code,
    },
  };
}

// ---------------------------------------------------------------- the locked part

/** Text of a single-line cell compared as Excel shows it. */
const line = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
/** Text of a note compared as a cell shows it: line ends unified, each line trimmed, blank lines squeezed. */
const note = (s: string | null | undefined) =>
  (s ?? "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
const samePoints = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : hundredthsOf(a) === hundredthsOf(b);
const shownPoints = (p: number | null) => (p === null ? "" : pointsText(hundredthsOf(p)));
const shownWan = (fen: Fen | null) => (fen === null ? "" : wanText(fen));

const PARTICULAR_LABELS: Record<SelfEvalParticular, string> = {
  subjectName: "项目名称",
  subjectCode: "项目编码",
  departmentName: "主管部门",
  unitName: "实施单位",
};

/**
 * Where the sheet's prefilled (locked) part differs from the form: the year, the particulars, the funds,
 * the overall goal, and each indicator's levels, name, target and 分值; rows added or removed. Each issue
 * names the sheet and the cell. The answers are not judged here (checkForm does).
 */
export function compareFormSheet(table: SelfEvalSheet, expected: SelfEvalSheet): SelfEvalSheetIssue[] {
  const sheet = table.sheet;
  const issues: SelfEvalSheetIssue[] = [];
  const changed = (at: CellAt | null | undefined, what: string, want: string, found: string) =>
    issues.push(
      sheetIssue(
        sheet,
        "SELFEVAL_SHEET_LOCKED_CHANGED",
        `${what}是预填内容，不可修改：应为“${want}”，文件中为“${found}”；如系统中的数据已更新，请重新下载自评表`,
        at ?? null,
      ),
    );
  const at = table.particularsAt ?? {};
  if (table.fiscalYear !== expected.fiscalYear)
    changed(at.fiscalYear, "年度", `${expected.fiscalYear}年度`, `${table.fiscalYear ?? "?"}年度`);
  for (const field of ["subjectName", "subjectCode", "departmentName", "unitName"] as const) {
    const want = expected[field] ?? "";
    const found = table[field] ?? "";
    if (line(want) !== line(found)) changed(at[field], PARTICULAR_LABELS[field], want, found);
  }
  const funds = table.funds.total;
  for (const [f, label] of [
    ["initial", "年初预算数"],
    ["adjusted", "全年预算数"],
    ["executed", "全年执行数"],
  ] as const) {
    const want = expected.funds.total[f];
    if (funds[f] !== want) changed(funds.at?.[f], `${label}（万元）`, shownWan(want), shownWan(funds[f]));
  }
  if (line(table.overallGoal.expected) !== line(expected.overallGoal.expected))
    changed(
      table.overallGoal.at?.expected,
      "年度总体目标（预期目标）",
      expected.overallGoal.expected,
      table.overallGoal.expected,
    );

  const rows = table.rows;
  if (rows.length !== expected.rows.length)
    issues.push(
      sheetIssue(
        sheet,
        "SELFEVAL_SHEET_ROWS_CHANGED",
        `绩效指标应为 ${expected.rows.length} 行，文件中为 ${rows.length} 行；指标是预填内容，请勿增删行，如绩效目标已调整请重新下载自评表`,
      ),
    );
  expected.rows.forEach((want, i) => {
    const found = rows[i];
    if (!found) return;
    const where = found.at;
    const name = `第${i + 1}项指标的`;
    if (line(found.level1) !== line(want.level1)) changed(null, `${name}一级指标`, want.level1, found.level1);
    if (line(found.level2) !== line(want.level2)) changed(null, `${name}二级指标`, want.level2, found.level2);
    if (line(found.name) !== line(want.name)) changed(where?.name, `${name}三级指标`, want.name, found.name);
    if (line(found.target) !== line(want.target))
      changed(where?.target, `指标“${want.name}”的年度指标值`, want.target, found.target);
    if (!samePoints(found.weight, want.weight))
      changed(where?.weight, `指标“${want.name}”的分值`, shownPoints(want.weight), shownPoints(found.weight));
  });
  return issues;
}

// ---------------------------------------------------------------- the answers

const cellOf = (at: CellAt | null | undefined) => (at ? `${at.column.letter}${at.row}` : null);

/**
 * The form's answers with what the sheet changes, and the changes, each with its cell. Rows are the
 * form's items in order (compareFormSheet makes sure of that). What a unit fills is taken: 实际完成值, a
 * qualitative item's 得分 (its tier inferred from the rules' tiers), 偏差原因分析及改进措施, 不适用 typed
 * in a row, and the overall goal's 实际完成情况. Text is compared as a cell shows it, so a workbook saved
 * again by Excel or WPS is not a change; a quantitative row's 得分 is computed, never taken.
 */
export function mergeSheetAnswers(
  table: SelfEvalSheet,
  form: Pick<FormForSheet, "items" | "answers">,
  tiers: readonly TierBand[],
): { answers: FormAnswers; changes: SheetAnswerChange[] } {
  const stored = answersOf(form);
  const changes: SheetAnswerChange[] = [];
  const overallFile = note(table.overallGoal.actual);
  const overallActual = overallFile === note(form.answers.overallActual) ? form.answers.overallActual : overallFile;
  if (overallActual !== form.answers.overallActual)
    changes.push({
      cell: cellOf(table.overallGoal.at?.actual),
      label: "年度总体目标实际完成情况",
      before: form.answers.overallActual,
      after: overallActual,
    });

  const items = form.items.map((item, i) => {
    const before = stored.get(item.uid) ?? EMPTY_ANSWERS;
    const row = table.rows[i];
    if (!row) return { uid: item.uid, answers: before };
    const next: ItemAnswers = { ...before };
    const label = `指标“${item.name}”`;
    const change = (at: CellAt | null | undefined, what: string, from: string, to: string) =>
      changes.push({ cell: cellOf(at), label: `${label}${what}`, before: from, after: to });

    if (row.notApplicable !== before.notApplicable) {
      next.notApplicable = row.notApplicable;
      change(
        row.at?.actual,
        "是否适用",
        before.notApplicable ? "不适用" : "适用",
        row.notApplicable ? "不适用" : "适用",
      );
    }
    // A row marked 不适用 shows nothing to fill: what the form holds besides stays as it is.
    if (!row.notApplicable) {
      if (line(row.actual) !== line(before.actual)) {
        next.actual = line(row.actual) || null;
        change(row.at?.actual, "的实际完成值", before.actual ?? "", next.actual ?? "");
      }
      if (item.kind === "qualitative" && !samePoints(row.points, before.points)) {
        next.points = row.points;
        const scored =
          row.points === null || toHundredths(row.points) === null
            ? null
            : scoreQualitative({ tier: null, points: row.points }, hundredthsOf(item.weight), [...tiers]);
        next.tier = scored !== null && typeof scored !== "string" ? scored.tier : null;
        change(row.at?.points, "的得分", shownPoints(before.points), shownPoints(row.points));
      }
    }
    if (note(row.deviationNote) !== note(before.note)) {
      next.note = note(row.deviationNote) || null;
      change(row.at?.deviationNote, "的偏差原因分析及改进措施", before.note ?? "", next.note ?? "");
    }
    return { uid: item.uid, answers: next };
  });
  // Answers stored for an item the form no longer has stay as they are (the save use case keeps them too).
  const known = new Set(form.items.map((i) => i.uid));
  const rest = form.answers.items.filter((i) => !known.has(i.uid));
  return { answers: { overallActual, items: [...items, ...rest] }, changes };
}

/** Where a check of the form (checkForm's field) sits in the sheet. */
export function locateFormIssue(
  table: SelfEvalSheet,
  items: readonly Pick<SelfEvalItem, "uid">[],
  issue: { field: string; itemUid: string | null },
): CellAt | null {
  if (issue.field === "overallActual") return table.overallGoal.at?.actual ?? null;
  const index = items.findIndex((i) => i.uid === issue.itemUid);
  const at = table.rows[index]?.at;
  if (!at) return null;
  const field = issue.field.split(".")[2];
  if (field === "actual") return at.actual;
  if (field === "points" || field === "tier") return at.points;
  if (field === "note") return at.deviationNote;
  return at.name;
}
