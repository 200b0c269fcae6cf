import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { Paging } from "../ports";
import type { ProjectFilter, ProjectSort } from "./ports";

export async function listProjects(deps: Deps, actor: Actor, filter: ProjectFilter, paging: Paging<ProjectSort>) {
  const scope = authorize(actor, "project.read");
  return deps.uow.read.projects.list(scope, filter, paging);
}

/** The rows behind an Excel export of the filtered view; capped so one request cannot exhaust memory. */
export const EXPORT_LIMIT = 50_000;

export async function exportProjects(
  deps: Deps,
  actor: Actor,
  filter: ProjectFilter,
  sort: ProjectSort,
  order: "asc" | "desc",
) {
  const scope = authorize(actor, "project.export");
  return deps.uow.read.projects.listAll(scope, filter, sort, order, EXPORT_LIMIT);
}
