import { type SQL, sql } from "drizzle-orm";
import type { Scope } from "../../../core/scope";
import { pathWithin } from "../scope-sql";

/**
 * Forms (alias f, their unit alias u) a scope may see: finance and the auditor the region, a department its
 * own and its units' forms, a unit the project forms it fills. Outside firms see none here: the review
 * gives them their assigned forms.
 */
export function formScopeSql(scope: Scope): SQL {
  const region = sql`f.region_code = ${scope.regionCode}`;
  switch (scope.kind) {
    case "region":
      return region;
    case "subtree":
      return sql`${region} and ${pathWithin(sql`u.path`, scope.orgPath)}`;
    case "own":
      return sql`${region} and f.subject_kind = 'project' and f.unit_id = ${scope.orgId}`;
    case "assigned":
      return sql`false`;
  }
}

/** The organisation that fills a form (alias f): the department for its own budget and projects. */
export const FORM_DECLARER_SQL = sql.raw(
  "(case when f.subject_kind = 'deptWide' or f.unit_id = f.department_id then f.department_id else f.unit_id end)",
);

/**
 * An organisation's 单位自评 task over its forms of the year (alias f), as core/tasks `declarationStatus`:
 * any returned → returned; all approved → done; all submitted or beyond → submitted; any saved → in
 * progress; else to do.
 */
export const SELFEVAL_TASK_STATUS_SQL = sql.raw(`(case
  when count(*) = 0 then 'closed'
  when bool_or(f.status = 'returned') then 'returned'
  when bool_and(f.status = 'approved') then 'done'
  when bool_and(f.status <> 'draft') then 'submitted'
  when bool_or(f.version > 1 or f.status <> 'draft') then 'in_progress'
  else 'todo' end)`);

/** A form's subject name (project alias p, department alias d). */
export const FORM_NAME_SQL = sql.raw("coalesce(p.name, d.name || '部门整体支出')");

/** The figures of a form (alias f): kept as submitted, else live from the budget and the execution of the year. */
export const FIGURES_SQL = sql.raw(`coalesce(f.start_budget, p.initial_budget, b.initial_budget, 0) as start_budget,
  coalesce(f.adjusted_budget, p.adjusted_budget, b.adjusted_budget, 0) as adjusted_budget,
  coalesce(f.executed,
    (select sum(e.executed) from project_execution e where e.project_id = f.project_id and e.region_code = f.region_code),
    (select sum(e.executed) from dept_execution e where e.dept_budget_id = f.dept_budget_id and e.region_code = f.region_code),
    0) as executed`);
