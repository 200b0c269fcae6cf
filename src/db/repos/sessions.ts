import { and, eq, gt, isNull, lte, ne, or } from "drizzle-orm";
import type { ApiTokenRecord, SessionRepo } from "../../app/auth/ports";
import type { Executor } from "../client";
import { apiTokens, sessions, users } from "../schema";
import { iso } from "./rows";

const tokenRecord = (r: { token: typeof apiTokens.$inferSelect; username: string }): ApiTokenRecord => ({
  id: r.token.id,
  name: r.token.name,
  userId: r.token.userId,
  username: r.username,
  createdAt: r.token.createdAt.toISOString(),
  expiresAt: iso(r.token.expiresAt),
  lastUsedAt: iso(r.token.lastUsedAt),
  revokedAt: iso(r.token.revokedAt),
});

export function sessionRepo(ex: Executor): SessionRepo {
  return {
    async insert(s) {
      await ex.insert(sessions).values(s);
    },
    async find(tokenHash, now) {
      const [r] = await ex
        .select({ userId: sessions.userId, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
        .from(sessions)
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
      return r ?? null;
    },
    async extend(tokenHash, expiresAt) {
      await ex.update(sessions).set({ expiresAt }).where(eq(sessions.tokenHash, tokenHash));
    },
    async purgeExpired(now) {
      const gone = await ex
        .delete(sessions)
        .where(lte(sessions.expiresAt, now))
        .returning({ tokenHash: sessions.tokenHash });
      return gone.length;
    },
    async delete(tokenHash) {
      await ex.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },
    async deleteForUser(userId, exceptTokenHash) {
      await ex
        .delete(sessions)
        .where(
          exceptTokenHash
            ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, exceptTokenHash))
            : eq(sessions.userId, userId),
        );
    },
    async insertApiToken(t) {
      const [r] = await ex.insert(apiTokens).values(t).returning({ id: apiTokens.id });
      return r!.id;
    },
    async findApiToken(tokenHash, now) {
      const [r] = await ex
        .select({ id: apiTokens.id, userId: apiTokens.userId })
        .from(apiTokens)
        .where(
          and(
            eq(apiTokens.tokenHash, tokenHash),
            isNull(apiTokens.revokedAt),
            or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
          ),
        );
      return r ?? null;
    },
    async touchApiToken(id, now, minGapMs) {
      await ex
        .update(apiTokens)
        .set({ lastUsedAt: now })
        .where(
          and(
            eq(apiTokens.id, id),
            or(isNull(apiTokens.lastUsedAt), lte(apiTokens.lastUsedAt, new Date(now.getTime() - minGapMs))),
          ),
        );
    },
    async listApiTokens(regionCode, userId) {
      const found = await ex
        .select({ token: apiTokens, username: users.username })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(
          userId === undefined
            ? eq(users.regionCode, regionCode)
            : and(eq(users.regionCode, regionCode), eq(users.id, userId)),
        )
        .orderBy(apiTokens.id);
      return found.map(tokenRecord);
    },
    async apiToken(regionCode, id) {
      const [r] = await ex
        .select({ token: apiTokens, username: users.username })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(and(eq(users.regionCode, regionCode), eq(apiTokens.id, id)));
      return r ? tokenRecord(r) : null;
    },
    async revokeApiToken(id, at) {
      const r = await ex
        .update(apiTokens)
        .set({ revokedAt: at })
        .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id });
      return r.length === 1;
    },
  };
}
