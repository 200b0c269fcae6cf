/** What the review page derives from the recorded draws and the organisation tree. */
import type { ReviewDraw } from "../../api/types";

export interface DepartmentRef {
  code: string;
  name: string;
}

/** Compares codes as the draw does (UTF-16 code units, no locale rules). */
export const byCode = (a: { code: string }, b: { code: string }): number =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

/** Department code → the fiscal years in which it was drawn for the on-site review, ascending. */
export function reviewHistory(draws: readonly ReviewDraw[]): Map<string, number[]> {
  const years = new Map<string, number[]>();
  for (const d of draws)
    for (const p of d.result.picks) {
      const list = years.get(p.code) ?? [];
      if (!list.includes(d.fiscalYear)) list.push(d.fiscalYear);
      years.set(p.code, list);
    }
  for (const list of years.values()) list.sort((a, b) => a - b);
  return years;
}

/** The year a new draw is for: the selected year, or the first later year without a draw. */
export function nextDrawYear(selectedYear: number, draws: readonly ReviewDraw[]): number {
  const drawn = new Set(draws.map((d) => d.fiscalYear));
  let year = selectedYear;
  while (drawn.has(year)) year++;
  return year;
}

/** The part of a visit the record's summary reads. */
export interface VisitRecordLike {
  reviewedOn: string | null;
  findings: string;
  guidance: string;
  tables: readonly { actedOn: boolean }[];
}

/** A visit counts as recorded once it has a date, findings or guidance. */
export const isVisitRecorded = (v: VisitRecordLike): boolean =>
  v.reviewedOn !== null || v.findings.trim() !== "" || v.guidance.trim() !== "";

export interface VisitSummary {
  departments: number;
  recorded: number;
  tables: number;
  actedOn: number;
}

/** 已记录 x / y 个部门，关联目标表 n 张，已落实 m 张. */
export function visitSummary(visits: readonly VisitRecordLike[]): VisitSummary {
  let recorded = 0;
  let tables = 0;
  let actedOn = 0;
  for (const v of visits) {
    if (isVisitRecorded(v)) recorded++;
    tables += v.tables.length;
    actedOn += v.tables.filter((t) => t.actedOn).length;
  }
  return { departments: visits.length, recorded, tables, actedOn };
}
