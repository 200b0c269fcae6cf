import { verifyAudit } from "../../../app/audit/verify-audit";
import { verifyAudit as op } from "../../../contracts/audit";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function verifyAuditRoute(app: Api, ctx: ServerContext) {
  app.get("/api/v1/audit/verify", { config: { access: op.access }, schema: op.schema }, async (req) =>
    verifyAudit(ctx.deps, actorOf(req)),
  );
}
