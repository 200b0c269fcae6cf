import { type SQL, sql } from "drizzle-orm";
import type { DeclarationOpened, DepartmentProgress, TaskChange, TaskRecord, TaskRepo } from "../../../app/tasks/ports";
import type { TaskKind, TaskStatus } from "../../../core/tasks/tasks";
import type { Executor } from "../../client";
import { iso, one, rows } from "../rows";
import { likeContains } from "../scope-sql";
import {
  DECLARATION_STATUS_SQL,
  DECLARER_SQL,
  idArray,
  OPEN_SQL,
  overdueSql,
  REVISION_STATUS_SQL,
  SAME_SUBJECT_CURRENT,
  taskScopeSql,
} from "./task-sql";

interface TaskRow {
  id: number;
  fiscal_year: number;
  kind: TaskKind;
  status: TaskStatus;
  title: string;
  due_on: string;
  org_id: number;
  org_code: string;
  org_name: string;
  dept_id: number;
  dept_code: string;
  dept_name: string;
  object_kind: string;
  object_id: number;
  current_object_id: number | null;
  reminders: number;
  last_reminded_at: Date | string | null;
  done_at: Date | string | null;
  updated_at: Date | string;
  version: number;
  total?: number;
}

const toTask = (r: TaskRow): TaskRecord => ({
  id: r.id,
  fiscalYear: r.fiscal_year,
  kind: r.kind,
  status: r.status,
  title: r.title,
  dueOn: r.due_on,
  org: { id: r.org_id, code: r.org_code, name: r.org_name },
  department: { id: r.dept_id, code: r.dept_code, name: r.dept_name },
  objectKind: r.object_kind,
  objectId: r.object_id,
  currentObjectId: r.current_object_id,
  reminders: r.reminders,
  lastRemindedAt: iso(r.last_reminded_at),
  doneAt: iso(r.done_at),
  updatedAt: iso(r.updated_at)!,
  version: r.version,
});

/** Tasks (t) with their owner (o) and its department (d). */
const FROM = sql`from tasks t
  join orgs o on o.id = t.org_id and o.region_code = t.region_code
  join orgs d on d.id = case when o.kind = 'unit' then o.parent_id else o.id end and d.region_code = o.region_code`;
const COLUMNS = sql`t.id, t.fiscal_year, t.kind, t.status, t.title, t.due_on::text as due_on, t.object_kind, t.object_id,
  t.reminders, t.last_reminded_at, t.done_at, t.updated_at, t.version,
  o.id as org_id, o.code as org_code, o.name as org_name, d.id as dept_id, d.code as dept_code, d.name as dept_name,
  case when t.object_kind = 'goal_table' then (
    select c.id from goal_tables a join goal_tables c on ${SAME_SUBJECT_CURRENT}
    where a.id = t.object_id and a.region_code = t.region_code)
  when t.object_kind = 'monitoring_selection' then (
    select s.round_id from monitoring_selections s where s.id = t.object_id and s.region_code = t.region_code)
  when t.object_kind = 'evaluation_member' then (
    select m.evaluation_id from evaluation_members m where m.id = t.object_id and m.region_code = t.region_code)
  when t.object_kind = 'publication_version' then (
    select v.publication_id from publication_versions v where v.id = t.object_id and v.region_code = t.region_code)
  end as current_object_id`;

/** Most urgent first: returned, then overdue, then by due day. */
const URGENCY = (today: string) => sql`(t.status = 'returned') desc, ${overdueSql(today)} desc, t.due_on, t.id`;

export function taskRepo(ex: Executor): TaskRepo {
  return {
    async openGoalDeclaration(regionCode, fiscalYear, dueOn, templateVersion): Promise<DeclarationOpened> {
      // One draft table per project and per department with a department-wide budget, unless the subject
      // has one: every subject with a table has its revision 1, so the unique index (which also settles
      // two openings at once) skips it. (A NOT EXISTS here was planned as a nested loop over the rows
      // being inserted: quadratic, 230 ms for 1,713 projects.)
      const projectTables = await rows<{ id: number }>(
        ex,
        sql`insert into goal_tables (region_code, fiscal_year, subject_kind, project_id, department_id, unit_id,
                                     subject_code, template_version)
            select p.region_code, p.fiscal_year, 'project', p.id, p.department_id, p.unit_id, p.code, ${templateVersion}
            from projects p
            where p.region_code = ${regionCode} and p.fiscal_year = ${fiscalYear}
            on conflict (region_code, fiscal_year, subject_kind, subject_code, revision) do nothing
            returning id`,
      );
      const deptTables = await rows<{ id: number }>(
        ex,
        sql`insert into goal_tables (region_code, fiscal_year, subject_kind, project_id, department_id, unit_id,
                                     subject_code, template_version)
            select b.region_code, b.fiscal_year, 'deptWide', null, o.id, o.id, o.code, ${templateVersion}
            from dept_budgets b join orgs o on o.id = b.department_id and o.region_code = b.region_code
            where b.region_code = ${regionCode} and b.fiscal_year = ${fiscalYear}
            on conflict (region_code, fiscal_year, subject_kind, subject_code, revision) do nothing
            returning id`,
      );
      const newIds = [...projectTables, ...deptTables].map((t) => t.id);
      const newByOrg =
        newIds.length === 0
          ? []
          : await rows<{ org_id: number; n: number }>(
              ex,
              sql`select ${DECLARER_SQL} as org_id, count(*)::int as n from goal_tables g
                  where g.region_code = ${regionCode} and g.id = any(${idArray(newIds)}) group by 1`,
            );
      // One task per organisation that declares tables this year, its status and title from its tables.
      const created = await rows<{ org_id: number }>(
        ex,
        sql`insert into tasks (region_code, fiscal_year, kind, org_id, object_kind, object_id, title, due_on, status, done_at)
            select g.region_code, g.fiscal_year, 'goal_declaration', ${DECLARER_SQL}, 'org', ${DECLARER_SQL},
                   g.fiscal_year || '年度绩效目标申报（' || count(*) || ' 张目标表）', ${dueOn}::date,
                   ${DECLARATION_STATUS_SQL}, case when bool_and(g.status = 'approved') then app_now() end
            from goal_tables g
            where g.region_code = ${regionCode} and g.fiscal_year = ${fiscalYear} and g.is_current
            group by g.region_code, g.fiscal_year, ${DECLARER_SQL}
            on conflict (region_code, fiscal_year, kind, object_kind, object_id) do nothing
            returning org_id`,
      );
      // Organisations that had a task and got new tables: their task follows (a done one opens again).
      const fresh = new Set(created.map((c) => c.org_id));
      const grown = newByOrg.map((r) => r.org_id).filter((id) => !fresh.has(id));
      if (grown.length > 0)
        await refreshDeclarations(
          ex,
          regionCode,
          sql`g.fiscal_year = ${fiscalYear} and ${DECLARER_SQL} = any(${idArray(grown)})`,
          new Date(),
        );
      // Opening again with another due date moves it for every task still to act on (a deadline extended),
      // reopened ones included.
      await ex.execute(
        sql`update tasks set due_on = ${dueOn}::date, version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and fiscal_year = ${fiscalYear} and kind = 'goal_declaration'
              and status in (${OPEN_SQL}) and due_on <> ${dueOn}::date`,
      );
      const totals = await one<{ tables: number; tasks: number }>(
        ex,
        sql`select (select count(*) from goal_tables where region_code = ${regionCode} and fiscal_year = ${fiscalYear}
                      and is_current)::int as tables,
                   (select count(*) from tasks where region_code = ${regionCode} and fiscal_year = ${fiscalYear}
                      and kind = 'goal_declaration')::int as tasks`,
      );
      const tablesCreated = newIds.length;
      return {
        tablesCreated,
        tablesExisting: (totals?.tables ?? 0) - tablesCreated,
        tasksCreated: created.length,
        tasksExisting: (totals?.tasks ?? 0) - created.length,
        newTablesByOrg: [
          ...newByOrg.map((r) => ({ orgId: r.org_id, count: r.n })),
          // A new task over tables the organisation started itself before the opening: told all the same.
          ...[...fresh].filter((id) => !newByOrg.some((r) => r.org_id === id)).map((orgId) => ({ orgId, count: 0 })),
        ],
      };
    },

    async followGoalTables(regionCode, goalTableIds, at): Promise<TaskChange[]> {
      if (goalTableIds.length === 0) return [];
      // The organisations and years these tables are declared by: their tasks are recomputed whole.
      const scope = sql`(g.fiscal_year, ${DECLARER_SQL}) in (
        select g.fiscal_year, ${DECLARER_SQL} from goal_tables g
        where g.region_code = ${regionCode} and g.id = any(${idArray(goalTableIds)}))`;
      const declarations = await refreshDeclarations(ex, regionCode, scope, at);
      return [...declarations, ...(await refreshRevisions(ex, regionCode, goalTableIds, at))];
    },

    async issueRevision(regionCode, goalTableId, dueOn) {
      const created = await one<{ id: number; org_id: number; title: string }>(
        ex,
        sql`insert into tasks (region_code, fiscal_year, kind, org_id, object_kind, object_id, title, due_on, status)
            select g.region_code, g.fiscal_year, 'goal_revision', ${DECLARER_SQL}, 'goal_table', g.id,
                   g.fiscal_year || '年度绩效目标调整：' || coalesce(p.name, d.name || '部门整体'), ${dueOn}::date, 'todo'
            from goal_tables g
            left join projects p on p.id = g.project_id and p.region_code = g.region_code
            join orgs d on d.id = g.department_id and d.region_code = g.region_code
            where g.region_code = ${regionCode} and g.id = ${goalTableId} and g.is_current and g.status = 'approved'
            on conflict (region_code, fiscal_year, kind, object_kind, object_id) do nothing
            returning id, org_id, title`,
      );
      return created ? { id: created.id, orgId: created.org_id, title: created.title } : null;
    },

    async revisionsOf(regionCode, goalTableIds) {
      if (goalTableIds.length === 0) return [];
      const found = await rows<{
        id: number;
        object_id: number;
        status: TaskStatus;
        due_on: string;
        org_id: number;
        title: string;
      }>(
        ex,
        sql`select t.id, t.object_id, t.status, t.due_on::text as due_on, t.org_id, t.title from tasks t
            where t.region_code = ${regionCode} and t.kind = 'goal_revision' and t.object_kind = 'goal_table'
              and t.object_id = any(${idArray(goalTableIds)})`,
      );
      return found.map((r) => ({
        id: r.id,
        goalTableId: r.object_id,
        status: r.status,
        dueOn: r.due_on,
        orgId: r.org_id,
        title: r.title,
      }));
    },

    async declarersOf(regionCode, goalTableIds) {
      if (goalTableIds.length === 0) return [];
      const found = await rows<{ table_id: number; org_id: number; name: string }>(
        ex,
        sql`select g.id as table_id, ${DECLARER_SQL} as org_id, coalesce(p.name, d.name || '部门整体') as name
            from goal_tables g
            left join projects p on p.id = g.project_id and p.region_code = g.region_code
            join orgs d on d.id = g.department_id and d.region_code = g.region_code
            where g.region_code = ${regionCode} and g.id = any(${idArray(goalTableIds)})`,
      );
      return found.map((r) => ({ tableId: r.table_id, orgId: r.org_id, name: r.name }));
    },

    async get(scope, id, viewerId) {
      const r = await one<TaskRow>(
        ex,
        sql`select ${COLUMNS} ${FROM} where t.id = ${id} and ${taskScopeSql(scope, viewerId)}`,
      );
      return r && toTask(r);
    },

    async list(scope, viewerId, filter, today, page, pageSize) {
      const where: SQL[] = [taskScopeSql(scope, viewerId), sql`t.fiscal_year = ${filter.fiscalYear}`];
      if (filter.kind) where.push(sql`t.kind = ${filter.kind}`);
      if (filter.status) where.push(sql`t.status = ${filter.status}`);
      if (filter.departmentId) where.push(sql`d.id = ${filter.departmentId}`);
      if (filter.overdue) where.push(overdueSql(today));
      if (filter.q) {
        const like = likeContains(filter.q);
        where.push(sql`(t.title ilike ${like} or o.name ilike ${like} or o.code ilike ${like})`);
      }
      const found = await rows<TaskRow>(
        ex,
        sql`select ${COLUMNS}, count(*) over ()::int as total ${FROM} where ${sql.join(where, sql` and `)}
            order by ${URGENCY(today)} limit ${pageSize} offset ${(page - 1) * pageSize}`,
      );
      return { total: found[0]?.total ?? 0, rows: found.map(toTask) };
    },

    async open(regionCode, orgId, userId, today, limit) {
      const found = await rows<TaskRow>(
        ex,
        sql`select ${COLUMNS} ${FROM}
            where t.region_code = ${regionCode} and t.org_id = ${orgId} and t.status in (${OPEN_SQL})
              and (t.owner_user_id is null or t.owner_user_id = ${userId ?? 0})
            order by ${URGENCY(today)} limit ${limit}`,
      );
      return found.map(toTask);
    },

    async progress(scope, fiscalYear, kind, today): Promise<DepartmentProgress[]> {
      const found = await rows<{
        dept_id: number;
        dept_code: string;
        dept_name: string;
        total: number;
        todo: number;
        in_progress: number;
        submitted: number;
        returned: number;
        done: number;
        closed: number;
        overdue: number;
        done_late: number;
      }>(
        ex,
        sql`select d.id as dept_id, d.code as dept_code, d.name as dept_name, count(*)::int as total,
                   count(*) filter (where t.status = 'todo')::int as todo,
                   count(*) filter (where t.status = 'in_progress')::int as in_progress,
                   count(*) filter (where t.status = 'submitted')::int as submitted,
                   count(*) filter (where t.status = 'returned')::int as returned,
                   count(*) filter (where t.status = 'done')::int as done,
                   count(*) filter (where t.status = 'closed')::int as closed,
                   count(*) filter (where ${overdueSql(today)})::int as overdue,
                   count(*) filter (where t.status = 'done'
                                      and (t.done_at at time zone 'Asia/Shanghai')::date > t.due_on)::int as done_late
            ${FROM}
            where ${taskScopeSql(scope, null)} and t.fiscal_year = ${fiscalYear} and t.kind = ${kind}
            group by d.id, d.code, d.name, d.sort_order order by d.sort_order, d.code`,
      );
      return found.map((r) => ({
        department: { id: r.dept_id, code: r.dept_code, name: r.dept_name },
        total: r.total,
        todo: r.todo,
        inProgress: r.in_progress,
        submitted: r.submitted,
        returned: r.returned,
        done: r.done,
        closed: r.closed,
        overdue: r.overdue,
        doneLate: r.done_late,
      }));
    },

    async noticeDueSoon(today, days) {
      const written = await rows<{ id: number }>(
        ex,
        sql`insert into outbox (region_code, kind, task_id, payload)
            select t.region_code, 'due_soon', t.id,
                   jsonb_build_object('orgIds', jsonb_build_array(t.org_id), 'title', '任务即将到期',
                     'body', t.title || '：将于 ' || t.due_on::text || ' 到期，请及时办理', 'link', '/tasks/' || t.id)
            from tasks t
            where t.status in (${OPEN_SQL}) and t.due_on >= ${today}::date and t.due_on <= ${today}::date + ${days}::int
            on conflict do nothing returning id`,
      );
      return written.length;
    },

    async remind(regionCode, id, version, at) {
      const r = await one<{ version: number }>(
        ex,
        sql`update tasks set reminders = reminders + 1, last_reminded_at = ${at.toISOString()}::timestamptz,
                   version = version + 1, updated_at = app_now()
            where id = ${id} and region_code = ${regionCode} and version = ${version} and status in (${OPEN_SQL})
            returning version`,
      );
      return r?.version ?? null;
    },
  };
}

/**
 * Sets the status and title of the declaration tasks of the organisations and years whose current goal
 * tables (alias g) match `which`, from those tables; returns the tasks that changed status.
 */
async function refreshDeclarations(ex: Executor, regionCode: string, which: SQL, at: Date): Promise<TaskChange[]> {
  const changed = await rows<{
    id: number;
    org_id: number;
    title: string;
    from_status: TaskStatus;
    to_status: TaskStatus;
  }>(
    ex,
    sql`with next as (
          select g.fiscal_year, ${DECLARER_SQL} as org_id, ${DECLARATION_STATUS_SQL} as status, count(*)::int as tables
          from goal_tables g
          where g.region_code = ${regionCode} and g.is_current and ${which}
          group by 1, 2
        ), old as (
          select t.id, t.status from tasks t join next n
            on t.region_code = ${regionCode} and t.fiscal_year = n.fiscal_year and t.kind = 'goal_declaration'
           and t.object_kind = 'org' and t.object_id = n.org_id
          for update of t
        )
        update tasks t set status = n.status,
               title = n.fiscal_year || '年度绩效目标申报（' || n.tables || ' 张目标表）',
               done_at = case when n.status = 'done' then coalesce(t.done_at, ${at.toISOString()}::timestamptz) end,
               version = t.version + 1, updated_at = app_now()
        from next n, old o
        where t.id = o.id and t.region_code = ${regionCode} and t.fiscal_year = n.fiscal_year
          and t.kind = 'goal_declaration' and t.object_kind = 'org' and t.object_id = n.org_id
          and (t.status <> n.status or t.title <> n.fiscal_year || '年度绩效目标申报（' || n.tables || ' 张目标表）')
        returning t.id, t.org_id, t.title, o.status as from_status, n.status as to_status`,
  );
  return changed
    .filter((r) => r.from_status !== r.to_status)
    .map((r) => ({
      taskId: r.id,
      kind: "goal_declaration" as const,
      orgId: r.org_id,
      title: r.title,
      from: r.from_status,
      to: r.to_status,
    }));
}

/**
 * Sets the status of the open revision tasks about the subjects of these goal tables from each subject's
 * current table (REVISION_STATUS_SQL); a done task stays done, even if the subject is revised again later.
 */
async function refreshRevisions(
  ex: Executor,
  regionCode: string,
  goalTableIds: readonly number[],
  at: Date,
): Promise<TaskChange[]> {
  const changed = await rows<{
    id: number;
    org_id: number;
    title: string;
    from_status: TaskStatus;
    to_status: TaskStatus;
  }>(
    ex,
    sql`with subjects as (
          select distinct g.fiscal_year, g.subject_kind, g.subject_code from goal_tables g
          where g.region_code = ${regionCode} and g.id = any(${idArray(goalTableIds)})
        ), next as (
          select t.id, t.status as from_status, ${REVISION_STATUS_SQL} as status
          from tasks t
          join goal_tables a on a.id = t.object_id and a.region_code = t.region_code
          join subjects s on s.fiscal_year = a.fiscal_year and s.subject_kind = a.subject_kind
                         and s.subject_code = a.subject_code
          left join goal_tables c on ${SAME_SUBJECT_CURRENT}
          where t.region_code = ${regionCode} and t.kind = 'goal_revision' and t.object_kind = 'goal_table'
            and t.status not in ('done', 'closed')
          for update of t
        )
        update tasks t set status = n.status,
               done_at = case when n.status = 'done' then ${at.toISOString()}::timestamptz end,
               version = t.version + 1, updated_at = app_now()
        from next n
        where t.id = n.id and t.region_code = ${regionCode} and t.status <> n.status
        returning t.id, t.org_id, t.title, n.from_status, n.status as to_status`,
  );
  return changed.map((r) => ({
    taskId: r.id,
    kind: "goal_revision" as const,
    orgId: r.org_id,
    title: r.title,
    from: r.from_status,
    to: r.to_status,
  }));
}
