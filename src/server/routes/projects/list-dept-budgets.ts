import { listDeptBudgets } from "../../../app/projects/list-dept-budgets";
import { listDeptBudgets as op } from "../../../contracts/projects";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function listDeptBudgetsRoute(app: Api, ctx: ServerContext) {
  app.get("/api/v1/dept-budgets", { config: { access: op.access }, schema: op.schema }, async (req) => ({
    rows: await listDeptBudgets(ctx.deps, actorOf(req), req.query.year),
  }));
}
