import { type SQL, sql } from "drizzle-orm";
import type { Scope } from "../../core/scope";

/** `text` as a LIKE pattern that matches itself only: `\`, `%` and `_` escaped (organisation codes may hold `_`). */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern for "contains `text`" (search boxes). */
export const likeContains = (text: string) => `%${likeLiteral(text)}%`;

/**
 * Whether a materialised org path (column `path`) lies in the subtree rooted at `root`: the root itself or
 * a path starting with `root/`. The prefix is matched literally: the only subtree test every scope uses.
 */
export const pathWithin = (path: SQL, root: string): SQL =>
  sql`(${path} = ${root} or ${path} like ${`${likeLiteral(root)}/%`} escape '\\')`;

/**
 * The SQL condition that limits projects (alias p, unit alias u) to what a scope may see.
 * Keep in step with core/scope.ts: the permission test walks both.
 */
export function projectScopeSql(scope: Scope): SQL {
  const region = sql`p.region_code = ${scope.regionCode}`;
  switch (scope.kind) {
    case "region":
      return region;
    case "subtree":
      return sql`${region} and ${pathWithin(sql`u.path`, scope.orgPath)}`;
    case "own":
      return sql`${region} and p.unit_id = ${scope.orgId}`;
    case "assigned":
      return sql`${region} and exists (select 1 from assignments a where a.project_id = p.id and a.org_id = ${scope.orgId})`;
  }
}

/** Organisations (alias o) a scope may see; a firm sees its own organisation only. */
export function orgScopeSql(scope: Scope): SQL {
  const region = sql`o.region_code = ${scope.regionCode}`;
  switch (scope.kind) {
    case "region":
      return region;
    case "subtree":
      return sql`${region} and ${pathWithin(sql`o.path`, scope.orgPath)}`;
    case "own":
    case "assigned":
      return sql`${region} and o.id = ${scope.orgId}`;
  }
}

/**
 * Goal tables (alias g, their unit alias u) a scope may see: a unit its own project tables; a
 * department everything under it, its own department-wide table included; a firm or expert the
 * tables of projects assigned to it.
 */
export function goalScopeSql(scope: Scope): SQL {
  const region = sql`g.region_code = ${scope.regionCode}`;
  switch (scope.kind) {
    case "region":
      return region;
    case "subtree":
      return sql`${region} and ${pathWithin(sql`u.path`, scope.orgPath)}`;
    case "own":
      return sql`${region} and g.subject_kind = 'project' and g.unit_id = ${scope.orgId}`;
    case "assigned":
      return sql`${region} and g.subject_kind = 'project' and exists (select 1 from assignments a where a.project_id = g.project_id and a.org_id = ${scope.orgId})`;
  }
}

/**
 * Evaluations (alias e, its project's unit alias u, project p) a viewer may see: finance and the auditor the
 * region; a department its own evaluations and the final key evaluations of its projects; a unit the final
 * evaluations of its own projects; an expert the evaluations whose team they are on; a firm those it works on.
 */
export function evaluationScopeSql(scope: Scope, viewer: { userId: number | null; expert: boolean }): SQL {
  const region = sql`e.region_code = ${scope.regionCode}`;
  switch (scope.kind) {
    case "region":
      return region;
    case "subtree":
      return sql`${region} and ${pathWithin(sql`u.path`, scope.orgPath)} and (e.kind = 'department' or e.status = 'final')`;
    case "own":
      return sql`${region} and p.unit_id = ${scope.orgId} and e.status = 'final'`;
    case "assigned":
      return viewer.expert
        ? sql`${region} and exists (select 1 from evaluation_members m where m.evaluation_id = e.id
                and m.region_code = e.region_code and m.user_id = ${viewer.userId ?? 0})`
        : sql`${region} and e.firm_id = ${scope.orgId}`;
  }
}

/**
 * Next year's budget requests (alias r, their project p and its unit u) a scope may see: as the project they
 * belong to (a department its subtree, a unit its own).
 */
export function budgetRequestScopeSql(scope: Scope): SQL {
  return sql`r.region_code = ${scope.regionCode} and ${projectScopeSql(scope)}`;
}
