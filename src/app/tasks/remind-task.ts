import { minuteInChina } from "../../core/calendar";
import { AppError, notFound, staleVersion } from "../../core/errors";
import { isOpenTask, TASK_STATUS_LABELS } from "../../core/tasks/tasks";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { dispatchSoon } from "./dispatch";
import { getTask } from "./list-tasks";

const REMIND_INTERVAL_MS = 60 * 60 * 1000;

/**
 * 催办: tells the task's organisation to act, records the reminder on the task (count and time) and in
 * the audit log. Finance may remind anyone; a department its own units (its data scope).
 */
export async function remindTask(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { version: number; message?: string | undefined },
) {
  const scope = authorize(actor, "task.remind");
  const task = await deps.uow.read.tasks.get(scope, id, actor.userId);
  if (!task) throw notFound("任务", id);
  if (!isOpenTask(task.status))
    throw new AppError("validation", "TASK_NOT_OPEN", `该任务${TASK_STATUS_LABELS[task.status]}，无需催办`);
  // One reminder per task an hour is enough to be heard; more would only flood the unit's inbox.
  const last = task.lastRemindedAt ? Date.parse(task.lastRemindedAt) : Number.NEGATIVE_INFINITY;
  if (deps.clock.now().getTime() - last < REMIND_INTERVAL_MS)
    throw new AppError(
      "rate_limited",
      "TASK_REMINDED_RECENTLY",
      `该任务已于 ${minuteInChina(new Date(last))} 催办过，1 小时内不再重复催办`,
    );
  const message = input.message?.trim() || `请于 ${task.dueOn} 前办理`;
  await deps.uow.transaction(async (repos) => {
    const version = await repos.tasks.remind(actor.regionCode, id, input.version, deps.clock.now());
    if (version === null) {
      const now = await repos.tasks.get(scope, id, actor.userId);
      if (now && !isOpenTask(now.status))
        throw new AppError("validation", "TASK_NOT_OPEN", `该任务${TASK_STATUS_LABELS[now.status]}，无需催办`);
      throw staleVersion("该任务");
    }
    await repos.outbox.add(actor.regionCode, [
      {
        kind: "reminded",
        taskId: id,
        orgIds: [task.org.id],
        title: `催办：${task.title}`,
        body: message,
        link: `/tasks/${id}`,
      },
    ]);
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "remind",
        entity: "task",
        entityId: id,
        before: { reminders: task.reminders },
        after: { reminders: task.reminders + 1, message },
      }),
    ]);
  });
  await dispatchSoon(deps);
  return getTask(deps, actor, id);
}
