import { sql } from "drizzle-orm";
import type { GoalHistoryRepo } from "../../../app/goals/ports";
import type { Database, Executor } from "../../client";
import { one } from "../rows";
import { goalScopeSql } from "../scope-sql";
import { goalRepo } from "./goal-tables";

/** Goal tables across fiscal years: the subject (project or department code) is what links them. */
export function goalHistoryRepo(db: Database, ex: Executor): GoalHistoryRepo {
  return {
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
