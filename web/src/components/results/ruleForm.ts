/**
 * A rule set as the editor's form holds it, and back: the cap in 万元 as typed, exempted codes as one text
 * (one a line, or separated by commas or spaces); fields a kind does not use are dropped on the way out,
 * so switching a rule's kind or action leaves nothing behind. Issues (the server's or the core's, the
 * same messages) are placed on the rule and field they name.
 */
import { fenToWanExact, parseWan } from "../../../../src/core/money";
import {
  type AdjustmentAction,
  type ExemptionKind,
  type RectificationTrigger,
  type ResultRule,
  RULE_KIND_LABELS,
  type RuleKind,
} from "../../../../src/core/results/rules";
import type { Grade } from "../../../../src/core/selfeval/grade";

export interface RuleValues {
  kind: RuleKind;
  priority?: number | null;
  grade?: Grade;
  action?: AdjustmentAction;
  percent?: number | null;
  /** Raise cap, 万元 as typed; empty for none. */
  capWan?: string;
  trigger?: RectificationTrigger;
  exempt?: ExemptionKind;
  codesText?: string;
  note?: string;
}

export interface RuleSetValues {
  name: string;
  rules: RuleValues[];
}

export const RULE_KINDS = Object.keys(RULE_KIND_LABELS) as RuleKind[];

/** The actions each kind offers (a grade rule's raise is for 优 only; the core says so when it is not). */
export const ACTIONS_OF: Record<Exclude<RuleKind, "exemption">, readonly AdjustmentAction[]> = {
  grade: ["raise", "keep", "cut", "suspend", "cancel"],
  departmentScore: ["cut"],
  rectification: ["cut", "suspend"],
  monitoring: ["cut", "suspend"],
};

/** Whether the rule takes a percentage: a raise or a cut does, keep/suspend/cancel do not. */
export const needsPercent = (r: Pick<RuleValues, "kind" | "action">) =>
  r.kind !== "exemption" && (r.kind === "departmentScore" || r.action === "raise" || r.action === "cut");

export const splitCodes = (text: string | undefined): string[] =>
  (text ?? "")
    .split(/[\s,，、;；]+/)
    .map((c) => c.trim())
    .filter((c) => c !== "");

const num = (v: number | null | undefined): number | undefined => (typeof v === "number" ? v : undefined);

/**
 * The form's rule as the API takes it. A cap that is not an amount is sent as -1, so that the core names it
 * (上限金额须为正的整数分) rather than the cap silently disappearing.
 */
export function ruleOf(v: RuleValues): ResultRule {
  const priority = num(v.priority) ?? 0;
  const percent = needsPercent(v) ? num(v.percent) : undefined;
  switch (v.kind) {
    case "grade": {
      const cap = v.action === "raise" && v.capWan?.trim() ? (parseWan(v.capWan) ?? -1) : undefined;
      return {
        kind: "grade",
        priority,
        grade: v.grade as Grade,
        action: v.action as AdjustmentAction,
        ...(percent !== undefined ? { percent } : {}),
        ...(cap !== undefined ? { capFen: cap } : {}),
      };
    }
    case "departmentScore":
      return { kind: "departmentScore", priority, percent: percent as number };
    case "rectification":
      return {
        kind: "rectification",
        priority,
        trigger: v.trigger as RectificationTrigger,
        action: v.action as "cut" | "suspend",
        ...(percent !== undefined ? { percent } : {}),
      };
    case "monitoring":
      return {
        kind: "monitoring",
        priority,
        action: v.action as "cut" | "suspend",
        ...(percent !== undefined ? { percent } : {}),
      };
    case "exemption":
      return v.exempt === "codes"
        ? { kind: "exemption", exempt: "codes", codes: splitCodes(v.codesText), note: (v.note ?? "").trim() }
        : { kind: "exemption", exempt: v.exempt as ExemptionKind };
  }
}

/** A stored rule as the form shows it. */
export function valuesOf(r: ResultRule): RuleValues {
  switch (r.kind) {
    case "grade":
      return {
        kind: r.kind,
        priority: r.priority,
        grade: r.grade,
        action: r.action,
        percent: r.percent ?? null,
        capWan: r.capFen ? fenToWanExact(r.capFen) : "",
      };
    case "departmentScore":
      return { kind: r.kind, priority: r.priority, action: "cut", percent: r.percent };
    case "rectification":
      return { kind: r.kind, priority: r.priority, trigger: r.trigger, action: r.action, percent: r.percent ?? null };
    case "monitoring":
      return { kind: r.kind, priority: r.priority, action: r.action, percent: r.percent ?? null };
    case "exemption":
      return { kind: r.kind, exempt: r.exempt, codesText: (r.codes ?? []).join("\n"), note: r.note ?? "" };
  }
}

/** A new rule of a kind, after `rules`: the next free priority, the kind's usual action. */
export function newRule(kind: RuleKind, rules: readonly RuleValues[]): RuleValues {
  const priority = Math.max(0, ...rules.filter((r) => r.kind !== "exemption").map((r) => num(r.priority) ?? 0)) + 1;
  switch (kind) {
    case "grade":
      return { kind, priority, grade: "fair", action: "cut", percent: null, capWan: "" };
    case "departmentScore":
      return { kind, priority, action: "cut", percent: null };
    case "rectification":
      return { kind, priority, trigger: "unrectified", action: "cut", percent: null };
    case "monitoring":
      return { kind, priority, action: "cut", percent: null };
    case "exemption":
      return { kind, exempt: "rigid", codesText: "", note: "" };
  }
}

/** Priorities 1, 2, 3 … in the list's order (exemptions have none: they always come first). */
export function prioritiesInOrder(rules: readonly RuleValues[]): RuleValues[] {
  let next = 1;
  return rules.map((r) => (r.kind === "exemption" ? r : { ...r, priority: next++ }));
}

/** The form field an issue's field ("rules.3.percent", "rules.2.codes.5", "name") belongs to; null: the whole. */
export function issuePath(field: string): (string | number)[] | null {
  const parts = field.replace(/^body\./, "").split(".");
  if (parts[0] === "name" || parts[0] === "note") return [parts[0]];
  if (parts[0] !== "rules" || parts.length < 3) return null;
  const i = Number(parts[1]);
  if (!Number.isInteger(i) || i < 0) return null;
  const f = parts[2]!;
  return ["rules", i, f === "capFen" ? "capWan" : f === "codes" ? "codesText" : f];
}

/** "第3条规则（按评价等级）：须填写比例" → "须填写比例": under the rule's own field the prefix says nothing. */
export const fieldMessage = (message: string) => message.replace(/^第\d+条规则（[^）]*）：/, "");

export interface PlacedIssues {
  /** One entry per field, its messages together (antd keeps only the last setFields for a name). */
  fields: { name: (string | number)[]; errors: string[] }[];
  /** Issues no field shows (the rule set as a whole). */
  general: string[];
  /** Rule indexes with any issue, to open and mark them. */
  rules: Set<number>;
}

export function placeIssues(issues: readonly { field: string; message: string }[]): PlacedIssues {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const general: string[] = [];
  const rules = new Set<number>();
  for (const i of issues) {
    const name = issuePath(i.field);
    if (!name) {
      general.push(i.message);
      continue;
    }
    if (name[0] === "rules") rules.add(name[1] as number);
    const key = name.join(".");
    const at = byField.get(key) ?? { name, errors: [] };
    at.errors.push(fieldMessage(i.message));
    byField.set(key, at);
  }
  return { fields: [...byField.values()], general, rules };
}

/** JSON with sorted keys: stored rules come back from the database with their keys in another order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );

/** Whether two rule lists are the same rules in the same order. */
export const sameRules = (a: readonly ResultRule[], b: readonly ResultRule[]) => canonical(a) === canonical(b);
