import { suggestIndicators } from "../../../app/goals/suggest-indicators";
import * as goalsLibrary from "../../../contracts/goals-library";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function suggestIndicatorsRoute(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/goals/library/suggestions",
    { config: { access: goalsLibrary.suggestIndicators.access }, schema: goalsLibrary.suggestIndicators.schema },
    async (req) => ({
      rows: await suggestIndicators(ctx.deps, actorOf(req), { ...req.query, text: req.query.q }),
    }),
  );
}
