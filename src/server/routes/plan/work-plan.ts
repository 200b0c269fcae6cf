import { getPlan } from "../../../app/plan/get-plan";
import { openGoalDeclaration } from "../../../app/plan/open-goal-declaration";
import { savePlan } from "../../../app/plan/save-plan";
import * as plan from "../../../contracts/plan";
import { type Api, actorOf, type ServerContext } from "../../context";

/** The year's work plan: read, change its dates, open the goal declaration. */
export default function workPlanRoutes(app: Api, ctx: ServerContext) {
  app.get("/api/v1/plan", { config: { access: plan.getPlan.access }, schema: plan.getPlan.schema }, async (req) =>
    getPlan(ctx.deps, actorOf(req), req.query.year),
  );
  app.put("/api/v1/plan", { config: { access: plan.savePlan.access }, schema: plan.savePlan.schema }, async (req) => {
    const saved = await savePlan(ctx.deps, actorOf(req), req.query.year, req.body);
    return { version: saved.version };
  });
  app.post(
    "/api/v1/plan/goal-declaration/open",
    { config: { access: plan.openGoalDeclaration.access }, schema: plan.openGoalDeclaration.schema },
    async (req) => {
      const { newTablesByOrg: _byOrg, ...opened } = await openGoalDeclaration(
        ctx.deps,
        actorOf(req),
        req.query.year,
        req.body,
      );
      return opened;
    },
  );
}
