import type { Role } from "../../core/roles";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { publicUser } from "./create-user";

export async function listUsers(
  deps: Deps,
  actor: Actor,
  filter: { q?: string | undefined; role?: Role | undefined },
  page: number,
  pageSize: number,
) {
  authorize(actor, "user.manage");
  const found = await deps.uow.read.users.list(actor.regionCode, filter, page, pageSize);
  return { total: found.total, rows: found.rows.map((u) => ({ ...publicUser(u), org: u.org })) };
}
