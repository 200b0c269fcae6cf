import { AppError, notFound, staleVersion } from "../../core/errors";
import {
  budgetRequestAuditId,
  checkRequestInput,
  duplicateRequest,
  type RequestIssue,
  resultsYearOf,
  unknownRequestProject,
} from "../../core/results/requests";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectVersion } from "../expect-state";
import { getBudgetRequest } from "./list-requests";
import type { BudgetRequestRecord } from "./requests-ports";

export interface NewBudgetRequest {
  budgetYear: number;
  projectCode: string;
  /** Fen. */
  amount: number;
  rigid: boolean;
}

const invalid = (issue: RequestIssue) =>
  new AppError("validation", "BUDGET_REQUEST_INVALID", issue.message, { field: issue.field });

/** What the audit log keeps of a request: the same shape an import writes, so both read alike. */
export const auditedRequest = (r: { budgetYear: number; projectCode: string; amount: number; rigid: boolean }) => ({
  budgetYear: r.budgetYear,
  projectCode: r.projectCode,
  amount: r.amount,
  rigid: r.rigid,
});

const ofRecord = (r: BudgetRequestRecord) =>
  auditedRequest({ budgetYear: r.budgetYear, projectCode: r.project.code, amount: r.amount, rigid: r.rigid });

/**
 * A request typed by finance, checked as an import checks it: the code must be a project of the year
 * before, the amount whole fen and not negative, and the code may not have the year's request already.
 */
export async function createBudgetRequest(deps: Deps, actor: Actor, input: NewBudgetRequest) {
  authorize(actor, "results.manage");
  const checked = { ...input, projectCode: input.projectCode.trim() };
  const issue = checkRequestInput(checked);
  if (issue) throw invalid(issue);
  const { budgetYear, projectCode } = checked;
  const id = await deps.uow.transaction(async (repos) => {
    const project = await repos.budgetRequests.projectByCode(actor.regionCode, resultsYearOf(budgetYear), projectCode);
    if (!project)
      throw new AppError(
        "validation",
        "BUDGET_REQUEST_UNKNOWN_PROJECT",
        unknownRequestProject(budgetYear, projectCode),
        {
          field: "projectCode",
        },
      );
    if (await repos.budgetRequests.exists(actor.regionCode, budgetYear, projectCode))
      throw new AppError("conflict", "BUDGET_REQUEST_EXISTS", duplicateRequest(budgetYear, projectCode), {
        field: "projectCode",
      });
    const id = await repos.budgetRequests.insert(actor.regionCode, {
      budgetYear,
      projectId: project.id,
      projectCode,
      amount: checked.amount,
      rigid: checked.rigid,
    });
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "create",
        entity: "budget_request",
        entityId: budgetRequestAuditId(budgetYear, projectCode),
        after: auditedRequest(checked),
        reason: "手工录入下年度预算申请",
      }),
    ]);
    return id;
  });
  return getBudgetRequest(deps, actor, id);
}

/** Changes a request's amount or 刚性支出 mark at the version read; its project and year stay. */
export async function updateBudgetRequest(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { version: number; amount: number; rigid: boolean },
) {
  const scope = authorize(actor, "results.manage");
  await deps.uow.transaction(async (repos) => {
    const before = await repos.budgetRequests.get(scope, id);
    if (!before) throw notFound("预算申请", id);
    expectVersion(before, input.version, "预算申请");
    const issue = checkRequestInput({
      budgetYear: before.budgetYear,
      projectCode: before.project.code,
      amount: input.amount,
    });
    if (issue) throw invalid(issue);
    const next = await repos.budgetRequests.update(actor.regionCode, id, input.version, {
      amount: input.amount,
      rigid: input.rigid,
    });
    if (next === null) throw staleVersion("预算申请");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "update",
        entity: "budget_request",
        entityId: budgetRequestAuditId(before.budgetYear, before.project.code),
        before: ofRecord(before),
        after: ofRecord({ ...before, amount: input.amount, rigid: input.rigid }),
        reason: "手工修改下年度预算申请",
      }),
    ]);
  });
  return getBudgetRequest(deps, actor, id);
}
