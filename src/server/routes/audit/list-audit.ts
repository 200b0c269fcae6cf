import { listAudit } from "../../../app/audit/list-audit";
import { listAudit as op } from "../../../contracts/audit";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function listAuditRoute(app: Api, ctx: ServerContext) {
  app.get("/api/v1/audit", { config: { access: op.access }, schema: op.schema }, async (req) => {
    const { page, pageSize, ...filter } = req.query;
    return { ...(await listAudit(ctx.deps, actorOf(req), filter, page, pageSize)), page, pageSize };
  });
}
