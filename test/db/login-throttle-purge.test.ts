import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loginThrottleRepo } from "../../src/db/repos/login-throttle";
import { freshDb, type TestDb } from "../support/db";

let db: TestDb;
beforeAll(async () => {
  db = await freshDb("empty");
});
afterAll(() => db.dispose());

/** Counters of rotating addresses are purged hourly; the space they took must be reused, not kept. */
it("reuses the space of purged login counters, so a flood of fresh keys does not grow the table round after round", async () => {
  const repo = loginThrottleRepo(db.orm);
  const size = async () =>
    Number(
      (
        (await db.orm.execute(sql`select pg_total_relation_size('login_throttle') as n`)) as unknown as {
          rows: { n: string | number }[];
        }
      ).rows[0]!.n,
    );
  const sizes: number[] = [];
  for (let round = 0; round < 4; round++) {
    const at = new Date(Date.UTC(2025, 2, 1, round));
    for (let i = 0; i < 800; i++) await repo.attempt(`a:${round}.${i}.${"x".repeat(200)}`, at, 600_000);
    expect(await repo.purge(new Date(at.getTime() + 1))).toBe(800);
    sizes.push(await size());
  }
  // The first round sets the size; later rounds fit in the space the purge freed.
  expect(sizes[3]!).toBeLessThanOrEqual(sizes[1]! * 1.2);
});
