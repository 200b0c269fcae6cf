import { getGoalRules, saveGoalRules } from "../../../app/goals/goal-rules";
import { previewGoalRules } from "../../../app/goals/preview-goal-rules";
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
  // Read-only, but a POST: the proposed rules are a body, bounded by the contract (10 level 1 × 20
  // level 2, four word lists of 200 words of up to 20 characters) and the server's 1 MB body limit.
  app.post(
    "/api/v1/goals/rules/preview",
    { config: { access: goalsChecks.previewGoalRules.access }, schema: goalsChecks.previewGoalRules.schema },
    async (req) => previewGoalRules(ctx.deps, actorOf(req), req.body),
  );
}
