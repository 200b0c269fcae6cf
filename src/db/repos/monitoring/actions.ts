import { type SQL, sql } from "drizzle-orm";
import type {
  ActionFilter,
  ActionRecord,
  ActionSort,
  MonitoringActionRepo,
} from "../../../app/monitoring/action-ports";
import { ACTION_OWNER_STATUSES, type ActionStatus } from "../../../core/monitoring/actions";
import type { ActionKind } from "../../../core/monitoring/types";
import type { DeskStatus } from "../../../core/review/desk-workflow";
import type { Scope } from "../../../core/scope";
import type { TaskStatus } from "../../../core/tasks/tasks";
import type { Executor } from "../../client";
import { iso, one, rows } from "../rows";
import { likeContains } from "../scope-sql";
import { reportScopeSql, SUBJECT_NAME_SQL } from "./monitoring-sql";

/** Actions (a) with their report (r), round (ro), subject (p), department (d), unit (u), owner (o) and task (t). */
const FROM = sql`from monitoring_actions a
  join monitoring_reports r on r.id = a.report_id and r.region_code = a.region_code
  join monitoring_rounds ro on ro.id = r.round_id and ro.region_code = r.region_code
  left join projects p on p.id = r.project_id and p.region_code = r.region_code
  join orgs d on d.id = r.department_id and d.region_code = r.region_code
  join orgs u on u.id = r.unit_id and u.region_code = r.region_code
  join orgs o on o.id = a.org_id and o.region_code = a.region_code
  left join users cu on cu.id = a.created_by
  left join tasks t on t.region_code = a.region_code and t.object_kind = 'monitoring_action' and t.object_id = a.id`;

const SELECT = sql`select a.id, a.fiscal_year, a.kind, a.requirement, a.status, a.due_on::text as due_on, a.response,
  a.review_note, a.goal_table_id, o.id as org_id, o.code as org_code, o.name as org_name,
  d.id as dept_id, d.code as dept_code, d.name as dept_name, r.id as report_id, r.round_id, ro.cutoff_month,
  r.subject_code, ${SUBJECT_NAME_SQL} as subject_name, r.subject_kind, r.status as report_status,
  t.id as task_id, t.status as task_status,
  (select count(*) from attachments f where f.region_code = a.region_code and f.entity = 'monitoring_action'
     and f.record_id = a.id)::int as attachments,
  cu.display_name as created_by_name, a.created_at, a.closed_at, a.updated_at, a.version`;

interface Row {
  id: number;
  fiscal_year: number;
  kind: ActionKind;
  requirement: string;
  status: ActionStatus;
  due_on: string;
  response: string | null;
  review_note: string | null;
  goal_table_id: number | null;
  org_id: number;
  org_code: string;
  org_name: string;
  dept_id: number;
  dept_code: string;
  dept_name: string;
  report_id: number;
  round_id: number;
  cutoff_month: number;
  subject_code: string;
  subject_name: string;
  subject_kind: "project" | "deptWide";
  report_status: DeskStatus;
  task_id: number | null;
  task_status: TaskStatus | null;
  attachments: number;
  created_by_name: string | null;
  created_at: Date | string;
  closed_at: Date | string | null;
  updated_at: Date | string;
  version: number;
  total?: number;
}

const toRecord = (r: Row): ActionRecord => ({
  id: r.id,
  fiscalYear: r.fiscal_year,
  kind: r.kind,
  requirement: r.requirement,
  status: r.status,
  dueOn: r.due_on,
  response: r.response,
  reviewNote: r.review_note,
  goalTableId: r.goal_table_id,
  org: { id: r.org_id, code: r.org_code, name: r.org_name },
  department: { id: r.dept_id, code: r.dept_code, name: r.dept_name },
  report: {
    id: r.report_id,
    roundId: r.round_id,
    cutoffMonth: r.cutoff_month,
    code: r.subject_code,
    name: r.subject_name,
    subjectKind: r.subject_kind,
    status: r.report_status,
  },
  taskId: r.task_id,
  taskStatus: r.task_status,
  attachments: r.attachments,
  createdByName: r.created_by_name,
  createdAt: iso(r.created_at)!,
  closedAt: iso(r.closed_at),
  updatedAt: iso(r.updated_at)!,
  version: r.version,
});

const OWNER_SQL = sql.raw(ACTION_OWNER_STATUSES.map((s) => `'${s}'`).join(","));

function whereSql(scope: Scope, f: ActionFilter, today: string): SQL {
  const where: SQL[] = [reportScopeSql(scope), sql`a.region_code = ${scope.regionCode}`];
  if (f.roundId !== undefined) where.push(sql`r.round_id = ${f.roundId}`);
  if (f.fiscalYear !== undefined) where.push(sql`a.fiscal_year = ${f.fiscalYear}`);
  if (f.reportId !== undefined) where.push(sql`a.report_id = ${f.reportId}`);
  if (f.departmentId !== undefined) where.push(sql`r.department_id = ${f.departmentId}`);
  if (f.status) where.push(sql`a.status = ${f.status}`);
  if (f.kind) where.push(sql`a.kind = ${f.kind}`);
  if (f.overdue) where.push(sql`(a.status in (${OWNER_SQL}) and a.due_on < ${today}::date)`);
  if (f.q) {
    // The text is matched literally: % and _ are no wildcards.
    const like = likeContains(f.q);
    where.push(
      sql`(r.subject_code ilike ${like} or ${SUBJECT_NAME_SQL} ilike ${like} or o.name ilike ${like} or a.requirement ilike ${like})`,
    );
  }
  return sql.join(where, sql` and `);
}

const ORDER: Record<ActionSort, SQL> = {
  dueOn: sql`a.due_on`,
  createdAt: sql`a.created_at`,
  department: sql`d.code collate "C"`,
  status: sql`array_position(array['open','returned','submitted','closed'], a.status)`,
};

export function monitoringActionRepo(ex: Executor): MonitoringActionRepo {
  return {
    async insert(regionCode, a) {
      const r = await one<{ id: number; task_id: number }>(
        ex,
        sql`with ins as (
              insert into monitoring_actions (region_code, fiscal_year, report_id, kind, requirement, org_id, due_on,
                goal_table_id, created_by)
              values (${regionCode}, ${a.fiscalYear}, ${a.reportId}, ${a.kind}, ${a.requirement}, ${a.orgId}, ${a.dueOn},
                ${a.goalTableId}, ${a.createdBy})
              returning id, region_code, fiscal_year, org_id, due_on),
            task as (
              insert into tasks (region_code, fiscal_year, kind, org_id, object_kind, object_id, title, due_on, status)
              select region_code, fiscal_year, 'monitoring_action', org_id, 'monitoring_action', id, ${a.taskTitle},
                     due_on, 'todo'
              from ins returning id)
            select ins.id, task.id as task_id from ins cross join task`,
      );
      return { id: r!.id, taskId: r!.task_id };
    },

    async get(scope, id) {
      const r = await one<Row>(ex, sql`${SELECT} ${FROM} where ${reportScopeSql(scope)} and a.id = ${id}`);
      return r && toRecord(r);
    },

    async list(scope, filter, today, paging) {
      const dir = paging.order === "desc" ? sql`desc` : sql`asc`;
      const found = await rows<Row>(
        ex,
        sql`${SELECT}, count(*) over ()::int as total ${FROM}
            where ${whereSql(scope, filter, today)}
            order by ${ORDER[paging.sort]} ${dir}, a.id ${dir}
            limit ${paging.pageSize} offset ${(paging.page - 1) * paging.pageSize}`,
      );
      if (found.length === 0 && paging.page > 1) {
        const c = await one<{ n: number }>(
          ex,
          sql`select count(*)::int as n ${FROM} where ${whereSql(scope, filter, today)}`,
        );
        return { total: c?.n ?? 0, rows: [] };
      }
      return { total: found[0]?.total ?? 0, rows: found.map(toRecord) };
    },

    async openOfKind(regionCode, reportId, kind) {
      const r = await one<{ n: number }>(
        ex,
        sql`select count(*)::int as n from monitoring_actions
            where region_code = ${regionCode} and report_id = ${reportId} and kind = ${kind} and status <> 'closed'`,
      );
      return r?.n ?? 0;
    },

    async lockState(regionCode, id) {
      const r = await one<{ status: ActionStatus; version: number }>(
        ex,
        sql`select status, version from monitoring_actions where region_code = ${regionCode} and id = ${id} for update`,
      );
      return r;
    },

    async setStatus(regionCode, id, version, next, taskStatus) {
      const r = await one<{ version: number }>(
        ex,
        sql`update monitoring_actions set status = ${next.status},
                   response = ${next.response === undefined ? sql`response` : next.response},
                   review_note = ${next.reviewNote === undefined ? sql`review_note` : next.reviewNote},
                   closed_at = ${next.closedAt}, version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and id = ${id} and version = ${version}
            returning version`,
      );
      if (!r) return null;
      await ex.execute(
        sql`update tasks set status = ${taskStatus},
                   done_at = ${taskStatus === "done" ? next.closedAt : null},
                   version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and object_kind = 'monitoring_action' and object_id = ${id}`,
      );
      return r.version;
    },
  };
}
