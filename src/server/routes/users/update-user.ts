import { z } from "zod";
import { publicUser } from "../../../app/users/create-user";
import { updateUser } from "../../../app/users/update-user";
import { ROLES } from "../../../core/roles";
import { type Api, actorOf, type ServerContext } from "../../context";
import { idParam } from "../query";

export default function updateUserRoute(app: Api, ctx: ServerContext) {
  app.patch(
    "/api/v1/users/:id",
    {
      config: { access: "user.manage" },
      schema: {
        tags: ["users"],
        summary: "修改账号（姓名、角色、单位、启用状态；须带 version）",
        params: idParam,
        body: z.object({
          version: z.number().int().positive(),
          displayName: z.string().max(40).optional(),
          role: z.enum(ROLES).optional(),
          orgId: z.number().int().positive().optional(),
          active: z.boolean().optional(),
        }),
      },
    },
    async (req) => ({ user: publicUser(await updateUser(ctx.deps, actorOf(req), req.params.id, req.body)) }),
  );
}
