import { sql } from "drizzle-orm";
import type { GoalTableRecord } from "../../../app/goals/ports";
import type { GoalIndicator, GoalTable } from "../../../core/goals/types";
import type { GoalStatus } from "../../../core/goals/workflow";
import type { Executor } from "../../client";
import { iso, rows } from "../rows";

/** How goal tables and their indicators are read: one select and one mapping for every goal repository. */
export interface TableRow {
  id: number;
  subject_kind: GoalTable["subjectKind"];
  subject_code: string;
  fiscal_year: number;
  status: GoalStatus; // goal_tables_status_ck holds it to these
  revision: number;
  overall_goal: string;
  department_code: string;
  department_name: string;
  unit_code: string;
  unit_name: string;
  subject_name: string;
  sector: string | null;
  total: number | null;
  fiscal: number | null;
  other: number | null;
}

export interface IndicatorRow {
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

export const TABLE_SELECT = sql`
  select g.id, g.subject_kind, g.subject_code, g.fiscal_year, g.status, g.revision, g.overall_goal, g.version,
         g.returned_by, g.template_version, g.revision_reason, g.updated_at,
         d.code as department_code, d.name as department_name, u.code as unit_code, u.name as unit_name,
         coalesce(p.name, d.name) as subject_name,
         coalesce(nullif(btrim(p.sector), ''), nullif(btrim(d.sector), '')) as sector,
         coalesce(p.adjusted_budget, b.adjusted_budget)::float8 as total,
         coalesce(p.fiscal_funds, b.fiscal_funds)::float8 as fiscal,
         coalesce(p.other_funds, b.other_funds)::float8 as other
  from goal_tables g
  join orgs d on d.id = g.department_id
  join orgs u on u.id = g.unit_id
  left join projects p on p.id = g.project_id
  left join dept_budgets b on g.subject_kind = 'deptWide' and b.department_id = g.department_id
                          and b.fiscal_year = g.fiscal_year`;

export type FullRow = TableRow & {
  version: number;
  returned_by: "department" | "finance" | null;
  template_version: string;
  revision_reason: string | null;
  updated_at: Date | string;
};

export const toIndicator = (i: IndicatorRow): GoalIndicator => ({
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
});

export function toRecord(t: FullRow, indicators: GoalIndicator[]): GoalTableRecord {
  return {
    id: t.id,
    status: t.status,
    revision: t.revision,
    departmentCode: t.department_code,
    departmentName: t.department_name,
    unitCode: t.unit_code,
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
      indicators,
      sector: t.sector,
    },
  };
}

/** Indicators of several tables in one query, in their declared order (ids as one JSON value: no parameter limit). */
export async function indicatorsByTable(ex: Executor, ids: readonly number[]): Promise<Map<number, GoalIndicator[]>> {
  const byTable = new Map<number, GoalIndicator[]>();
  if (ids.length === 0) return byTable;
  const found = await rows<IndicatorRow>(
    ex,
    sql`select goal_table_id, uid, level1, level2, name, kind, operator, target, unit, weight, explanation
        from goal_indicators
        where goal_table_id in (select value::int from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
        order by goal_table_id, position`,
  );
  for (const i of found) {
    const list = byTable.get(i.goal_table_id);
    if (list) list.push(toIndicator(i));
    else byTable.set(i.goal_table_id, [toIndicator(i)]);
  }
  return byTable;
}
