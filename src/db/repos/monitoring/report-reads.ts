import { type SQL, sql } from "drizzle-orm";
import type { MonitoringRepo, ReportDetail, ReportFigures } from "../../../app/monitoring/ports";
import type { IndicatorKind, Operator } from "../../../core/goals/types";
import type { ActionStatus } from "../../../core/monitoring/actions";
import type { Likelihood, MonitoringItem, MonitoringKind, MonitoringSubjectKind } from "../../../core/monitoring/types";
import type { DeskReviewer, DeskStatus } from "../../../core/review/desk-workflow";
import type { Scope } from "../../../core/scope";
import type { TaskStatus } from "../../../core/tasks/tasks";
import type { Executor } from "../../client";
import { iso, one, rows } from "../rows";
import { likeContains } from "../scope-sql";
import { idArray } from "../tasks/task-sql";
import { reportScopeSql, SUBJECT_NAME_SQL } from "./monitoring-sql";

/** Reports (r) with their round (ro), subject (p or b), department (d) and unit (u), and their task (t). */
const FROM = sql`from monitoring_reports r
  join monitoring_rounds ro on ro.id = r.round_id and ro.region_code = r.region_code
  left join projects p on p.id = r.project_id and p.region_code = r.region_code
  left join dept_budgets b on b.id = r.dept_budget_id and b.region_code = r.region_code
  join orgs d on d.id = r.department_id and d.region_code = r.region_code
  join orgs u on u.id = r.unit_id and u.region_code = r.region_code
  left join tasks t on t.region_code = r.region_code and t.object_kind = 'monitoring_report' and t.object_id = r.id`;

interface FigureRow {
  id: number;
  round_id: number;
  kind: MonitoringKind;
  subject_kind: MonitoringSubjectKind;
  code: string;
  name: string;
  dept_id: number;
  dept_code: string;
  dept_name: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  status: DeskStatus;
  returned_by: DeskReviewer | null;
  budget: number | string;
  executed: number | string;
  expected_year_end: number | string | null;
  items: [string, Likelihood | null][];
  task_id: number | null;
  task_status: TaskStatus | null;
  due_on: string | null;
  open_actions: number;
  updated_at: Date | string;
  version: number;
}

const num = (v: number | string | null) => (v === null ? null : Number(v));

function filterSql(scope: Scope, f: Parameters<MonitoringRepo["figures"]>[1]): SQL {
  const where: SQL[] = [reportScopeSql(scope), sql`r.round_id = ${f.roundId}`];
  if (f.kind) where.push(sql`r.kind = ${f.kind}`);
  if (f.status) where.push(sql`r.status = ${f.status}`);
  if (f.departmentId) where.push(sql`r.department_id = ${f.departmentId}`);
  if (f.unitId) where.push(sql`r.unit_id = ${f.unitId}`);
  if (f.q) {
    const like = likeContains(f.q);
    where.push(sql`(r.subject_code ilike ${like} or ${SUBJECT_NAME_SQL} ilike ${like} or u.name ilike ${like})`);
  }
  return sql.join(where, sql` and `);
}

type DetailRow = FigureRow & {
  fiscal_year: number;
  cutoff_month: number;
  round_due_on: string;
  selection_due_on: string;
  round_status: "open" | "closed";
  round_created_at: Date | string;
  round_version: number;
  goal_table_id: number;
  selected_by: "department" | "finance";
  overall_goal: string;
  overall_status: string;
  execution_note: string | null;
  by_month: (number | string)[];
};

/** A report's own columns for its detail (the months' execution is added by each query). */
const DETAIL_COLUMNS = sql`r.id, r.round_id, r.kind, r.subject_kind, r.subject_code as code, ${SUBJECT_NAME_SQL} as name,
  d.id as dept_id, d.code as dept_code, d.name as dept_name,
  u.id as unit_id, u.code as unit_code, u.name as unit_name,
  r.status, r.returned_by, coalesce(p.adjusted_budget, b.adjusted_budget) as budget,
  r.expected_year_end, r.execution_note, r.overall_status, r.goal_table_id, r.selected_by,
  g.overall_goal, t.id as task_id, r.updated_at, r.version,
  ro.fiscal_year, ro.cutoff_month, ro.due_on::text as round_due_on,
  ro.selection_due_on::text as selection_due_on, ro.status as round_status,
  ro.created_at as round_created_at, ro.version as round_version`;

interface ItemRow {
  report_id: number;
  uid: string;
  level1: string;
  level2: string;
  name: string;
  kind: IndicatorKind;
  operator: Operator | null;
  target: string;
  unit: string | null;
  progress: string | null;
  expected: string | null;
  likelihood: Likelihood | null;
  cause: string | null;
  cause_note: string | null;
  measures: string | null;
}

/** The items of these reports, each report's in the form's order. */
function itemRows(ex: Executor, regionCode: string, reportIds: readonly number[]): Promise<ItemRow[]> {
  if (reportIds.length === 0) return Promise.resolve([]);
  return rows<ItemRow>(
    ex,
    sql`select report_id, uid, level1, level2, name, kind, operator, target, unit, progress, expected, likelihood,
               cause, cause_note, measures
        from monitoring_items where region_code = ${regionCode} and report_id = any(${idArray(reportIds)})
        order by report_id, position`,
  );
}

function toDetail(r: DetailRow, items: readonly ItemRow[]): ReportDetail {
  const byMonth = r.by_month.map(Number);
  return {
    id: r.id,
    round: {
      id: r.round_id,
      fiscalYear: r.fiscal_year,
      cutoffMonth: r.cutoff_month,
      dueOn: r.round_due_on,
      selectionDueOn: r.selection_due_on,
      status: r.round_status,
      openedAt: iso(r.round_created_at)!,
      version: r.round_version,
    },
    kind: r.kind,
    subjectKind: r.subject_kind,
    code: r.code,
    name: r.name,
    department: { id: r.dept_id, code: r.dept_code, name: r.dept_name },
    unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
    goalTableId: r.goal_table_id,
    selectedBy: r.selected_by,
    status: r.status,
    returnedBy: r.returned_by,
    execution: {
      budget: Number(r.budget),
      byMonth,
      executed: byMonth.slice(0, r.cutoff_month).reduce((a, b) => a + b, 0),
    },
    overallGoal: r.overall_goal,
    answers: {
      overallStatus: r.overall_status,
      expectedYearEnd: num(r.expected_year_end),
      executionNote: r.execution_note,
    },
    items: items.map(
      (i): MonitoringItem => ({
        uid: i.uid,
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        kind: i.kind,
        operator: i.operator,
        target: i.target,
        unit: i.unit,
        progress: i.progress,
        expected: i.expected,
        likelihood: i.likelihood,
        cause: i.cause,
        causeNote: i.cause_note,
        measures: i.measures,
      }),
    ),
    taskId: r.task_id,
    updatedAt: iso(r.updated_at)!,
    version: r.version,
  };
}

export function reportReads(ex: Executor): Pick<MonitoringRepo, "figures" | "detail" | "details" | "actionStates"> {
  return {
    async actionStates(scope, roundIds) {
      if (roundIds.length === 0) return [];
      return rows<{ roundId: number; departmentId: number; status: ActionStatus; dueOn: string }>(
        ex,
        sql`select r.round_id as "roundId", r.department_id as "departmentId", a.status, a.due_on::text as "dueOn"
            from monitoring_actions a
            join monitoring_reports r on r.id = a.report_id and r.region_code = a.region_code
            join orgs u on u.id = r.unit_id and u.region_code = r.region_code
            where ${reportScopeSql(scope)} and r.round_id = any(${idArray(roundIds)})`,
      );
    },

    async figures(scope, filter): Promise<ReportFigures[]> {
      // Execution to N and the items' answers are aggregated once for the round, then joined: one statement.
      const found = await rows<FigureRow>(
        ex,
        sql`with sel as (select r.id ${FROM} where ${filterSql(scope, filter)}),
            pex as (
              select r.id, sum(e.executed) as s from monitoring_reports r
              join sel on sel.id = r.id
              join monitoring_rounds ro on ro.id = r.round_id and ro.region_code = r.region_code
              join project_execution e on e.project_id = r.project_id and e.region_code = r.region_code
                                       and e.month <= ro.cutoff_month
              where r.region_code = ${scope.regionCode} group by r.id),
            dex as (
              select r.id, sum(e.executed) as s from monitoring_reports r
              join sel on sel.id = r.id
              join monitoring_rounds ro on ro.id = r.round_id and ro.region_code = r.region_code
              join dept_execution e on e.dept_budget_id = r.dept_budget_id and e.region_code = r.region_code
                                    and e.month <= ro.cutoff_month
              where r.region_code = ${scope.regionCode} group by r.id),
            its as (
              select i.report_id as id, jsonb_agg(jsonb_build_array(i.name, i.likelihood) order by i.position) as items
              from monitoring_items i join sel on sel.id = i.report_id
              where i.region_code = ${scope.regionCode} group by i.report_id),
            acts as (
              select a.report_id as id, count(*)::int as n from monitoring_actions a join sel on sel.id = a.report_id
              where a.region_code = ${scope.regionCode} and a.status <> 'closed' group by a.report_id)
            select r.id, r.round_id, r.kind, r.subject_kind, r.subject_code as code, ${SUBJECT_NAME_SQL} as name,
                   d.id as dept_id, d.code as dept_code, d.name as dept_name,
                   u.id as unit_id, u.code as unit_code, u.name as unit_name,
                   r.status, r.returned_by, coalesce(p.adjusted_budget, b.adjusted_budget) as budget,
                   coalesce(pex.s, dex.s, 0) as executed, r.expected_year_end,
                   coalesce(its.items, '[]'::jsonb) as items, t.id as task_id, t.status as task_status,
                   t.due_on::text as due_on, coalesce(acts.n, 0) as open_actions, r.updated_at, r.version
            ${FROM}
            join sel on sel.id = r.id
            left join pex on pex.id = r.id
            left join dex on dex.id = r.id
            left join its on its.id = r.id
            left join acts on acts.id = r.id
            order by d.sort_order, d.code collate "C", (r.subject_kind = 'deptWide') desc, r.subject_code collate "C", r.id`,
      );
      return found.map((r) => ({
        id: r.id,
        roundId: r.round_id,
        kind: r.kind,
        subjectKind: r.subject_kind,
        code: r.code,
        name: r.name,
        department: { id: r.dept_id, code: r.dept_code, name: r.dept_name },
        unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
        status: r.status,
        returnedBy: r.returned_by,
        budget: Number(r.budget),
        executed: Number(r.executed),
        expectedYearEnd: num(r.expected_year_end),
        items: r.items.map(([name, likelihood]) => ({ name, likelihood })),
        taskId: r.task_id,
        taskStatus: r.task_status,
        dueOn: r.due_on,
        openActions: r.open_actions,
        updatedAt: iso(r.updated_at)!,
        version: r.version,
      }));
    },

    async detail(scope, id): Promise<ReportDetail | null> {
      const r = await one<DetailRow>(
        ex,
        sql`select ${DETAIL_COLUMNS},
                   array(select coalesce((select e.executed from project_execution e
                                           where e.project_id = r.project_id and e.region_code = r.region_code
                                             and e.month = m), 0)
                              + coalesce((select e.executed from dept_execution e
                                           where e.dept_budget_id = r.dept_budget_id and e.region_code = r.region_code
                                             and e.month = m), 0)
                         from generate_series(1, 12) m order by m) as by_month
            ${FROM}
            join goal_tables g on g.id = r.goal_table_id and g.region_code = r.region_code
            where r.id = ${id} and ${reportScopeSql(scope)}`,
      );
      if (!r) return null;
      const items = await itemRows(ex, scope.regionCode, [id]);
      return toDetail(r, items);
    },

    async details(scope, filter): Promise<ReportDetail[]> {
      const where: SQL[] = [reportScopeSql(scope), sql`r.round_id = ${filter.roundId}`];
      if (filter.departmentId) where.push(sql`r.department_id = ${filter.departmentId}`);
      if (filter.unitId) where.push(sql`r.unit_id = ${filter.unitId}`);
      if (filter.ids) where.push(sql`r.id = any(${idArray(filter.ids)})`);
      // The months' execution of every selected report is summed once and joined: one statement.
      const found = await rows<DetailRow>(
        ex,
        sql`with sel as (select r.id ${FROM} where ${sql.join(where, sql` and `)}),
            ex as (
              select r.id, e.month, e.executed from monitoring_reports r join sel on sel.id = r.id
              join project_execution e on e.project_id = r.project_id and e.region_code = r.region_code
              where r.region_code = ${scope.regionCode}
              union all
              select r.id, e.month, e.executed from monitoring_reports r join sel on sel.id = r.id
              join dept_execution e on e.dept_budget_id = r.dept_budget_id and e.region_code = r.region_code
              where r.region_code = ${scope.regionCode}),
            bm as (
              select sel.id, array_agg(coalesce(x.s, 0)::bigint order by m) as by_month
              from sel cross join generate_series(1, 12) m
              left join (select id, month, sum(executed) as s from ex group by 1, 2) x on x.id = sel.id and x.month = m
              group by sel.id)
            select ${DETAIL_COLUMNS}, bm.by_month
            ${FROM}
            join sel on sel.id = r.id
            join bm on bm.id = r.id
            join goal_tables g on g.id = r.goal_table_id and g.region_code = r.region_code
            order by d.sort_order, d.code collate "C", (r.subject_kind = 'deptWide') desc, r.subject_code collate "C", r.id`,
      );
      const items = await itemRows(
        ex,
        scope.regionCode,
        found.map((r) => r.id),
      );
      const byReport = new Map<number, ItemRow[]>();
      for (const i of items) {
        const list = byReport.get(i.report_id) ?? [];
        list.push(i);
        byReport.set(i.report_id, list);
      }
      return found.map((r) => toDetail(r, byReport.get(r.id) ?? []));
    },
  };
}
