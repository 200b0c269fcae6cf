import type { Deps } from "../context";
import type { UserWithOrg } from "../ports";
import { hashToken, SESSION_TTL_MS } from "./tokens";

/** The signed-in user of a session cookie, or null. Sliding expiry: a busy session is extended. */
export async function resolveSession(deps: Deps, token: string): Promise<UserWithOrg | null> {
  const hash = hashToken(token);
  const now = deps.clock.now();
  const session = await deps.uow.read.sessions.find(hash, now);
  if (!session) return null;
  const user = await deps.uow.read.users.withOrg(session.userId);
  if (!user?.active) return null;
  if (session.expiresAt.getTime() - now.getTime() < SESSION_TTL_MS / 2) {
    await deps.uow.read.sessions.extend(hash, new Date(now.getTime() + SESSION_TTL_MS));
  }
  return user;
}

/** The owner of a bearer API token, or null. */
export async function resolveApiToken(deps: Deps, token: string): Promise<UserWithOrg | null> {
  const found = await deps.uow.read.sessions.findApiToken(hashToken(token));
  if (!found) return null;
  const user = await deps.uow.read.users.withOrg(found.userId);
  return user?.active ? user : null;
}
