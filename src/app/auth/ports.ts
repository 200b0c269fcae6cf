/** Ports of sign-in: sessions, API tokens and the login throttle. src/db implements them. */

/** An API token as administrators see it: never its secret or hash. */
export interface ApiTokenRecord {
  id: number;
  name: string;
  userId: number;
  username: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface SessionRepo {
  insert(session: {
    tokenHash: string;
    userId: number;
    createdAt: Date;
    expiresAt: Date;
    userAgent: string | null;
  }): Promise<void>;
  find(tokenHash: string, now: Date): Promise<{ userId: number; createdAt: Date; expiresAt: Date } | null>;
  extend(tokenHash: string, expiresAt: Date): Promise<void>;
  /** Deletes sessions that ended before `now`; answers how many. */
  purgeExpired(now: Date): Promise<number>;
  delete(tokenHash: string): Promise<void>;
  deleteForUser(userId: number, exceptTokenHash?: string): Promise<void>;
  insertApiToken(token: {
    name: string;
    tokenHash: string;
    userId: number;
    createdAt: Date;
    expiresAt: Date | null;
  }): Promise<number>;
  /** A token neither revoked nor expired at `now`. */
  findApiToken(tokenHash: string, now: Date): Promise<{ id: number; userId: number } | null>;
  /** Records a use, unless one was recorded less than `minGapMs` before. */
  touchApiToken(id: number, now: Date, minGapMs: number): Promise<void>;
  listApiTokens(regionCode: string, userId?: number): Promise<ApiTokenRecord[]>;
  apiToken(regionCode: string, id: number): Promise<ApiTokenRecord | null>;
  /** Sets revoked_at unless already set; false when it was. */
  revokeApiToken(id: number, at: Date): Promise<boolean>;
}

/**
 * Login attempt counters, shared by every server process through the database. Each method is one
 * atomic statement outside any transaction (a login must not wait for, or drop caches of, other work).
 */
export interface LoginThrottleRepo {
  /**
   * Counts one more attempt for the key in the current window (a new window once the old one ended),
   * in one statement; past `slowAfter` attempts the attempt must also take the key's next slot (one per
   * `spacingMs`). Answers the count, the window's start, and when refused for want of a slot, when the
   * next slot frees.
   */
  attempt(
    key: string,
    now: Date,
    windowMs: number,
    slow?: { after: number; spacingMs: number },
  ): Promise<{ count: number; windowStart: Date; retryAt: Date | null }>;
  /** Takes back one attempt (a right password). */
  forgive(key: string): Promise<void>;
  clear(key: string): Promise<void>;
  /** Removes counters whose window ended before `before`. */
  purge(before: Date): Promise<number>;
}
