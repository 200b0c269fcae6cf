import { verifyAudit } from "../../../app/audit/verify-audit";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function verifyAuditRoute(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/audit/verify",
    { config: { access: "audit.read" }, schema: { tags: ["audit"], summary: "校验审计日志哈希链是否完整" } },
    async (req) => verifyAudit(ctx.deps, actorOf(req)),
  );
}
