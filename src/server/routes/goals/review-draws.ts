import { drawReview, listReviewDraws, replayReviewDraw, reviewPopulation } from "../../../app/goals/draw-review";
import * as goalsReview from "../../../contracts/goals-review";
import { AppError } from "../../../core/errors";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function reviewDrawRoutes(app: Api, ctx: ServerContext) {
  app.post(
    "/api/v1/goals/review-draws",
    { config: { access: goalsReview.createReviewDraw.access }, schema: goalsReview.createReviewDraw.schema },
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
    { config: { access: goalsReview.listReviewDraws.access }, schema: goalsReview.listReviewDraws.schema },
    async (req) => ({ rows: await listReviewDraws(ctx.deps, actorOf(req), req.query.year) }),
  );
  app.get(
    "/api/v1/goals/review-draws/population",
    {
      config: { access: goalsReview.getReviewDrawPopulation.access },
      schema: goalsReview.getReviewDrawPopulation.schema,
    },
    async (req) => ({ rows: await reviewPopulation(ctx.deps, actorOf(req)) }),
  );
  app.get(
    "/api/v1/goals/review-draws/:id/replay",
    { config: { access: goalsReview.replayReviewDraw.access }, schema: goalsReview.replayReviewDraw.schema },
    async (req) => replayReviewDraw(ctx.deps, actorOf(req), req.params.id),
  );
}
