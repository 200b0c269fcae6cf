import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GOAL_STATUSES } from "../../src/core/goals/workflow";
import { type DeclaredTable, declarationStatus } from "../../src/core/tasks/tasks";
import { rows } from "../../src/db/repos/rows";
import { DECLARATION_STATUS_SQL } from "../../src/db/repos/tasks/task-sql";
import { freshDb, type TestDb } from "../support/db";

/** The SQL aggregate that sets declaration tasks agrees with core's rule on every set of up to three tables. */
let db: TestDb;
beforeAll(async () => {
  db = await freshDb("empty");
});
afterAll(() => db.dispose());

describe("a declaration task's status in SQL", () => {
  it("is core's declarationStatus for every combination", async () => {
    const one: DeclaredTable[] = GOAL_STATUSES.flatMap((status) => [
      { status, edited: false },
      { status, edited: true },
    ]);
    const sets: DeclaredTable[][] = [];
    for (const a of one) {
      sets.push([a]);
      for (const b of one) {
        sets.push([a, b]);
        for (const c of one) sets.push([a, b, c]);
      }
    }
    const values = sets.flatMap((set, i) =>
      set.map((t) => sql`(${i}::int, ${t.status}::text, ${t.edited ? 2 : 1}::int, 1)`),
    );
    const found = await rows<{ grp: number; status: string }>(
      db.orm,
      sql`select g.grp, ${DECLARATION_STATUS_SQL} as status
          from (values ${sql.join(values, sql`, `)}) as g(grp, status, version, revision)
          group by g.grp order by g.grp`,
    );
    expect(found).toHaveLength(sets.length);
    const mismatches = found.filter((r) => r.status !== declarationStatus(sets[r.grp]!));
    expect(mismatches).toEqual([]);
  });
});
