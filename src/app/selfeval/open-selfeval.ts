import { isCalendarDate } from "../../core/calendar";
import { AppError } from "../../core/errors";
import { defaultPlan } from "../../core/plan/phases";
import { deptWideFormItems, projectFormItems } from "../../core/selfeval/issue";
import type { SelfEvalRules } from "../../core/selfeval/rules";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { Repos } from "../ports";
import { dispatchSoon } from "../tasks/dispatch";
import type { FormSubject, NewForm, SelfEvalRound } from "./ports";
import { selfEvalRulesFor } from "./selfeval-rules";

const invalid = (message: string) => new AppError("validation", "SELFEVAL_ROUND_INVALID", message, { field: "dueOn" });

/** The form of one subject with its items and their points, by the rules the round opened with. */
export function newForm(subject: FormSubject, rules: SelfEvalRules): NewForm {
  const built =
    subject.subjectKind === "deptWide"
      ? deptWideFormItems(rules.deptWide)
      : projectFormItems(subject.indicators, rules.project);
  return {
    subjectKind: subject.subjectKind,
    subjectId: subject.id,
    code: subject.code,
    departmentId: subject.departmentId,
    unitId: subject.unitId,
    goalTableId: subject.goalTableId,
    executionWeight: built.executionWeight,
    missingWeight: built.missingWeight,
    items: built.items,
  };
}

/** Issues the forms of every subject now ready (approved goal table, no form yet) and their tasks. */
export async function issueForms(
  repos: Repos,
  regionCode: string,
  round: SelfEvalRound,
  rules: SelfEvalRules,
  at: Date,
) {
  const subjects = await repos.selfeval.uncovered(regionCode, round.fiscalYear);
  const formIds = await repos.selfeval.insertForms(
    regionCode,
    round,
    subjects.map((s) => newForm(s, rules)),
  );
  const tasks = await repos.selfeval.issueTasks(regionCode, round);
  // A done task of an organisation that now has a new form is open again.
  await repos.selfeval.followForms(regionCode, formIds, at);
  return { formIds, tasks };
}

/**
 * 开启单位自评: after the year, every project and department-wide budget with an approved goal table gets its
 * self-evaluation form, prefilled from the goal table and the year's execution, with its points by the
 * year's rules (frozen from now on); every organisation that fills forms gets one task. Opening again
 * issues the forms of subjects approved since and moves the due day of every open task.
 */
export async function openSelfEvaluation(deps: Deps, actor: Actor, input: { fiscalYear: number; dueOn: string }) {
  authorize(actor, "selfeval.manage");
  const { fiscalYear, dueOn } = input;
  if (!isCalendarDate(dueOn)) throw invalid(`截止日期不是有效日期（应为 YYYY-MM-DD）：${dueOn}`);
  if (dueOn <= `${fiscalYear}-12-31`) throw invalid(`单位自评在年度结束后进行，截止日期须晚于 ${fiscalYear}-12-31`);
  if (dueOn > `${fiscalYear + 1}-12-31`)
    throw invalid(`截止日期超出 ${fiscalYear} 年度自评的范围（最晚 ${fiscalYear + 1}-12-31）`);
  const budget = await deps.uow.read.plans.budgetCounts(actor.regionCode, fiscalYear);
  if (budget.projects === 0 && budget.deptBudgets === 0)
    throw new AppError("validation", "PLAN_NO_BUDGET", `${fiscalYear}年度尚未导入项目预算，请先导入项目及预算数据`);
  const opened = await deps.uow.transaction(async (repos) => {
    await repos.selfeval.lockRules(actor.regionCode);
    const rules = await selfEvalRulesFor(repos, actor.regionCode, fiscalYear);
    const existing = await repos.selfeval.round(actor.regionCode, fiscalYear);
    if (existing?.status === "closed")
      throw new AppError("conflict", "SELFEVAL_ROUND_CLOSED", `${fiscalYear}年度单位自评已结束`);
    const roundId =
      existing?.id ??
      (await repos.selfeval.insertRound(actor.regionCode, {
        fiscalYear,
        dueOn,
        rulesVersion: rules.version,
        openedBy: actor.userId,
      }));
    if (roundId === null)
      throw new AppError("conflict", "SELFEVAL_ROUND_EXISTS", `${fiscalYear}年度单位自评刚刚已开启，请刷新`);
    if (existing && existing.dueOn !== dueOn) await repos.selfeval.setDueOn(actor.regionCode, existing.id, dueOn);
    const round = (await repos.selfeval.round(actor.regionCode, fiscalYear))!;
    const { formIds, tasks } = await issueForms(repos, actor.regionCode, round, rules, deps.clock.now());
    const withoutGoals = await repos.selfeval.withoutGoals(actor.regionCode, fiscalYear);
    const plan =
      (await repos.plans.get(actor.regionCode, fiscalYear)) ??
      (await repos.plans.insert(actor.regionCode, fiscalYear, defaultPlan(fiscalYear))) ??
      (await repos.plans.get(actor.regionCode, fiscalYear))!;
    await repos.plans.markOpened(actor.regionCode, plan.id, "self_evaluation", dueOn, deps.clock.now(), actor.userId);
    await repos.outbox.add(
      actor.regionCode,
      tasks.map((t) => ({
        kind: "assigned" as const,
        taskId: t.taskId,
        orgIds: [t.orgId],
        title: `请开展${fiscalYear}年度单位自评`,
        body: `请于 ${dueOn} 前完成本单位的绩效自评并提交`,
        link: `/tasks/${t.taskId}`,
      })),
    );
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: existing ? "update" : "open",
        entity: "selfeval_round",
        entityId: round.id,
        before: existing ? { dueOn: existing.dueOn } : undefined,
        after: { fiscalYear, dueOn, rulesVersion: round.rulesVersion, forms: formIds.length, tasks: tasks.length },
      }),
    ]);
    return {
      round,
      forms: formIds.length,
      tasks: tasks.length,
      withoutGoals: withoutGoals.length,
      withoutGoalsSample: withoutGoals.slice(0, 20),
    };
  });
  await dispatchSoon(deps);
  return opened;
}
