import { DEFAULT_GOAL_POLICY } from "./quality-policy";
import { GOAL_RULES, GOAL_RULES_BY_CODE } from "./quality-rules";
import type { GoalCheckContext, GoalFinding, GoalSeverity } from "./quality-types";
import { DEFAULT_TEMPLATE, type GoalTable } from "./types";

export { compilePolicy, DEFAULT_GOAL_POLICY, type GoalRulePolicy } from "./quality-policy";
export { GOAL_RULES, GOAL_RULES_BY_CODE } from "./quality-rules";
export { OVERALL_GOAL_MIN_CHARS } from "./quality-rules-table";
export type { GoalCheckContext, GoalFinding, GoalFindingField, GoalRule, GoalSeverity } from "./quality-types";

export interface GoalCheckResult {
  findings: GoalFinding[];
  errors: number;
  warnings: number;
  /** True when there is at least one error: the table cannot be submitted. */
  blocking: boolean;
}

const RULE_ORDER = new Map(GOAL_RULES.map((r, i) => [r.code, i]));

/**
 * Runs every rule on one table (智能审核). Findings come table-level first, then row by row, and within
 * a row in rule order. The context defaults to the default template and policy; pass the region's own
 * for its year.
 */
export function checkGoalTable(table: GoalTable, ctx: Partial<GoalCheckContext> = {}): GoalCheckResult {
  const full: GoalCheckContext = {
    template: ctx.template ?? DEFAULT_TEMPLATE,
    policy: ctx.policy ?? DEFAULT_GOAL_POLICY,
  };
  const findings: GoalFinding[] = [];
  for (const rule of GOAL_RULES) for (const f of rule.check(table, full)) findings.push(f);
  // Array.prototype.sort is stable: findings of one rule on one row keep their order.
  findings.sort(
    (a, b) =>
      (a.indicatorIndex ?? -1) - (b.indicatorIndex ?? -1) ||
      (RULE_ORDER.get(a.code) ?? 0) - (RULE_ORDER.get(b.code) ?? 0),
  );
  let errors = 0;
  for (const f of findings) if (f.severity === "error") errors++;
  return { findings, errors, warnings: findings.length - errors, blocking: errors > 0 };
}

export interface FindingsByRule {
  code: string;
  title: string;
  severity: GoalSeverity;
  count: number;
  /** Tables with at least one such finding. */
  tables: number;
}

export interface FindingsByDepartment {
  departmentCode: string;
  departmentName: string;
  errors: number;
  warnings: number;
  tables: number;
  tablesWithErrors: number;
}

export interface FindingsSummary {
  byRule: FindingsByRule[];
  byDepartment: FindingsByDepartment[];
  totals: { tables: number; tablesWithErrors: number; tablesWithWarnings: number; errors: number; warnings: number };
}

/**
 * The region-wide picture of one check run: which rules and which departments account for most
 * findings. One item per table. byRule is sorted by count (then rule order), byDepartment by
 * findings (errors + warnings, then errors, then department code).
 */
export function summariseFindings(
  items: readonly { departmentCode: string; departmentName: string; findings: readonly GoalFinding[] }[],
): FindingsSummary {
  const byRule = new Map<string, FindingsByRule>();
  const byDepartment = new Map<string, FindingsByDepartment>();
  const totals = { tables: 0, tablesWithErrors: 0, tablesWithWarnings: 0, errors: 0, warnings: 0 };

  for (const item of items) {
    let dept = byDepartment.get(item.departmentCode);
    if (!dept) {
      dept = {
        departmentCode: item.departmentCode,
        departmentName: item.departmentName,
        errors: 0,
        warnings: 0,
        tables: 0,
        tablesWithErrors: 0,
      };
      byDepartment.set(item.departmentCode, dept);
    }
    let errors = 0;
    let warnings = 0;
    const codesSeen = new Set<string>();
    for (const f of item.findings) {
      if (f.severity === "error") errors++;
      else warnings++;
      let rule = byRule.get(f.code);
      if (!rule) {
        const known = GOAL_RULES_BY_CODE.get(f.code);
        rule = { code: f.code, title: known?.title ?? f.code, severity: f.severity, count: 0, tables: 0 };
        byRule.set(f.code, rule);
      }
      rule.count++;
      if (!codesSeen.has(f.code)) {
        codesSeen.add(f.code);
        rule.tables++;
      }
    }
    dept.tables++;
    dept.errors += errors;
    dept.warnings += warnings;
    if (errors > 0) dept.tablesWithErrors++;
    totals.tables++;
    totals.errors += errors;
    totals.warnings += warnings;
    if (errors > 0) totals.tablesWithErrors++;
    if (warnings > 0) totals.tablesWithWarnings++;
  }

  const ruleRank = (code: string) => RULE_ORDER.get(code) ?? Number.MAX_SAFE_INTEGER;
  return {
    byRule: [...byRule.values()].sort(
      (a, b) => b.count - a.count || ruleRank(a.code) - ruleRank(b.code) || a.code.localeCompare(b.code),
    ),
    byDepartment: [...byDepartment.values()].sort(
      (a, b) =>
        b.errors + b.warnings - (a.errors + a.warnings) ||
        b.errors - a.errors ||
        (a.departmentCode < b.departmentCode ? -1 : a.departmentCode > b.departmentCode ? 1 : 0),
    ),
    totals,
  };
}
