import { AppError } from "../../core/errors";
import { validateGoalRules } from "../../core/goals/goal-rules";
import type { GoalRulePolicy } from "../../core/goals/quality-policy";
import { rulesImpact } from "../../core/goals/rules-impact";
import type { IndicatorTemplate } from "../../core/goals/types";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { currentGoalTables } from "./current-tables";
import { goalRulesFor } from "./goal-rules";

/**
 * 试算: what proposed goal rules would do to the year's current tables, before finance saves them.
 * Checked like a save (same permission, same validation, same field names in errors), then every
 * current table of the year is checked with the rules in effect and with the proposed ones by the
 * same core checks. Reads only.
 */
export async function previewGoalRules(
  deps: Deps,
  actor: Actor,
  input: {
    fiscalYear: number;
    template: Omit<IndicatorTemplate, "version">;
    policy: Omit<GoalRulePolicy, "version">;
  },
) {
  authorize(actor, "goal.configure");
  const checked = validateGoalRules("试算", input.template, input.policy);
  if (!checked.ok) {
    const first = checked.issues[0]!;
    throw new AppError("validation", "GOAL_RULES_INVALID", first.message, {
      field: first.field,
      issues: checked.issues,
    });
  }
  const [current, stored] = await Promise.all([
    goalRulesFor(deps.uow.read, actor.regionCode, input.fiscalYear),
    currentGoalTables(deps, actor.regionCode, input.fiscalYear),
  ]);
  const impact = rulesImpact(
    stored.map((s) => s.table),
    current,
    { template: checked.rules.template, policy: checked.rules.policy },
  );
  return { fiscalYear: input.fiscalYear, rulesVersion: current.version, ...impact };
}
