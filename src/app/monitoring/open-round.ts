import { isCalendarDate } from "../../core/calendar";
import { AppError } from "../../core/errors";
import { defaultPlan } from "../../core/plan/phases";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { dispatchSoon } from "../tasks/dispatch";
import { presentRound } from "./present-round";

const invalid = (field: string, message: string) =>
  new AppError("validation", "MONITORING_ROUND_INVALID", message, { field });

/**
 * 下达监控: finance opens a round of a fiscal year as of cut-off month N. Every department with budget data
 * that year gets a task to choose what it monitors (部门监控) by the selection due date; the units then fill
 * their reports by the round's due date. Key monitoring (财政重点监控) is chosen by finance in the same round.
 */
export async function openMonitoringRound(
  deps: Deps,
  actor: Actor,
  input: { fiscalYear: number; cutoffMonth: number; dueOn: string; selectionDueOn: string },
) {
  authorize(actor, "monitoring.manage");
  const { fiscalYear, cutoffMonth, dueOn, selectionDueOn } = input;
  if (!Number.isInteger(cutoffMonth) || cutoffMonth < 1 || cutoffMonth > 12)
    throw invalid("cutoffMonth", "截止月份须为 1 至 12 的整数");
  for (const [field, value, label] of [
    ["dueOn", dueOn, "填报截止日期"],
    ["selectionDueOn", selectionDueOn, "选取截止日期"],
  ] as const)
    if (!isCalendarDate(value)) throw invalid(field, `${label}不是有效日期（应为 YYYY-MM-DD）：${value}`);
  if (selectionDueOn > dueOn) throw invalid("selectionDueOn", "选取监控对象的截止日期不能晚于填报截止日期");
  // Reports are due after the month they report on has closed, and within the year's work.
  const monthEnd = new Date(Date.UTC(fiscalYear, cutoffMonth, 0)).toISOString().slice(0, 10);
  if (dueOn <= monthEnd) throw invalid("dueOn", `填报截止日期须晚于 ${cutoffMonth} 月末（${monthEnd}）`);
  if (dueOn > `${fiscalYear + 1}-12-31`)
    throw invalid("dueOn", `填报截止日期超出 ${fiscalYear} 年度监控的范围（最晚 ${fiscalYear + 1}-12-31）`);
  const budget = await deps.uow.read.plans.budgetCounts(actor.regionCode, fiscalYear);
  if (budget.projects === 0 && budget.deptBudgets === 0)
    throw new AppError("validation", "PLAN_NO_BUDGET", `${fiscalYear}年度尚未导入项目预算，请先导入项目及预算数据`);
  const opened = await deps.uow.transaction(async (repos) => {
    const roundId = await repos.monitoring.insertRound(actor.regionCode, {
      fiscalYear,
      cutoffMonth,
      dueOn,
      selectionDueOn,
      openedBy: actor.userId,
    });
    if (roundId === null)
      throw new AppError("conflict", "MONITORING_ROUND_EXISTS", `${fiscalYear}年度已有截至${cutoffMonth}月的监控轮次`);
    const issued = await repos.monitoring.issueSelections(actor.regionCode, roundId);
    const plan =
      (await repos.plans.get(actor.regionCode, fiscalYear)) ??
      (await repos.plans.insert(actor.regionCode, fiscalYear, defaultPlan(fiscalYear))) ??
      (await repos.plans.get(actor.regionCode, fiscalYear))!;
    await repos.plans.markOpened(actor.regionCode, plan.id, "monitoring", dueOn, deps.clock.now(), actor.userId);
    await repos.outbox.add(
      actor.regionCode,
      issued.map((t) => ({
        kind: "assigned" as const,
        taskId: t.taskId,
        orgIds: [t.orgId],
        title: `请选取${fiscalYear}年度绩效运行监控对象`,
        body: `监控截至${cutoffMonth}月末；请于 ${selectionDueOn} 前选定本部门的监控项目，单位于 ${dueOn} 前填报`,
        link: `/tasks/${t.taskId}`,
      })),
    );
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "open",
        entity: "monitoring_round",
        entityId: roundId,
        after: { fiscalYear, cutoffMonth, dueOn, selectionDueOn, departments: issued.length },
      }),
    ]);
    const round = (await repos.monitoring.round(actor.regionCode, roundId))!;
    return { round: presentRound(round), departments: issued.length };
  });
  await dispatchSoon(deps);
  return opened;
}
