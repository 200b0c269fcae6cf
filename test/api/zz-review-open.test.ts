import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/repos/rows";
import { type TestApp, testApp } from "../support/app";

let t: TestApp;
const q = <T = any>(s: ReturnType<typeof sql>) => rows<T>(t.db.orm, s);
beforeAll(async () => { t = await testApp(); });
afterAll(() => t.close());

async function newProject(year: number, code: string, unitId: number) {
  const [u] = await q(sql`select id, parent_id, kind from orgs where id = ${unitId}`);
  const dept = u.kind === "department" ? u.id : u.parent_id;
  const [p] = await q<{ id: number }>(sql`insert into projects (region_code, fiscal_year, code, name, department_id, unit_id, category)
    values ('450202', ${year}, ${code}, ${"测试" + code}, ${dept}, ${unitId}, 'one_off') returning id`);
  return p!.id;
}

describe("start in an open year", () => {
  it("side effects", async () => {
    const p1 = await newProject(2024, "ZZ1001", 91);
    const p2 = await newProject(2024, "ZZ1002", 57);
    const before = await q(sql`select id, org_id, status, title, done_at, updated_at from tasks where fiscal_year=2024 and org_id in (91,57)`);
    const notesBefore = await q(sql`select count(*)::int n from notifications`);
    const uc = await t.login("unit");
    const r = await t.as(uc, "POST", `/api/v1/projects/${p1}/goal-table`);
    console.log(r.statusCode, r.body);
    console.log("tasks before", before);
    console.log("tasks after", await q(sql`select id, org_id, status, title, done_at, updated_at from tasks where fiscal_year=2024 and org_id in (91,57)`));
    console.log("tables", await q(sql`select id, subject_code, unit_id, status, created_at from goal_tables where subject_code like 'ZZ%'`));
    console.log("audit", await q(sql`select action, entity, entity_id, actor_name, reason from audit_log where entity='goal_table' and at > now() - interval '1 day' order by id desc limit 5`).catch(e=>e.message));
    console.log("notes", notesBefore, await q(sql`select n.user_id, n.kind, n.title, n.body from notifications n order by n.id desc limit 5`).catch(e=>e.message));
  });

  it("project moved to another unit", async () => {
    // a 2024 project of unit 91 with a table; move it to unit 92 (what a re-import with another unit does)
    const [p] = await q(sql`select p.id, p.code from projects p where p.unit_id = 91 and p.fiscal_year = 2024 limit 1`);
    await t.db.orm.execute(sql`update projects set unit_id = 92 where id = ${p.id}`);
    const u2 = await q(sql`select username from users where org_id = 92`);
    const c = await t.login(u2[0].username);
    const g = await t.as(c, "GET", `/api/v1/projects/${p.id}`);
    console.log("new unit sees", g.statusCode, JSON.stringify(g.json().goalTable));
    const tbl = await t.as(c, "GET", `/api/v1/goals/tables/${g.json().goalTable?.id}`);
    console.log("new unit opens table", tbl.statusCode, tbl.body.slice(0, 100));
    const s = await t.as(c, "POST", `/api/v1/projects/${p.id}/goal-table`);
    console.log("new unit starts", s.statusCode, s.body.slice(0, 150));
    const old = await t.login("unit");
    console.log("old unit opens table", (await t.as(old, "GET", `/api/v1/goals/tables/${g.json().goalTable?.id}`)).statusCode);
  });
});
