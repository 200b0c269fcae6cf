import type { EvaluationMember, FrameworkRow } from "../../api/evaluations/evaluations";

/** A scoring sheet as the member edits it: points (null until scored) and comment per indicator. */
export type SheetForm = Record<string, { points: number | null; comment: string }>;

export function sheetFormOf(rows: readonly FrameworkRow[], member: EvaluationMember | null): SheetForm {
  const saved = new Map((member?.scores ?? []).map((s) => [s.uid, s]));
  return Object.fromEntries(
    rows.map((r) => [r.uid, { points: saved.get(r.uid)?.points ?? null, comment: saved.get(r.uid)?.comment ?? "" }]),
  );
}

export const sheetFingerprint = (rows: readonly FrameworkRow[], f: SheetForm): string =>
  JSON.stringify(rows.map((r) => [f[r.uid]?.points ?? null, f[r.uid]?.comment.trim() ?? ""]));

const hundredths = (n: number) => Math.round(n * 100);

/**
 * What is wrong with a sheet, per indicator, as the server checks it: points within 0 … the indicator's
 * points with at most two decimals; for submitting, every indicator scored.
 */
export function sheetIssues(rows: readonly FrameworkRow[], f: SheetForm, forSubmit: boolean): Map<string, string> {
  const issues = new Map<string, string>();
  for (const r of rows) {
    const p = f[r.uid]?.points ?? null;
    if (p === null) {
      if (forSubmit) issues.set(r.uid, "请评分");
    } else if (p < 0 || p > r.points || Math.abs(p * 100 - hundredths(p)) > 1e-6)
      issues.set(r.uid, `得分须在0至${r.points}分之间，最多两位小数`);
  }
  return issues;
}

/** The sheet's total so far, in points (exact: summed in hundredths). */
export const sheetTotal = (rows: readonly FrameworkRow[], f: SheetForm): number =>
  rows.reduce((s, r) => s + hundredths(f[r.uid]?.points ?? 0), 0) / 100;

export const scoredCount = (rows: readonly FrameworkRow[], f: SheetForm): number =>
  rows.filter((r) => f[r.uid]?.points !== null && f[r.uid]?.points !== undefined).length;

/** The scored indicators, as the API takes them. */
export const sheetPayload = (rows: readonly FrameworkRow[], f: SheetForm) =>
  rows.flatMap((r) => {
    const a = f[r.uid];
    return a && a.points !== null ? [{ uid: r.uid, points: a.points, comment: a.comment.trim() }] : [];
  });

/** The mean of points, half up to two decimals (as the server rounds the experts' mean); null for none. */
export function meanHalfUp(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sum = values.reduce((s, v) => s + hundredths(v), 0);
  const n = values.length;
  return Math.floor((2 * sum + n) / (2 * n)) / 100;
}
