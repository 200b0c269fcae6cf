import { logout } from "../../../app/auth/logout";
import { logout as op } from "../../../contracts/auth";
import { SESSION_COOKIE } from "../../auth/hook";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function logoutRoute(app: Api, ctx: ServerContext) {
  app.post("/api/v1/auth/logout", { config: { access: op.access }, schema: op.schema }, async (req, reply) => {
    if (req.sessionToken) await logout(ctx.deps, actorOf(req), req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.status(204).send();
  });
}
