import { answerMonitoringComment } from "../../../app/monitoring/answer-comment";
import { getMonitoringReportReview } from "../../../app/monitoring/report-review";
import * as threads from "../../../contracts/monitoring-threads";
import { type Api, actorOf, type ServerContext } from "../../context";

/** A monitoring report's review rounds and comment threads, and the unit's answers. */
export default function monitoringThreadRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/monitoring/reports/:id/review",
    { config: { access: threads.getMonitoringReportReview.access }, schema: threads.getMonitoringReportReview.schema },
    async (req) => getMonitoringReportReview(ctx.deps, actorOf(req), req.params.id),
  );
  app.put(
    "/api/v1/monitoring/reports/:id/comments/:commentId/answer",
    { config: { access: threads.answerMonitoringComment.access }, schema: threads.answerMonitoringComment.schema },
    async (req) => answerMonitoringComment(ctx.deps, actorOf(req), req.params.id, req.params.commentId, req.body),
  );
}
