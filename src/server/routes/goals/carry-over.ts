import { carryOverGoalTable } from "../../../app/goals/carry-over";
import { comparePreviousGoalTable } from "../../../app/goals/compare-previous";
import * as goals from "../../../contracts/goals";
import { type Api, actorOf, type ServerContext } from "../../context";

/** Last year's goal table of the same subject, compared with this one, and the carry-over from it. */
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
}
