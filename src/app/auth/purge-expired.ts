import { LOGIN_POLICY } from "../../core/login-throttle";
import type { Deps } from "../context";

/**
 * Housekeeping the server runs on start and every hour: sessions that ended, and login counters whose
 * window closed, are deleted, so neither table grows without end. Nothing a user sees changes.
 */
export async function purgeExpired(deps: Deps): Promise<{ sessions: number; loginCounters: number }> {
  const now = deps.clock.now();
  const sessions = await deps.uow.read.sessions.purgeExpired(now);
  const loginCounters = await deps.uow.loginThrottle.purge(new Date(now.getTime() - LOGIN_POLICY.windowMs));
  return { sessions, loginCounters };
}
