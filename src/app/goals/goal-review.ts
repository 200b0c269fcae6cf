import { notFound } from "../../core/errors";
import { goalSnapshot } from "../../core/goals/snapshot";
import { declarerOf, isEditable } from "../../core/goals/workflow";
import { isAnswerable } from "../../core/review/answerable";
import { diffSnapshots } from "../../core/review/snapshot";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { stateOf } from "./get-goal-table";

/**
 * The review record of a goal table: its revisions (版本) with the one in force, its rounds (each
 * submission with its 修改说明 and outcome), the comment threads on its indicators with their answers,
 * and what changed since it was last returned (与退回时对比) and since the previous revision
 * (与上一版对比), with the snapshots those comparisons start from so the form can compare live edits.
 */
export async function getGoalTableReview(deps: Deps, actor: Actor, id: number) {
  const scope = authorize(actor, "goal.read");
  const record = await deps.uow.read.goals.get(scope, id);
  if (!record) throw notFound("绩效目标表", id);
  const ref = { regionCode: actor.regionCode, entity: "goal_table", recordId: id } as const;
  const [revisions, rounds, comments] = await Promise.all([
    deps.uow.read.goalHistory.revisions(scope, id),
    deps.uow.read.reviewThreads.rounds(ref),
    deps.uow.read.reviewThreads.comments(ref),
  ]);
  const current = goalSnapshot(record.table);
  const lastReturned = [...rounds].reverse().find((r) => r.outcome === "returned") ?? null;
  const previous = [...revisions].reverse().find((r) => r.revision < record.revision) ?? null;
  const previousTable = previous ? await deps.uow.read.goals.get(scope, previous.id) : null;
  const previousSnapshot = previousTable ? goalSnapshot(previousTable.table) : null;
  const inForce = [...revisions].reverse().find((r) => r.status === "approved") ?? null;
  const editable = isEditable(stateOf(record), actor.role, declarerOf(record));
  const latest = rounds.at(-1) ?? null;
  return {
    id,
    revision: record.revision,
    revisions: revisions.map((r) => ({ ...r, inForce: r.id === inForce?.id })),
    rounds: rounds.map(({ content: _content, ...r }) => r),
    comments: comments.map(({ authorId: _authorId, recordId: _recordId, ...c }) => ({
      ...c,
      answerable: isAnswerable(c, latest, editable),
    })),
    returned: lastReturned && {
      seq: lastReturned.seq,
      at: lastReturned.closedAt ?? lastReturned.submittedAt,
      by: lastReturned.closedByName,
      snapshot: lastReturned.content,
      diff: diffSnapshots(lastReturned.content, current),
    },
    previous: previous &&
      previousSnapshot && {
        id: previous.id,
        revision: previous.revision,
        status: previous.status,
        snapshot: previousSnapshot,
        diff: diffSnapshots(previousSnapshot, current),
      },
  };
}
