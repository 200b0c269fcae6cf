/** The goal-table form as the page edits it: rows with stable keys, kept in the template's order. */
import { createContext, useContext, useEffect, useState } from "react";
import { DEFAULT_GOAL_RULES, type GoalRules } from "../../../../src/core/goals/goal-rules";
import { inTemplateOrder } from "../../../../src/core/goals/order";
import { checkGoalTable, type GoalCheckResult } from "../../../../src/core/goals/quality";
import {
  type GoalIndicator,
  type GoalTable,
  type IndicatorTemplate,
  OPERATOR_LABELS,
} from "../../../../src/core/goals/types";
import type { GoalTableSaveBody, IndicatorSuggestion } from "../../api/goals/goal-tables";

/**
 * The rules of the table's year (template and check policy), as the server serves them: the form
 * groups, offers and checks by them. The default only stands in until they are loaded.
 */
export const GoalRulesContext = createContext<GoalRules>(DEFAULT_GOAL_RULES);
export const useGoalRulesOfTable = (): GoalRules => useContext(GoalRulesContext);

export interface IndicatorRow extends GoalIndicator {
  /** React key, stable while the row is moved or edited. */
  key: string;
  /** The row's position in the table as loaded (reviewers' per-indicator comments refer to it), or null for a new row. */
  loadedIndex: number | null;
}

export interface GoalForm {
  overallGoal: string;
  rows: IndicatorRow[];
}

let nextKey = 1;
const newKey = () => `r${nextKey++}`;

/**
 * A new indicator's uid, made here so that it is the same on every save (crypto.randomUUID needs a
 * secure context, which a bureau's intranet address is not; getRandomValues does not).
 */
function newUid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Rows grouped by level 1 and level 2 as the template lists them; the order within a group is kept. */
export const sortRows = <T extends GoalIndicator>(rows: readonly T[], template: IndicatorTemplate): T[] =>
  inTemplateOrder(rows, template);

export function formOf(table: GoalTable, template: IndicatorTemplate): GoalForm {
  return {
    overallGoal: table.overallGoal,
    rows: sortRows(
      table.indicators.map((ind, i) => ({ ...ind, key: newKey(), loadedIndex: i })),
      template,
    ),
  };
}

export function emptyRow(level1: string, level2 = ""): IndicatorRow {
  return {
    key: newKey(),
    uid: newUid(),
    loadedIndex: null,
    level1,
    level2,
    name: "",
    kind: "quantitative",
    operator: ">=",
    target: "",
    unit: "",
    weight: 0,
    explanation: null,
  };
}

export function rowFromSuggestion(s: IndicatorSuggestion): IndicatorRow {
  const quantitative = s.kind === "quantitative";
  return {
    key: newKey(),
    uid: newUid(),
    loadedIndex: null,
    level1: s.level1,
    level2: s.level2,
    name: s.name,
    kind: quantitative ? "quantitative" : "qualitative",
    operator: quantitative ? (s.operator ?? ">=") : null,
    target: s.commonTarget ?? "",
    unit: quantitative ? (s.unit ?? "") : null,
    weight: 0,
    explanation: null,
  };
}

/** Inserts a row after the last row of its level 2 (or of its level 1), keeping the grouping. */
export function insertRow(
  rows: readonly IndicatorRow[],
  row: IndicatorRow,
  template: IndicatorTemplate,
): IndicatorRow[] {
  return sortRows([...rows, row], template);
}

const clean = (s: string | null): string | null => {
  const t = (s ?? "").trim();
  return t === "" ? null : t;
};

/** What the server stores: trimmed text, no unit or operator on a qualitative indicator. */
export function indicatorsOf(rows: readonly IndicatorRow[]): GoalIndicator[] {
  return rows.map((r) => {
    const quantitative = r.kind === "quantitative";
    return {
      ...(r.uid ? { uid: r.uid } : {}),
      level1: r.level1.trim(),
      level2: r.level2.trim(),
      name: r.name.trim(),
      kind: r.kind,
      operator: quantitative ? r.operator : null,
      target: r.target.trim(),
      unit: quantitative ? clean(r.unit) : null,
      weight: Number.isFinite(r.weight) ? Math.round(r.weight * 100) / 100 : 0,
      explanation: clean(r.explanation),
    };
  });
}

export const payloadOf = (form: GoalForm, version: number): GoalTableSaveBody => ({
  version,
  overallGoal: form.overallGoal.trim(),
  indicators: indicatorsOf(form.rows),
});

/** A fingerprint of what would be saved: equal fingerprints mean nothing to save. */
export const fingerprint = (form: GoalForm): string =>
  JSON.stringify([form.overallGoal.trim(), indicatorsOf(form.rows)]);

/** The quality check of the form as it stands: the same rules the server applies on submission. */
export function checkForm(base: GoalTable, form: GoalForm, rules: GoalRules): GoalCheckResult {
  return checkGoalTable({ ...base, overallGoal: form.overallGoal, indicators: indicatorsOf(form.rows) }, rules);
}

/** Weight total in hundredths of a point (exact: 33.33 + 33.33 + 33.34 = 100). */
export const weightHundredths = (rows: readonly GoalIndicator[]): number =>
  rows.reduce((sum, r) => sum + (Number.isFinite(r.weight) ? Math.round(r.weight * 100) : 0), 0);

/**
 * The weight still to give out (target minus the rows' total, in hundredths) spread evenly over the rows
 * without a weight — an indicator just taken from the 指标库 arrives with 0. Two decimals; the first rows
 * take the hundredths left over, so the total comes out exact. Unchanged when nothing is left to give or no
 * row waits for a weight.
 */
export function spreadRemaining<R extends GoalIndicator>(rows: readonly R[], targetHundredths: number): R[] {
  const remaining = targetHundredths - weightHundredths(rows);
  const waiting = rows.filter((r) => !(r.weight > 0)).length;
  if (remaining <= 0 || waiting === 0) return [...rows];
  const share = Math.floor(remaining / waiting);
  let extra = remaining - share * waiting;
  return rows.map((r) => {
    if (r.weight > 0) return r;
    const give = share + (extra > 0 ? 1 : 0);
    if (extra > 0) extra -= 1;
    return { ...r, weight: give / 100 };
  });
}

export const points = (hundredths: number): string => (hundredths / 100).toFixed(2).replace(/\.00$/, "");

/** "≥95%", "按期完成": the target as the form shows it. */
export function targetText(ind: Pick<GoalIndicator, "kind" | "operator" | "target" | "unit">): string {
  const target = ind.target.trim();
  if (ind.kind !== "quantitative") return target;
  const op = ind.operator ? OPERATOR_LABELS[ind.operator] : "";
  return `${op}${target}${(ind.unit ?? "").trim()}`;
}

/** The value, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return settled;
}
