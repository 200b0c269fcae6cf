import { z } from "zod";
import { login } from "../../../app/auth/login";
import { setSessionCookie } from "../../auth/hook";
import type { Api, ServerContext } from "../../context";
import { presentMe } from "../../presenters/me";

export default function loginRoute(app: Api, ctx: ServerContext) {
  app.post(
    "/api/v1/auth/login",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "登录（设置会话 Cookie）",
        body: z.object({
          username: z.string().min(1, "请输入用户名").max(64),
          password: z.string().min(1, "请输入密码").max(128),
        }),
      },
    },
    async (req, reply) => {
      const { username, password } = req.body;
      const result = await login(ctx.deps, {
        username,
        password,
        userAgent: req.headers["user-agent"] ?? null,
        address: req.ip,
      });
      setSessionCookie(req, reply, result.token, result.expiresAt);
      return { user: presentMe(result.user) };
    },
  );
}
