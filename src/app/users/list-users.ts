import { MAX_USER_EXPORT, type UserListQuery } from "../../core/users";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { publicUser } from "./create-user";

/** A page of the region's accounts, as the administrator filters and orders them. */
export async function listUsers(deps: Deps, actor: Actor, query: UserListQuery, page: number, pageSize: number) {
  authorize(actor, "user.manage");
  const found = await deps.uow.read.users.list(actor.regionCode, query, page, pageSize);
  return { total: found.total, rows: found.rows.map((u) => ({ ...publicUser(u), org: u.org })) };
}

/** Every account matching the list's filters, in its order, for the Excel export. */
export const exportUsers = (deps: Deps, actor: Actor, query: UserListQuery) =>
  listUsers(deps, actor, query, 1, MAX_USER_EXPORT);
