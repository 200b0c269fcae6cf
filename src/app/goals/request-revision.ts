import { dateInChina, isCalendarDate } from "../../core/calendar";
import { AppError, notFound } from "../../core/errors";
import { goalStatusText } from "../../core/goals/workflow";
import { TASK_STATUS_LABELS } from "../../core/tasks/tasks";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Clock, Deps, Repos } from "../context";
import { dispatchSoon } from "../tasks/dispatch";
import { getTask } from "../tasks/list-tasks";
import type { RevisionTaskRef } from "../tasks/ports";
import { stateOf } from "./get-goal-table";

const badDue = (message: string) =>
  new AppError("validation", "GOAL_REVISION_DUE_INVALID", message, { field: "dueOn" });

/** A calendar day plus `days` (YYYY-MM-DD). */
export const addDays = (day: string, days: number) =>
  new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + days))
    .toISOString()
    .slice(0, 10);

/** A request still being worked on: asking again would only duplicate it. */
const stillOpen = (t: RevisionTaskRef) => t.status !== "done" && t.status !== "closed";

const alreadyAsked = (t: RevisionTaskRef) =>
  new AppError(
    "conflict",
    "GOAL_REVISION_REQUESTED",
    `已要求调整该目标表（任务“${t.title}”，截止 ${t.dueOn}，当前${TASK_STATUS_LABELS[t.status]}），任务完成前不能再次要求`,
    { taskId: t.id },
  );

export async function openRequest(repos: Repos, regionCode: string, id: number) {
  const [found] = (await repos.tasks.revisionsOf(regionCode, [id])).filter(stillOpen);
  return found;
}

/**
 * Issues the 绩效目标调整 task in the caller's transaction: the request in the table's history, the audit
 * log and a notice to the declarer. Shared with the follow-up actions of monitoring that ask for it.
 */
export async function issueRevisionRequest(
  repos: Repos,
  clock: Clock,
  actor: Actor,
  id: number,
  record: { status: string; revision: number },
  reason: string,
  dueOn: string,
) {
  const task = await repos.tasks.issueRevision(actor.regionCode, id, dueOn);
  if (!task) {
    // Another request got in first, or the table was revised meanwhile (it is no longer the current one).
    const other = await openRequest(repos, actor.regionCode, id);
    if (other) throw alreadyAsked(other);
    throw new AppError(
      "validation",
      "GOAL_REVISION_NOT_APPROVED",
      "该目标表已有新的版本，不再是现行的已批复版本：请打开现行版本后再要求调整",
    );
  }
  await repos.goals.recordTransition(id, {
    actorId: actor.userId,
    actorName: actor.displayName,
    action: "request_revision",
    fromStatus: "approved",
    toStatus: "approved",
    comment: reason,
    indicatorComments: null,
  });
  await repos.audit.append([
    auditEntry(actor, clock, {
      action: "request_revision",
      entity: "goal_table",
      entityId: id,
      before: { status: record.status, revision: record.revision },
      after: { taskId: task.id, orgId: task.orgId, dueOn: dueOn },
      reason,
    }),
  ]);
  await repos.outbox.add(actor.regionCode, [
    {
      kind: "assigned",
      taskId: task.id,
      orgIds: [task.orgId],
      title: "新任务：绩效目标调整",
      body: `${task.title}。调整要求：${reason}。请于 ${dueOn} 前调整并提交`,
      link: `/tasks/${task.id}`,
    },
  ]);
  return task;
}

/**
 * 要求调整: finance asks the organisation that declares an approved goal table (its unit, or the department
 * for the tables it declares itself) to revise it, with a reason and a due date. Issues a 绩效目标调整 task
 * about the table, whose status then follows the subject's current revision (app/tasks/follow.ts);
 * records the request in the table's history and the audit log and tells the organisation. One request
 * per table while its task is open (409 GOAL_REVISION_REQUESTED).
 */
export async function requestGoalRevision(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { reason: string; dueOn: string },
) {
  const scope = authorize(actor, "goal.requestRevision");
  const reason = input.reason.trim();
  if (reason === "")
    throw new AppError("validation", "GOAL_REVISE_NEEDS_REASON", "请填写调整要求（reason）：说明需要调整的内容", {
      field: "reason",
    });
  if (!isCalendarDate(input.dueOn)) throw badDue(`截止日期（dueOn）不是有效日期（应为 YYYY-MM-DD）：${input.dueOn}`);
  const record = await deps.uow.read.goals.get(scope, id);
  if (!record) throw notFound("绩效目标表", id);
  const today = dateInChina(deps.clock.now());
  if (input.dueOn < today) throw badDue(`截止日期（dueOn）${input.dueOn} 早于今天（${today}）`);
  // A year ahead is ample for a revision; a later date is a slip of the keyboard (2205 for 2025).
  const lastDay = addDays(today, 366);
  if (input.dueOn > lastDay) throw badDue(`截止日期（dueOn）${input.dueOn} 晚于一年以后（最晚 ${lastDay}）`);
  const asked = await openRequest(deps.uow.read, actor.regionCode, id);
  if (asked) throw alreadyAsked(asked);
  if (record.status !== "approved")
    throw new AppError(
      "validation",
      "GOAL_REVISION_NOT_APPROVED",
      `该目标表当前为“${goalStatusText(stateOf(record))}”，只有已批复的目标表可以要求调整`,
    );

  const taskId = await deps.uow.transaction(
    async (repos) => (await issueRevisionRequest(repos, deps.clock, actor, id, record, reason, input.dueOn)).id,
  );
  await dispatchSoon(deps);
  return getTask(deps, actor, taskId);
}
