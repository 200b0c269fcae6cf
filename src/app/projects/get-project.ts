import { notFound } from "../../core/errors";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";

/** A project with its month-by-month execution and its change history. */
export async function getProject(deps: Deps, actor: Actor, id: number) {
  const scope = authorize(actor, "project.read");
  const project = await deps.uow.read.projects.get(scope, id);
  if (!project) throw notFound("项目", id);
  const months = await deps.uow.read.projects.execution(id);
  let cumulative = 0;
  const execution = months.map((m) => {
    cumulative += m.executed;
    return { month: m.month, executed: m.executed, cumulative };
  });
  const history = await deps.uow.read.audit.page(
    { regionCode: actor.regionCode, entities: ["project", "project_execution"], entityId: project.code },
    Number.MAX_SAFE_INTEGER,
    1,
    100,
  );
  // A continuing project keeps its code from year to year: only this year's entries are its history
  // (entries written before they named their year are kept).
  const yearOf = (v: unknown) => (v && typeof v === "object" ? (v as { fiscalYear?: unknown }).fiscalYear : undefined);
  const rows = history.filter((e) => {
    const year = yearOf(e.after) ?? yearOf(e.before);
    return year === undefined || year === project.fiscalYear;
  });
  const goalTable = await deps.uow.read.goals.currentOfProject(actor.regionCode, id);
  return { project, execution, history: rows.slice(0, 50), goalTable };
}
