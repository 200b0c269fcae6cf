import { getGoalRules, saveGoalRules } from "../../../app/goals/goal-rules";
import * as goalsChecks from "../../../contracts/goals-checks";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function goalRulesRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/goals/rules",
    { config: { access: goalsChecks.getGoalRules.access }, schema: goalsChecks.getGoalRules.schema },
    async (req) => getGoalRules(ctx.deps, actorOf(req), req.query.year),
  );
  app.put(
    "/api/v1/goals/rules",
    { config: { access: goalsChecks.updateGoalRules.access }, schema: goalsChecks.updateGoalRules.schema },
    async (req) => saveGoalRules(ctx.deps, actorOf(req), req.body),
  );
}
