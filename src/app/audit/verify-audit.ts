import { findBrokenLink, GENESIS_HASH } from "../../core/audit-chain";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";

/** Recomputes the whole hash chain; reports the id of the first entry that was altered, if any. */
export async function verifyAudit(deps: Deps, actor: Actor | null) {
  if (actor) authorize(actor, "audit.read");
  let prev = GENESIS_HASH;
  let checked = 0;
  for await (const batch of deps.uow.read.audit.chain()) {
    const broken = findBrokenLink(batch, prev);
    if (broken >= 0) return { ok: false, checked: checked + broken, brokenAt: batch[broken]!.id };
    checked += batch.length;
    prev = batch[batch.length - 1]!.hash;
  }
  return { ok: true, checked, brokenAt: null };
}
