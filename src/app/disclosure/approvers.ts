import { allowedRoles } from "../../core/permissions";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";

/** Whom a drafter may choose as 审核员: the region's active accounts that may approve, except the drafter. */
export async function listApprovers(deps: Deps, actor: Actor) {
  authorize(actor, "disclosure.draft");
  const found = await deps.uow.read.disclosure.approvers(actor.regionCode, allowedRoles("disclosure.approve"));
  return found.filter((u) => u.id !== actor.userId);
}
