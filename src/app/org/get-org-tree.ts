import { buildTree } from "../../core/org-tree";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";

export async function getOrgTree(deps: Deps, actor: Actor) {
  const scope = authorize(actor, "org.read");
  return buildTree(await deps.uow.read.orgs.listInScope(scope));
}
