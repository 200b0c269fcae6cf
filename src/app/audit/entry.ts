import type { AuditFields } from "../../core/audit-chain";
import type { Actor, Clock } from "../context";

/** One audit entry by this actor, now. */
export function auditEntry(
  actor: Actor,
  clock: Clock,
  e: {
    action: string;
    entity: string;
    entityId: string | number;
    before?: unknown;
    after?: unknown;
    reason?: string | null;
  },
): AuditFields {
  return {
    at: clock.now().toISOString(),
    actorId: actor.userId,
    actorName: actor.displayName === actor.username ? actor.username : `${actor.displayName}（${actor.username}）`,
    regionCode: actor.regionCode,
    action: e.action,
    entity: e.entity,
    entityId: String(e.entityId),
    before: e.before ?? null,
    after: e.after ?? null,
    reason: e.reason ?? null,
  };
}
