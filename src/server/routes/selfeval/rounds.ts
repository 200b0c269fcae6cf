import { selfEvalCoverage } from "../../../app/selfeval/coverage";
import { openSelfEvaluation } from "../../../app/selfeval/open-selfeval";
import { getSelfEvalRules, saveSelfEvalRules } from "../../../app/selfeval/rules-admin";
import * as s from "../../../contracts/selfeval";
import * as config from "../../../contracts/selfeval-config";
import { type Api, actorOf, type ServerContext } from "../../context";

/** Opening the year's self-evaluation, its coverage, and its scoring rules. */
export default function selfEvalRoundRoutes(app: Api, ctx: ServerContext) {
  app.post(
    "/api/v1/selfeval/rounds",
    { config: { access: s.openSelfEvaluation.access }, schema: s.openSelfEvaluation.schema },
    async (req) => openSelfEvaluation(ctx.deps, actorOf(req), req.body),
  );
  app.get(
    "/api/v1/selfeval/coverage",
    { config: { access: s.getSelfEvalCoverage.access }, schema: s.getSelfEvalCoverage.schema },
    async (req) => selfEvalCoverage(ctx.deps, actorOf(req), req.query.year),
  );
  app.get(
    "/api/v1/selfeval/rules",
    { config: { access: config.getSelfEvalRules.access }, schema: config.getSelfEvalRules.schema },
    async (req) => getSelfEvalRules(ctx.deps, actorOf(req), req.query.year),
  );
  app.put(
    "/api/v1/selfeval/rules",
    { config: { access: config.saveSelfEvalRules.access }, schema: config.saveSelfEvalRules.schema },
    async (req) => {
      const { reason, ...body } = req.body;
      return saveSelfEvalRules(ctx.deps, actorOf(req), req.query.year, { ...body, reason });
    },
  );
}
