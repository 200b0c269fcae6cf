import { dateInChina, isCalendarDate } from "../../core/calendar";
import { AppError } from "../../core/errors";
import { markupReason } from "../../core/imports/cells";
import { needsAction } from "../../core/monitoring/actions";
import { ACTION_KIND_LABELS, type ActionKind } from "../../core/monitoring/types";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { addDays, issueRevisionRequest, openRequest } from "../goals/request-revision";
import { dispatchSoon } from "../tasks/dispatch";
import { getMonitoringAction } from "./get-action";
import { readReport } from "./get-report";

const invalid = (message: string, field?: string) =>
  new AppError("validation", "MONITORING_ACTION_INVALID", message, field ? { field } : undefined);

/**
 * 布置跟进措施: finance gives a red or yellow report a required action (调整绩效目标, 调整预算, 加快执行进度,
 * 暂缓或停止拨款) with its requirement and due day. The organisation that filled the report carries it out:
 * it gets a 监控整改 task and a notice. A green report is refused (core needsAction: the rule names red and
 * yellow only, and a reason would not make the light any less green). The report must have been submitted:
 * its light then rests on the unit's answers. One action of a kind per report until it is closed.
 *
 * 调整绩效目标 also asks for a revision of the report's approved goal table through the goals workflow
 * (a 绩效目标调整 task); when one is already asked and still open, the action follows that one.
 */
export async function assignMonitoringAction(
  deps: Deps,
  actor: Actor,
  reportId: number,
  input: { kind: ActionKind; requirement: string; dueOn: string },
) {
  authorize(actor, "monitoring.manage");
  const { detail, view, declarer } = await readReport(deps.uow.read, actor, reportId);
  const requirement = input.requirement.trim();
  if (requirement === "") throw invalid("请填写整改要求（requirement）", "requirement");
  // Line breaks and tabs are how a long requirement is typed; markup and formulas are refused, as in the report.
  const markup = markupReason(requirement.replace(/[\r\n\t]/g, " "));
  if (markup) throw invalid(`整改要求含有${markup}，请删除后再保存`, "requirement");
  if (!isCalendarDate(input.dueOn))
    throw invalid(`整改期限（dueOn）不是有效日期（应为 YYYY-MM-DD）：${input.dueOn}`, "dueOn");
  const today = dateInChina(deps.clock.now());
  if (input.dueOn < today) throw invalid(`整改期限（dueOn）${input.dueOn} 早于今天（${today}）`, "dueOn");
  const lastDay = addDays(today, 366);
  if (input.dueOn > lastDay) throw invalid(`整改期限（dueOn）${input.dueOn} 晚于一年以后（最晚 ${lastDay}）`, "dueOn");
  if (detail.status === "draft" || detail.status === "returned")
    throw invalid(`“${detail.name}”的监控表尚未提交，提交后才能布置跟进措施`);
  if (!needsAction(view.light))
    throw new AppError(
      "validation",
      "MONITORING_ACTION_NOT_NEEDED",
      `“${detail.name}”为${view.light === "green" ? "绿灯" : "未评灯"}，只有红灯、黄灯项目须布置跟进措施`,
    );
  const orgId = declarer === "department" ? detail.department.id : detail.unit.id;

  const id = await deps.uow.transaction(async (repos) => {
    // Locks the report: two assignments of the same kind at once are settled one after the other.
    await repos.monitoring.lockState(actor.regionCode, reportId);
    if ((await repos.monitoringActions.openOfKind(actor.regionCode, reportId, input.kind)) > 0)
      throw new AppError(
        "conflict",
        "MONITORING_ACTION_INVALID",
        `“${detail.name}”已有未办结的“${ACTION_KIND_LABELS[input.kind]}”措施，办结前不能重复布置`,
      );
    let goalTableId: number | null = null;
    let revisionTaskId: number | null = null;
    if (input.kind === "adjust_goal") {
      goalTableId = detail.goalTableId;
      const asked = await openRequest(repos, actor.regionCode, goalTableId);
      if (asked) revisionTaskId = asked.id;
      else {
        const record = await repos.goals.get({ kind: "region", regionCode: actor.regionCode }, goalTableId);
        if (record?.status !== "approved")
          throw invalid(`“${detail.name}”的目标表已不是现行的已批复版本，不能再要求调整`);
        const reason = `绩效运行监控（截至${detail.round.cutoffMonth}月）跟进措施：${requirement}`;
        revisionTaskId = (
          await issueRevisionRequest(repos, deps.clock, actor, goalTableId, record, reason, input.dueOn)
        ).id;
      }
    }
    const label = ACTION_KIND_LABELS[input.kind];
    const created = await repos.monitoringActions.insert(actor.regionCode, {
      fiscalYear: detail.round.fiscalYear,
      reportId,
      kind: input.kind,
      requirement,
      orgId,
      dueOn: input.dueOn,
      goalTableId,
      createdBy: actor.userId,
      taskTitle: `${detail.round.fiscalYear}年度监控整改（截至${detail.round.cutoffMonth}月）：${detail.name}——${label}`,
    });
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "assign",
        entity: "monitoring_action",
        entityId: created.id,
        after: { reportId, kind: input.kind, orgId, dueOn: input.dueOn, taskId: created.taskId, revisionTaskId },
        reason: requirement,
      }),
    ]);
    await repos.outbox.add(actor.regionCode, [
      {
        kind: "assigned",
        taskId: created.taskId,
        orgIds: [orgId],
        title: `新任务：监控整改（${label}）`,
        body: `${detail.name}：${requirement}。请于 ${input.dueOn} 前整改并上传佐证材料`,
        link: `/monitoring/follow-ups/${created.id}`,
      },
    ]);
    return created.id;
  });
  await dispatchSoon(deps);
  return getMonitoringAction(deps, actor, id);
}
