import { z } from "zod";
import { lintGoals } from "../../../app/goals/lint-goals";
import { type Api, actorOf, type ServerContext } from "../../context";
import { yearQuery } from "../query";

export default function lintGoalsRoute(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/goals/lint",
    {
      config: { access: "goal.lint" },
      schema: {
        operationId: "lintGoals",
        tags: ["goals"],
        summary: "全区绩效目标表智能审核：按规则、按部门汇总（问题明细见 /goals/lint/findings）",
        querystring: z.object({ year: yearQuery }),
      },
    },
    async (req) => {
      const { fiscalYear, rulesVersion, summary } = await lintGoals(ctx.deps, actorOf(req), req.query.year);
      return { fiscalYear, rulesVersion, summary };
    },
  );
}
