import { z } from "zod";
import { listDeptBudgets } from "../../../app/projects/list-dept-budgets";
import { type Api, actorOf, type ServerContext } from "../../context";
import { yearQuery } from "../query";

export default function listDeptBudgetsRoute(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/dept-budgets",
    {
      config: { access: "deptBudget.read" },
      schema: {
        operationId: "listDeptBudgets",
        tags: ["projects"],
        summary: "部门整体预算及执行",
        querystring: z.object({ year: yearQuery }),
      },
    },
    async (req) => ({ rows: await listDeptBudgets(ctx.deps, actorOf(req), req.query.year) }),
  );
}
