import { lintGoals } from "../../../app/goals/lint-goals";
import * as goalsChecks from "../../../contracts/goals-checks";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function lintGoalsRoute(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/goals/lint",
    { config: { access: goalsChecks.lintGoals.access }, schema: goalsChecks.lintGoals.schema },
    async (req) => {
      const { fiscalYear, rulesVersion, summary } = await lintGoals(ctx.deps, actorOf(req), req.query.year);
      return { fiscalYear, rulesVersion, summary };
    },
  );
}
