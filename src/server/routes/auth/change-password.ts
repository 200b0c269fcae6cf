import { z } from "zod";
import { changePassword } from "../../../app/auth/change-password";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function changePasswordRoute(app: Api, ctx: ServerContext) {
  app.post(
    "/api/v1/auth/password",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["auth"],
        summary: "修改本人密码（其他会话随之失效）",
        body: z.object({ currentPassword: z.string().max(128), newPassword: z.string().max(128) }),
      },
    },
    async (req, reply) => {
      await changePassword(ctx.deps, actorOf(req), { ...req.body, sessionToken: req.sessionToken });
      return reply.status(204).send();
    },
  );
}
