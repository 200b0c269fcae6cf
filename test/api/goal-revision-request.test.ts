import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/app/context";
import { rows } from "../../src/db/repos/rows";
import { type TestApp, testApp } from "../support/app";

/**
 * 要求调整: finance asks the declarer of an approved goal table to revise it. The request is a
 * 绩效目标调整 task about the table, in the declarer's inbox, whose status follows the revision through
 * the workflow; asking again while it is open is refused; only finance may ask.
 */
const clock: Clock = { now: () => new Date("2024-11-20T02:00:00Z") };
let t: TestApp;
let finance: string;
let dept: string;
let unit: string;
let auditor: string;
/** The demo's own revision requests (its monitoring's 调整绩效目标 follow-ups): nothing below may add to them. */
let demoRevisions: number;
const revisionTasks = async () =>
  (await rows<{ n: number }>(t.db.orm, sql`select count(*)::int as n from tasks where kind = 'goal_revision'`))[0]!.n;

interface Task {
  id: number;
  kind: string;
  status: string;
  title: string;
  dueOn: string;
  org: { code: string };
  objectKind: string;
  objectId: number;
  link: string;
}

const get = async (cookie: string, id: number) => (await t.as(cookie, "GET", `/api/v1/goals/tables/${id}`)).json();
const act = async (cookie: string, id: number, action: string, comment?: string) => {
  const { version } = await get(cookie, id);
  const res = await t.as(cookie, "POST", `/api/v1/goals/tables/${id}/actions`, { version, action, comment });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; status: string };
};
const ask = (cookie: string, id: number, body: Record<string, unknown>) =>
  t.as(cookie, "POST", `/api/v1/goals/tables/${id}/revision-request`, body);
const task = async (cookie: string, id: number): Promise<Task> => {
  const res = await t.as(cookie, "GET", `/api/v1/tasks/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const inbox = async (cookie: string): Promise<Task[]> =>
  (await t.as(cookie, "GET", "/api/v1/tasks/inbox")).json().tasks;

/** The school's (unit account's) approved project tables without errors, as the list shows them. */
async function approvedOfSchool() {
  const list = (await t.as(unit, "GET", "/api/v1/goals/tables?year=2024&status=approved&pageSize=100")).json();
  return list.rows as { id: number; errors: number; subjectCode: string; subjectName: string }[];
}

beforeAll(async () => {
  t = await testApp("demo", { clock });
  [finance, dept, unit, auditor] = [
    await t.login("staff"),
    await t.login("dept"),
    await t.login("unit"),
    await t.login("auditor"),
  ];
  // Start from read inboxes, so that the notices counted below are this test's.
  await t.db.orm.execute(sql`update notifications set read_at = now() where read_at is null`);
  demoRevisions = await revisionTasks();
});
afterAll(() => t.close());

describe("who may ask, and what", () => {
  it("lets only finance ask; others get 403 and nothing is written", async () => {
    const [table] = await approvedOfSchool();
    for (const who of [unit, dept, auditor]) {
      const res = await ask(who, table!.id, { reason: "指标值偏低", dueOn: "2024-12-10" });
      expect(res.statusCode).toBe(403);
    }
    expect(await revisionTasks()).toBe(demoRevisions);
  });

  it("refuses a missing reason, a bad or past due date, and a table that is not approved, in Chinese", async () => {
    const [table] = await approvedOfSchool();
    const noReason = await ask(finance, table!.id, { reason: "  ", dueOn: "2024-12-10" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain("调整要求（reason）");
    const bad = await ask(finance, table!.id, { reason: "指标值偏低", dueOn: "2024-02-30" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("dueOn");
    const past = await ask(finance, table!.id, { reason: "指标值偏低", dueOn: "2024-11-19" });
    expect(past.json().error).toMatchObject({ code: "GOAL_REVISION_DUE_INVALID", details: { field: "dueOn" } });
    expect(past.json().error.message).toContain("早于今天");
    const late = await ask(finance, table!.id, { reason: "指标值偏低", dueOn: "2025-11-22" });
    expect(late.json().error.code).toBe("GOAL_REVISION_DUE_INVALID");
    const missing = await ask(finance, 99_999_999, { reason: "指标值偏低", dueOn: "2024-12-10" });
    expect(missing.statusCode).toBe(404);
    expect(await revisionTasks()).toBe(demoRevisions);
  });
});

describe("the revision task follows the table", () => {
  it("runs ask → to do in the unit's inbox → revised → submitted → approved by department and finance → done", async () => {
    const table = (await approvedOfSchool()).find((r) => r.errors === 0)!;
    const asked = await ask(finance, table.id, { reason: "满意度指标目标值偏低，请调整", dueOn: "2024-12-10" });
    expect(asked.statusCode, asked.body).toBe(201);
    const created: Task = asked.json();
    expect(created).toMatchObject({
      kind: "goal_revision",
      status: "todo",
      dueOn: "2024-12-10",
      org: { code: "120001" },
      objectKind: "goal_table",
      objectId: table.id,
      link: `/goal-tables/${table.id}`,
    });
    expect(created.title).toContain(table.subjectName);

    // In the school's inbox, leading to the table; the school was told, with the reason.
    const mine = (await inbox(unit)).find((x) => x.id === created.id);
    expect(mine).toMatchObject({ status: "todo", link: `/goal-tables/${table.id}` });
    const notices = (await t.as(unit, "GET", "/api/v1/notifications?unreadOnly=true")).json().rows;
    expect(notices).toContainEqual(
      expect.objectContaining({
        kind: "assigned",
        taskId: created.id,
        body: expect.stringContaining("满意度指标目标值偏低"),
      }),
    );
    // Not in the department's own inbox (the school declares the table), but within its task scope.
    expect((await inbox(dept)).some((x) => x.id === created.id)).toBe(false);
    expect((await task(dept, created.id)).status).toBe("todo");
    // The request is in the table's history and the audit log.
    const history = (await get(unit, table.id)).transitions;
    expect(history.at(-1)).toMatchObject({ action: "request_revision", comment: "满意度指标目标值偏低，请调整" });
    const [audit] = await rows<{ reason: string; after: { taskId: number } }>(
      t.db.orm,
      sql`select reason, after from audit_log where action = 'request_revision' and entity_id = ${String(table.id)}`,
    );
    expect(audit).toMatchObject({ reason: "满意度指标目标值偏低，请调整", after: { taskId: created.id } });

    // Asking twice while the task is open: 409, naming the task.
    const twice = await ask(finance, table.id, { reason: "再次要求", dueOn: "2024-12-15" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("GOAL_REVISION_REQUESTED");
    expect(twice.json().error.message).toContain("任务完成前不能再次要求");

    // The school revises: in progress, and the task now leads to the new revision.
    const draft = await act(unit, table.id, "revise", "按财政要求调整满意度指标");
    let now = await task(unit, created.id);
    expect(now).toMatchObject({ status: "in_progress", link: `/goal-tables/${draft.id}` });
    expect((await t.as(unit, "GET", `/api/v1/tasks/${created.id}`)).json().objectId).toBe(table.id);

    await act(unit, draft.id, "submit");
    expect((await task(unit, created.id)).status).toBe("submitted");
    // Still one request per table while the revision is under review.
    expect((await ask(finance, table.id, { reason: "再次要求", dueOn: "2024-12-15" })).statusCode).toBe(409);

    await act(dept, draft.id, "return", "请补充调整依据");
    expect((await task(unit, created.id)).status).toBe("returned");
    await act(unit, draft.id, "submit");
    await act(dept, draft.id, "approve");
    expect((await task(unit, created.id)).status).toBe("submitted");
    await act(finance, draft.id, "approve");
    now = await task(unit, created.id);
    expect(now.status).toBe("done");
    expect((await inbox(unit)).some((x) => x.id === created.id)).toBe(false);
    const done = (await t.as(unit, "GET", "/api/v1/notifications?unreadOnly=true")).json().rows;
    expect(done).toContainEqual(
      expect.objectContaining({ taskId: created.id, body: expect.stringContaining("调整后的目标表已批复") }),
    );

    // The replaced revision can no longer be asked about; the new one can.
    const old = await ask(finance, table.id, { reason: "再次要求", dueOn: "2024-12-15" });
    expect(old.json().error.code).toBe("GOAL_REVISION_NOT_APPROVED");
    const again = await ask(finance, draft.id, { reason: "再次要求", dueOn: "2024-12-15" });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ status: "todo", objectId: draft.id });
  });

  it("gives a department's own table to the department, and refuses a table still being declared", async () => {
    const deptWide = (await t.as(dept, "GET", "/api/v1/goals/tables?year=2024&subjectKind=deptWide")).json().rows[0];
    expect(deptWide.status).toBe("approved");
    const asked = await ask(finance, deptWide.id, { reason: "部门整体目标过于笼统", dueOn: "2024-12-31" });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json().org.code).toBe("120");
    expect((await inbox(dept)).map((x) => x.id)).toContain(asked.json().id);

    // The department's revision in draft: it is not approved, so there is nothing to ask about.
    const draft = await act(dept, deptWide.id, "revise", "按财政要求调整");
    expect((await task(dept, asked.json().id)).status).toBe("in_progress");
    const notApproved = await ask(finance, draft.id, { reason: "x", dueOn: "2024-12-31" });
    expect(notApproved.statusCode).toBe(400);
    expect(notApproved.json().error).toMatchObject({ code: "GOAL_REVISION_NOT_APPROVED" });
    expect(notApproved.json().error.message).toContain("草稿");
  });
});

describe("the findings list", () => {
  it("shows each table's status and whether a revision was asked, and filters by status", async () => {
    const url = "/api/v1/goals/lint/findings?year=2024&severity=error&status=approved&pageSize=50";
    const before = (await t.as(finance, "GET", url)).json();
    expect(before.total).toBeGreaterThan(0);
    for (const r of before.rows) {
      expect(r.table.status).toBe("approved");
      expect(r.table.errors).toBeGreaterThan(0);
    }
    const target = before.rows.find((r: { revisionTask: unknown }) => r.revisionTask === null);
    const asked = await ask(finance, target.table.id, { reason: "审核发现错误，请调整", dueOn: "2024-12-20" });
    expect(asked.statusCode).toBe(201);
    const after = (await t.as(finance, "GET", url)).json();
    const row = after.rows.find((r: { table: { id: number } }) => r.table.id === target.table.id);
    expect(row.revisionTask).toEqual({ id: asked.json().id, status: "todo", dueOn: "2024-12-20" });

    const drafts = (await t.as(finance, "GET", "/api/v1/goals/lint/findings?year=2024&status=draft")).json();
    for (const r of drafts.rows) expect(r.table.status).toBe("draft");
    const badStatus = await t.as(finance, "GET", "/api/v1/goals/lint/findings?year=2024&status=done");
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.body).toContain("status");
  });
});
