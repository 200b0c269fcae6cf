import type { DeskStatus } from "../../core/review/desk-workflow";
import { GRADES, type Grade } from "../../core/selfeval/grade";
import type { FormSort } from "../../core/selfeval/list";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { FormFilter } from "./ports";
import { type FormRow, presentFormRow } from "./present-form";
import { selfEvalRulesFor } from "./selfeval-rules";

const num = (v: string | number | null) => (v === null ? Number.NEGATIVE_INFINITY : Number(v));
const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Orders by the chosen column, then by the department's order and code, so pages never repeat or skip a row. */
const COMPARE: Record<FormSort, (a: FormRow, b: FormRow) => number> = {
  department: () => 0,
  code: (a, b) => text(a.code, b.code),
  budget: (a, b) => a.adjustedBudget - b.adjustedBudget,
  rate: (a, b) => num(a.rate) - num(b.rate),
  total: (a, b) => num(a.total) - num(b.total),
  status: (a, b) => text(a.status as DeskStatus, b.status as DeskStatus),
  updatedAt: (a, b) => text(a.updatedAt, b.updatedAt),
};

export type FormListQuery = FormFilter & { grade?: Grade | undefined };

/**
 * The year's forms in scope with their scores. Scores are computed on every read (never stored), so a
 * filter or sort by score is applied after they are computed: the rows are read in three statements and
 * filtered, sorted and paged here.
 */
export async function formRows(deps: Deps, actor: Actor, filter: FormListQuery) {
  const scope = authorize(actor, "selfeval.read");
  const rules = await selfEvalRulesFor(deps.uow.read, actor.regionCode, filter.fiscalYear);
  const now = deps.clock.now();
  const rows = (await deps.uow.read.selfeval.details(scope, filter)).map((d) => presentFormRow(d, rules, now, actor));
  return { rules, rows: filter.grade ? rows.filter((r) => r.grade === filter.grade) : rows };
}

export function sortFormRows(rows: readonly FormRow[], sort: FormSort, order: "asc" | "desc"): FormRow[] {
  const sign = order === "desc" ? -1 : 1;
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => sign * COMPARE[sort](a.r, b.r) || a.i - b.i)
    .map((x) => x.r);
}

export async function listSelfEvalForms(
  deps: Deps,
  actor: Actor,
  q: FormListQuery & { sort: FormSort; order: "asc" | "desc"; page: number; pageSize: number },
) {
  const { rows, rules } = await formRows(deps, actor, q);
  const sorted = sortFormRows(rows, q.sort, q.order);
  const start = (q.page - 1) * q.pageSize;
  const grades = Object.fromEntries(GRADES.map((g) => [g, rows.filter((r) => r.grade === g).length])) as Record<
    Grade,
    number
  >;
  return {
    total: sorted.length,
    rows: sorted.slice(start, start + q.pageSize),
    grades,
    gradeLabels: rules.gradeLabels,
  };
}
