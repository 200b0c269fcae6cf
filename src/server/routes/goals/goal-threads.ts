import { answerGoalComment } from "../../../app/goals/answer-goal-comment";
import { getGoalTableReview } from "../../../app/goals/goal-review";
import * as threads from "../../../contracts/goals-threads";
import { type Api, actorOf, type ServerContext } from "../../context";

/** A goal table's versions, rounds and comment threads, and the declarer's answers. */
export default function goalThreadRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/goals/tables/:id/review",
    { config: { access: threads.getGoalTableReview.access }, schema: threads.getGoalTableReview.schema },
    async (req) => getGoalTableReview(ctx.deps, actorOf(req), req.params.id),
  );
  app.put(
    "/api/v1/goals/tables/:id/comments/:commentId/answer",
    { config: { access: threads.answerGoalComment.access }, schema: threads.answerGoalComment.schema },
    async (req) => answerGoalComment(ctx.deps, actorOf(req), req.params.id, req.params.commentId, req.body),
  );
}
