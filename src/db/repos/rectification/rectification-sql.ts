import { type SQL, sql } from "drizzle-orm";
import type { RectificationSort } from "../../../app/rectification/ports";
import type { Scope } from "../../../core/scope";
import { pathWithin } from "../scope-sql";

/**
 * Notices (alias n, the organisation addressed alias o) a scope may see: finance and the auditor the region, a
 * department the notices to itself and its units, a unit its own. Outside firms and experts see none.
 */
export function noticeScopeSql(scope: Scope): SQL {
  const region = sql`n.region_code = ${scope.regionCode}`;
  switch (scope.kind) {
    case "region":
      return region;
    case "subtree":
      return sql`${region} and ${pathWithin(sql`o.path`, scope.orgPath)}`;
    case "own":
      return sql`${region} and n.unit_id = ${scope.orgId}`;
    case "assigned":
      return sql`false`;
  }
}

/**
 * A notice (n) with the organisation addressed (o), its department (dp: the organisation itself when it is a
 * department), the project of its source (p, when the source concerns one) and who issued it (iu).
 */
export const NOTICE_FROM = sql`rectification_notices n
  join orgs o on o.id = n.unit_id and o.region_code = n.region_code
  left join orgs pa on pa.id = o.parent_id and pa.region_code = o.region_code and o.kind <> 'department'
  left join evaluations e on n.source = 'evaluation' and e.id = n.source_id and e.region_code = n.region_code
  left join monitoring_reports mr on n.source = 'monitoring' and mr.id = n.source_id and mr.region_code = n.region_code
  left join selfeval_reviews sr on n.source = 'review' and sr.id = n.source_id and sr.region_code = n.region_code
  left join selfeval_forms sf on sf.id = sr.form_id and sf.region_code = sr.region_code
  left join projects p on p.id = coalesce(e.project_id, mr.project_id, sf.project_id) and p.region_code = n.region_code
  left join users iu on iu.id = n.issued_by`;

export const NOTICE_COLUMNS = sql`n.id as notice_id, n.fiscal_year, n.source, n.source_id, n.title,
  o.id as unit_id, o.code as unit_code, o.name as unit_name,
  coalesce(pa.id, o.id) as dept_id, coalesce(pa.code, o.code) as dept_code, coalesce(pa.name, o.name) as dept_name,
  p.id as project_id, p.code as project_code, p.name as project_name`;

/** Overdue as core/evaluations/rectification.ts says: still the unit's (issued, returned) after the deadline day. */
export const overdueSql = (alias: string, today: string): SQL =>
  sql`(${sql.raw(alias)}.status in ('issued','returned') and ${sql.raw(alias)}.deadline < ${today}::date)`;

export const ITEM_ORDER: Record<RectificationSort, SQL> = {
  deadline: sql`i.deadline`,
  issuedAt: sql`n.created_at`,
  unit: sql`o.code collate "C"`,
  status: sql`array_position(array['returned','issued','answered','accepted'], i.status)`,
};

export const NOTICE_ORDER: Record<RectificationSort, SQL> = {
  // The earliest deadline still open first; a notice all accepted last.
  deadline: sql`coalesce(c.next_deadline, 'infinity'::date)`,
  issuedAt: sql`n.created_at`,
  unit: sql`o.code collate "C"`,
  // The share of its items accepted.
  status: sql`(c.accepted::float / greatest(c.items, 1))`,
};
