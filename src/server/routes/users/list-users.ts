import { z } from "zod";
import { listUsers } from "../../../app/users/list-users";
import { ROLE_LABELS, ROLES } from "../../../core/roles";
import { type Api, actorOf, type ServerContext } from "../../context";
import { paging } from "../query";

export default function listUsersRoute(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/users",
    {
      config: { access: "user.manage" },
      schema: {
        tags: ["users"],
        summary: "账号列表",
        querystring: z.object({ q: z.string().trim().max(64).optional(), role: z.enum(ROLES).optional(), ...paging }),
      },
    },
    async (req) => {
      const { q, role, page, pageSize } = req.query;
      const found = await listUsers(ctx.deps, actorOf(req), { q: q || undefined, role }, page, pageSize);
      return { ...found, rows: found.rows.map((u) => ({ ...u, roleLabel: ROLE_LABELS[u.role] })), page, pageSize };
    },
  );
}
