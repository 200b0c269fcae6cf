import { AppError, notFound, staleVersion } from "../../core/errors";
import { rollYear } from "../../core/goals/compare";
import { checkGoalTable } from "../../core/goals/quality";
import { declarerOf, isEditable } from "../../core/goals/workflow";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectState } from "../expect-state";
import { followGoalTables } from "../tasks/follow";
import { stateOf } from "./get-goal-table";
import { goalRulesFor } from "./goal-rules";

/**
 * 从上年结转: a goal table being declared starts again from last year's table of the same project or
 * department — its overall goal (year mentions moved on) and its indicators with their uids, so that
 * the comparison with last year pairs them by uid. The unit then adjusts what changed this year.
 */
export async function carryOverGoalTable(deps: Deps, actor: Actor, id: number, input: { version: number }) {
  const scope = authorize(actor, "goal.write");
  const before = await deps.uow.read.goals.get(scope, id);
  if (!before) throw notFound("绩效目标表", id);
  const expected = expectState(before, input.version, "该目标表");
  if (!isEditable(stateOf(before), actor.role, declarerOf(before))) {
    throw new AppError(
      "forbidden",
      "GOAL_NOT_EDITABLE",
      "该目标表当前状态下不能由您修改（已提交、已批复或不属于您填报），不能从上年结转",
    );
  }
  const { fiscalYear, subjectKind, subjectCode } = before.table;
  const previous = await deps.uow.read.goalHistory.previousOf(scope, before.table);
  if (!previous) {
    throw new AppError(
      "validation",
      "GOAL_NO_PREVIOUS_YEAR",
      `${subjectKind === "project" ? "项目" : "部门"}（编码 ${subjectCode}）没有${fiscalYear - 1}年度的绩效目标表，无法从上年结转`,
      { subjectKind, subjectCode, fiscalYear: fiscalYear - 1 },
    );
  }
  const overallGoal = rollYear(previous.table.overallGoal, previous.table.fiscalYear, fiscalYear);
  const indicators = previous.table.indicators;
  const carriedFromId = await deps.uow.read.goalHistory.carriedFromOf(id);
  const after = { ...before.table, overallGoal, indicators };
  const rules = await goalRulesFor(deps.uow.read, actor.regionCode, fiscalYear);
  const quality = checkGoalTable(after, rules);
  return deps.uow.transaction(async (repos) => {
    const version = await repos.goals.save(id, expected, overallGoal, indicators, rules.version);
    if (version === null) throw staleVersion("该目标表");
    await repos.goalHistory.setCarriedFrom(id, previous.id);
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "carry_over",
        entity: "goal_table",
        entityId: id,
        before: { overallGoal: before.table.overallGoal, indicators: before.table.indicators, carriedFromId },
        after: { overallGoal, indicators, carriedFromId: previous.id },
        reason: `从${previous.table.fiscalYear}年度绩效目标表（第${previous.revision}版）结转`,
      }),
    ]);
    await followGoalTables(repos, deps.clock, actor.regionCode, [id]);
    return { id, version, carriedFromId: previous.id, quality };
  });
}
