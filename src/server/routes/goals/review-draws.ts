import { z } from "zod";
import { drawReview, listReviewDraws, replayReviewDraw, reviewPopulation } from "../../../app/goals/draw-review";
import { AppError } from "../../../core/errors";
import { type Api, actorOf, type ServerContext } from "../../context";
import { idParam, yearQuery } from "../query";

const code = z.string().trim().min(1).max(32);

export default function reviewDrawRoutes(app: Api, ctx: ServerContext) {
  app.post(
    "/api/v1/goals/review-draws",
    {
      config: { access: "goal.review" },
      schema: {
        operationId: "createReviewDraw",
        tags: ["goals"],
        summary: "目标现场会审：滚动抽取本年度的部门（记录总体与参数，可复现）",
        body: z.object({
          year: yearQuery,
          count: z.number().int(),
          lookbackYears: z.number().int(),
          /** Not accepted: the server makes the seed. Named here to refuse it with a clear message. */
          seed: z.string().max(100).optional(),
          forced: z.array(code).max(100).default([]),
          excluded: z.array(code).max(100).default([]),
        }),
      },
    },
    async (req, reply) => {
      const { seed, ...request } = req.body;
      if (seed !== undefined)
        throw new AppError(
          "validation",
          "DRAW_SEED_NOT_ALLOWED",
          "抽取种子由系统在抽取时生成并记录，不能指定：这样任何人都无法事先试出想要的抽取结果",
          { field: "seed" },
        );
      return reply.status(201).send(await drawReview(ctx.deps, actorOf(req), request));
    },
  );
  app.get(
    "/api/v1/goals/review-draws",
    {
      config: { access: "goal.lint" },
      schema: {
        operationId: "listReviewDraws",
        tags: ["goals"],
        summary: "历年目标现场会审抽取记录",
        querystring: z.object({ year: yearQuery.optional() }),
      },
    },
    async (req) => ({ rows: await listReviewDraws(ctx.deps, actorOf(req), req.query.year) }),
  );
  app.get(
    "/api/v1/goals/review-draws/population",
    {
      config: { access: "goal.lint" },
      schema: {
        operationId: "getReviewDrawPopulation",
        tags: ["goals"],
        summary: "新抽取将使用的总体：全部部门及其历年被抽中的年度",
      },
    },
    async (req) => ({ rows: await reviewPopulation(ctx.deps, actorOf(req)) }),
  );
  app.get(
    "/api/v1/goals/review-draws/:id/replay",
    {
      config: { access: "goal.lint" },
      schema: {
        operationId: "replayReviewDraw",
        tags: ["goals"],
        summary: "按记录重新运行抽取并核对结果",
        params: idParam,
      },
    },
    async (req) => replayReviewDraw(ctx.deps, actorOf(req), req.params.id),
  );
}
