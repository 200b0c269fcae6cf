import { type SQL, sql } from "drizzle-orm";
import type { Scope } from "../../../core/scope";
import { pathWithin } from "../scope-sql";

/**
 * Monitoring reports (alias r, their unit alias u) a scope may see: finance and the auditor the region, a
 * department its own and its units' reports, a unit the reports it fills. Outside firms see none.
 */
export function reportScopeSql(scope: Scope): SQL {
  const region = sql`r.region_code = ${scope.regionCode}`;
  switch (scope.kind) {
    case "region":
      return region;
    case "subtree":
      return sql`${region} and ${pathWithin(sql`u.path`, scope.orgPath)}`;
    case "own":
      return sql`${region} and r.subject_kind = 'project' and r.unit_id = ${scope.orgId}`;
    case "assigned":
      return sql`false`;
  }
}

/**
 * The approved goal table in force of each subject of a year (alias `approved`): its latest approved
 * revision, even while a newer revision is being declared.
 */
export const approvedGoalsCte = (regionCode: string, fiscalYear: number | SQL): SQL =>
  sql`approved as (
    select distinct on (g.subject_kind, g.subject_code) g.id, g.subject_kind, g.subject_code
    from goal_tables g
    where g.region_code = ${regionCode} and g.fiscal_year = ${fiscalYear} and g.status = 'approved'
    order by g.subject_kind, g.subject_code, g.revision desc)`;

/** The organisation that fills a report (alias r): the department for its own budget and projects. */
export const REPORT_DECLARER_SQL = sql.raw(
  "(case when r.subject_kind = 'deptWide' or r.unit_id = r.department_id then r.department_id else r.unit_id end)",
);

/** A report's task status from the report (alias r): never saved → 待办; saved → 进行中; then as reviewed. */
export const REPORT_TASK_STATUS_SQL = sql.raw(`(case r.status
  when 'draft' then case when r.version > 1 then 'in_progress' else 'todo' end
  when 'returned' then 'returned'
  when 'approved' then 'done'
  else 'submitted' end)`);

/** A report's subject name (project alias p, department alias d). */
export const SUBJECT_NAME_SQL = sql.raw("coalesce(p.name, d.name || '部门整体支出')");
