import { and, eq, gt, isNull, ne } from "drizzle-orm";
import type { SessionRepo } from "../../app/ports";
import type { Executor } from "../client";
import { apiTokens, sessions } from "../schema";

export function sessionRepo(ex: Executor): SessionRepo {
  return {
    async insert(s) {
      await ex.insert(sessions).values(s);
    },
    async find(tokenHash, now) {
      const [r] = await ex
        .select({ userId: sessions.userId, expiresAt: sessions.expiresAt })
        .from(sessions)
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
      return r ?? null;
    },
    async extend(tokenHash, expiresAt) {
      await ex.update(sessions).set({ expiresAt }).where(eq(sessions.tokenHash, tokenHash));
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
    async findApiToken(tokenHash) {
      const [r] = await ex
        .select({ id: apiTokens.id, userId: apiTokens.userId })
        .from(apiTokens)
        .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
      return r ?? null;
    },
  };
}
