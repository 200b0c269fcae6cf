import type { Clock, Repos } from "../context";
import type { OutboxEntry, TaskChange } from "./ports";

/**
 * Brings the tasks that follow these goal tables up to date, in the caller's transaction: the declaration
 * tasks of the organisations declaring them and the revision tasks of their subjects. An organisation
 * whose every table is approved, or whose revision is approved, is told its task is done.
 */
export async function followGoalTables(
  repos: Repos,
  clock: Clock,
  regionCode: string,
  goalTableIds: readonly number[],
): Promise<TaskChange[]> {
  const changes = await repos.tasks.followGoalTables(regionCode, goalTableIds, clock.now());
  await repos.outbox.add(
    regionCode,
    changes
      .filter((c) => c.to === "done")
      .map(
        (c): OutboxEntry => ({
          kind: "approved",
          taskId: c.taskId,
          orgIds: [c.orgId],
          title: "任务已完成",
          body: c.kind === "goal_revision" ? `${c.title}：调整后的目标表已批复` : `${c.title}：全部目标表已批复`,
          link: `/tasks/${c.taskId}`,
        }),
      ),
  );
  return changes;
}

/** Tells the organisation that declares a goal table that it was returned or approved. */
export async function noticeGoalTable(
  repos: Repos,
  regionCode: string,
  goalTableId: number,
  event: "returned" | "approved",
  comment: string | undefined,
): Promise<void> {
  const [declarer] = await repos.tasks.declarersOf(regionCode, [goalTableId]);
  if (!declarer) return;
  const link = `/goal-tables/${goalTableId}`;
  await repos.outbox.add(regionCode, [
    event === "returned"
      ? {
          kind: "returned",
          taskId: null,
          orgIds: [declarer.orgId],
          title: `目标表被退回：${declarer.name}`,
          body: comment ? `退回意见：${comment}` : "请查看意见后修改并重新提交",
          link,
        }
      : {
          kind: "approved",
          taskId: null,
          orgIds: [declarer.orgId],
          title: `目标表已批复：${declarer.name}`,
          body: "财政已审核通过",
          link,
        },
  ]);
}
