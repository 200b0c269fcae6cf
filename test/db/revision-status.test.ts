import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GOAL_STATUSES } from "../../src/core/goals/workflow";
import { type RevisedTable, revisionStatus } from "../../src/core/tasks/tasks";
import { rows } from "../../src/db/repos/rows";
import { REVISION_STATUS_SQL } from "../../src/db/repos/tasks/task-sql";
import { freshDb, type TestDb } from "../support/db";

/** The SQL that sets revision tasks (要求调整) agrees with core's rule for every current table. */
let db: TestDb;
beforeAll(async () => {
  db = await freshDb("empty");
});
afterAll(() => db.dispose());

describe("a revision task's status in SQL", () => {
  it("is core's revisionStatus for every current revision and status, and without a current table", async () => {
    const cases: RevisedTable[] = [{ askedRevision: 1, current: null }];
    for (const status of GOAL_STATUSES)
      for (const revision of [1, 2, 3]) cases.push({ askedRevision: 2, current: { revision, status } });
    const values = cases.map(
      (c, i) =>
        sql`(${i}::int, ${c.askedRevision}::int, ${c.current ? 1 : null}::int, ${c.current?.revision ?? null}::int, ${c.current?.status ?? null}::text)`,
    );
    const found = await rows<{ i: number; status: string }>(
      db.orm,
      sql`select v.i, ${REVISION_STATUS_SQL} as status
          from (values ${sql.join(values, sql`, `)}) as v(i, asked, cid, crev, cstatus)
          cross join lateral (select v.asked as revision) a
          cross join lateral (select v.cid as id, v.crev as revision, v.cstatus as status) c
          order by v.i`,
    );
    expect(found).toHaveLength(cases.length);
    expect(found.filter((r) => r.status !== revisionStatus(cases[r.i]!))).toEqual([]);
    // The statuses the request goes through, in order.
    expect(
      (["approved", "draft", "submitted", "returned", "dept_approved", "approved"] as const).map((status, n) =>
        revisionStatus({ askedRevision: 1, current: { revision: n === 0 ? 1 : 2, status } }),
      ),
    ).toEqual(["todo", "in_progress", "submitted", "returned", "submitted", "done"]);
  });
});
