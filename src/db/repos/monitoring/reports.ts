import { type SQL, sql } from "drizzle-orm";
import type { MonitoringCandidate, MonitoringRepo, ReportsIssued } from "../../../app/monitoring/ports";
import type { TaskChange } from "../../../app/tasks/ports";
import type { MonitoringKind, MonitoringSubjectKind } from "../../../core/monitoring/types";
import type { DeskStatus } from "../../../core/review/desk-workflow";
import type { TaskKind, TaskStatus } from "../../../core/tasks/tasks";
import type { Executor } from "../../client";
import { one, rows } from "../rows";
import { likeContains, pathWithin, projectScopeSql } from "../scope-sql";
import { idArray } from "../tasks/task-sql";
import { approvedGoalsCte, REPORT_DECLARER_SQL, REPORT_TASK_STATUS_SQL } from "./monitoring-sql";
import { reportReads } from "./report-reads";

interface CandidateRow {
  subject_kind: MonitoringSubjectKind;
  id: number;
  code: string;
  name: string;
  dept_id: number;
  dept_code: string;
  dept_name: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  is_key: boolean;
  budget: number | string;
  executed: number | string;
  goal_table_id: number | null;
  indicator_count: number;
  report_id: number | null;
  report_kind: MonitoringKind | null;
  report_status: DeskStatus | null;
}

const toCandidate = (r: CandidateRow): MonitoringCandidate => ({
  subjectKind: r.subject_kind,
  id: r.id,
  code: r.code,
  name: r.name,
  department: { id: r.dept_id, code: r.dept_code, name: r.dept_name },
  unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
  isKey: r.is_key,
  budget: Number(r.budget),
  executed: Number(r.executed),
  goalTableId: r.goal_table_id,
  indicatorCount: r.indicator_count,
  report: r.report_id === null ? null : { id: r.report_id, kind: r.report_kind!, status: r.report_status! },
});

const subjectIds = (
  subjects: readonly { subjectKind: MonitoringSubjectKind; id: number }[],
  kind: MonitoringSubjectKind,
) => idArray(subjects.filter((s) => s.subjectKind === kind).map((s) => s.id));

type ReportsRepo = Omit<
  MonitoringRepo,
  | "insertRound"
  | "rounds"
  | "round"
  | "executionMonths"
  | "issueSelections"
  | "selections"
  | "confirmSelection"
  | "followSelections"
  | "insertDraw"
  | "draw"
>;

export function monitoringReportsRepo(ex: Executor): ReportsRepo {
  return {
    ...reportReads(ex),

    async candidates(scope, roundId, filter) {
      const where: SQL[] = [];
      if (filter.departmentId) where.push(sql`c.dept_id = ${filter.departmentId}`);
      if (filter.subjectKind) where.push(sql`c.subject_kind = ${filter.subjectKind}`);
      if (filter.unchosen) where.push(sql`c.report_id is null`);
      if (filter.q) {
        const like = likeContains(filter.q);
        where.push(sql`(c.code ilike ${like} or c.name ilike ${like} or c.unit_name ilike ${like})`);
      }
      // Department-wide budgets are a department's own: a unit never lists them (deptBudget.read).
      const deptScope =
        scope.kind === "region"
          ? sql`true`
          : scope.kind === "subtree"
            ? pathWithin(sql`d.path`, scope.orgPath)
            : sql`false`;
      const found = await rows<CandidateRow>(
        ex,
        sql`with ro as (select * from monitoring_rounds where region_code = ${scope.regionCode} and id = ${roundId}),
            ${approvedGoalsCte(scope.regionCode, sql`(select fiscal_year from ro)`)},
            pex as (
              select e.project_id, sum(e.executed) as s from project_execution e
              join projects p on p.id = e.project_id and p.region_code = e.region_code, ro
              where p.region_code = ro.region_code and p.fiscal_year = ro.fiscal_year and e.month <= ro.cutoff_month
              group by 1),
            dex as (
              select e.dept_budget_id, sum(e.executed) as s from dept_execution e
              join dept_budgets b on b.id = e.dept_budget_id and b.region_code = e.region_code, ro
              where b.region_code = ro.region_code and b.fiscal_year = ro.fiscal_year and e.month <= ro.cutoff_month
              group by 1),
            c as (
              select 'project' as subject_kind, p.id, p.code, p.name, d.id as dept_id, d.code as dept_code,
                     d.name as dept_name, d.sort_order as dept_order, u.id as unit_id, u.code as unit_code,
                     u.name as unit_name, p.is_key, p.adjusted_budget as budget, coalesce(x.s, 0) as executed,
                     a.id as goal_table_id, r.id as report_id, r.kind as report_kind, r.status as report_status
              from projects p
              join orgs u on u.id = p.unit_id and u.region_code = p.region_code
              join orgs d on d.id = p.department_id and d.region_code = p.region_code
              cross join ro
              left join pex x on x.project_id = p.id
              left join approved a on a.subject_kind = 'project' and a.subject_code = p.code
              left join monitoring_reports r on r.region_code = p.region_code and r.round_id = ro.id
                    and r.subject_kind = 'project' and r.subject_code = p.code
              where p.fiscal_year = ro.fiscal_year and ${projectScopeSql(scope)}
              union all
              select 'deptWide', b.id, d.code, d.name || '部门整体支出', d.id, d.code, d.name, d.sort_order, d.id,
                     d.code, d.name, false, b.adjusted_budget, coalesce(x.s, 0), a.id, r.id, r.kind, r.status
              from dept_budgets b
              join orgs d on d.id = b.department_id and d.region_code = b.region_code
              cross join ro
              left join dex x on x.dept_budget_id = b.id
              left join approved a on a.subject_kind = 'deptWide' and a.subject_code = d.code
              left join monitoring_reports r on r.region_code = b.region_code and r.round_id = ro.id
                    and r.subject_kind = 'deptWide' and r.subject_code = d.code
              where b.region_code = ${scope.regionCode} and b.fiscal_year = ro.fiscal_year and ${deptScope})
            select c.*, (select count(*) from goal_indicators i where i.goal_table_id = c.goal_table_id
                           and i.region_code = ${scope.regionCode})::int as indicator_count
            from c ${where.length > 0 ? sql`where ${sql.join(where, sql` and `)}` : sql``}
            order by c.dept_order, c.dept_code collate "C", (c.subject_kind = 'deptWide') desc, c.code collate "C"`,
      );
      return found.map(toCandidate);
    },

    async issueReports(regionCode, roundId, subjects, kind, selectedBy): Promise<ReportsIssued> {
      const projectIds = subjectIds(subjects, "project");
      const budgetIds = subjectIds(subjects, "deptWide");
      // Department reports of these subjects that finance now monitors as key: the report and its task turn key.
      const converted =
        kind === "key"
          ? await rows<{ id: number; orgId: number; name: string }>(
              ex,
              sql`with turned as (
                    update monitoring_reports r set kind = 'key', selected_by = 'finance', version = r.version + 1,
                           updated_at = app_now()
                    where r.region_code = ${regionCode} and r.round_id = ${roundId} and r.kind = 'department'
                      and (r.project_id = any(${projectIds}) or r.dept_budget_id = any(${budgetIds}))
                    returning r.id)
                  update tasks t set kind = 'monitoring_key', version = t.version + 1, updated_at = app_now()
                  from turned where t.region_code = ${regionCode} and t.object_kind = 'monitoring_report'
                    and t.object_id = turned.id
                  returning turned.id, t.org_id as "orgId", t.title as name`,
            )
          : [];
      const created = await rows<{ id: number; orgId: number; name: string }>(
        ex,
        sql`with ro as (select * from monitoring_rounds where region_code = ${regionCode} and id = ${roundId}),
            ${approvedGoalsCte(regionCode, sql`(select fiscal_year from ro)`)},
            ins as (
              insert into monitoring_reports (region_code, fiscal_year, round_id, kind, subject_kind, project_id,
                dept_budget_id, department_id, unit_id, subject_code, goal_table_id, selected_by)
              select p.region_code, p.fiscal_year, ro.id, ${kind}, 'project', p.id, null, p.department_id, p.unit_id,
                     p.code, a.id, ${selectedBy}
              from projects p cross join ro
              join approved a on a.subject_kind = 'project' and a.subject_code = p.code
              where p.region_code = ${regionCode} and p.fiscal_year = ro.fiscal_year and p.id = any(${projectIds})
              union all
              select b.region_code, b.fiscal_year, ro.id, ${kind}, 'deptWide', null, b.id, b.department_id,
                     b.department_id, d.code, a.id, ${selectedBy}
              from dept_budgets b cross join ro
              join orgs d on d.id = b.department_id and d.region_code = b.region_code
              join approved a on a.subject_kind = 'deptWide' and a.subject_code = d.code
              where b.region_code = ${regionCode} and b.fiscal_year = ro.fiscal_year and b.id = any(${budgetIds})
              on conflict (round_id, subject_kind, subject_code, region_code) do nothing
              returning *),
            items as (
              insert into monitoring_items (region_code, report_id, position, uid, level1, level2, name, kind,
                operator, target, unit)
              select ins.region_code, ins.id, i.position, i.uid, i.level1, i.level2, i.name, i.kind, i.operator,
                     i.target, i.unit
              from ins join goal_indicators i on i.goal_table_id = ins.goal_table_id and i.region_code = ins.region_code)
            insert into tasks (region_code, fiscal_year, kind, org_id, object_kind, object_id, title, due_on, status)
            select r.region_code, r.fiscal_year, ${kind === "key" ? "monitoring_key" : "monitoring_department"},
                   ${REPORT_DECLARER_SQL}, 'monitoring_report', r.id,
                   r.fiscal_year || '年度' || ${kind === "key" ? "财政重点监控" : "绩效运行监控"} || '（截至' || ro.cutoff_month
                     || '月）：' || coalesce(p.name, d.name || '部门整体支出'),
                   ro.due_on, 'todo'
            from ins r cross join ro
            left join projects p on p.id = r.project_id and p.region_code = r.region_code
            join orgs d on d.id = r.department_id and d.region_code = r.region_code
            returning object_id as id, org_id as "orgId", title as name`,
      );
      return {
        created,
        converted,
        existing: subjects.length - created.length - converted.length,
      };
    },

    async removeUntouched(regionCode, reportIds) {
      if (reportIds.length === 0) return [];
      const removed = await rows<{ id: number }>(
        ex,
        sql`with gone as (
              select r.id from monitoring_reports r
              where r.region_code = ${regionCode} and r.id = any(${idArray(reportIds)})
                and r.status = 'draft' and r.version = 1
                and not exists (select 1 from review_rounds w where w.region_code = r.region_code
                                  and w.entity = 'monitoring_report' and w.record_id = r.id)
              for update),
            tasks_gone as (
              delete from tasks t using gone
              where t.region_code = ${regionCode} and t.object_kind = 'monitoring_report' and t.object_id = gone.id)
            delete from monitoring_reports r using gone where r.region_code = ${regionCode} and r.id = gone.id
            returning r.id`,
      );
      return removed.map((r) => r.id);
    },

    async lockState(regionCode, id) {
      const r = await one<{ status: DeskStatus; returned_by: "department" | "finance" | null; version: number }>(
        ex,
        sql`select status, returned_by, version from monitoring_reports
            where region_code = ${regionCode} and id = ${id} for update`,
      );
      return r && { status: r.status, returnedBy: r.returned_by, version: r.version };
    },

    async saveAnswers(regionCode, id, version, answers) {
      const r = await one<{ version: number }>(
        ex,
        sql`update monitoring_reports set overall_status = ${answers.overallStatus},
                   expected_year_end = ${answers.expectedYearEnd}, execution_note = ${answers.executionNote},
                   version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and id = ${id} and version = ${version}
              and status in ('draft', 'returned')
            returning version`,
      );
      if (!r) return null;
      const items = answers.items.map((i) => ({ uid: i.uid, ...i.answers }));
      await ex.execute(
        sql`update monitoring_items i set progress = x.progress, expected = x.expected, likelihood = x.likelihood,
                   cause = x.cause, cause_note = x."causeNote", measures = x.measures
            from jsonb_to_recordset(${JSON.stringify(items)}::jsonb)
              as x(uid text, progress text, expected text, likelihood text, cause text, "causeNote" text, measures text)
            where i.region_code = ${regionCode} and i.report_id = ${id} and i.uid = x.uid`,
      );
      return r.version;
    },

    async setStatus(regionCode, id, version, next) {
      const r = await one<{ version: number }>(
        ex,
        sql`update monitoring_reports set status = ${next.status}, returned_by = ${next.returnedBy},
                   version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and id = ${id} and version = ${version}
            returning version`,
      );
      return r?.version ?? null;
    },

    async followReports(regionCode, reportIds, at): Promise<TaskChange[]> {
      if (reportIds.length === 0) return [];
      const changed = await rows<{
        id: number;
        kind: TaskKind;
        org_id: number;
        title: string;
        from_status: TaskStatus;
        to_status: TaskStatus;
      }>(
        ex,
        sql`with next as (
              select t.id, t.status as from_status, ${REPORT_TASK_STATUS_SQL} as status
              from monitoring_reports r
              join tasks t on t.region_code = r.region_code and t.object_kind = 'monitoring_report' and t.object_id = r.id
              where r.region_code = ${regionCode} and r.id = any(${idArray(reportIds)})
              for update of t
            )
            update tasks t set status = n.status,
                   done_at = case when n.status = 'done' then coalesce(t.done_at, ${at.toISOString()}::timestamptz) end,
                   version = t.version + 1, updated_at = app_now()
            from next n where t.id = n.id and t.region_code = ${regionCode} and t.status <> n.status
            returning t.id, t.kind, t.org_id, t.title, n.from_status, n.status as to_status`,
      );
      return changed.map((r) => ({
        taskId: r.id,
        kind: r.kind,
        orgId: r.org_id,
        title: r.title,
        from: r.from_status,
        to: r.to_status,
      }));
    },
  };
}
