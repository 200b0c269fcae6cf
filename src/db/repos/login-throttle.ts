import { sql } from "drizzle-orm";
import type { LoginThrottleRepo } from "../../app/ports";
import type { Executor } from "../client";
import { one } from "./rows";

export function loginThrottleRepo(ex: Executor): LoginThrottleRepo {
  return {
    async count(key, now, windowMs) {
      const since = new Date(now.getTime() - windowMs);
      // One statement: concurrent attempts on one key serialise on its row, so each sees its own count.
      const r = await one<{ failures: number; window_start: Date }>(
        ex,
        sql`insert into login_throttle (key, window_start, failures) values (${key}, ${now}, 1)
            on conflict (key) do update set
              failures = case when login_throttle.window_start <= ${since} then 1 else login_throttle.failures + 1 end,
              window_start = case when login_throttle.window_start <= ${since} then ${now} else login_throttle.window_start end,
              next_slot = case when login_throttle.window_start <= ${since} then null else login_throttle.next_slot end
            returning failures, window_start`,
      );
      return { count: r!.failures, windowStart: new Date(r!.window_start) };
    },
    async takeSlot(key, now, windowMs, threshold, spacingMs) {
      const since = new Date(now.getTime() - windowMs);
      const taken = await one<{ key: string }>(
        ex,
        sql`update login_throttle set next_slot = ${new Date(now.getTime() + spacingMs)}
            where key = ${key} and window_start > ${since} and failures >= ${threshold}
              and (next_slot is null or next_slot <= ${now})
            returning key`,
      );
      if (taken) return null;
      const row = await one<{ next_slot: Date | null; failures: number; window_start: Date }>(
        ex,
        sql`select next_slot, failures, window_start from login_throttle where key = ${key}`,
      );
      if (!row || row.failures < threshold || new Date(row.window_start) <= since || row.next_slot === null)
        return null;
      const next = new Date(row.next_slot);
      return next > now ? next : null;
    },
    async clear(key) {
      await ex.execute(sql`delete from login_throttle where key = ${key}`);
    },
    async purge(before) {
      const r = await ex.execute(sql`delete from login_throttle where window_start < ${before}`);
      const result = r as unknown as { rowCount?: number | null; affectedRows?: number };
      return result.rowCount ?? result.affectedRows ?? 0;
    },
  };
}
