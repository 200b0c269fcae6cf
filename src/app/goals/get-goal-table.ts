import { notFound } from "../../core/errors";
import { checkGoalTable } from "../../core/goals/quality";
import { allowedActions, declarerOf, type GoalTableState, isEditable } from "../../core/goals/workflow";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { goalRulesFor } from "./goal-rules";
import type { GoalListFilter, GoalListSort, GoalTableRecord } from "./ports";

export const stateOf = (r: GoalTableRecord): GoalTableState => ({
  status: r.status as GoalTableState["status"],
  version: r.revision,
  returnedBy: r.returnedBy,
});

/** A goal table with its quality findings, its history and what the viewer may do with it now. */
export async function getGoalTable(deps: Deps, actor: Actor, id: number) {
  const scope = authorize(actor, "goal.read");
  const record = await deps.uow.read.goals.get(scope, id);
  if (!record) throw notFound("绩效目标表", id);
  const state = stateOf(record);
  const rules = await goalRulesFor(deps.uow.read, actor.regionCode, record.table.fiscalYear);
  return {
    ...record,
    rulesVersion: rules.version,
    quality: checkGoalTable(record.table, rules),
    transitions: await deps.uow.read.goals.transitions(id),
    editable: isEditable(state, actor.role, declarerOf(record)),
    actions: allowedActions(state, actor.role, declarerOf(record)),
  };
}

/**
 * One page of goal tables in the viewer's scope, each with its finding counts. Filters by department or
 * unit only narrow the scope: an organisation outside it gives an empty list, never its tables.
 */
export async function listGoalTables(
  deps: Deps,
  actor: Actor,
  filter: GoalListFilter,
  page: number,
  pageSize: number,
  sort?: GoalListSort,
) {
  const scope = authorize(actor, "goal.read");
  const [found, rules] = await Promise.all([
    deps.uow.read.goals.list(scope, filter, page, pageSize, sort),
    goalRulesFor(deps.uow.read, actor.regionCode, filter.fiscalYear),
  ]);
  return {
    total: found.total,
    rows: found.rows.map(({ table, ...r }) => {
      const quality = checkGoalTable(table, rules);
      return {
        ...r,
        subjectKind: table.subjectKind,
        subjectCode: table.subjectCode,
        subjectName: table.subjectName,
        indicators: table.indicators.length,
        errors: quality.errors,
        warnings: quality.warnings,
      };
    }),
  };
}
