import { z } from "zod";
import { linkReviewTable, listReviewVisits, recordReviewVisit } from "../../../app/goals/review-visits";
import { type Api, actorOf, type ServerContext } from "../../context";
import { idParam } from "../query";

export default function reviewVisitRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/goals/review-draws/:id/visits",
    {
      config: { access: "goal.lint" },
      schema: {
        operationId: "listReviewVisits",
        tags: ["goals"],
        summary: "被抽中部门的会审发现、指导建议及关联的目标表",
        params: idParam,
      },
    },
    async (req) => ({ rows: await listReviewVisits(ctx.deps, actorOf(req), req.params.id) }),
  );
  app.put(
    "/api/v1/goals/review-visits/:id",
    {
      config: { access: "goal.review" },
      schema: {
        operationId: "updateReviewVisit",
        tags: ["goals"],
        summary: "记录现场会审发现的问题和指导建议（须带 version）",
        params: idParam,
        body: z.object({
          version: z.number().int().positive(),
          reviewedOn: z.string().nullable(),
          findings: z.string().max(5000),
          guidance: z.string().max(5000),
        }),
      },
    },
    async (req) => recordReviewVisit(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/goals/review-visits/:id/tables",
    {
      config: { access: "goal.review" },
      schema: {
        operationId: "linkReviewVisitTable",
        tags: ["goals"],
        summary: "关联部门修改后的目标表，并标明是否落实了指导建议",
        params: idParam,
        body: z.object({
          goalTableId: z.number().int().positive(),
          actedOn: z.boolean(),
          note: z.string().max(500).nullable().default(null),
        }),
      },
    },
    async (req) => linkReviewTable(ctx.deps, actorOf(req), req.params.id, req.body),
  );
}
