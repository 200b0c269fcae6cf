import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/repos/rows";
import { type TestApp, testApp } from "../support/app";

/**
 * Opening the goal declaration twice at once (two finance accounts; on PostgreSQL really concurrent):
 * every table exists once and every declaring organisation has exactly one task; the demo year's
 * approved tables give done tasks. (The demo opened it as it ran: the test starts from before that.)
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  // The demo opened 2024 as it ran; this test needs the year as it was before opening: tables, no tasks.
  await t.db.orm.execute(sql`delete from notifications`);
  await t.db.orm.execute(sql`delete from outbox`);
  await t.db.orm.execute(sql`delete from tasks where fiscal_year = 2024`);
  await t.db.orm.execute(
    sql`delete from plan_phases where plan_id in (select id from work_plans where fiscal_year = 2024)`,
  );
  await t.db.orm.execute(sql`delete from work_plans where fiscal_year = 2024`);
});
afterAll(() => t.close());

describe("opening the goal declaration concurrently", () => {
  it("creates each task once, whoever wins", async () => {
    const [staff, finance] = [await t.login("staff"), await t.login("finance")];
    const open = (who: string) => t.as(who, "POST", "/api/v1/plan/goal-declaration/open?year=2024", {});
    const results = await Promise.all([open(staff), open(finance)]);
    for (const r of results) expect([200, 409], r.body).toContain(r.statusCode);
    expect(results.some((r) => r.statusCode === 200)).toBe(true);
    const created = results.filter((r) => r.statusCode === 200).map((r) => r.json().tasksCreated);
    const declarers = await rows<{ n: number }>(
      t.db.orm,
      sql`select count(distinct case when subject_kind = 'project' then unit_id else department_id end)::int as n
          from goal_tables where fiscal_year = 2024 and is_current`,
    );
    expect(created.reduce((a, b) => a + b, 0)).toBe(declarers[0]!.n);
    for (const r of results.filter((x) => x.statusCode === 200)) expect(r.json().tablesCreated).toBe(0);

    const [counts] = await rows<{ tasks: number; objects: number; done: number }>(
      t.db.orm,
      sql`select count(*)::int as tasks, count(distinct object_id)::int as objects,
                 count(*) filter (where status = 'done')::int as done
          from tasks where fiscal_year = 2024 and kind = 'goal_declaration'`,
    );
    const n = declarers[0]!.n;
    expect(counts).toEqual({ tasks: n, objects: n, done: n });
    const again = await open(staff);
    expect(again.json()).toMatchObject({
      tablesCreated: 0,
      tablesExisting: 1767,
      tasksCreated: 0,
      tasksExisting: n,
    });
  });
});
