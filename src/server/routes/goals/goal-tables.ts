import { actOnGoalTable } from "../../../app/goals/act-on-goal-table";
import { getGoalTable, listGoalTables } from "../../../app/goals/get-goal-table";
import { saveGoalTable } from "../../../app/goals/save-goal-table";
import * as goals from "../../../contracts/goals";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function goalTableRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/goals/tables",
    { config: { access: goals.listGoalTables.access }, schema: goals.listGoalTables.schema },
    async (req) => {
      const { year, page, pageSize, q, sort, order, ...rest } = req.query;
      const found = await listGoalTables(
        ctx.deps,
        actorOf(req),
        { fiscalYear: year, q: q || undefined, ...rest },
        page,
        pageSize,
        sort && { sort, order },
      );
      return { ...found, page, pageSize };
    },
  );
  app.get(
    "/api/v1/goals/tables/:id",
    { config: { access: goals.getGoalTable.access }, schema: goals.getGoalTable.schema },
    async (req) => getGoalTable(ctx.deps, actorOf(req), req.params.id),
  );
  app.put(
    "/api/v1/goals/tables/:id",
    { config: { access: goals.saveGoalTable.access }, schema: goals.saveGoalTable.schema },
    async (req) => saveGoalTable(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/goals/tables/:id/actions",
    { config: { access: goals.actOnGoalTable.access }, schema: goals.actOnGoalTable.schema },
    async (req) => actOnGoalTable(ctx.deps, actorOf(req), req.params.id, req.body),
  );
}
