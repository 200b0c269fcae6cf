import { AppError, notFound } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { ApiTokenRecord } from "./ports";
import { hashToken, newToken } from "./tokens";

const DAY_MS = 86_400_000;

/**
 * Issues a bearer token acting as `username` (for the budget system's integration); the secret is shown
 * once and only its hash is kept. `expiresInDays` (1–3650) makes it end by itself.
 */
export async function createApiToken(
  deps: Deps,
  actor: Actor,
  input: { username: string; name: string; expiresInDays?: number | undefined },
) {
  authorize(actor, "user.manage");
  const user = await deps.uow.read.users.byUsername(input.username);
  if (!user || user.regionCode !== actor.regionCode)
    throw new AppError("not_found", "USER_NOT_FOUND", `用户不存在：${input.username}`);
  const name = input.name.trim();
  if (!name || name.length > 60 || /[<>]/.test(name))
    throw new AppError("validation", "API_TOKEN_NAME_INVALID", "令牌用途必填，不超过 60 个字，不能含 < >", {
      field: "name",
    });
  const days = input.expiresInDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650))
    throw new AppError("validation", "API_TOKEN_EXPIRY_INVALID", "有效期须为 1 至 3650 天的整数", {
      field: "expiresInDays",
    });
  const now = deps.clock.now();
  const expiresAt = days === undefined ? null : new Date(now.getTime() + days * DAY_MS);
  const token = newToken("jx_");
  const id = await deps.uow.transaction(async (repos) => {
    const tokenId = await repos.sessions.insertApiToken({
      name,
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      expiresAt,
    });
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "create",
        entity: "api_token",
        entityId: tokenId,
        after: { name, userId: user.id, expiresAt: expiresAt?.toISOString() ?? null },
      }),
    ]);
    return tokenId;
  });
  return { id, token, expiresAt };
}

export type ApiTokenStatus = "active" | "expired" | "revoked";

/** The region's tokens (or one user's), each with its state now; never a secret or a hash. */
export async function listApiTokens(
  deps: Deps,
  actor: Actor,
  filter: { username?: string | undefined },
): Promise<(ApiTokenRecord & { status: ApiTokenStatus })[]> {
  authorize(actor, "user.manage");
  let userId: number | undefined;
  if (filter.username !== undefined) {
    const user = await deps.uow.read.users.byUsername(filter.username);
    if (!user || user.regionCode !== actor.regionCode)
      throw new AppError("not_found", "USER_NOT_FOUND", `用户不存在：${filter.username}`);
    userId = user.id;
  }
  const now = deps.clock.now().getTime();
  return (await deps.uow.read.sessions.listApiTokens(actor.regionCode, userId)).map((t) => ({
    ...t,
    status: t.revokedAt ? "revoked" : t.expiresAt && Date.parse(t.expiresAt) <= now ? "expired" : "active",
  }));
}

/** Ends a token at once (its integration gets 401 from the next call); audited. */
export async function revokeApiToken(deps: Deps, actor: Actor, id: number): Promise<void> {
  authorize(actor, "user.manage");
  const token = await deps.uow.read.sessions.apiToken(actor.regionCode, id);
  if (!token) throw notFound("API 令牌", id);
  await deps.uow.transaction(async (repos) => {
    if (!(await repos.sessions.revokeApiToken(id, deps.clock.now())))
      throw new AppError("conflict", "API_TOKEN_REVOKED", `令牌 ${id}（${token.name}）已经吊销`);
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "revoke",
        entity: "api_token",
        entityId: id,
        before: { name: token.name, userId: token.userId },
        reason: "吊销 API 令牌",
      }),
    ]);
  });
}
