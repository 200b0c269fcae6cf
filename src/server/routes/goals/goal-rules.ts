import { z } from "zod";
import { getGoalRules, saveGoalRules } from "../../../app/goals/goal-rules";
import { type Api, actorOf, type ServerContext } from "../../context";
import { yearQuery } from "../query";

const words = z.array(z.string().max(20)).max(200);

export default function goalRulesRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/goals/rules",
    {
      config: { access: "goal.read" },
      schema: {
        operationId: "getGoalRules",
        tags: ["goals"],
        summary: "某年度的指标体系（一级、二级指标与权重合计）和智能审核规则，以及本年度各版本",
        querystring: z.object({ year: yearQuery }),
      },
    },
    async (req) => getGoalRules(ctx.deps, actorOf(req), req.query.year),
  );
  app.put(
    "/api/v1/goals/rules",
    {
      config: { access: "goal.configure" },
      schema: {
        operationId: "updateGoalRules",
        tags: ["goals"],
        summary: "财政设定某年度的指标体系和审核规则（每次保存为新版本）",
        body: z.object({
          fiscalYear: yearQuery,
          reason: z.string().max(500).optional(),
          template: z.object({
            totalWeight: z.number(),
            levels: z
              .array(z.object({ level1: z.string().max(20), level2: z.array(z.string().max(30)).max(20) }))
              .max(10),
          }),
          policy: z.object({
            minIndicators: z.number(),
            maxQualitativeShare: z.number(),
            vagueWords: words,
            moneyUnits: words,
            inputWords: words,
            satisfactionWords: words,
          }),
        }),
      },
    },
    async (req) => saveGoalRules(ctx.deps, actorOf(req), req.body),
  );
}
