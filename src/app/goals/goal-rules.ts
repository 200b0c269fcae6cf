import { AppError } from "../../core/errors";
import {
  DEFAULT_GOAL_RULES,
  GOAL_RULES_MODULE,
  type GoalRules,
  nextRulesVersion,
  validateGoalRules,
} from "../../core/goals/goal-rules";
import { type GoalRulePolicy, withPolicyDefaults } from "../../core/goals/quality-policy";
import type { IndicatorTemplate } from "../../core/goals/types";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { Repos } from "../ports";

export interface GoalRulesInEffect extends GoalRules {
  /** The stored rule set, or null when the defaults apply. */
  id: number | null;
  /** The year the rules were set for (an earlier year's rules carry on until finance sets new ones). */
  setForYear: number | null;
}

/** The goal rules in effect for a region's year: the template and policy every check uses. */
export async function goalRulesFor(repos: Repos, regionCode: string, fiscalYear: number): Promise<GoalRulesInEffect> {
  const stored = await repos.ruleSets.inEffect(regionCode, fiscalYear, GOAL_RULES_MODULE);
  if (!stored) return { ...DEFAULT_GOAL_RULES, id: null, setForYear: null };
  const body = stored.body as { template: IndicatorTemplate; policy: GoalRulePolicy };
  return {
    version: stored.version,
    template: body.template,
    policy: withPolicyDefaults(body.policy),
    id: stored.id,
    setForYear: stored.fiscalYear,
  };
}

/**
 * The 修改说明 saved with a version. rule_sets has no column for it: it is kept in the version's body
 * (next to template and policy) and, as the entry's reason, in the audit log.
 */
const noteOf = (body: unknown): string | null => {
  const note = (body as { note?: unknown } | null)?.note;
  return typeof note === "string" && note !== "" ? note : null;
};

/** The rules of a year as finance and the declaration form see them, with the year's earlier versions. */
export async function getGoalRules(deps: Deps, actor: Actor, fiscalYear: number) {
  authorize(actor, "goal.read");
  const [rules, history] = await Promise.all([
    goalRulesFor(deps.uow.read, actor.regionCode, fiscalYear),
    deps.uow.read.ruleSets.history(actor.regionCode, fiscalYear, GOAL_RULES_MODULE),
  ]);
  return {
    fiscalYear,
    ...rules,
    history: history.map(({ body, ...h }) => ({ ...h, note: noteOf(body) })),
  };
}

/**
 * Finance sets a year's template and policy. A new version is recorded each time (the old ones stay,
 * and tables declared against them keep their version); tables already declared are checked against
 * the new rules from now on.
 */
export async function saveGoalRules(
  deps: Deps,
  actor: Actor,
  input: {
    fiscalYear: number;
    template: Omit<IndicatorTemplate, "version">;
    policy: Omit<GoalRulePolicy, "version">;
    /** 修改说明: required, recorded with the version and in the audit entry. */
    reason: string;
  },
) {
  authorize(actor, "goal.configure");
  const note = input.reason.trim();
  if (note === "") throw new AppError("validation", "GOAL_RULES_INVALID", "请填写修改说明", { field: "reason" });
  return deps.uow.transaction(async (repos) => {
    const history = await repos.ruleSets.history(actor.regionCode, input.fiscalYear, GOAL_RULES_MODULE);
    const version = nextRulesVersion(input.fiscalYear, history.length);
    const checked = validateGoalRules(version, input.template, input.policy);
    if (!checked.ok) {
      const first = checked.issues[0]!;
      throw new AppError("validation", "GOAL_RULES_INVALID", first.message, {
        field: first.field,
        issues: checked.issues,
      });
    }
    const before = await goalRulesFor(repos, actor.regionCode, input.fiscalYear);
    const body = { template: checked.rules.template, policy: checked.rules.policy, note };
    const id = await repos.ruleSets.insert(
      actor.regionCode,
      input.fiscalYear,
      GOAL_RULES_MODULE,
      version,
      body,
      actor.userId,
    );
    if (id === null) throw new AppError("conflict", "STALE_VERSION", "指标体系刚被他人修改，请刷新后再试");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "update",
        entity: "goal_rules",
        entityId: `${input.fiscalYear}:${version}`,
        before: { version: before.version, template: before.template, policy: before.policy },
        after: { version, template: body.template, policy: body.policy },
        reason: note,
      }),
    ]);
    return { fiscalYear: input.fiscalYear, ...checked.rules, id, setForYear: input.fiscalYear };
  });
}
