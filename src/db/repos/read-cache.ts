import type { SessionRepo } from "../../app/auth/ports";
import type { UserRepo } from "../../app/users/ports";

/**
 * Every request resolves its session (a session row, a user, its organisation): three queries that
 * on the embedded database cost more than the request's own work. On PGlite they are memoised in
 * process and dropped after every committed transaction and every session write, like the project
 * read model; entries also expire after a minute so nothing stale can linger.
 */
export class SessionCache {
  private readonly sessions = new Map<
    string,
    { at: number; value: { userId: number; createdAt: Date; expiresAt: Date } | null }
  >();
  private readonly users = new Map<number, { at: number; value: Awaited<ReturnType<UserRepo["withOrg"]>> }>();

  constructor(private readonly ttlMs = 60_000) {}

  invalidate(): void {
    this.sessions.clear();
    this.users.clear();
  }

  private fresh(at: number): boolean {
    return Date.now() - at < this.ttlMs;
  }

  wrapSessions(inner: SessionRepo): SessionRepo {
    const self = this;
    return {
      ...inner,
      async find(tokenHash, now) {
        const hit = self.sessions.get(tokenHash);
        if (hit && self.fresh(hit.at)) return hit.value && hit.value.expiresAt > now ? hit.value : null;
        const value = await inner.find(tokenHash, now);
        self.sessions.set(tokenHash, { at: Date.now(), value });
        return value;
      },
      async extend(tokenHash, expiresAt) {
        await inner.extend(tokenHash, expiresAt);
        self.sessions.delete(tokenHash);
      },
      async delete(tokenHash) {
        await inner.delete(tokenHash);
        self.invalidate();
      },
      async purgeExpired(now) {
        const n = await inner.purgeExpired(now);
        self.invalidate();
        return n;
      },
      async deleteForUser(userId, except) {
        await inner.deleteForUser(userId, except);
        self.invalidate();
      },
    };
  }

  wrapUsers(inner: UserRepo): UserRepo {
    const self = this;
    return {
      ...inner,
      async withOrg(id) {
        const hit = self.users.get(id);
        if (hit && self.fresh(hit.at)) return hit.value;
        const value = await inner.withOrg(id);
        self.users.set(id, { at: Date.now(), value });
        return value;
      },
      async touchLogin(id, at) {
        await inner.touchLogin(id, at);
        self.users.delete(id);
      },
    };
  }
}
