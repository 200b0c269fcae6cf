import { notFound } from "../../core/errors";
import { compareGoalTables } from "../../core/goals/compare";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";

/**
 * 与上年对比: last year's current goal table of the same project or department (as far as the viewer
 * may see it) and what changed from it to this table. No predecessor is an answer, not an error.
 */
export async function comparePreviousGoalTable(deps: Deps, actor: Actor, id: number) {
  const scope = authorize(actor, "goal.read");
  const record = await deps.uow.read.goals.get(scope, id);
  if (!record) throw notFound("绩效目标表", id);
  const [previous, carriedFromId] = await Promise.all([
    deps.uow.read.goalHistory.previousOf(scope, record.table),
    deps.uow.read.goalHistory.carriedFromOf(id),
  ]);
  return {
    id,
    carriedFromId,
    previous,
    comparison: previous ? compareGoalTables(previous.table, record.table) : null,
  };
}
