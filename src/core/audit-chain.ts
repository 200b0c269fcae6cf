import { createHash } from "node:crypto";

/**
 * The audit log is hash-chained: each entry's hash covers the previous hash and the entry's
 * canonical JSON, so changing or deleting any row breaks every hash after it.
 */
export interface AuditFields {
  at: string;
  actorId: number | null;
  actorName: string;
  regionCode: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted, so equal values hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function auditHash(prevHash: string, entry: AuditFields): string {
  return createHash("sha256")
    .update(prevHash)
    .update("\n")
    .update(
      canonicalJson({
        at: entry.at,
        actorId: entry.actorId,
        actorName: entry.actorName,
        regionCode: entry.regionCode,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId,
        before: entry.before,
        after: entry.after,
        reason: entry.reason,
      }),
    )
    .digest("hex");
}

/** Walks entries in id order; returns the index of the first entry whose links do not hold, or -1. */
export function findBrokenLink(
  entries: readonly (AuditFields & { prevHash: string; hash: string })[],
  startHash = GENESIS_HASH,
): number {
  let prev = startHash;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.prevHash !== prev || auditHash(prev, e) !== e.hash) return i;
    prev = e.hash;
  }
  return -1;
}

/** The fields whose values differ between two flat records (for "changed" previews and audit views). */
export function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => canonicalJson(before[k]) !== canonicalJson(after[k]));
}
