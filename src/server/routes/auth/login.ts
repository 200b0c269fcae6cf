import { login } from "../../../app/auth/login";
import { login as op } from "../../../contracts/auth";
import { setSessionCookie } from "../../auth/hook";
import type { Api, ServerContext } from "../../context";
import { presentMe } from "../../presenters/me";

export default function loginRoute(app: Api, ctx: ServerContext) {
  app.post("/api/v1/auth/login", { config: { access: op.access }, schema: op.schema }, async (req, reply) => {
    const { username, password } = req.body;
    const result = await login(ctx.deps, {
      username,
      password,
      userAgent: req.headers["user-agent"] ?? null,
      address: req.ip,
    });
    setSessionCookie(req, reply, result.token, result.expiresAt);
    return { user: presentMe(result.user) };
  });
}
