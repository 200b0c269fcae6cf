import { getEvaluationFramework, saveEvaluationFramework } from "../../../app/evaluations/framework-rules";
import * as e from "../../../contracts/evaluations";
import { type Api, actorOf, type ServerContext } from "../../context";

/** The year's evaluation framework (评价指标体系). */
export default function evaluationFrameworkRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/evaluations/framework",
    { config: { access: e.getEvaluationFramework.access }, schema: e.getEvaluationFramework.schema },
    async (req) => getEvaluationFramework(ctx.deps, actorOf(req), req.query.year),
  );
  app.put(
    "/api/v1/evaluations/framework",
    { config: { access: e.saveEvaluationFramework.access }, schema: e.saveEvaluationFramework.schema },
    async (req) => saveEvaluationFramework(ctx.deps, actorOf(req), req.query.year, req.body),
  );
}
