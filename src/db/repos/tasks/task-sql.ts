import { type SQL, sql } from "drizzle-orm";
import { GOAL_STATUSES } from "../../../core/goals/workflow";
import type { Scope } from "../../../core/scope";
import { goalTaskStatus, OPEN_TASK_STATUSES } from "../../../core/tasks/tasks";
import { pathWithin } from "../scope-sql";

/**
 * The task status of a goal table (alias g), as SQL: core/tasks `goalTaskStatus` written as a CASE, so
 * the rule stays in one place. A draft counts as edited once its version moved past 1 or it is a revision.
 */
export const goalTaskStatusSql = (): SQL =>
  sql.raw(
    `case ${GOAL_STATUSES.map(
      (s) =>
        `when g.status = '${s}' and (g.version > 1 or g.revision > 1) then '${goalTaskStatus(s, true)}' ` +
        `when g.status = '${s}' then '${goalTaskStatus(s, false)}'`,
    ).join(" ")} end`,
  );

/** Open statuses as an SQL list. */
export const OPEN_SQL = sql.raw(OPEN_TASK_STATUSES.map((s) => `'${s}'`).join(","));

/** Overdue as of `today` (YYYY-MM-DD in China): open and past its due day. */
export const overdueSql = (today: string): SQL => sql`(t.status in (${OPEN_SQL}) and t.due_on < ${today}::date)`;

/**
 * Tasks (alias t, owner organisation alias o) a scope may see: finance the region, a department its own and
 * its units' tasks, a unit (or a firm) its own.
 */
export function taskScopeSql(scope: Scope): SQL {
  const region = sql`t.region_code = ${scope.regionCode}`;
  switch (scope.kind) {
    case "region":
      return region;
    case "subtree":
      return sql`${region} and ${pathWithin(sql`o.path`, scope.orgPath)}`;
    case "own":
    case "assigned":
      return sql`${region} and t.org_id = ${scope.orgId}`;
  }
}

/** An id list as one bound array parameter. */
export const idArray = (ids: readonly number[]): SQL => sql`${`{${ids.map((id) => Math.trunc(id)).join(",")}}`}::int[]`;
