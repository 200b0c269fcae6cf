import type { RulesIssue } from "../goals/goal-rules";
import { DEFAULT_GRADE_LABELS, GRADES, type Grade } from "../selfeval/grade";
import { percentHundredths } from "./percent";
import {
  ADJUSTMENT_ACTIONS,
  type AdjustingRule,
  EXEMPTION_KINDS,
  RECTIFICATION_TRIGGERS,
  type ResultRule,
  type ResultRuleSet,
  RULE_KIND_LABELS,
  type RuleKind,
} from "./rules";

const MAX_RULES = 50;
const MAX_PRIORITY = 999;
const isKind = (k: unknown): k is RuleKind => typeof k === "string" && Object.hasOwn(RULE_KIND_LABELS, k);
const has = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T);

/**
 * Two adjusting rules may share a priority only when no project can meet both: grade rules for different
 * grades (a project has one grade). Anything else would leave the winner to the order of the list.
 */
const canOverlap = (a: AdjustingRule, b: AdjustingRule) =>
  !(a.kind === "grade" && b.kind === "grade" && a.grade !== b.grade);

/** What makes two rules the same rule: the second one would never apply, so it is refused. */
function identity(r: ResultRule): string | null {
  switch (r.kind) {
    case "grade":
      return `grade:${r.grade}`;
    case "departmentScore":
    case "monitoring":
      return r.kind;
    case "rectification":
      return `rectification:${r.trigger}`;
    case "exemption":
      return r.exempt === "codes" ? null : `exemption:${r.exempt}`;
  }
}

/**
 * Checks a rule set beyond its shape: every percentage 0–100 with at most two decimals, grades and
 * actions known and fitting the kind, priorities whole numbers that never tie where two rules could meet
 * the same project, no rule repeated, exempted codes listed once with a note. Every issue names the rule
 * (第n条规则) and its field; the rule set is returned trimmed when there is none.
 */
export function validateRuleSet(
  input: ResultRuleSet,
): { ok: true; ruleSet: ResultRuleSet } | { ok: false; issues: RulesIssue[] } {
  const issues: RulesIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  if (!Number.isInteger(input.budgetYear) || input.budgetYear < 2000 || input.budgetYear > 2100)
    add("budgetYear", "预算年度须为 2000 到 2100 之间的年份");
  if ((input.name ?? "").trim() === "") add("name", "规则集名称为空");
  if (!Array.isArray(input.rules) || input.rules.length === 0) add("rules", "规则集至少要有一条规则");
  else if (input.rules.length > MAX_RULES) add("rules", `规则集最多 ${MAX_RULES} 条规则`);
  const rules = Array.isArray(input.rules) ? input.rules.slice(0, MAX_RULES) : [];

  const seen = new Map<string, number>();
  const byPriority = new Map<number, number[]>();
  const exemptCodes = new Map<string, number>();
  rules.forEach((r, i) => {
    const at = (field: string, message: string) =>
      add(
        `rules.${i}.${field}`,
        `第${i + 1}条规则（${isKind(r?.kind) ? RULE_KIND_LABELS[r.kind] : "未知"}）：${message}`,
      );
    if (!isKind(r?.kind)) {
      at("kind", `未知的规则类型“${String((r as { kind?: unknown } | null)?.kind)}”`);
      return;
    }
    const id = identity(r);
    if (id !== null) {
      const first = seen.get(id);
      if (first !== undefined) at("kind", `与第${first + 1}条规则重复`);
      else seen.set(id, i);
    }
    const percent = (required: boolean, p: unknown) => {
      if (p === undefined || p === null) {
        if (required) at("percent", "须填写比例");
      } else if (!required) at("percent", "该处理方式不需要比例");
      else if (percentHundredths(p) === null)
        at("percent", `比例须在 0 到 100 之间、最多两位小数（现为 ${String(p)}）`);
    };
    if (r.kind === "exemption") {
      if (!has(EXEMPTION_KINDS, r.exempt)) at("exempt", `未知的豁免类别“${String(r.exempt)}”`);
      if (r.exempt === "codes") {
        const codes = Array.isArray(r.codes) ? r.codes : [];
        if (codes.length === 0) at("codes", "须列出豁免的项目编码");
        codes.forEach((c, j) => {
          const code = typeof c === "string" ? c.trim() : "";
          if (code === "") at(`codes.${j}`, `第${j + 1}个项目编码为空`);
          else if (exemptCodes.has(code))
            at(`codes.${j}`, `项目编码 ${code} 已在第${exemptCodes.get(code)! + 1}条规则中列明`);
          else exemptCodes.set(code, i);
        });
        if ((r.note ?? "").trim() === "") at("note", "须写明豁免理由");
      } else if (r.codes !== undefined && r.codes.length > 0) at("codes", "只有“规则列明的项目”豁免需要列出项目编码");
      return;
    }
    if (!Number.isInteger(r.priority) || r.priority < 1 || r.priority > MAX_PRIORITY)
      at("priority", `优先级须为 1 到 ${MAX_PRIORITY} 的整数（1 最先适用）`);
    else byPriority.set(r.priority, [...(byPriority.get(r.priority) ?? []), i]);
    switch (r.kind) {
      case "grade": {
        if (!has(GRADES, r.grade)) {
          at("grade", `未知的等级“${String(r.grade)}”，应为优、良、中、差之一`);
          break;
        }
        if (!has(ADJUSTMENT_ACTIONS, r.action)) {
          at("action", `未知的处理方式“${String(r.action)}”`);
          break;
        }
        if (r.action === "raise" && r.grade !== "excellent")
          at("action", `只有“${DEFAULT_GRADE_LABELS.excellent}”等级可以增加预算，“${label(r.grade)}”不可以`);
        percent(r.action === "raise" || r.action === "cut", r.percent);
        if (r.capFen !== undefined && r.capFen !== null) {
          if (r.action !== "raise") at("capFen", "只有增加预算的规则可以设上限金额");
          else if (!Number.isSafeInteger(r.capFen) || r.capFen <= 0) at("capFen", "上限金额须为正的整数分");
        }
        break;
      }
      case "departmentScore":
        percent(true, r.percent);
        break;
      case "rectification":
        if (!has(RECTIFICATION_TRIGGERS, r.trigger)) at("trigger", `未知的整改情形“${String(r.trigger)}”`);
        if (r.action !== "cut" && r.action !== "suspend") at("action", "处理方式须为核减或暂缓安排");
        else percent(r.action === "cut", r.percent);
        break;
      case "monitoring":
        if (r.action !== "cut" && r.action !== "suspend") at("action", "处理方式须为核减或暂缓安排");
        else percent(r.action === "cut", r.percent);
        break;
    }
  });
  for (const [priority, at] of byPriority) {
    for (let a = 0; a < at.length; a++)
      for (let b = a + 1; b < at.length; b++) {
        const i = at[a]!;
        const j = at[b]!;
        if (canOverlap(rules[i] as AdjustingRule, rules[j] as AdjustingRule))
          add(
            `rules.${j}.priority`,
            `第${j + 1}条规则（${RULE_KIND_LABELS[rules[j]!.kind]}）：优先级 ${priority} 与第${i + 1}条规则相同，两条规则可能适用于同一项目，须定不同的优先级`,
          );
      }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, ruleSet: { ...input, name: input.name.trim(), rules: rules.map(trimRule) } };
}

const label = (g: Grade) => DEFAULT_GRADE_LABELS[g];

function trimRule(r: ResultRule): ResultRule {
  if (r.kind !== "exemption") return r;
  return {
    ...r,
    ...(r.codes ? { codes: r.codes.map((c) => c.trim()) } : {}),
    ...(r.note !== undefined ? { note: r.note.trim() } : {}),
  };
}
