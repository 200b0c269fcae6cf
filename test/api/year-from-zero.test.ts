import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock, Deps } from "../../src/app/context";
import { noticeDueSoon } from "../../src/app/tasks/due-soon";
import { bootstrapRegion } from "../../src/app/users/bootstrap-region";
import { createUser } from "../../src/app/users/create-user";
import { createUnitOfWork } from "../../src/db/repos";
import { rows } from "../../src/db/repos/rows";
import { buildServer } from "../../src/server/app";
import { SESSION_COOKIE } from "../../src/server/auth/hook";
import { argon2Hasher } from "../../src/server/auth/password";
import { freshDb, type TestDb } from "../support/db";

/**
 * A district that starts from an empty database with its own small files: the administrator imports the
 * organisations, the 2025 projects and department budgets, opens the goal declaration, and the year's
 * tables go through units, departments and finance to approval. Tasks and notifications are checked at
 * every step.
 */
let now = new Date("2024-09-10T02:00:00Z"); // 10:00 on 10 September 2024 in Beijing
const clock: Clock = { now: () => now };
let db: TestDb;
let app: Awaited<ReturnType<typeof buildServer>>["app"];
let deps: Deps;
const cookies = new Map<string, string>();

async function login(username: string, password: string) {
  const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password } });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
  cookies.set(username, cookie);
  return cookie;
}
function as(username: string, method: string, url: string, body?: unknown) {
  const headers: Record<string, string> = { cookie: cookies.get(username)! };
  if (method !== "GET") headers["x-requested-with"] = "jixiao";
  return app.inject({
    method: method as "GET",
    url,
    headers,
    ...(body === undefined ? {} : { payload: body as object }),
  });
}
function upload(kind: string, csv: string) {
  const boundary = "----year-from-zero";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${kind}.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(csv),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: "POST",
    url: `/api/v1/imports/${kind}?mode=commit`,
    headers: {
      cookie: cookies.get("admin")!,
      "x-requested-with": "jixiao",
      "content-type": `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
}

const ORGS = `单位编码,单位名称,单位类型,上级编码,所属行业
301,测试区教育局,主管部门,,教育
301001,测试区第一小学,预算单位,301,教育
301002,测试区第二小学,预算单位,301,教育
302,测试区卫生健康局,主管部门,,卫生健康
302001,测试区疾控中心,预算单位,302,卫生健康`;

const PROJECT_HEADER =
  "预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）";
const PROJECTS = `${PROJECT_HEADER}
2025,P301001A,一小校舍维修,301,301001,一次性,否,500000.00,500000.00,500000.00,0
2025,P301001B,一小课后服务补助,301,301001,常年性,否,300000.00,300000.00,300000.00,0
2025,P301002A,二小图书购置,301,301002,一次性,否,120000.00,120000.00,120000.00,0
2025,P302001A,疾控免疫规划,302,302001,常年性,是,800000.00,800000.00,700000.00,100000.00`;

const DEPT_BUDGETS = `预算年度,主管部门编码,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）
2025,301,9000000.00,9000000.00,8800000.00,200000.00
2025,302,6000000.00,6000000.00,6000000.00,0`;

/** A goal table the quality checks accept: every level, quantitative targets with units, weights to 100. */
const SOUND = {
  overallGoal: "2025年完成校舍维修面积1200平方米，消除安全隐患，师生满意度不低于90%。",
  indicators: [
    ["产出指标", "数量指标", "维修面积", ">=", "1200", "平方米", 20],
    ["产出指标", "质量指标", "工程验收合格率", "=", "100", "%", 15],
    ["产出指标", "时效指标", "完工时间", "<=", "8", "月", 10],
    ["产出指标", "成本指标", "维修单价", "<=", "400", "元/平方米", 15],
    ["效益指标", "社会效益指标", "消除安全隐患处数", ">=", "12", "处", 20],
    ["效益指标", "可持续影响指标", "校舍使用年限延长", ">=", "10", "年", 10],
    ["满意度指标", "服务对象满意度指标", "师生满意度", ">=", "90", "%", 10],
  ].map(([level1, level2, name, operator, target, unit, weight]) => ({
    level1,
    level2,
    name,
    kind: "quantitative",
    operator,
    target,
    unit,
    weight,
    explanation: null,
  })),
};

beforeAll(async () => {
  db = await freshDb("empty");
  const setup: Deps = { uow: createUnitOfWork(db), clock, hasher: argon2Hasher };
  const actor = await bootstrapRegion(setup, { regionCode: "450299", regionName: "测试区" });
  await createUser(setup, actor, {
    username: "admin",
    displayName: "绩效股",
    role: "finance_admin",
    orgId: actor.orgId,
    password: "Admin-2025xy",
    mustChangePassword: false,
  });
  const server = await buildServer({ db, logLevel: "silent", deps: { clock } });
  app = server.app;
  deps = server.ctx.deps;
  await login("admin", "Admin-2025xy");
});
afterAll(async () => {
  await app.close();
  await db.dispose();
});

const rowsOf = <T>(query: ReturnType<typeof sql>) => rows<T>(db.orm, query);
const orgId = async (code: string) =>
  (await rows<{ id: number }>(db.orm, sql`select id from orgs where code = ${code}`))[0]!.id;

async function account(username: string, role: string, code: string) {
  const res = await as("admin", "POST", "/api/v1/users", {
    username,
    displayName: username,
    role,
    orgId: await orgId(code),
    password: "Start-2025xy",
  });
  expect(res.statusCode, res.body).toBe(201);
  // A new account sets its own password at first login.
  await login(username, "Start-2025xy");
  const changed = await as(username, "POST", "/api/v1/auth/password", {
    currentPassword: "Start-2025xy",
    newPassword: "Mine-2025xyz",
  });
  expect(changed.statusCode, changed.body).toBe(204);
  await login(username, "Mine-2025xyz");
}

const inbox = async (who: string) => (await as(who, "GET", "/api/v1/tasks/inbox")).json();
const notifications = async (who: string) => (await as(who, "GET", "/api/v1/notifications?pageSize=50")).json();

describe("a year from zero", () => {
  it("imports the district's organisations and its 2025 budget", async () => {
    for (const [kind, csv] of [
      ["orgs", ORGS],
      ["projects", PROJECTS],
      ["dept-budgets", DEPT_BUDGETS],
    ] as const) {
      const res = await upload(kind, csv);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    }
    await account("unit1", "unit", "301001");
    await account("unit2", "unit", "301002");
    await account("edu", "department", "301");
    await account("cdc", "unit", "302001");
    await account("health", "department", "302");
  });

  it("shows the default plan and refuses one in an order that cannot work, storing nothing", async () => {
    const plan = (await as("admin", "GET", "/api/v1/plan?year=2025")).json();
    expect(plan).toMatchObject({ stored: false, version: 0 });
    expect(plan.phases[0]).toMatchObject({ phase: "goal_declaration", startsOn: "2024-09-01", state: "current" });
    const phases = plan.phases.map((p: { phase: string; startsOn: string; endsOn: string }) =>
      p.phase === "self_evaluation" ? { ...p, startsOn: "2025-06-01" } : p,
    );
    const bad = await as("admin", "PUT", "/api/v1/plan?year=2025", { version: 0, phases });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: "PLAN_INVALID",
      message: "「单位自评」的开始日期 2025-06-01 早于「运行监控」的结束日期 2025-08-31",
    });
    expect((await as("admin", "GET", "/api/v1/plan?year=2025")).json().stored).toBe(false);
    // A unit can read the plan but not change it.
    expect((await as("unit1", "GET", "/api/v1/plan?year=2025")).statusCode).toBe(200);
    expect((await as("unit1", "PUT", "/api/v1/plan?year=2025", { version: 0, phases: plan.phases })).statusCode).toBe(
      403,
    );
  });

  it("refuses to open a year without budget data, or with a due date before the phase starts", async () => {
    const none = await as("admin", "POST", "/api/v1/plan/goal-declaration/open?year=2026", {});
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toMatchObject({ code: "PLAN_NO_BUDGET" });
    expect(none.json().error.message).toContain("2026年度尚未导入项目预算");
    const early = await as("admin", "POST", "/api/v1/plan/goal-declaration/open?year=2025", { dueOn: "2024-08-15" });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toBe("截止日期 2024-08-15 早于「目标申报」的开始日期 2024-09-01");
    const late = await as("admin", "POST", "/api/v1/plan/goal-declaration/open?year=2025", { dueOn: "9999-12-31" });
    expect(late.json().error.message).toBe("截止日期 9999-12-31 超出 2025 年度工作的范围（最晚 2027-12-31）");
    const tables = await rows<{ n: number }>(db.orm, sql`select count(*)::int as n from goal_tables`);
    expect(tables[0]!.n).toBe(0);
  });

  it("lets a unit start the table of its own project before the declaration opens, and no one else", async () => {
    const [project] = await rowsOf<{ id: number }>(sql`select id from projects where code = 'P301001A'`);
    const start = (who: string) => as(who, "POST", `/api/v1/projects/${project!.id}/goal-table`);
    // Another unit does not see the project; its department sees it but does not implement it.
    expect((await start("unit2")).statusCode).toBe(404);
    const byDept = await start("edu");
    expect([byDept.statusCode, byDept.json().error.code]).toEqual([403, "GOAL_NOT_DECLARER"]);
    expect((await start("admin")).json().error.code).toBe("GOAL_NOT_DECLARER");
    const before = (await as("unit1", "GET", `/api/v1/projects/${project!.id}`)).json();
    expect(before.goalTable).toBeNull();
    const started = await start("unit1");
    expect(started.statusCode, started.body).toBe(200);
    const after = (await as("unit1", "GET", `/api/v1/projects/${project!.id}`)).json();
    expect(after.goalTable).toEqual({ id: started.json().id, status: "draft" });
    const twice = await start("unit1");
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, "GOAL_TABLE_EXISTS"]);
    // Not opened yet: a draft, no task; the start is audited.
    expect(await rowsOf(sql`select id from tasks`)).toEqual([]);
    const audit = await rowsOf<{ n: number }>(
      sql`select count(*)::int as n from audit_log where entity = 'goal_table' and action = 'create'
          and entity_id = ${String(started.json().id)}`,
    );
    expect(audit[0]!.n).toBe(1);
    // The second unit starts its only project's table too: the opening will create none for it.
    const [other] = await rowsOf<{ id: number }>(sql`select id from projects where code = 'P301002A'`);
    expect((await as("unit2", "POST", `/api/v1/projects/${other!.id}/goal-table`)).statusCode).toBe(200);
  });

  it("opens the declaration: a draft table for every project and department, a task for every declarer, once", async () => {
    const open = await as("admin", "POST", "/api/v1/plan/goal-declaration/open?year=2025", { dueOn: "2024-10-31" });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json()).toEqual({
      dueOn: "2024-10-31",
      tablesCreated: 4, // two were started by their units
      tablesExisting: 2,
      tasksCreated: 5, // three units, and two departments for their department-wide tables
      tasksExisting: 0,
    });
    const again = await as("admin", "POST", "/api/v1/plan/goal-declaration/open?year=2025", { dueOn: "2024-10-31" });
    expect(again.json()).toMatchObject({ tablesCreated: 0, tablesExisting: 6, tasksCreated: 0, tasksExisting: 5 });
    const plan = (await as("admin", "GET", "/api/v1/plan?year=2025")).json();
    expect(plan.stored).toBe(true);
    expect(plan.phases[0]).toMatchObject({ dueOn: "2024-10-31", progress: { total: 5, submitted: 0, done: 0 } });
  });

  it("puts each unit's tasks in its inbox only, with one notification", async () => {
    const mine = await inbox("unit1");
    expect(mine.counts).toEqual({ open: 1, dueThisWeek: 0, overdue: 0, returned: 0 });
    expect(mine.tasks[0]).toMatchObject({
      title: "2025年度绩效目标申报（2 张目标表）",
      status: "todo",
      statusLabel: "待办",
      dueOn: "2024-10-31",
      overdue: false,
      link: "/goal-tables",
    });
    expect(mine.unread).toBe(1);
    const notes = await notifications("unit1");
    expect(notes.rows[0]).toMatchObject({ kind: "assigned", readAt: null });
    // Its second table it had started itself: the notice counts the one the opening made.
    expect(notes.rows[0].body).toContain("您有 1 张新的目标表待填报，请于 2024-10-31 前提交");
    // A unit whose only table it had started itself is told of its task all the same.
    const theirs = await notifications("unit2");
    expect(theirs.rows.map((n: { body: string }) => n.body)).toEqual([
      "2025年度绩效目标申报已下达：本单位已自行编制的目标表请于 2024-10-31 前提交",
    ]);
    // Scope: a unit lists its own tasks; another unit's task is not found.
    const list = (await as("unit1", "GET", "/api/v1/tasks?year=2025")).json();
    expect(list.total).toBe(1);
    const other = (await inbox("unit2")).tasks[0];
    expect((await as("unit1", "GET", `/api/v1/tasks/${other.id}`)).statusCode).toBe(404);
    // The department sees its own department-wide task in its inbox, and its units' tasks in the list.
    expect((await inbox("edu")).tasks.map((t: { title: string }) => t.title)).toEqual([
      "2025年度绩效目标申报（1 张目标表）",
    ]);
    expect((await as("edu", "GET", "/api/v1/tasks?year=2025")).json().total).toBe(3);
  });

  it("moves the unit's task with its tables: saved, submitted, returned, resubmitted, approved", async () => {
    const task = (await inbox("unit1")).tasks[0];
    const status = async () => (await as("unit1", "GET", `/api/v1/tasks/${task.id}`)).json().status;
    const tables = (await as("unit1", "GET", "/api/v1/goals/tables?year=2025")).json().rows;
    expect(tables).toHaveLength(2);
    const [first, second] = tables.map((t: { id: number }) => `/api/v1/goals/tables/${t.id}`);
    const version = async (url: string, who = "unit1") => (await as(who, "GET", url)).json().version;
    const act = async (who: string, url: string, action: string, comment?: string) => {
      const res = await as(who, "POST", `${url}/actions`, { version: await version(url, who), action, comment });
      expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    };
    const save = async (url: string) => {
      const res = await as("unit1", "PUT", url, { version: await version(url), ...SOUND });
      expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    };

    await save(first);
    expect(await status()).toBe("in_progress");
    await act("unit1", first, "submit");
    expect(await status()).toBe("in_progress"); // the second table is still a draft
    await save(second);
    await act("unit1", second, "submit");
    expect(await status()).toBe("submitted");
    await act("edu", first, "return", "请补充维修清单");
    expect(await status()).toBe("returned");
    expect((await inbox("unit1")).counts.returned).toBe(1);
    const returned = (await notifications("unit1")).rows[0];
    expect(returned).toMatchObject({
      kind: "returned",
      title: "目标表被退回：一小校舍维修",
      body: "退回意见：请补充维修清单",
    });
    await act("unit1", first, "submit");
    expect(await status()).toBe("submitted");
    for (const url of [first, second]) {
      await act("edu", url, "approve");
      await act("admin", url, "approve");
    }
    expect(await status()).toBe("done");
    const kinds = (await notifications("unit1")).rows.slice(0, 3).map((n: { title: string }) => n.title);
    expect(kinds).toContain("任务已完成");
    expect(kinds).toContain("目标表已批复：一小课后服务补助");
    expect((await inbox("unit1")).counts.open).toBe(0);
  });

  it("gives a project imported after opening its table and task in the same import", async () => {
    const res = await upload(
      "projects",
      `${PROJECT_HEADER}\n2025,P301002B,二小操场改造,301,301002,一次性,否,200000.00,200000.00,200000.00,0`,
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    expect((await inbox("unit2")).tasks.map((t: { title: string }) => t.title)).toEqual([
      "2025年度绩效目标申报（2 张目标表）",
    ]);
    expect((await notifications("unit2")).rows[0].body).toContain("您有 1 张新的目标表待填报");
  });

  it("starts only the unit's own table in an open year, never the year's opening under its name", async () => {
    // Two projects written around the import (the import would have given them tables): one of each unit.
    for (const [code, unit] of [
      ["P301002Z", "301002"],
      ["P301001Z", "301001"],
    ] as const)
      await db.orm.execute(sql`insert into projects (region_code, fiscal_year, code, name, department_id, unit_id,
                                 category, is_key, sector, initial_budget, adjusted_budget, fiscal_funds, other_funds)
        select region_code, fiscal_year, ${code}, '直接写入的项目', department_id, ${await orgId(unit)}, category, is_key,
               sector, initial_budget, adjusted_budget, fiscal_funds, other_funds
        from projects where code = 'P301002A'`);
    const before = (await notifications("unit1")).rows.length;
    const [mine] = await rowsOf<{ id: number }>(sql`select id from projects where code = 'P301002Z'`);
    expect((await as("unit2", "POST", `/api/v1/projects/${mine!.id}/goal-table`)).statusCode).toBe(200);
    const tables = await rowsOf<{ code: string }>(
      sql`select subject_code as code from goal_tables where subject_code in ('P301002Z', 'P301001Z')`,
    );
    expect(tables).toEqual([{ code: "P301002Z" }]);
    expect((await notifications("unit1")).rows.length).toBe(before);
    await db.orm.execute(sql`delete from goal_tables where subject_code = 'P301002Z'`);
    await db.orm.execute(sql`delete from projects where code in ('P301002Z', 'P301001Z')`);
  });

  it("lets finance see progress by department and remind the late, once recorded and audited", async () => {
    const progress = (await as("admin", "GET", "/api/v1/tasks/progress?year=2025")).json();
    expect(progress.rows.map((r: { department: { code: string } }) => r.department.code)).toEqual(["301", "302"]);
    expect(progress.total).toMatchObject({ total: 5, done: 1, submitted: 0 });
    expect(progress.rows[0]).toMatchObject({ total: 3, done: 1 });
    expect(progress.rows[0].approvalRate).toBeCloseTo(1 / 3);

    const late = (await inbox("cdc")).tasks[0];
    const reminded = await as("admin", "POST", `/api/v1/tasks/${late.id}/remind`, { version: late.version });
    expect(reminded.statusCode, reminded.body).toBe(200);
    expect(reminded.json()).toMatchObject({ reminders: 1 });
    expect((await notifications("cdc")).rows[0]).toMatchObject({ kind: "reminded", title: `催办：${late.title}` });
    const audit = (await as("admin", "GET", `/api/v1/audit?entity=task&entityId=${late.id}`)).json();
    expect(audit.rows[0]).toMatchObject({ action: "remind", after: { reminders: 1 } });

    // A second reminder within the hour is refused: a unit's inbox is not flooded.
    const again = await as("admin", "POST", `/api/v1/tasks/${late.id}/remind`, { version: late.version + 1 });
    expect(again.statusCode).toBe(429);
    expect(again.json().error.code).toBe("TASK_REMINDED_RECENTLY");

    const done = (await as("admin", "GET", "/api/v1/tasks?year=2025&status=done")).json().rows[0];
    const refused = await as("admin", "POST", `/api/v1/tasks/${done.id}/remind`, { version: done.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: "TASK_NOT_OPEN", message: "该任务已完成，无需催办" });
    // A department reminds its own units only.
    expect((await as("edu", "POST", `/api/v1/tasks/${late.id}/remind`, { version: late.version + 1 })).statusCode).toBe(
      404,
    );
  });

  it("moves the due date of open tasks when the declaration is opened again with another one", async () => {
    const reopened = await as("admin", "POST", "/api/v1/plan/goal-declaration/open?year=2025", { dueOn: "2024-11-15" });
    expect(reopened.json()).toMatchObject({ dueOn: "2024-11-15", tablesCreated: 0, tasksCreated: 0 });
    const dues = (await as("admin", "GET", "/api/v1/tasks?year=2025&pageSize=50"))
      .json()
      .rows.map((t: { status: string; dueOn: string }) => `${t.status} ${t.dueOn}`);
    expect(dues.filter((d: string) => d.startsWith("done"))).toEqual(["done 2024-10-31"]);
    expect(dues.filter((d: string) => !d.startsWith("done")).every((d: string) => d.endsWith("2024-11-15"))).toBe(true);
    // Back to the original deadline for the checks below.
    await as("admin", "POST", "/api/v1/plan/goal-declaration/open?year=2025", { dueOn: "2024-10-31" });
  });

  it("tells the owners of open tasks three days before the due day, once", async () => {
    now = new Date("2024-10-27T16:30:00Z"); // 00:30 on 28 October in Beijing: due in 3 days
    expect(await noticeDueSoon(deps)).toBe(4);
    expect(await noticeDueSoon(deps)).toBe(0);
    const rows = await rowsOf<{ user: string; n: number }>(
      sql`select u.username as user, count(*)::int as n from notifications n join users u on u.id = n.user_id
          where n.kind = 'due_soon' group by u.username order by u.username`,
    );
    // unit1's task is done; finance has none.
    expect(rows).toEqual([
      { user: "cdc", n: 1 },
      { user: "edu", n: 1 },
      { user: "health", n: 1 },
      { user: "unit2", n: 1 },
    ]);
  });

  it("counts a task overdue from the day after its due day in Beijing", async () => {
    now = new Date("2024-10-31T15:59:00Z"); // 23:59 on the due day
    // Seven weeks later every session has expired: sign in again.
    await login("admin", "Admin-2025xy");
    for (const user of ["cdc", "unit1"]) await login(user, "Mine-2025xyz");
    expect((await inbox("cdc")).counts.overdue).toBe(0);
    now = new Date("2024-10-31T16:00:00Z"); // 00:00 on 1 November
    expect((await inbox("cdc")).counts.overdue).toBe(1);
    expect((await as("admin", "GET", "/api/v1/tasks?year=2025&overdue=true")).json().total).toBe(4);
  });

  it("marks notifications read", async () => {
    expect((await notifications("unit1")).unread).toBeGreaterThan(0);
    const read = await as("unit1", "POST", "/api/v1/notifications/read", { all: true });
    expect(read.statusCode).toBe(204);
    expect((await inbox("unit1")).unread).toBe(0);
  });
});
