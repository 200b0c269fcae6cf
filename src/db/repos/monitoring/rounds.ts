import { sql } from "drizzle-orm";
import type { MonitoringRepo, MonitoringRound, MonitoringSelection } from "../../../app/monitoring/ports";
import type { TaskChange } from "../../../app/tasks/ports";
import type { TaskStatus } from "../../../core/tasks/tasks";
import type { Executor } from "../../client";
import { iso, one, rows } from "../rows";
import { orgScopeSql } from "../scope-sql";
import { idArray } from "../tasks/task-sql";

interface RoundRow {
  id: number;
  fiscal_year: number;
  cutoff_month: number;
  due_on: string;
  selection_due_on: string;
  status: "open" | "closed";
  created_at: Date | string;
  version: number;
}

const toRound = (r: RoundRow): MonitoringRound => ({
  id: r.id,
  fiscalYear: r.fiscal_year,
  cutoffMonth: r.cutoff_month,
  dueOn: r.due_on,
  selectionDueOn: r.selection_due_on,
  status: r.status,
  openedAt: iso(r.created_at)!,
  version: r.version,
});

const ROUND_COLUMNS = sql`id, fiscal_year, cutoff_month, due_on::text as due_on, selection_due_on::text as selection_due_on,
  status, created_at, version`;

/** A selection's task status: confirmed → done; some subjects chosen by the department → in progress. */
const SELECTION_STATUS_SQL = sql.raw(`(case
  when s.confirmed_at is not null then 'done'
  when exists (select 1 from monitoring_reports r where r.round_id = s.round_id and r.region_code = s.region_code
                 and r.department_id = s.department_id and r.selected_by = 'department') then 'in_progress'
  else 'todo' end)`);

type RoundsRepo = Pick<
  MonitoringRepo,
  | "insertRound"
  | "rounds"
  | "round"
  | "executionMonths"
  | "issueSelections"
  | "selections"
  | "confirmSelection"
  | "followSelections"
>;

export function monitoringRoundsRepo(ex: Executor): RoundsRepo {
  return {
    async insertRound(regionCode, r) {
      const created = await one<{ id: number }>(
        ex,
        sql`insert into monitoring_rounds (region_code, fiscal_year, cutoff_month, due_on, selection_due_on, opened_by)
            values (${regionCode}, ${r.fiscalYear}, ${r.cutoffMonth}, ${r.dueOn}::date, ${r.selectionDueOn}::date, ${r.openedBy})
            on conflict do nothing returning id`,
      );
      return created?.id ?? null;
    },

    async rounds(regionCode, fiscalYear) {
      const found = await rows<RoundRow>(
        ex,
        sql`select ${ROUND_COLUMNS} from monitoring_rounds
            where region_code = ${regionCode} and fiscal_year = ${fiscalYear} order by cutoff_month desc, id desc`,
      );
      return found.map(toRound);
    },

    async round(regionCode, id) {
      const r = await one<RoundRow>(
        ex,
        sql`select ${ROUND_COLUMNS} from monitoring_rounds where region_code = ${regionCode} and id = ${id}`,
      );
      return r && toRound(r);
    },

    async executionMonths(regionCode, fiscalYear) {
      const r = await one<{ m: number | null }>(
        ex,
        sql`select max(e.month)::int as m from project_execution e
            join projects p on p.id = e.project_id and p.region_code = e.region_code
            where p.region_code = ${regionCode} and p.fiscal_year = ${fiscalYear}`,
      );
      return r?.m ?? 0;
    },

    async issueSelections(regionCode, roundId) {
      return rows<{ orgId: number; taskId: number }>(
        ex,
        sql`with ro as (
              select * from monitoring_rounds where region_code = ${regionCode} and id = ${roundId}
            ), depts as (
              select distinct p.department_id as id from projects p, ro
              where p.region_code = ro.region_code and p.fiscal_year = ro.fiscal_year
              union
              select b.department_id from dept_budgets b, ro
              where b.region_code = ro.region_code and b.fiscal_year = ro.fiscal_year
            ), sel as (
              insert into monitoring_selections (region_code, round_id, department_id)
              select ${regionCode}, ${roundId}, d.id from depts d
              on conflict do nothing returning id, department_id
            )
            insert into tasks (region_code, fiscal_year, kind, org_id, object_kind, object_id, title, due_on, status)
            select ${regionCode}, ro.fiscal_year, 'monitoring_selection', s.department_id, 'monitoring_selection', s.id,
                   ro.fiscal_year || '年度绩效运行监控（截至' || ro.cutoff_month || '月）：选取监控对象',
                   ro.selection_due_on, 'todo'
            from sel s, ro
            on conflict do nothing
            returning org_id as "orgId", id as "taskId"`,
      );
    },

    async selections(scope, roundId): Promise<MonitoringSelection[]> {
      const found = await rows<{
        id: number;
        dept_id: number;
        dept_code: string;
        dept_name: string;
        confirmed_at: Date | string | null;
        department_reports: number;
        key_reports: number;
        candidates: number;
        task_id: number | null;
        task_status: TaskStatus | null;
        version: number;
      }>(
        ex,
        sql`with ro as (select * from monitoring_rounds where region_code = ${scope.regionCode} and id = ${roundId}),
            approved as (
              select distinct g.department_id, g.subject_kind, g.subject_code from goal_tables g, ro
              where g.region_code = ro.region_code and g.fiscal_year = ro.fiscal_year and g.status = 'approved')
            select s.id, o.id as dept_id, o.code as dept_code, o.name as dept_name, s.confirmed_at, s.version,
                   (select count(*) from monitoring_reports r where r.round_id = s.round_id and r.region_code = s.region_code
                      and r.department_id = s.department_id and r.kind = 'department')::int as department_reports,
                   (select count(*) from monitoring_reports r where r.round_id = s.round_id and r.region_code = s.region_code
                      and r.department_id = s.department_id and r.kind = 'key')::int as key_reports,
                   (select count(*) from approved a where a.department_id = s.department_id)::int as candidates,
                   t.id as task_id, t.status as task_status
            from monitoring_selections s
            join orgs o on o.id = s.department_id and o.region_code = s.region_code
            left join tasks t on t.region_code = s.region_code and t.kind = 'monitoring_selection'
                             and t.object_kind = 'monitoring_selection' and t.object_id = s.id
            where s.region_code = ${scope.regionCode} and s.round_id = ${roundId} and ${orgScopeSql(scope)}
            order by o.sort_order, o.code collate "C"`,
      );
      return found.map((r) => ({
        id: r.id,
        department: { id: r.dept_id, code: r.dept_code, name: r.dept_name },
        confirmedAt: iso(r.confirmed_at),
        departmentReports: r.department_reports,
        keyReports: r.key_reports,
        candidates: r.candidates,
        taskId: r.task_id,
        taskStatus: r.task_status,
        version: r.version,
      }));
    },

    async confirmSelection(regionCode, roundId, departmentId, confirmed) {
      const r = await one<{ id: number }>(
        ex,
        sql`update monitoring_selections
            set confirmed_at = ${confirmed ? confirmed.at.toISOString() : null}::timestamptz,
                confirmed_by = ${confirmed?.by ?? null}, version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and round_id = ${roundId} and department_id = ${departmentId}
            returning id`,
      );
      return r !== null;
    },

    async followSelections(regionCode, roundId, departmentIds, at): Promise<TaskChange[]> {
      if (departmentIds.length === 0) return [];
      const changed = await rows<{
        id: number;
        org_id: number;
        title: string;
        from_status: TaskStatus;
        to_status: TaskStatus;
      }>(
        ex,
        sql`with next as (
              select t.id, t.status as from_status, ${SELECTION_STATUS_SQL} as status
              from monitoring_selections s
              join tasks t on t.region_code = s.region_code and t.kind = 'monitoring_selection'
                          and t.object_kind = 'monitoring_selection' and t.object_id = s.id
              where s.region_code = ${regionCode} and s.round_id = ${roundId}
                and s.department_id = any(${idArray(departmentIds)})
              for update of t
            )
            update tasks t set status = n.status,
                   done_at = case when n.status = 'done' then ${at.toISOString()}::timestamptz end,
                   version = t.version + 1, updated_at = app_now()
            from next n where t.id = n.id and t.region_code = ${regionCode} and t.status <> n.status
            returning t.id, t.org_id, t.title, n.from_status, n.status as to_status`,
      );
      return changed.map((r) => ({
        taskId: r.id,
        kind: "monitoring_selection" as const,
        orgId: r.org_id,
        title: r.title,
        from: r.from_status,
        to: r.to_status,
      }));
    },
  };
}
