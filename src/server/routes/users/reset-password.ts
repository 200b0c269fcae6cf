import { z } from "zod";
import { resetPassword } from "../../../app/users/update-user";
import { type Api, actorOf, type ServerContext } from "../../context";
import { idParam } from "../query";

export default function resetPasswordRoute(app: Api, ctx: ServerContext) {
  app.post(
    "/api/v1/users/:id/password",
    {
      config: { access: "user.manage" },
      schema: {
        tags: ["users"],
        summary: "管理员重置密码（该用户下次登录须修改）",
        params: idParam,
        body: z.object({ password: z.string().max(128) }),
      },
    },
    async (req, reply) => {
      await resetPassword(ctx.deps, actorOf(req), req.params.id, req.body.password);
      return reply.status(204).send();
    },
  );
}
