import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { LoginThrottleRepo } from "../../app/auth/ports";
import type { Executor } from "../client";
import { one } from "./rows";

export function loginThrottleRepo(ex: Executor): LoginThrottleRepo {
  return {
    async attempt(key, now, windowMs, slow) {
      const since = new Date(now.getTime() - windowMs);
      const after = slow?.after ?? 2_147_483_647;
      const slot = new Date(now.getTime() + (slow?.spacingMs ?? 0));
      const holder = randomUUID();
      // One statement: concurrent attempts on one key serialise on its row in the upsert, which reads the row's
      // latest version, so each sees its own count; past the threshold only one of them finds the slot free and
      // takes it, writing its own name into `slot_holder` (RETURNING shows only new values, and two attempts
      // may read the same clock).
      const r = await one<{ failures: number; window_start: Date; next_slot: Date | null; refused: boolean }>(
        ex,
        sql`with up as (
              insert into login_throttle as t (key, window_start, failures) values (${key}, ${now}, 1)
              on conflict (key) do update set
                failures = case when t.window_start <= ${since} then 1 else t.failures + 1 end,
                window_start = case when t.window_start <= ${since} then ${now} else t.window_start end,
                next_slot = case
                  when t.window_start <= ${since} then null
                  when t.failures + 1 > ${after} and (t.next_slot is null or t.next_slot <= ${now}) then ${slot}
                  else t.next_slot end,
                slot_holder = case
                  when t.window_start <= ${since} then null
                  when t.failures + 1 > ${after} and (t.next_slot is null or t.next_slot <= ${now}) then ${holder}
                  else t.slot_holder end
              returning failures, window_start, next_slot, slot_holder)
            select failures, window_start, next_slot,
                   failures > ${after} and slot_holder is distinct from ${holder} as refused
            from up`,
      );
      return {
        count: r!.failures,
        windowStart: new Date(r!.window_start),
        retryAt: r!.refused && r!.next_slot !== null ? new Date(r!.next_slot) : null,
      };
    },
    async forgive(key) {
      await ex.execute(sql`update login_throttle set failures = greatest(failures - 1, 0) where key = ${key}`);
    },
    async clear(key) {
      await ex.execute(sql`delete from login_throttle where key = ${key}`);
    },
    async purge(before) {
      const r = await ex.execute(sql`delete from login_throttle where window_start < ${before}`);
      const result = r as unknown as { rowCount?: number | null; affectedRows?: number };
      const purged = result.rowCount ?? result.affectedRows ?? 0;
      // The embedded database has no autovacuum: without this, counters of rotating addresses and names
      // would keep the table growing although every row is purged.
      if (purged > 0) await ex.execute(sql`vacuum login_throttle`);
      return purged;
    },
  };
}
