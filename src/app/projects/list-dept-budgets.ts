import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";

export async function listDeptBudgets(deps: Deps, actor: Actor, fiscalYear: number) {
  const scope = authorize(actor, "deptBudget.read");
  return deps.uow.read.projects.deptBudgets(scope, fiscalYear);
}
