import { carryOverGoalTable } from "../../../app/goals/carry-over";
import { comparePreviousGoalTable } from "../../../app/goals/compare-previous";
import { startGoalTable } from "../../../app/goals/start-goal-table";
import * as goals from "../../../contracts/goals";
import { type Api, actorOf, type ServerContext } from "../../context";

/**
 * Where a draft's content comes from besides typing: last year's table of the same subject (compared,
 * carried over), and the start of a table for a project that has none.
 */
export default function carryOverRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/goals/tables/:id/previous",
    { config: { access: goals.getPreviousGoalTable.access }, schema: goals.getPreviousGoalTable.schema },
    async (req) => comparePreviousGoalTable(ctx.deps, actorOf(req), req.params.id),
  );
  app.post(
    "/api/v1/goals/tables/:id/carry-over",
    { config: { access: goals.carryOverGoalTable.access }, schema: goals.carryOverGoalTable.schema },
    async (req) => carryOverGoalTable(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/projects/:id/goal-table",
    { config: { access: goals.startGoalTable.access }, schema: goals.startGoalTable.schema },
    async (req) => startGoalTable(ctx.deps, actorOf(req), req.params.id),
  );
}
