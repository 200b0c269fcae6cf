import {
  linkReviewTable,
  listReviewVisits,
  recordReviewVisit,
  unlinkReviewTable,
} from "../../../app/goals/review-visits";
import * as goalsReview from "../../../contracts/goals-review";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function reviewVisitRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/goals/review-draws/:id/visits",
    { config: { access: goalsReview.listReviewVisits.access }, schema: goalsReview.listReviewVisits.schema },
    async (req) => ({ rows: await listReviewVisits(ctx.deps, actorOf(req), req.params.id) }),
  );
  app.put(
    "/api/v1/goals/review-visits/:id",
    { config: { access: goalsReview.updateReviewVisit.access }, schema: goalsReview.updateReviewVisit.schema },
    async (req) => recordReviewVisit(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/goals/review-visits/:id/tables",
    { config: { access: goalsReview.linkReviewVisitTable.access }, schema: goalsReview.linkReviewVisitTable.schema },
    async (req) => linkReviewTable(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    "/api/v1/goals/review-visits/:id/tables/:goalTableId",
    {
      config: { access: goalsReview.unlinkReviewVisitTable.access },
      schema: goalsReview.unlinkReviewVisitTable.schema,
    },
    async (req) => unlinkReviewTable(ctx.deps, actorOf(req), req.params.id, req.params.goalTableId),
  );
}
