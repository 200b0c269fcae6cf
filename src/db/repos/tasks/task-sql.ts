import { type SQL, sql } from "drizzle-orm";
import type { Scope } from "../../../core/scope";
import { OPEN_TASK_STATUSES } from "../../../core/tasks/tasks";
import { orgScopeSql } from "../scope-sql";

/** The organisation that declares a goal table (alias g): the project's unit, or the department. */
export const DECLARER_SQL = sql.raw("(case when g.subject_kind = 'project' then g.unit_id else g.department_id end)");

/**
 * core/tasks `declarationStatus` as an aggregate over an organisation's current goal tables (alias g) of a
 * year; `test/db/declaration-status.test.ts` checks the two agree.
 */
export const DECLARATION_STATUS_SQL = sql.raw(`(case
  when count(*) = 0 then 'closed'
  when bool_or(g.status = 'returned') then 'returned'
  when bool_and(g.status = 'approved') then 'done'
  when bool_and(g.status <> 'draft') then 'submitted'
  when bool_or(g.version > 1 or g.revision > 1 or g.status <> 'draft') then 'in_progress'
  else 'todo' end)`);

/**
 * core/tasks `revisionStatus` in SQL: a revision task's status from the table asked about (alias a) and
 * the subject's current table (alias c, null when there is none).
 */
export const REVISION_STATUS_SQL = sql.raw(`(case
  when c.id is null then 'closed'
  when c.revision <= a.revision then 'todo'
  when c.status = 'draft' then 'in_progress'
  when c.status = 'returned' then 'returned'
  when c.status = 'approved' then 'done'
  else 'submitted' end)`);

/** The current table of the same subject as goal table alias `a` (join condition for alias c). */
export const SAME_SUBJECT_CURRENT = sql.raw(`c.region_code = a.region_code and c.fiscal_year = a.fiscal_year
  and c.subject_kind = a.subject_kind and c.subject_code = a.subject_code and c.is_current`);

/** Open statuses as an SQL list. */
export const OPEN_SQL = sql.raw(OPEN_TASK_STATUSES.map((s) => `'${s}'`).join(","));

/** Overdue as of `today` (YYYY-MM-DD in China): open and past its due day. */
export const overdueSql = (today: string): SQL => sql`(t.status in (${OPEN_SQL}) and t.due_on < ${today}::date)`;

/**
 * Tasks (alias t, owner organisation alias o, joined in the task's region) a scope may see: exactly the
 * tasks whose owner it may see (finance the region, a department itself and its units, a unit itself).
 * A task given to one person of a firm (a review for its reviewer) is that person's: the firm's other
 * accounts do not see it (finance still does).
 */
export const taskScopeSql = (scope: Scope, viewerId: number | null): SQL =>
  scope.kind === "assigned"
    ? sql`${orgScopeSql(scope)} and (t.owner_user_id is null or t.owner_user_id = ${viewerId ?? 0})`
    : orgScopeSql(scope);

/** An id list as one bound array parameter. */
export const idArray = (ids: readonly number[]): SQL => sql`${`{${ids.map((id) => Math.trunc(id)).join(",")}}`}::int[]`;
