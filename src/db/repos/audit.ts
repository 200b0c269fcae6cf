import { type SQL, sql } from "drizzle-orm";
import { type AuditEntry, type AuditFilter, type AuditRepo, SESSION_ACTIONS } from "../../app/audit/ports";
import { type AuditFields, auditHash, GENESIS_HASH } from "../../core/audit-chain";
import { copyRows } from "../bulk";
import type { Database, Executor, Tx } from "../client";
import { auditLog } from "../schema";
import { iso, one, rows } from "./rows";
import { likeContains } from "./scope-sql";

/** Any fixed number: the advisory lock that serialises appends to the hash chain. */
const AUDIT_CHAIN_LOCK = 7_311_001;
const COPY_THRESHOLD = 100;

interface AuditSqlRow {
  id: number;
  at: Date | string;
  actor_id: number | null;
  actor_name: string;
  region_code: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

const toFields = (r: AuditSqlRow): AuditFields & { id: number; prevHash: string; hash: string } => ({
  id: Number(r.id),
  at: iso(r.at)!,
  actorId: r.actor_id,
  actorName: r.actor_name,
  regionCode: r.region_code,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  before: r.before,
  after: r.after,
  reason: r.reason,
  prevHash: r.prev_hash,
  hash: r.hash,
});

function auditWhere(filter: AuditFilter): SQL {
  const parts = [sql`true`];
  if (filter.regionCode) parts.push(sql`(region_code = ${filter.regionCode} or region_code is null)`);
  if (filter.entity) parts.push(sql`entity = ${filter.entity}`);
  if (filter.entities?.length)
    parts.push(
      sql`entity in (${sql.join(
        filter.entities.map((e) => sql`${e}`),
        sql`, `,
      )})`,
    );
  if (filter.entityId) parts.push(sql`entity_id = ${filter.entityId}`);
  if (filter.action) parts.push(sql`action = ${filter.action}`);
  if (filter.hideLogins)
    parts.push(
      sql`action not in (${sql.join(
        SESSION_ACTIONS.map((a) => sql`${a}`),
        sql`, `,
      )})`,
    );
  if (filter.actor) parts.push(sql`actor_name ilike ${likeContains(filter.actor)}`);
  if (filter.from) parts.push(sql`at >= ${filter.from.toISOString()}`);
  if (filter.to) parts.push(sql`at < ${filter.to.toISOString()}`);
  return sql.join(parts, sql` and `);
}

export function auditRepo(db: Database, ex: Executor): AuditRepo {
  return {
    async append(entries) {
      if (entries.length === 0) return;
      await ex.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
      const last = await one<{ hash: string }>(ex, sql`select hash from audit_log order by id desc limit 1`);
      let prev = last?.hash ?? GENESIS_HASH;
      const chained = entries.map((e) => {
        // Normalise through JSON so the hash covers exactly what jsonb will give back.
        const norm: AuditFields = {
          ...e,
          before: e.before === undefined ? null : JSON.parse(JSON.stringify(e.before)),
          after: e.after === undefined ? null : JSON.parse(JSON.stringify(e.after)),
        };
        const hash = auditHash(prev, norm);
        const row = { ...norm, prevHash: prev, hash };
        prev = hash;
        return row;
      });
      if (chained.length >= COPY_THRESHOLD) {
        await copyRows(
          db,
          ex as Tx,
          "audit_log",
          [
            "at",
            "actor_id",
            "actor_name",
            "region_code",
            "action",
            "entity",
            "entity_id",
            "before",
            "after",
            "reason",
            "prev_hash",
            "hash",
          ],
          chained.map((c) => [
            c.at,
            c.actorId,
            c.actorName,
            c.regionCode,
            c.action,
            c.entity,
            c.entityId,
            c.before === null ? null : JSON.stringify(c.before),
            c.after === null ? null : JSON.stringify(c.after),
            c.reason,
            c.prevHash,
            c.hash,
          ]),
        );
        return;
      }
      await ex.insert(auditLog).values(
        chained.map((c) => ({
          at: new Date(c.at),
          actorId: c.actorId,
          actorName: c.actorName,
          regionCode: c.regionCode,
          action: c.action,
          entity: c.entity,
          entityId: c.entityId,
          before: c.before,
          after: c.after,
          reason: c.reason,
          prevHash: c.prevHash,
          hash: c.hash,
        })),
      );
    },
    async page(filter, upTo, page, pageSize) {
      const found = await rows<AuditSqlRow>(
        ex,
        sql`select * from audit_log where ${auditWhere(filter)} and id <= ${upTo}
            order by id desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
      );
      return found.map((r): AuditEntry => toFields(r));
    },
    async count(filter, after, upTo) {
      const r = await one<{ n: number }>(
        ex,
        sql`select count(*)::int as n from audit_log where ${auditWhere(filter)} and id > ${after} and id <= ${upTo}`,
      );
      return r?.n ?? 0;
    },
    async lastId() {
      const r = await one<{ id: number | null }>(ex, sql`select max(id)::float8 as id from audit_log`);
      return r?.id ?? 0;
    },
    async *chain() {
      let after = 0;
      for (;;) {
        const batch = await rows<AuditSqlRow>(
          ex,
          sql`select * from audit_log where id > ${after} order by id limit 5000`,
        );
        if (batch.length === 0) return;
        yield batch.map(toFields);
        after = Number(batch[batch.length - 1]!.id);
      }
    },
  };
}
