import { readFileSync, statSync } from "node:fs";
import { MAX_UPLOAD_BYTES } from "../../core/imports/spec";
import { checkSelfEvalSheet, type SelfEvalSheetCheck, sheetHasProblems } from "../../core/selfeval/check-sheet";
import type { SelfEvalSheetIssue, SelfEvalSheetRead } from "../../core/selfeval/sheet";
import { readSelfEvalWorkbook } from "../../io/read-upload";
import { printSelfEvalReport } from "./selfeval-print";
import { type RulesInUse, rulesForYears } from "./selfeval-rules";

/**
 * `jixiao selfeval check FILE [--json] [--year Y] [--region R]`: reads a workbook of project
 * self-evaluation tables (ours or a county's form), recomputes every score and says, per sheet, which
 * stated figures differ from the computed ones, which contradict each other and what cannot be scored.
 * Stores nothing. Exit code 0 when every table is sound, 1 when any has a difference, a contradiction
 * or an item that cannot be scored, 2 when the file cannot be read.
 */
export interface CheckedSheet {
  check: SelfEvalSheetCheck;
  subjectName: string;
  fiscalYear: number | null;
  rules: RulesInUse;
  issues: SelfEvalSheetIssue[];
}

export interface SelfEvalReport {
  file: string;
  sheets: CheckedSheet[];
  /** Worksheets that are not self-evaluation tables. */
  skipped: { sheet: string; reason: string }[];
  rules: RulesInUse[];
}

function readFile(file: string): Buffer {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new Error(`找不到文件：${file}`);
  }
  if (size > MAX_UPLOAD_BYTES) throw new Error(`文件 ${file} 超过 10 MB 上限`);
  return readFileSync(file);
}

export async function selfevalCheck(file: string, options: { json?: boolean; year?: string; region?: string }) {
  const year = options.year === undefined ? undefined : Number(options.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100))
    throw new Error(`年度无效：${options.year}`);
  let reads: SelfEvalSheetRead[];
  try {
    reads = await readSelfEvalWorkbook(readFile(file));
  } catch (e) {
    // An unreadable file is not a finding about the tables: its own exit code.
    console.error(`无法读取 ${file}：${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
    return;
  }
  const tables = reads.filter((r) => r.table !== null);
  const yearOf = (r: SelfEvalSheetRead) => year ?? r.table?.fiscalYear ?? null;
  const rules = await rulesForYears([...new Set(tables.map(yearOf))], options.region);
  const rulesOf = (y: number | null) => rules.find((r) => r.fiscalYear === y) ?? rules[0]!;
  const report: SelfEvalReport = {
    file,
    rules,
    skipped: reads
      .filter((r) => r.table === null)
      .map((r) => ({ sheet: r.sheet, reason: r.issues.map((i) => i.message).join("；") })),
    sheets: tables.map((read) => {
      const table = read.table!;
      const used = rulesOf(yearOf(read));
      return {
        check: checkSelfEvalSheet(table, used.rules),
        subjectName: table.subjectName,
        fiscalYear: table.fiscalYear,
        rules: used,
        issues: read.issues,
      };
    }),
  };
  if (options.json) console.log(JSON.stringify(jsonOf(report), null, 2));
  else printSelfEvalReport(report);
  process.exitCode = report.sheets.some((s) => sheetHasProblems(s.check)) ? 1 : 0;
}

function jsonOf(report: SelfEvalReport) {
  return {
    file: report.file,
    rules: report.rules.map((r) => ({
      fiscalYear: r.fiscalYear,
      source: r.source,
      version: r.rules.version,
      text: r.text,
    })),
    sheets: report.sheets.map(({ check: c, rules, subjectName, fiscalYear, issues }) => ({
      sheet: c.sheet,
      subjectName,
      fiscalYear,
      rulesVersion: rules.rules.version,
      statedTotal: c.statedTotal,
      computedTotal: c.computedTotal,
      grade: c.grade,
      gradeLabel: c.grade === null ? null : rules.rules.gradeLabels[c.grade],
      differences: c.differences,
      contradictions: c.contradictions,
      unscorable: c.unscorable,
      notes: c.notes,
      issues: issues.map((i) => ({ cell: i.cell, code: i.code, message: i.message })),
    })),
    skipped: report.skipped,
  };
}
