import { z } from "zod";
import { suggestIndicators } from "../../../app/goals/suggest-indicators";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function suggestIndicatorsRoute(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/goals/library/suggestions",
    {
      config: { access: "goal.read" },
      schema: {
        operationId: "suggestIndicators",
        tags: ["goals"],
        summary: "指标库建议：未停用的指标，财政推荐的在前，再按使用次数；附各年度目标值（actuals 待单位自评模块填入）",
        querystring: z.object({
          sector: z.string().trim().max(40).optional(),
          level2: z.string().trim().max(30).optional(),
          q: z.string().trim().max(50).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
      },
    },
    async (req) => ({
      rows: await suggestIndicators(ctx.deps, actorOf(req), { ...req.query, text: req.query.q }),
    }),
  );
}
