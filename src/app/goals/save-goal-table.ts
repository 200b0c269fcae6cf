import { AppError, notFound, staleVersion } from "../../core/errors";
import { checkGoalTable } from "../../core/goals/quality";
import type { GoalIndicator } from "../../core/goals/types";
import { declarerOf, isEditable } from "../../core/goals/workflow";
import { markupReason } from "../../core/imports/cells";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectState } from "../expect-state";
import { followGoalTables } from "../tasks/follow";
import { stateOf } from "./get-goal-table";
import { goalRulesFor } from "./goal-rules";

const TEXT_FIELDS = [
  ["level1", "一级指标"],
  ["level2", "二级指标"],
  ["name", "指标名称"],
  ["target", "指标值"],
  ["unit", "计量单位"],
  ["explanation", "指标解释"],
] as const;

function refuseMarkup(field: string, label: string, text: string, row: number | null = null) {
  const reason = markupReason(text);
  if (reason)
    throw new AppError("validation", "GOAL_TEXT_MARKUP", `${label}含有${reason}，请删除后再保存`, { field, row });
}

/**
 * Saves a goal table being declared (draft or returned). Quality findings do not stop a save — the
 * unit sees them as it types and they block only the submission — but the structure must be sound.
 */
export async function saveGoalTable(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { version: number; overallGoal: string; indicators: GoalIndicator[] },
) {
  const scope = authorize(actor, "goal.write");
  const before = await deps.uow.read.goals.get(scope, id);
  if (!before) throw notFound("绩效目标表", id);
  const expected = expectState(before, input.version, "该目标表");
  if (!isEditable(stateOf(before), actor.role, declarerOf(before))) {
    throw new AppError(
      "forbidden",
      "GOAL_NOT_EDITABLE",
      "该目标表当前状态下不能由您修改（已提交、已批复或不属于您填报）",
    );
  }
  const overallGoal = input.overallGoal.trim();
  refuseMarkup("overallGoal", "年度总体目标", overallGoal);
  input.indicators.forEach((i, row) => {
    for (const [field, label] of TEXT_FIELDS) refuseMarkup(field, `第${row + 1}个指标的${label}`, i[field] ?? "", row);
  });
  const seen = new Set<string>();
  input.indicators.forEach((i, row) => {
    if (i.uid === undefined) return;
    if (seen.has(i.uid))
      throw new AppError("validation", "GOAL_INDICATOR_UID_DUPLICATE", `第${row + 1}个指标的标识与前面的指标重复`, {
        field: "uid",
        row,
      });
    seen.add(i.uid);
  });
  const after = { ...before.table, overallGoal, indicators: input.indicators };
  // A save declares the table against the rules in effect now; the table records their version.
  const rules = await goalRulesFor(deps.uow.read, actor.regionCode, after.fiscalYear);
  const quality = checkGoalTable(after, rules);
  return deps.uow.transaction(async (repos) => {
    const version = await repos.goals.save(id, expected, overallGoal, input.indicators, rules.version);
    if (version === null) throw staleVersion("该目标表");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "update",
        entity: "goal_table",
        entityId: id,
        before: { overallGoal: before.table.overallGoal, indicators: before.table.indicators },
        after: { overallGoal, indicators: input.indicators },
      }),
    ]);
    // A saved draft is work in progress.
    await followGoalTables(repos, deps.clock, actor.regionCode, [id]);
    return { id, version, quality };
  });
}
