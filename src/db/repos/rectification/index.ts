import { type SQL, sql } from "drizzle-orm";
import type {
  ItemRecord,
  NoticeRecord,
  RectificationFilter,
  RectificationRepo,
  RectificationSourceRecord,
} from "../../../app/rectification/ports";
import type { RectificationSource, RectificationStatus } from "../../../core/evaluations/rectification";
import type { TaskStatus } from "../../../core/tasks/tasks";
import type { Executor } from "../../client";
import { iso, one, rows } from "../rows";
import { ITEM_ORDER, NOTICE_COLUMNS, NOTICE_FROM, NOTICE_ORDER, noticeScopeSql, overdueSql } from "./rectification-sql";

interface NoticeCols {
  notice_id: number;
  fiscal_year: number;
  source: RectificationSource;
  source_id: number;
  title: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  dept_id: number;
  dept_code: string;
  dept_name: string;
  project_id: number | null;
  project_code: string | null;
  project_name: string | null;
  total?: number;
}

interface NoticeRow extends NoticeCols {
  issued_by_name: string | null;
  created_at: Date | string;
  version: number;
  items: number;
  issued: number;
  answered: number;
  accepted: number;
  returned: number;
  overdue: number;
}

interface ItemRow extends NoticeCols {
  id: number;
  seq: number;
  problem: string;
  requirement: string;
  deadline: string;
  status: RectificationStatus;
  answer: string;
  answered_at: Date | string | null;
  verdict_note: string | null;
  accepted_at: Date | string | null;
  task_id: number | null;
  task_status: TaskStatus | null;
  attachments: number;
  created_at: Date | string;
  updated_at: Date | string;
  version: number;
}

const refs = (r: NoticeCols) => ({
  unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
  department: { id: r.dept_id, code: r.dept_code, name: r.dept_name },
  project: r.project_id === null ? null : { id: r.project_id, code: r.project_code ?? "", name: r.project_name ?? "" },
});

const toNotice = (r: NoticeRow): NoticeRecord => ({
  id: r.notice_id,
  fiscalYear: r.fiscal_year,
  source: r.source,
  sourceId: r.source_id,
  title: r.title,
  ...refs(r),
  issuedByName: r.issued_by_name,
  createdAt: iso(r.created_at)!,
  version: r.version,
  counts: {
    items: r.items,
    issued: r.issued,
    answered: r.answered,
    accepted: r.accepted,
    returned: r.returned,
    overdue: r.overdue,
  },
});

const toItem = (r: ItemRow): ItemRecord => ({
  id: r.id,
  noticeId: r.notice_id,
  seq: r.seq,
  problem: r.problem,
  requirement: r.requirement,
  deadline: r.deadline,
  status: r.status,
  answer: r.answer,
  answeredAt: iso(r.answered_at),
  verdictNote: r.verdict_note,
  acceptedAt: iso(r.accepted_at),
  notice: { id: r.notice_id, fiscalYear: r.fiscal_year, source: r.source, sourceId: r.source_id, title: r.title },
  ...refs(r),
  taskId: r.task_id,
  taskStatus: r.task_status,
  attachments: r.attachments,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
  version: r.version,
});

/** A notice's items counted by status (lateral alias c), overdue as of `today`. */
const countsLateral = (today: string) => sql`cross join lateral (
    select count(*)::int as items,
      count(*) filter (where i.status = 'issued')::int as issued,
      count(*) filter (where i.status = 'answered')::int as answered,
      count(*) filter (where i.status = 'accepted')::int as accepted,
      count(*) filter (where i.status = 'returned')::int as returned,
      count(*) filter (where ${overdueSql("i", today)})::int as overdue,
      min(i.deadline) filter (where i.status <> 'accepted') as next_deadline
    from rectification_items i where i.notice_id = n.id and i.region_code = n.region_code) c`;

const NOTICE_SELECT = (today: string, extra = sql``) => sql`select ${NOTICE_COLUMNS}, iu.display_name as issued_by_name,
  n.created_at, n.version, c.items, c.issued, c.answered, c.accepted, c.returned, c.overdue ${extra}
  from ${NOTICE_FROM} ${countsLateral(today)}`;

const ITEM_COLUMNS = sql`select ${NOTICE_COLUMNS}, i.id, i.seq, i.problem, i.requirement, i.deadline::text as deadline,
  i.status, i.answer, i.answered_at, i.verdict_note, i.accepted_at, t.id as task_id, t.status as task_status,
  (select count(*) from attachments f where f.region_code = i.region_code and f.entity = 'rectification_item'
     and f.record_id = i.id)::int as attachments,
  i.created_at, i.updated_at, i.version`;

const ITEM_FROM = sql`from rectification_items i
  join ${NOTICE_FROM} on n.id = i.notice_id and n.region_code = i.region_code
  left join tasks t on t.region_code = i.region_code and t.kind = 'rectification'
    and t.object_kind = 'rectification_item' and t.object_id = i.id`;

/** The notice-level conditions (alias n, o, pa): scope and the filters on the notice itself. */
function noticeWhere(scope: Parameters<typeof noticeScopeSql>[0], f: RectificationFilter): SQL[] {
  const where: SQL[] = [noticeScopeSql(scope)];
  if (f.fiscalYear !== undefined) where.push(sql`n.fiscal_year = ${f.fiscalYear}`);
  if (f.unitId !== undefined) where.push(sql`n.unit_id = ${f.unitId}`);
  if (f.departmentId !== undefined) where.push(sql`coalesce(pa.id, o.id) = ${f.departmentId}`);
  if (f.source) where.push(sql`n.source = ${f.source}`);
  if (f.noticeId !== undefined) where.push(sql`n.id = ${f.noticeId}`);
  return where;
}

const SOURCE_SQL: Record<RectificationSource, (regionCode: string, id: number) => SQL> = {
  evaluation: (regionCode, id) => sql`select e.fiscal_year, array[p.unit_id] as org_ids, p.id as project_id,
      p.code as project_code, p.name as project_name, p.name as name, e.status = 'final' as settled
    from evaluations e join projects p on p.id = e.project_id and p.region_code = e.region_code
    where e.region_code = ${regionCode} and e.id = ${id}`,
  review: (regionCode, id) => sql`select r.fiscal_year, array[f.unit_id, f.department_id] as org_ids,
      p.id as project_id, p.code as project_code, p.name as project_name, coalesce(p.name, d.name) as name, true as settled
    from selfeval_reviews r join selfeval_forms f on f.id = r.form_id and f.region_code = r.region_code
    join orgs d on d.id = f.department_id and d.region_code = f.region_code
    left join projects p on p.id = f.project_id and p.region_code = f.region_code
    where r.region_code = ${regionCode} and r.id = ${id}`,
  monitoring: (regionCode, id) => sql`select r.fiscal_year, array[r.unit_id, r.department_id] as org_ids,
      p.id as project_id, p.code as project_code, p.name as project_name, coalesce(p.name, d.name) as name, true as settled
    from monitoring_reports r join orgs d on d.id = r.department_id and d.region_code = r.region_code
    left join projects p on p.id = r.project_id and p.region_code = r.region_code
    where r.region_code = ${regionCode} and r.id = ${id}`,
};

export function rectificationRepo(ex: Executor): RectificationRepo {
  return {
    async source(regionCode, source, sourceId) {
      const r = await one<{
        fiscal_year: number;
        org_ids: number[];
        project_id: number | null;
        project_code: string | null;
        project_name: string | null;
        name: string;
        settled: boolean;
      }>(ex, SOURCE_SQL[source](regionCode, sourceId));
      if (!r) return null;
      const found: RectificationSourceRecord = {
        fiscalYear: r.fiscal_year,
        orgIds: r.org_ids.map(Number),
        project:
          r.project_id === null ? null : { id: r.project_id, code: r.project_code ?? "", name: r.project_name ?? "" },
        label: r.name,
        settled: r.settled,
      };
      return found;
    },

    async insert(regionCode, n) {
      const items = JSON.stringify(
        n.items.map((it, i) => ({
          seq: i + 1,
          problem: it.problem,
          requirement: it.requirement,
          deadline: it.deadline,
          task_title: it.taskTitle,
        })),
      );
      const xs = sql`jsonb_to_recordset(${items}::jsonb)
        as x(seq int, problem text, requirement text, deadline date, task_title text)`;
      const found = await rows<{ id: number; item_id: number; task_id: number }>(
        ex,
        sql`with ins as (
              insert into rectification_notices (region_code, fiscal_year, source, source_id, unit_id, title, issued_by)
              values (${regionCode}, ${n.fiscalYear}, ${n.source}, ${n.sourceId}, ${n.unitId}, ${n.title}, ${n.issuedBy})
              on conflict (region_code, source, source_id, unit_id) do nothing
              returning id, region_code, fiscal_year, unit_id),
            it as (
              insert into rectification_items (region_code, notice_id, seq, problem, requirement, deadline)
              select ins.region_code, ins.id, x.seq, x.problem, x.requirement, x.deadline from ins cross join ${xs}
              returning id, seq, region_code, deadline),
            task as (
              insert into tasks (region_code, fiscal_year, kind, org_id, object_kind, object_id, title, due_on, status)
              select it.region_code, ins.fiscal_year, 'rectification', ins.unit_id, 'rectification_item', it.id,
                     x.task_title, it.deadline, 'todo'
              from it cross join ins join ${xs} on x.seq = it.seq
              returning id, object_id)
            select ins.id, it.id as item_id, task.id as task_id
            from ins cross join it join task on task.object_id = it.id order by it.seq`,
      );
      if (found.length === 0) return null;
      return { id: found[0]!.id, items: found.map((r) => ({ id: r.item_id, taskId: r.task_id })) };
    },

    async getNotice(scope, id, today) {
      const r = await one<NoticeRow>(ex, sql`${NOTICE_SELECT(today)} where ${noticeScopeSql(scope)} and n.id = ${id}`);
      return r && toNotice(r);
    },

    async listNotices(scope, f, today, paging) {
      const where = noticeWhere(scope, f);
      if (f.status)
        where.push(sql`exists (select 1 from rectification_items i where i.notice_id = n.id
          and i.region_code = n.region_code and i.status = ${f.status})`);
      if (f.overdue) where.push(sql`c.overdue > 0`);
      const dir = paging.order === "desc" ? sql`desc` : sql`asc`;
      const found = await rows<NoticeRow>(
        ex,
        sql`${NOTICE_SELECT(today, sql`, count(*) over ()::int as total`)}
            where ${sql.join(where, sql` and `)}
            order by ${NOTICE_ORDER[paging.sort]} ${dir}, n.id ${dir}
            limit ${paging.pageSize} offset ${(paging.page - 1) * paging.pageSize}`,
      );
      if (found.length === 0 && paging.page > 1) {
        const c = await one<{ n: number }>(
          ex,
          sql`select count(*)::int as n from ${NOTICE_FROM} ${countsLateral(today)} where ${sql.join(where, sql` and `)}`,
        );
        return { total: c?.n ?? 0, rows: [] };
      }
      return { total: found[0]?.total ?? 0, rows: found.map(toNotice) };
    },

    async getItem(scope, id) {
      const r = await one<ItemRow>(
        ex,
        sql`${ITEM_COLUMNS} ${ITEM_FROM} where ${noticeScopeSql(scope)} and i.id = ${id}`,
      );
      return r && toItem(r);
    },

    async listItems(scope, f, today, paging) {
      const where = noticeWhere(scope, f);
      if (f.status) where.push(sql`i.status = ${f.status}`);
      if (f.overdue) where.push(overdueSql("i", today));
      const dir = paging.order === "desc" ? sql`desc` : sql`asc`;
      const cond = sql.join(where, sql` and `);
      const found = await rows<ItemRow>(
        ex,
        sql`${ITEM_COLUMNS}, count(*) over ()::int as total ${ITEM_FROM}
            where ${cond}
            order by ${ITEM_ORDER[paging.sort]} ${dir}, n.id ${dir}, i.seq ${dir}
            limit ${paging.pageSize} offset ${(paging.page - 1) * paging.pageSize}`,
      );
      if (found.length === 0 && paging.page > 1) {
        const c = await one<{ n: number }>(ex, sql`select count(*)::int as n ${ITEM_FROM} where ${cond}`);
        return { total: c?.n ?? 0, rows: [] };
      }
      return { total: found[0]?.total ?? 0, rows: found.map(toItem) };
    },

    async statuses(scope, fiscalYear) {
      return rows<{ status: RectificationStatus; deadline: string }>(
        ex,
        sql`select i.status, i.deadline::text as deadline
            from rectification_items i
            join rectification_notices n on n.id = i.notice_id and n.region_code = i.region_code
            join orgs o on o.id = n.unit_id and o.region_code = n.region_code
            where ${noticeScopeSql(scope)} and n.fiscal_year = ${fiscalYear}`,
      );
    },

    async lockItem(regionCode, id) {
      return one<{ status: RectificationStatus; version: number }>(
        ex,
        sql`select status, version from rectification_items where region_code = ${regionCode} and id = ${id} for update`,
      );
    },

    async setItemStatus(regionCode, id, version, next, taskStatus) {
      const r = await one<{ version: number }>(
        ex,
        sql`update rectification_items set status = ${next.status},
                   answer = ${next.answer === undefined ? sql`answer` : next.answer},
                   answered_at = ${next.answeredAt === undefined ? sql`answered_at` : next.answeredAt},
                   verdict_note = ${next.verdictNote === undefined ? sql`verdict_note` : next.verdictNote},
                   accepted_at = ${next.acceptedAt}, version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and id = ${id} and version = ${version}
            returning version`,
      );
      if (!r) return null;
      await ex.execute(
        sql`update tasks set status = ${taskStatus},
                   done_at = ${taskStatus === "done" ? next.acceptedAt : null},
                   version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and kind = 'rectification' and object_kind = 'rectification_item'
              and object_id = ${id}`,
      );
      return r.version;
    },
  };
}
