import { AppError, notFound } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { frameworkFor } from "./framework-rules";
import { getEvaluation } from "./read-evaluation";

/**
 * Finance picks a project of the year for a key evaluation (财政重点评价). Its amount is the project's adjusted
 * budget, kept; the framework in effect is copied in with its version, so later versions never move its points.
 */
export async function createKeyEvaluation(deps: Deps, actor: Actor, input: { projectId: number }) {
  authorize(actor, "evaluation.manage");
  const id = await deps.uow.transaction(async (repos) => {
    const project = await repos.evaluations.project(actor.regionCode, input.projectId);
    if (!project) throw notFound("项目", input.projectId);
    const { version, ...framework } = await frameworkFor(repos, actor.regionCode, project.fiscalYear);
    const id = await repos.evaluations.insert(
      actor.regionCode,
      {
        fiscalYear: project.fiscalYear,
        kind: "key",
        projectId: project.id,
        ownerOrgId: actor.orgId,
        framework,
        rulesVersion: version,
        amount: project.adjustedBudget,
        dueOn: null,
        createdBy: actor.userId,
      },
      [],
    );
    if (id === null)
      throw new AppError(
        "conflict",
        "EVALUATION_EXISTS",
        `项目“${project.name}”${project.fiscalYear}年度已有财政重点评价`,
      );
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "create",
        entity: "evaluation",
        entityId: id,
        after: {
          kind: "key",
          projectId: project.id,
          code: project.code,
          amount: project.adjustedBudget,
          rulesVersion: version,
        },
      }),
    ]);
    return id;
  });
  return getEvaluation(deps, actor, id);
}
