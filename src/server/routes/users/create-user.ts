import { z } from "zod";
import { createUser, publicUser } from "../../../app/users/create-user";
import { ROLES } from "../../../core/roles";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function createUserRoute(app: Api, ctx: ServerContext) {
  app.post(
    "/api/v1/users",
    {
      config: { access: "user.manage" },
      schema: {
        tags: ["users"],
        summary: "新建账号（首次登录须修改密码）",
        body: z.object({
          username: z.string().max(32),
          displayName: z.string().max(40),
          role: z.enum(ROLES),
          orgId: z.number().int().positive(),
          password: z.string().max(128),
        }),
      },
    },
    async (req, reply) =>
      reply.status(201).send({ user: publicUser(await createUser(ctx.deps, actorOf(req), req.body)) }),
  );
}
