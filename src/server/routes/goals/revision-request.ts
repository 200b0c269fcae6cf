import { requestGoalRevision } from "../../../app/goals/request-revision";
import * as goals from "../../../contracts/goals";
import { type Api, actorOf, type ServerContext } from "../../context";

/** 要求调整: finance asks the declarer to revise an approved goal table (a 绩效目标调整 task). */
export default function revisionRequestRoutes(app: Api, ctx: ServerContext) {
  app.post(
    "/api/v1/goals/tables/:id/revision-request",
    { config: { access: goals.requestGoalRevision.access }, schema: goals.requestGoalRevision.schema },
    async (req, reply) =>
      reply.status(201).send(await requestGoalRevision(ctx.deps, actorOf(req), req.params.id, req.body)),
  );
}
