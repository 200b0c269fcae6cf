import type { Clock, Repos } from "../context";
import type { OutboxEntry, TaskChange } from "./ports";

/** What the owner hears when a task moves because its object did. */
function noticeOf(change: TaskChange): OutboxEntry | null {
  const base = { taskId: change.taskId, orgIds: [change.orgId], link: `/tasks/${change.taskId}` };
  if (change.to === "returned")
    return {
      ...base,
      kind: "returned",
      title: "任务被退回",
      body: `${change.title}：已被退回，请查看意见后修改并重新提交`,
    };
  if (change.to === "done")
    return { ...base, kind: "approved", title: "任务已完成", body: `${change.title}：已审核通过` };
  return null;
}

/**
 * Moves the declaration tasks of these goal tables to their tables' status and tells the owners what
 * was returned or approved, in the caller's transaction.
 */
export async function followGoalTables(
  repos: Repos,
  clock: Clock,
  regionCode: string,
  goalTableIds: readonly number[],
): Promise<TaskChange[]> {
  const changes = await repos.tasks.followGoalTables(regionCode, goalTableIds, clock.now());
  const notices = changes.map(noticeOf).filter((n): n is OutboxEntry => n !== null);
  await repos.outbox.add(regionCode, notices);
  return changes;
}
