import type { GoalRulePolicy } from "./quality-policy";
import type { GoalIndicator, GoalTable, IndicatorTemplate } from "./types";

export type GoalSeverity = "error" | "warning";

export type GoalFindingField = keyof GoalIndicator | "overallGoal" | "indicators";

/** One problem found in a goal table, with a message the unit can act on. */
export interface GoalFinding {
  code: string;
  severity: GoalSeverity;
  /** Chinese, specific: names the indicator (1-based row and level1/level2/name) and what was found. */
  message: string;
  /** Index into table.indicators, or null for the whole table. */
  indicatorIndex: number | null;
  field: GoalFindingField | null;
  /** A suggested fix where one can be given. */
  suggestion: string | null;
}

export interface GoalCheckContext {
  template: IndicatorTemplate;
  policy: GoalRulePolicy;
}

/** A named check. Errors block submission; warnings do not. */
export interface GoalRule {
  code: string;
  /** Chinese, short. */
  title: string;
  severity: GoalSeverity;
  /** A sentence a clerk understands: why this matters. */
  explanation: string;
  check(table: GoalTable, ctx: GoalCheckContext): GoalFinding[];
}

type Emit = (
  indicatorIndex: number | null,
  field: GoalFindingField | null,
  message: string,
  suggestion: string | null,
) => void;

/** Builds a rule whose findings carry its code and severity. */
export function defineRule(
  meta: Omit<GoalRule, "check">,
  run: (table: GoalTable, ctx: GoalCheckContext, emit: Emit) => void,
): GoalRule {
  return {
    ...meta,
    check(table, ctx) {
      const findings: GoalFinding[] = [];
      run(table, ctx, (indicatorIndex, field, message, suggestion) => {
        findings.push({ code: meta.code, severity: meta.severity, message, indicatorIndex, field, suggestion });
      });
      return findings;
    },
  };
}

/** "第3行“产出指标/数量指标/培训人次”": the row as the unit sees it in the form (1-based). */
export function rowLabel(indicator: GoalIndicator, index: number): string {
  const part = (text: string, missing: string) => (text.trim() === "" ? missing : text.trim());
  const path = [
    part(indicator.level1, "（未填一级指标）"),
    part(indicator.level2, "（未填二级指标）"),
    part(indicator.name, "（未填名称）"),
  ].join("/");
  return `第${index + 1}行“${path}”`;
}

/** “a”、“b”、“c” */
export const quoteList = (items: readonly string[]): string => items.map((x) => `“${x}”`).join("、");

/** Hundredths of a point as text: 10000 → "100", 9999 → "99.99", 9550 → "95.50". */
export function formatPoints(hundredths: number): string {
  const sign = hundredths < 0 ? "-" : "";
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  return frac === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(frac).padStart(2, "0")}`;
}

// Plain decimals, optionally with thousands separators (ASCII or full-width comma): "95", "95.5", "1,200".
const NUMBER_RE = /^-?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?$/;

/** The numeric value of a quantitative target, or null when it is not a plain number ("95%以上", "较好"). */
export function parseTargetNumber(target: string): number | null {
  const text = target.trim();
  if (!NUMBER_RE.test(text)) return null;
  return Number(text.replace(/[,，]/g, ""));
}

/** The level names the rules refer to by meaning; a template that renames them switches those rules off. */
export const OUTPUT_LEVEL1 = "产出指标";
export const COST_LEVEL2 = "成本指标";
export const BENEFIT_LEVEL1 = "效益指标";
export const QUANTITY_LEVEL2 = "数量指标";
