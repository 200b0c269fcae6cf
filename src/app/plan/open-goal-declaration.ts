import { isCalendarDate } from "../../core/calendar";
import { AppError } from "../../core/errors";
import { defaultPlan, PHASE_LABELS } from "../../core/plan/phases";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps, Repos } from "../context";
import { dispatchSoon } from "../tasks/dispatch";
import type { DeclarationOpened } from "../tasks/ports";
import { issueGoalDeclaration } from "./issue-declaration";

const badDue = (message: string) => new AppError("validation", "PLAN_DUE_INVALID", message, { field: "dueOn" });

/** The year's plan, stored with the default dates if finance never saved one. */
async function planOf(repos: Repos, regionCode: string, fiscalYear: number) {
  return (
    (await repos.plans.get(regionCode, fiscalYear)) ??
    (await repos.plans.insert(regionCode, fiscalYear, defaultPlan(fiscalYear))) ??
    (await repos.plans.get(regionCode, fiscalYear))!
  );
}

/**
 * 下达目标申报: creates a draft goal table for every project of the year's budget and for every department
 * with a department-wide budget, and a declaration task for each, owned by the organisation that declares
 * (the project's unit; the department for its department-wide table). Opening again creates only what is
 * missing (projects imported since, tables started by hand), and keeps existing tasks as they are.
 */
export async function openGoalDeclaration(
  deps: Deps,
  actor: Actor,
  fiscalYear: number,
  input: { dueOn?: string | undefined },
): Promise<DeclarationOpened & { dueOn: string }> {
  authorize(actor, "plan.manage");
  const budget = await deps.uow.read.plans.budgetCounts(actor.regionCode, fiscalYear);
  if (budget.projects === 0 && budget.deptBudgets === 0)
    throw new AppError("validation", "PLAN_NO_BUDGET", `${fiscalYear}年度尚未导入项目预算，请先导入项目及预算数据`);
  if (input.dueOn !== undefined && !isCalendarDate(input.dueOn))
    throw badDue(`截止日期不是有效日期（应为 YYYY-MM-DD）：${input.dueOn}`);
  const opened = await deps.uow.transaction(async (repos) => {
    const plan = await planOf(repos, actor.regionCode, fiscalYear);
    const phase = plan.phases.find((p) => p.phase === "goal_declaration")!;
    const dueOn = input.dueOn ?? phase.dueOn ?? phase.endsOn;
    if (dueOn < phase.startsOn)
      throw badDue(`截止日期 ${dueOn} 早于「${PHASE_LABELS.goal_declaration}」的开始日期 ${phase.startsOn}`);
    // The same bound as the plan's own dates: two years around the fiscal year.
    if (dueOn > `${fiscalYear + 2}-12-31`)
      throw badDue(`截止日期 ${dueOn} 超出 ${fiscalYear} 年度工作的范围（最晚 ${fiscalYear + 2}-12-31）`);
    const result = await issueGoalDeclaration(repos, actor.regionCode, fiscalYear, dueOn);
    await repos.plans.markOpened(actor.regionCode, plan.id, "goal_declaration", dueOn, deps.clock.now(), actor.userId);
    const { newTablesByOrg: _byOrg, ...counts } = result;
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "open",
        entity: "plan_phase",
        entityId: `${fiscalYear}/goal_declaration`,
        before: { dueOn: phase.dueOn, openedAt: phase.openedAt },
        after: { dueOn, ...counts },
      }),
    ]);
    return { ...result, dueOn };
  });
  await dispatchSoon(deps);
  return opened;
}
