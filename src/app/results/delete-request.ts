import { notFound, staleVersion } from "../../core/errors";
import { budgetRequestAuditId } from "../../core/results/requests";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectVersion } from "../expect-state";
import { auditedRequest } from "./save-request";

/** Removes a request at the version read (a project the budget system no longer asks for). */
export async function deleteBudgetRequest(deps: Deps, actor: Actor, id: number, version: number) {
  const scope = authorize(actor, "results.manage");
  await deps.uow.transaction(async (repos) => {
    const before = await repos.budgetRequests.get(scope, id);
    if (!before) throw notFound("预算申请", id);
    expectVersion(before, version, "预算申请");
    if (!(await repos.budgetRequests.remove(actor.regionCode, id, version))) throw staleVersion("预算申请");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "delete",
        entity: "budget_request",
        entityId: budgetRequestAuditId(before.budgetYear, before.project.code),
        before: auditedRequest({
          budgetYear: before.budgetYear,
          projectCode: before.project.code,
          amount: before.amount,
          rigid: before.rigid,
        }),
        reason: "删除下年度预算申请",
      }),
    ]);
  });
}
