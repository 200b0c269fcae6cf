import { checkGoalTable, GOAL_RULES, type GoalCheckContext, type GoalFinding, type GoalSeverity } from "./quality";
import type { GoalTable } from "./types";

export interface CheckTotals {
  errors: number;
  warnings: number;
  tablesWithErrors: number;
  tablesWithWarnings: number;
}

export interface RulesImpact {
  tables: number;
  before: CheckTotals;
  after: CheckTotals;
  /** Tables with at least one finding under the proposed rules that they do not have now. */
  tablesGainingFindings: number;
  /** Tables that lose at least one of their current findings. */
  tablesLosingFindings: number;
  /** Tables without an error now that would have one (they could no longer be submitted as they are). */
  tablesNewlyBlocked: number;
  /** Rules whose count changes, in rule order. */
  byRule: { code: string; title: string; severity: GoalSeverity; before: number; after: number }[];
}

/** A finding's identity across two runs: the rule, the row and the field (messages quote thresholds). */
const keyOf = (f: GoalFinding) => `${f.code}\u0000${f.indicatorIndex ?? ""}\u0000${f.field ?? ""}`;

const emptyTotals = (): CheckTotals => ({ errors: 0, warnings: 0, tablesWithErrors: 0, tablesWithWarnings: 0 });

function add(totals: CheckTotals, errors: number, warnings: number) {
  totals.errors += errors;
  totals.warnings += warnings;
  if (errors > 0) totals.tablesWithErrors++;
  if (warnings > 0) totals.tablesWithWarnings++;
}

/**
 * What proposed goal rules would do to a year's tables: every table checked with the rules in effect
 * and with the proposed ones (the same checkGoalTable every save and the region-wide lint use), and
 * the difference counted. Tables are read once; nothing is kept per table.
 */
export function rulesImpact(
  tables: Iterable<GoalTable>,
  current: GoalCheckContext,
  proposed: GoalCheckContext,
): RulesImpact {
  const before = emptyTotals();
  const after = emptyTotals();
  const countBefore = new Map<string, number>();
  const countAfter = new Map<string, number>();
  let n = 0;
  let gaining = 0;
  let losing = 0;
  let newlyBlocked = 0;
  for (const table of tables) {
    n++;
    const was = checkGoalTable(table, current);
    const now = checkGoalTable(table, proposed);
    add(before, was.errors, was.warnings);
    add(after, now.errors, now.warnings);
    if (was.errors === 0 && now.errors > 0) newlyBlocked++;
    const wasKeys = new Set<string>();
    for (const f of was.findings) {
      wasKeys.add(keyOf(f));
      countBefore.set(f.code, (countBefore.get(f.code) ?? 0) + 1);
    }
    const nowKeys = new Set<string>();
    for (const f of now.findings) {
      nowKeys.add(keyOf(f));
      countAfter.set(f.code, (countAfter.get(f.code) ?? 0) + 1);
    }
    let gained = false;
    for (const k of nowKeys)
      if (!wasKeys.has(k)) {
        gained = true;
        break;
      }
    if (gained) gaining++;
    let lost = false;
    for (const k of wasKeys)
      if (!nowKeys.has(k)) {
        lost = true;
        break;
      }
    if (lost) losing++;
  }
  const byRule = GOAL_RULES.flatMap((r) => {
    const b = countBefore.get(r.code) ?? 0;
    const a = countAfter.get(r.code) ?? 0;
    return a === b ? [] : [{ code: r.code, title: r.title, severity: r.severity, before: b, after: a }];
  });
  return {
    tables: n,
    before,
    after,
    tablesGainingFindings: gaining,
    tablesLosingFindings: losing,
    tablesNewlyBlocked: newlyBlocked,
    byRule,
  };
}
