import { listUsers } from "../../../app/users/list-users";
import { listUsers as op } from "../../../contracts/users";
import { ROLE_LABELS } from "../../../core/roles";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function listUsersRoute(app: Api, ctx: ServerContext) {
  app.get("/api/v1/users", { config: { access: op.access }, schema: op.schema }, async (req) => {
    const { q, role, page, pageSize } = req.query;
    const found = await listUsers(ctx.deps, actorOf(req), { q: q || undefined, role }, page, pageSize);
    return { ...found, rows: found.rows.map((u) => ({ ...u, roleLabel: ROLE_LABELS[u.role] })), page, pageSize };
  });
}
