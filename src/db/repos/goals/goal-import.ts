import { type SQL, sql } from "drizzle-orm";
import type { GoalExchangeRecord, GoalImportRepo } from "../../../app/goals/ports";
import type { Executor } from "../../client";
import { rows } from "../rows";
import { goalScopeSql } from "../scope-sql";
import { type FullRow, indicatorsByTable, TABLE_SELECT, toRecord } from "./goal-rows";

/** A JSON parameter: many rows in one bound value, unpacked by jsonb_to_recordset (no parameter limit). */
const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

function filterOf(q: Parameters<GoalImportRepo["tables"]>[1]): SQL {
  if ("id" in q) return sql`g.id = ${q.id}`;
  const parts = [sql`g.fiscal_year = ${q.fiscalYear}`, sql`g.is_current`];
  if (q.departmentId !== undefined) parts.push(sql`g.department_id = ${q.departmentId}`);
  if (q.subjects !== undefined) {
    const wanted = q.subjects.map((s) => ({ kind: s.subjectKind, code: s.subjectCode }));
    parts.push(sql`(g.subject_kind, g.subject_code) in (select kind, code from jsonb_to_recordset(${json(wanted)})
                                                         as s(kind text, code text))`);
  }
  return sql.join(parts, sql` and `);
}

/** Goal tables for the Excel exchange: read a department's tables at once, replace many tables' indicators at once. */
export function goalImportRepo(ex: Executor): GoalImportRepo {
  return {
    async tables(scope, q) {
      const found = await rows<FullRow>(
        ex,
        sql`${TABLE_SELECT} where ${goalScopeSql(scope)} and ${filterOf(q)}
            order by g.subject_kind = 'deptWide' desc, g.subject_code collate "C"`,
      );
      const indicators = await indicatorsByTable(
        ex,
        found.map((t) => t.id),
      );
      return found.map(
        (t): GoalExchangeRecord => ({ ...toRecord(t, indicators.get(t.id) ?? []), unitName: t.unit_name }),
      );
    },

    async replaceTables(tables, templateVersion) {
      if (tables.length === 0) return [];
      // Versions first: a stale table stops everything before an indicator is touched.
      const updated = await rows<{ id: number; version: number }>(
        ex,
        sql`update goal_tables g set overall_goal = v.overall_goal, template_version = ${templateVersion},
                                 version = g.version + 1, updated_at = app_now()
            from jsonb_to_recordset(${json(
              tables.map((t) => ({
                id: t.id,
                version: t.expected.version,
                status: t.expected.status,
                overall_goal: t.overallGoal,
              })),
            )}) as v(id int, version int, status text, overall_goal text)
            where g.id = v.id and g.version = v.version and g.status = v.status
            returning g.id, g.version`,
      );
      if (updated.length !== tables.length) return null;
      const ids = tables.map((t) => t.id);
      await ex.execute(
        sql`delete from goal_indicators
            where goal_table_id in (select value::int from jsonb_array_elements_text(${json(ids)}))`,
      );
      const indicatorRows = tables.flatMap((t) =>
        t.indicators.map((i, position) => ({
          goal_table_id: t.id,
          position,
          uid: i.uid ?? null,
          level1: i.level1,
          level2: i.level2,
          name: i.name,
          kind: i.kind,
          operator: i.operator,
          target: i.target,
          unit: i.unit,
          weight: i.weight,
          explanation: i.explanation,
        })),
      );
      if (indicatorRows.length > 0)
        await ex.execute(
          sql`insert into goal_indicators (region_code, goal_table_id, position, uid, level1, level2, name, kind, operator,
                                           target, unit, weight, explanation)
              select g.region_code, r.goal_table_id, r.position, coalesce(r.uid, gen_random_uuid()::text), r.level1, r.level2, r.name,
                     r.kind, r.operator, r.target, r.unit, r.weight, r.explanation
              from jsonb_to_recordset(${json(indicatorRows)})
                   as r(goal_table_id int, position int, uid text, level1 text, level2 text, name text, kind text,
                        operator text, target text, unit text, weight numeric, explanation text)
              join goal_tables g on g.id = r.goal_table_id`,
        );
      return updated;
    },
  };
}
