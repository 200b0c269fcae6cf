import { AppError, notFound } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { dispatchSoon } from "../tasks/dispatch";
import { followGoalTables } from "../tasks/follow";
import { goalRulesFor } from "./goal-rules";

/** Who may start a project's table: its implementing unit (a department for the projects of its own office). */
const DECLARING_ROLES = new Set(["unit", "department"]);

/**
 * The implementing unit starts the goal table of a project of its own that has none, typically before
 * finance opens the declaration. The draft is the one the opening would have made (the opening then
 * skips it and issues the task). It writes this one table only: once the declaration is open, the
 * opening and every import have already given each project its table, and a start must not run the
 * year's opening (other units' tables and notices) under a unit's name. A task the unit has follows.
 */
export async function startGoalTable(deps: Deps, actor: Actor, projectId: number) {
  const scope = authorize(actor, "goal.write");
  const project = await deps.uow.read.projects.get(scope, projectId);
  if (!project) throw notFound("项目", projectId);
  if (!DECLARING_ROLES.has(actor.role) || project.unit.id !== actor.orgId)
    throw new AppError(
      "forbidden",
      "GOAL_NOT_DECLARER",
      `只有项目的实施单位（${project.unit.name}）可以编制其绩效目标表`,
    );
  const started = await deps.uow.transaction(async (repos) => {
    const rules = await goalRulesFor(repos, actor.regionCode, project.fiscalYear);
    const id = await repos.goals.startProjectTable(actor.regionCode, projectId, rules.template.version);
    if (id === null)
      throw new AppError(
        "conflict",
        "GOAL_TABLE_EXISTS",
        `项目“${project.name}”已有${project.fiscalYear}年度绩效目标表`,
      );
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "create",
        entity: "goal_table",
        entityId: id,
        after: { fiscalYear: project.fiscalYear, subjectKind: "project", subjectCode: project.code, status: "draft" },
        reason: "实施单位自行编制",
      }),
    ]);
    await followGoalTables(repos, deps.clock, actor.regionCode, [id]);
    return { id };
  });
  await dispatchSoon(deps);
  return started;
}
