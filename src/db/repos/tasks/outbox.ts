import { sql } from "drizzle-orm";
import type { NotificationRepo, OutboxEntry, OutboxRepo, PendingEntry } from "../../../app/tasks/ports";
import type { Executor } from "../../client";
import { iso, one, rows } from "../rows";
import { idArray } from "./task-sql";

interface Payload {
  orgIds: number[];
  title: string;
  body: string;
  link: string | null;
}

export function outboxRepo(ex: Executor): OutboxRepo {
  return {
    async add(regionCode, entries) {
      if (entries.length === 0) return;
      const data = entries.map((e) => ({
        kind: e.kind,
        task_id: e.taskId,
        payload: { orgIds: e.orgIds, title: e.title, body: e.body, link: e.link } satisfies Payload,
      }));
      // "Due soon" is said once per task: a second one is dropped by its unique index.
      await ex.execute(
        sql`insert into outbox (region_code, kind, task_id, payload)
            select ${regionCode}, x.kind, x.task_id, x.payload
            from jsonb_to_recordset(${JSON.stringify(data)}::jsonb) as x(kind text, task_id int, payload jsonb)
            on conflict do nothing`,
      );
    },
    async takePending(limit) {
      const found = await rows<{
        id: number;
        region_code: string;
        kind: OutboxEntry["kind"];
        task_id: number | null;
        payload: Payload;
      }>(
        ex,
        sql`select id, region_code, kind, task_id, payload from outbox where dispatched_at is null
            order by id limit ${limit} for update skip locked`,
      );
      return found.map(
        (r): PendingEntry => ({
          id: r.id,
          regionCode: r.region_code,
          kind: r.kind,
          taskId: r.task_id,
          orgIds: r.payload.orgIds,
          title: r.payload.title,
          body: r.payload.body,
          link: r.payload.link,
        }),
      );
    },
    async markDispatched(ids, at) {
      if (ids.length === 0) return;
      await ex.execute(
        sql`update outbox set dispatched_at = ${at.toISOString()}::timestamptz, attempts = attempts + 1
            where id = any(${idArray(ids)})`,
      );
    },
  };
}

export function notificationRepo(ex: Executor): NotificationRepo {
  return {
    async deliver(outboxIds) {
      if (outboxIds.length === 0) return 0;
      const delivered = await rows<{ id: number }>(
        ex,
        // The recipients' organisations are unnested first (materialised), then joined to the accounts by
        // organisation: otherwise the planner pairs every entry with every account of the region. A notice
        // about a task given to one person (a review, to its reviewer) reaches that person only, as the task
        // does (task-sql.ts `taskScopeSql`): the firm's other accounts hear nothing of it.
        sql`with recipients as materialized (
              select x.id, x.region_code, x.kind, x.task_id, x.payload, org.id::int as org_id
              from outbox x cross join lateral jsonb_array_elements_text(x.payload->'orgIds') as org(id)
              where x.id = any(${idArray(outboxIds)})
            )
            insert into notifications (region_code, user_id, outbox_id, kind, task_id, title, body, link)
            select r.region_code, u.id, r.id, r.kind, r.task_id, r.payload->>'title', r.payload->>'body', r.payload->>'link'
            from recipients r join users u on u.org_id = r.org_id and u.region_code = r.region_code and u.active
            left join tasks t on t.id = r.task_id and t.region_code = r.region_code
            where t.owner_user_id is null or t.owner_user_id = u.id
            on conflict (outbox_id, user_id, region_code) do nothing returning id`,
      );
      return delivered.length;
    },
    async list(userId, unreadOnly, page, pageSize) {
      const found = await rows<{
        id: number;
        kind: OutboxEntry["kind"];
        task_id: number | null;
        title: string;
        body: string;
        link: string | null;
        created_at: Date | string;
        read_at: Date | string | null;
        total: number;
      }>(
        ex,
        sql`select id, kind, task_id, title, body, link, created_at, read_at, count(*) over ()::int as total
            from notifications where user_id = ${userId} ${unreadOnly ? sql`and read_at is null` : sql``}
            order by id desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
      );
      return {
        total: found[0]?.total ?? 0,
        rows: found.map((r) => ({
          id: r.id,
          kind: r.kind,
          taskId: r.task_id,
          title: r.title,
          body: r.body,
          link: r.link,
          createdAt: iso(r.created_at)!,
          readAt: iso(r.read_at),
        })),
      };
    },
    async unreadCount(userId) {
      const r = await one<{ n: number }>(
        ex,
        sql`select count(*)::int as n from notifications where user_id = ${userId} and read_at is null`,
      );
      return r?.n ?? 0;
    },
    async markRead(userId, ids, at) {
      if (ids !== "all" && ids.length === 0) return 0;
      const changed = await rows<{ id: number }>(
        ex,
        sql`update notifications set read_at = ${at.toISOString()}::timestamptz
            where user_id = ${userId} and read_at is null ${ids === "all" ? sql`` : sql`and id = any(${idArray(ids)})`}
            returning id`,
      );
      return changed.length;
    },
  };
}
