import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUnitOfWork } from "../../src/db/repos";
import { one } from "../../src/db/repos/rows";
import { freshDb, type TestDb } from "../support/db";

/**
 * tasks.submitted_at, kept by the tasks_handed_in trigger (migration 0015): when the owner handed the work in,
 * which 任务完成及时性 judges. Each step below runs in a transaction dated by its own clock, as the modules'
 * statements do.
 */
let db: TestDb;
let task: number;
beforeAll(async () => {
  db = await freshDb("empty");
  const uow = createUnitOfWork(db);
  await uow.transaction((repos) => repos.orgs.ensureRegion("990002", "测试区"));
  const org = await uow.transaction((repos) =>
    repos.orgs.insert({
      regionCode: "990002",
      code: "101",
      name: "测试局",
      kind: "department",
      parentId: null,
      path: "101",
      sector: null,
      contactName: null,
      contactPhone: null,
      sortOrder: 0,
    }),
  );
  const created = await one<{ id: number }>(
    db.orm,
    sql`insert into tasks (region_code, fiscal_year, kind, org_id, object_kind, object_id, title, due_on, status)
        values ('990002', 2025, 'goal_declaration', ${org.id}, 'org', ${org.id}, '绩效目标申报', '2025-03-31', 'todo')
        returning id`,
  );
  task = created!.id;
});
afterAll(() => db.dispose());

/** Moves the task in a transaction whose application clock reads `at` (as a dated unit of work sets it). */
async function move(status: string, at: string) {
  await db.orm.transaction(async (tx) => {
    await tx.execute(sql`select set_config('jixiao.now', ${at}, true)`);
    await tx.execute(
      sql`update tasks set status = ${status}, done_at = case when ${status} = 'done' then app_now() end
          where id = ${task}`,
    );
  });
}

const times = async () =>
  one<{ submitted: string | null; first_done: string | null }>(
    db.orm,
    sql`select to_char(submitted_at at time zone 'UTC', 'YYYY-MM-DD') as submitted,
               to_char(first_done_at at time zone 'UTC', 'YYYY-MM-DD') as first_done
        from tasks where id = ${task}`,
  );

describe("when a task was handed in", () => {
  it("is the last submission before it is first done: a resubmission after a return counts from then", async () => {
    expect(await times()).toEqual({ submitted: null, first_done: null });
    await move("submitted", "2025-03-20T02:00:00Z");
    expect((await times())!.submitted).toBe("2025-03-20");
    await move("returned", "2025-03-25T02:00:00Z");
    await move("submitted", "2025-04-02T02:00:00Z");
    expect((await times())!.submitted).toBe("2025-04-02");
  });

  it("stays when finance approves later, and when the work reopens after it was done", async () => {
    await move("done", "2025-04-20T02:00:00Z");
    expect(await times()).toEqual({ submitted: "2025-04-02", first_done: "2025-04-20" });
    // A goal table revised in the summer reopens the declaration; handing the revision in moves nothing.
    await move("in_progress", "2025-07-01T02:00:00Z");
    await move("submitted", "2025-07-05T02:00:00Z");
    await move("done", "2025-07-10T02:00:00Z");
    expect(await times()).toEqual({ submitted: "2025-04-02", first_done: "2025-04-20" });
  });
});
