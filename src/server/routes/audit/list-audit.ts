import { z } from "zod";
import { listAudit } from "../../../app/audit/list-audit";
import { type Api, actorOf, type ServerContext } from "../../context";
import { paging } from "../query";

export default function listAuditRoute(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/audit",
    {
      config: { access: "audit.read" },
      schema: {
        tags: ["audit"],
        summary: "审计日志",
        querystring: z.object({
          entity: z.string().max(40).optional(),
          entityId: z.string().max(64).optional(),
          actor: z.string().max(64).optional(),
          action: z.string().max(40).optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
          ...paging,
        }),
      },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      return { ...(await listAudit(ctx.deps, actorOf(req), filter, page, pageSize)), page, pageSize };
    },
  );
}
