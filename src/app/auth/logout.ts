import { auditEntry } from "../audit/entry";
import type { Actor, Deps } from "../context";
import { hashToken } from "./tokens";

export async function logout(deps: Deps, actor: Actor, token: string): Promise<void> {
  await deps.uow.transaction(async (repos) => {
    await repos.sessions.delete(hashToken(token));
    await repos.audit.append([
      auditEntry(actor, deps.clock, { action: "logout", entity: "user", entityId: actor.userId ?? 0 }),
    ]);
  });
}
