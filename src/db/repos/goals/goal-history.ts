import { sql } from "drizzle-orm";
import type { GoalHistoryRepo } from "../../../app/goals/ports";
import type { GoalStatus } from "../../../core/goals/workflow";
import type { Database, Executor } from "../../client";
import { iso, one, rows } from "../rows";
import { goalScopeSql } from "../scope-sql";
import { goalRepo } from "./goal-tables";

/** Goal tables across fiscal years: the subject (project or department code) is what links them. */
export function goalHistoryRepo(db: Database, ex: Executor): GoalHistoryRepo {
  return {
    async revisions(scope, id) {
      const found = await rows<{
        id: number;
        revision: number;
        status: GoalStatus;
        is_current: boolean;
        revision_reason: string | null;
        updated_at: Date | string;
        approved_at: Date | string | null;
      }>(
        ex,
        sql`select g.id, g.revision, g.status, g.is_current, g.revision_reason, g.updated_at,
                   (select max(t.at) from goal_transitions t
                    where t.goal_table_id = g.id and t.region_code = g.region_code and t.to_status = 'approved') as approved_at
            from goal_tables me
            join goal_tables g on g.region_code = me.region_code and g.fiscal_year = me.fiscal_year
                              and g.subject_kind = me.subject_kind and g.subject_code = me.subject_code
            join orgs u on u.id = g.unit_id
            where me.id = ${id} and me.region_code = ${scope.regionCode} and ${goalScopeSql(scope)}
            order by g.revision`,
      );
      return found.map((r) => ({
        id: r.id,
        revision: r.revision,
        status: r.status,
        isCurrent: r.is_current,
        revisionReason: r.revision_reason,
        updatedAt: iso(r.updated_at)!,
        approvedAt: iso(r.approved_at),
      }));
    },
    async previousOf(scope, table) {
      const found = await one<{ id: number }>(
        ex,
        sql`select g.id from goal_tables g join orgs u on u.id = g.unit_id
            where ${goalScopeSql(scope)} and g.fiscal_year = ${table.fiscalYear - 1}
              and g.subject_kind = ${table.subjectKind} and g.subject_code = ${table.subjectCode} and g.is_current
            order by g.revision desc limit 1`,
      );
      // The same read as the table itself, so last year's table comes with its funds and indicators.
      return found ? goalRepo(db, ex).get(scope, found.id) : null;
    },
    async carriedFromOf(id) {
      const found = await one<{ carried_from_id: number | null }>(
        ex,
        sql`select carried_from_id from goal_tables where id = ${id}`,
      );
      return found?.carried_from_id ?? null;
    },
    async setCarriedFrom(id, carriedFromId) {
      await ex.execute(sql`update goal_tables set carried_from_id = ${carriedFromId} where id = ${id}`);
    },
    async linkCarriedFrom(regionCode, fiscalYear) {
      const linked = await one<{ n: number }>(
        ex,
        sql`with linked as (
              update goal_tables g set carried_from_id = p.id
              from goal_tables p
              where g.region_code = ${regionCode} and g.fiscal_year = ${fiscalYear} and g.is_current
                and g.carried_from_id is null
                and p.region_code = g.region_code and p.fiscal_year = g.fiscal_year - 1 and p.is_current
                and p.subject_kind = g.subject_kind and p.subject_code = g.subject_code
              returning g.id)
            select count(*)::int as n from linked`,
      );
      return linked?.n ?? 0;
    },
  };
}
