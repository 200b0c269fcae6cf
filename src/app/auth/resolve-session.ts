import type { Deps } from "../context";
import type { UserWithOrg } from "../users/ports";
import { hashToken, SESSION_ABSOLUTE_MS, SESSION_TTL_MS } from "./tokens";

/**
 * The signed-in user of a session cookie, or null. Sliding expiry: a session used after half its idle
 * time is extended (never past its absolute lifetime from login), and `renewedUntil` tells the caller to
 * send the cookie again with the new expiry, or the browser would drop it at the old one mid-form.
 */
export async function resolveSession(
  deps: Deps,
  token: string,
): Promise<{ user: UserWithOrg; renewedUntil: Date | null } | null> {
  const hash = hashToken(token);
  const now = deps.clock.now();
  const session = await deps.uow.read.sessions.find(hash, now);
  if (!session) return null;
  const end = session.createdAt.getTime() + SESSION_ABSOLUTE_MS;
  if (end <= now.getTime()) return null;
  const user = await deps.uow.read.users.withOrg(session.userId);
  if (!user?.active) return null;
  let renewedUntil: Date | null = null;
  const slid = Math.min(now.getTime() + SESSION_TTL_MS, end);
  if (session.expiresAt.getTime() - now.getTime() < SESSION_TTL_MS / 2 && slid > session.expiresAt.getTime()) {
    renewedUntil = new Date(slid);
    await deps.uow.read.sessions.extend(hash, renewedUntil);
  }
  return { user, renewedUntil };
}

/** The owner of a bearer API token (neither revoked nor expired), or null; the use is recorded. */
export async function resolveApiToken(deps: Deps, token: string): Promise<UserWithOrg | null> {
  const now = deps.clock.now();
  const found = await deps.uow.read.sessions.findApiToken(hashToken(token), now);
  if (!found) return null;
  const user = await deps.uow.read.users.withOrg(found.userId);
  if (!user?.active) return null;
  await deps.uow.read.sessions.touchApiToken(found.id, now, API_TOKEN_TOUCH_GAP_MS);
  return user;
}

/** last_used_at is precise to a few minutes: an integration calling every second writes once per gap. */
const API_TOKEN_TOUCH_GAP_MS = 5 * 60 * 1000;
