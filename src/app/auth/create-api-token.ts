import { AppError } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { hashToken, newToken } from "./tokens";

/** Issues a bearer token acting as `username` (for the budget system's integration); shown once. */
export async function createApiToken(deps: Deps, actor: Actor, input: { username: string; name: string }) {
  authorize(actor, "user.manage");
  const user = await deps.uow.read.users.byUsername(input.username);
  if (!user) throw new AppError("not_found", "USER_NOT_FOUND", `用户不存在：${input.username}`);
  const token = newToken("jx_");
  const id = await deps.uow.transaction(async (repos) => {
    const tokenId = await repos.sessions.insertApiToken({
      name: input.name,
      tokenHash: hashToken(token),
      userId: user.id,
    });
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "create",
        entity: "api_token",
        entityId: tokenId,
        after: { name: input.name, userId: user.id },
      }),
    ]);
    return tokenId;
  });
  return { id, token };
}
