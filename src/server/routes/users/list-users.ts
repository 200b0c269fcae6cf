import { exportUsers, listUsers } from "../../../app/users/list-users";
import { exportUsers as exportOp, listUsers as op } from "../../../contracts/users";
import { ROLE_LABELS } from "../../../core/roles";
import { usersWorkbook } from "../../../io/users-export";
import { type Api, actorOf, type ServerContext } from "../../context";
import { sendXlsx } from "../../download";

export default function listUsersRoute(app: Api, ctx: ServerContext) {
  app.get("/api/v1/users", { config: { access: op.access }, schema: op.schema }, async (req) => {
    const { q, page, pageSize, ...rest } = req.query;
    const found = await listUsers(ctx.deps, actorOf(req), { q: q || undefined, ...rest }, page, pageSize);
    return { ...found, rows: found.rows.map((u) => ({ ...u, roleLabel: ROLE_LABELS[u.role] })), page, pageSize };
  });
  app.get(
    "/api/v1/users/export.xlsx",
    { config: { access: exportOp.access }, schema: exportOp.schema },
    async (req, reply) => {
      const { q, ...rest } = req.query;
      const found = await exportUsers(ctx.deps, actorOf(req), { q: q || undefined, ...rest });
      return sendXlsx(reply, "users.xlsx", "用户清单.xlsx", await usersWorkbook(found.rows));
    },
  );
}
