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

describe("review start", () => {
  it("roles and ids", async () => {
    const users = await q(sql`select u.username, u.role, u.org_id from users u`);
    console.log(users.map((u) => `${u.username}:${u.role}:${u.org_id}`).join(" "));
    const unit = users.find((u) => u.username === "unit")!;
    const dept = users.find((u) => u.username === "dept")!;
    const other = await q(sql`select id from orgs where kind='unit' and id <> ${unit.org_id} and parent_id = ${dept.org_id} limit 1`);
    const pid = await newProject(2025, "ZZ0001", unit.org_id);
    const pOther = await newProject(2025, "ZZ0002", other[0].id);
    const pDept = await newProject(2025, "ZZ0003", dept.org_id);
    // assign firm/expert to pid
    for (const u of users.filter((u) => u.role === "firm" || u.role === "expert"))
      await t.db.orm.execute(sql`insert into assignments (region_code, org_id, project_id, purpose) values ('450202', ${u.org_id}, ${pid}, 'review') on conflict do nothing`).catch((e) => console.log("assign", e.message));
    const res: Record<string, string> = {};
    for (const name of ["finance", "staff", "dept", "auditor", "firm", "expert"]) {
      const c = await t.login(name);
      const r = await t.as(c, "POST", `/api/v1/projects/${pid}/goal-table`);
      res[name] = `${r.statusCode} ${r.body.slice(0, 100)}`;
      const g = await t.as(c, "GET", `/api/v1/projects/${pid}`);
      res[name + "-get"] = `${g.statusCode} ${JSON.stringify(g.json().goalTable)}`;
    }
    const uc = await t.login("unit");
    for (const id of ["0", "-1", "2147483648", "2147483647", "abc", "1e0", "0x1", "%20" + pid, `${pid}.0`, `${pOther}`, "", `${pid}?x=1`]) {
      const r = await t.as(uc, "POST", `/api/v1/projects/${id}/goal-table`);
      res[`unit ${id}`] = `${r.statusCode} ${r.body.slice(0, 120)}`;
    }
    const dc = await t.login("dept");
    res["dept own"] = (await t.as(dc, "POST", `/api/v1/projects/${pDept}/goal-table`)).body;
    res["dept again"] = (await t.as(dc, "POST", `/api/v1/projects/${pDept}/goal-table`)).body;
    // with a JSON body
    res["unit body"] = (await t.as(uc, "POST", `/api/v1/projects/${pid}/goal-table`, { anything: 1 })).body;
    console.log(res);
    console.log(await q(sql`select id, fiscal_year, subject_code, unit_id, department_id, project_id, status, template_version, created_at from goal_tables where fiscal_year=2025`));
    console.log(await q(sql`select * from tasks where fiscal_year=2025`));
  });

  it("concurrent starts (pglite)", async () => {
    const users = await q(sql`select u.username, u.role, u.org_id from users u`);
    const unit = users.find((u) => u.username === "unit")!;
    const pid = await newProject(2025, "ZZ0010", unit.org_id);
    const uc = await t.login("unit");
    const rs = await Promise.all(Array.from({ length: 5 }, () => t.as(uc, "POST", `/api/v1/projects/${pid}/goal-table`)));
    console.log(rs.map((r) => `${r.statusCode} ${r.body.slice(0, 80)}`));
  });
});
