import { type SQL, sql } from "drizzle-orm";
import type { GoalExchangeRecord, GoalImportRepo } from "../../app/ports";
import type { GoalIndicator, GoalSubjectKind } from "../../core/goals/types";
import type { Executor } from "../client";
import { iso, rows } from "./rows";
import { goalScopeSql } from "./scope-sql";

interface TableRow {
  id: number;
  subject_kind: GoalSubjectKind;
  subject_code: string;
  fiscal_year: number;
  status: string;
  revision: number;
  overall_goal: string;
  version: number;
  returned_by: "department" | "finance" | null;
  template_version: string;
  revision_reason: string | null;
  updated_at: Date | string;
  department_code: string;
  department_name: string;
  unit_code: string;
  unit_name: string;
  subject_name: string;
  total: number | null;
  fiscal: number | null;
  other: number | null;
}

interface IndicatorRow {
  goal_table_id: number;
  uid: string;
  level1: string;
  level2: string;
  name: string;
  kind: GoalIndicator["kind"];
  operator: GoalIndicator["operator"];
  target: string;
  unit: string | null;
  weight: number | string;
  explanation: string | null;
}

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
      const found = await rows<TableRow>(
        ex,
        sql`select g.id, g.subject_kind, g.subject_code, g.fiscal_year, g.status, g.revision, g.overall_goal, g.version,
                   g.returned_by, g.template_version, g.revision_reason, g.updated_at,
                   d.code as department_code, d.name as department_name, u.code as unit_code, u.name as unit_name,
                   coalesce(p.name, d.name) as subject_name,
                   coalesce(p.adjusted_budget, b.adjusted_budget)::float8 as total,
                   coalesce(p.fiscal_funds, b.fiscal_funds)::float8 as fiscal,
                   coalesce(p.other_funds, b.other_funds)::float8 as other
            from goal_tables g
            join orgs d on d.id = g.department_id
            join orgs u on u.id = g.unit_id
            left join projects p on p.id = g.project_id
            left join dept_budgets b on g.subject_kind = 'deptWide' and b.department_id = g.department_id
                                    and b.fiscal_year = g.fiscal_year
            where ${goalScopeSql(scope)} and ${filterOf(q)}
            order by g.subject_kind = 'deptWide' desc, g.subject_code collate "C"`,
      );
      if (found.length === 0) return [];
      const indicators = await rows<IndicatorRow>(
        ex,
        sql`select goal_table_id, uid, level1, level2, name, kind, operator, target, unit, weight, explanation
            from goal_indicators
            where goal_table_id in (select value::int from jsonb_array_elements_text(${json(found.map((t) => t.id))}))
            order by goal_table_id, position`,
      );
      const byTable = new Map<number, GoalIndicator[]>();
      for (const i of indicators) {
        const indicator: GoalIndicator = {
          uid: i.uid,
          level1: i.level1,
          level2: i.level2,
          name: i.name,
          kind: i.kind,
          operator: i.operator,
          target: i.target,
          unit: i.unit,
          weight: Number(i.weight),
          explanation: i.explanation,
        };
        const list = byTable.get(i.goal_table_id);
        if (list) list.push(indicator);
        else byTable.set(i.goal_table_id, [indicator]);
      }
      return found.map(
        (t): GoalExchangeRecord => ({
          id: t.id,
          status: t.status,
          revision: t.revision,
          departmentCode: t.department_code,
          departmentName: t.department_name,
          unitCode: t.unit_code,
          unitName: t.unit_name,
          version: t.version,
          returnedBy: t.returned_by,
          templateVersion: t.template_version,
          revisionReason: t.revision_reason,
          updatedAt: iso(t.updated_at)!,
          table: {
            subjectKind: t.subject_kind,
            subjectCode: t.subject_code,
            subjectName: t.subject_name,
            fiscalYear: t.fiscal_year,
            funds: t.total === null ? null : { total: t.total, fiscal: t.fiscal ?? 0, other: t.other ?? 0 },
            overallGoal: t.overall_goal,
            indicators: byTable.get(t.id) ?? [],
          },
        }),
      );
    },

    async replaceTables(tables) {
      if (tables.length === 0) return [];
      // Versions first: a stale table stops everything before an indicator is touched.
      const updated = await rows<{ id: number; version: number }>(
        ex,
        sql`update goal_tables g set overall_goal = v.overall_goal, version = g.version + 1, updated_at = now()
            from jsonb_to_recordset(${json(tables.map((t) => ({ id: t.id, version: t.version, overall_goal: t.overallGoal })))})
                 as v(id int, version int, overall_goal text)
            where g.id = v.id and g.version = v.version
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
          sql`insert into goal_indicators (goal_table_id, position, uid, level1, level2, name, kind, operator, target,
                                           unit, weight, explanation)
              select r.goal_table_id, r.position, coalesce(r.uid, gen_random_uuid()::text), r.level1, r.level2, r.name,
                     r.kind, r.operator, r.target, r.unit, r.weight, r.explanation
              from jsonb_to_recordset(${json(indicatorRows)})
                   as r(goal_table_id int, position int, uid text, level1 text, level2 text, name text, kind text,
                        operator text, target text, unit text, weight numeric, explanation text)`,
        );
      return updated;
    },
  };
}
