import type { EvaluationRepo } from "../../../app/evaluations/ports";
import type { TaskChange } from "../../../app/tasks/ports";
import type { TaskKind, TaskStatus } from "../../../core/tasks/tasks";
import type { Executor } from "../../client";
import { one, rows, sql } from "../rows";
import { idArray } from "../tasks/task-sql";

interface ChangedRow {
  id: number;
  kind: TaskKind;
  org_id: number;
  title: string;
  from_status: TaskStatus;
  to_status: TaskStatus;
}

const toChanges = (changed: ChangedRow[]): TaskChange[] =>
  changed.map((r) => ({
    taskId: r.id,
    kind: r.kind,
    orgId: r.org_id,
    title: r.title,
    from: r.from_status,
    to: r.to_status,
  }));

/** Writes the statuses computed in `next` (id, from_status, status) onto the tasks, returning the changes. */
const applyNext = (regionCode: string, at: Date) =>
  sql`update tasks t set status = n.status,
             done_at = case when n.status = 'done' then coalesce(t.done_at, ${at.toISOString()}::timestamptz) end,
             version = t.version + 1, updated_at = app_now()
      from next n where t.id = n.id and t.region_code = ${regionCode} and t.status <> n.status
      returning t.id, t.kind, t.org_id, t.title, n.from_status, n.status as to_status`;

/**
 * The tasks of evaluations: an expert's scoring task per sheet (done once submitted), and a department's
 * task of the year's department evaluation, following its evaluations against the year's requirement.
 */
export function evaluationTaskRepo(
  ex: Executor,
): Pick<
  EvaluationRepo,
  "issueScoringTasks" | "followScoring" | "openDepartmentYear" | "departmentTask" | "followDepartments"
> {
  return {
    issueScoringTasks: (regionCode, evaluationId, dueOn) =>
      rows<{ taskId: number; orgId: number; memberId: number; title: string }>(
        ex,
        sql`insert into tasks (region_code, fiscal_year, kind, org_id, owner_user_id, object_kind, object_id, title, due_on, status)
            select m.region_code, e.fiscal_year, 'evaluation_scoring', us.org_id, m.user_id, 'evaluation_member', m.id,
                   e.fiscal_year || '年度财政重点评价评分：' || p.name, ${dueOn}::date, 'todo'
            from evaluation_members m
            join evaluations e on e.id = m.evaluation_id and e.region_code = m.region_code
            join projects p on p.id = e.project_id and p.region_code = e.region_code
            join users us on us.id = m.user_id and us.region_code = m.region_code
            where m.region_code = ${regionCode} and m.evaluation_id = ${evaluationId} and m.expert_id is not null
            on conflict do nothing
            returning id as "taskId", org_id as "orgId", object_id as "memberId", title`,
      ),

    async followScoring(regionCode, memberIds, at) {
      if (memberIds.length === 0) return [];
      return toChanges(
        await rows<ChangedRow>(
          ex,
          sql`with next as (
                select t.id, t.status as from_status,
                       case when m.submitted_at is not null then 'done'
                            when exists (select 1 from evaluation_scores s where s.member_id = m.id and s.region_code = m.region_code)
                              then 'in_progress'
                            else 'todo' end as status
                from evaluation_members m
                join tasks t on t.region_code = m.region_code and t.kind = 'evaluation_scoring'
                  and t.object_kind = 'evaluation_member' and t.object_id = m.id
                where m.region_code = ${regionCode} and m.id = any(${idArray(memberIds)})
                for update of t)
              ${applyNext(regionCode, at)}`,
        ),
      );
    },

    async openDepartmentYear(regionCode, fiscalYear, dueOn) {
      const created = await rows<{ taskId: number; orgId: number }>(
        ex,
        sql`insert into tasks (region_code, fiscal_year, kind, org_id, object_kind, object_id, title, due_on, status)
            select d.region_code, ${fiscalYear}::smallint, 'department_evaluation', d.id, 'org', d.id,
                   ${String(fiscalYear)}::text || '年度部门评价：' || d.name, ${dueOn}::date, 'todo'
            from orgs d
            where d.region_code = ${regionCode} and d.kind = 'department'
              and exists (select 1 from projects p where p.region_code = d.region_code and p.fiscal_year = ${fiscalYear}
                            and p.department_id = d.id)
            order by d.id
            on conflict do nothing
            returning id as "taskId", org_id as "orgId"`,
      );
      // Opening again with another due day moves the due day of every task still open (a deadline extended).
      const moved = await rows<{ id: number }>(
        ex,
        sql`update tasks set due_on = ${dueOn}::date, version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and fiscal_year = ${fiscalYear} and kind = 'department_evaluation'
              and status in ('todo', 'in_progress', 'returned') and due_on <> ${dueOn}::date
            returning id`,
      );
      const total = await one<{ n: number }>(
        ex,
        sql`select count(*)::int as n from tasks where region_code = ${regionCode} and fiscal_year = ${fiscalYear}
              and kind = 'department_evaluation'`,
      );
      void moved;
      return { created, existing: (total?.n ?? 0) - created.length };
    },

    departmentTask: (regionCode, fiscalYear, departmentId) =>
      one<{ id: number }>(
        ex,
        sql`select id from tasks where region_code = ${regionCode} and fiscal_year = ${fiscalYear}
              and kind = 'department_evaluation' and object_kind = 'org' and object_id = ${departmentId}`,
      ),

    async followDepartments(regionCode, fiscalYear, departmentIds, minProjects, at) {
      const which = departmentIds === null ? sql`true` : sql`t.object_id = any(${idArray(departmentIds)})`;
      return toChanges(
        await rows<ChangedRow>(
          ex,
          sql`with next as (
                select t.id, t.status as from_status,
                       case when k.nr > 0 then 'returned'
                            when k.nf >= k.required and k.ns = k.nf then 'done'
                            when k.ns >= k.required and k.ns > 0 then 'submitted'
                            when k.n > 0 then 'in_progress'
                            else 'todo' end as status
                from tasks t
                cross join lateral (
                  select least(${minProjects}::int, (select count(*) from projects p where p.region_code = t.region_code
                           and p.fiscal_year = t.fiscal_year and p.department_id = t.object_id)) as required,
                         count(*) as n,
                         count(*) filter (where e.status = 'final') as nf,
                         count(*) filter (where e.status in ('submitted', 'final')) as ns,
                         count(*) filter (where e.status = 'returned') as nr
                  from evaluations e
                  where e.region_code = t.region_code and e.fiscal_year = t.fiscal_year
                    and e.kind = 'department' and e.owner_org_id = t.object_id) k
                where t.region_code = ${regionCode} and t.fiscal_year = ${fiscalYear} and t.kind = 'department_evaluation'
                  and ${which}
                for update of t)
              ${applyNext(regionCode, at)}`,
        ),
      );
    },
  };
}
