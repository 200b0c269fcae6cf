import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../support/app";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const all = async (cookie: string, query = "") =>
  (await t.as(cookie, "GET", `/api/v1/projects?year=2024&pageSize=200${query}`)).json();

describe("data scope", () => {
  it("shows finance and the auditor the whole region", async () => {
    for (const u of ["finance", "staff", "auditor"]) expect((await all(await t.login(u))).total).toBe(1713);
  });

  it("shows a department its own projects and its units' only", async () => {
    const me = (await t.as(await t.login("dept"), "GET", "/api/v1/auth/me")).json().user;
    const page = await all(await t.login("dept"));
    expect(page.total).toBeGreaterThan(0);
    expect(page.total).toBeLessThan(1713);
    for (const p of page.rows) expect(p.department.id).toBe(me.org.id);
    const tree = (await t.as(await t.login("dept"), "GET", "/api/v1/org/tree")).json().nodes;
    expect(tree).toHaveLength(1);
    expect(tree[0].id).toBe(me.org.id);
  });

  it("shows a unit only its own projects and refuses another unit's project as not found", async () => {
    const cookie = await t.login("unit");
    const me = (await t.as(cookie, "GET", "/api/v1/auth/me")).json().user;
    const mine = await all(cookie);
    expect(mine.total).toBeGreaterThan(0);
    for (const p of mine.rows) expect(p.unit.id).toBe(me.org.id);
    const other = (await all(await t.login("finance"))).rows.find(
      (p: { unit: { id: number } }) => p.unit.id !== me.org.id,
    );
    const res = await t.as(cookie, "GET", `/api/v1/projects/${other.id}`);
    expect(res.statusCode).toBe(404);
  });

  it("shows a third-party firm only what is assigned to it", async () => {
    const cookie = await t.login("firm");
    expect((await all(cookie)).total).toBe(0);
    const me = (await t.as(cookie, "GET", "/api/v1/auth/me")).json().user;
    await t.db.orm.execute(
      sql`insert into assignments (region_code, org_id, project_id, purpose) select region_code, ${me.org.id}, id, 'review' from projects where fiscal_year = 2024 order by code limit 3`,
    );
    // This raw insert bypasses the use cases; the login below commits a transaction, which refreshes caches.
    const fresh = await t.login("expert");
    const assigned = await all(fresh);
    expect(assigned.total).toBe(3);
    expect((await t.as(fresh, "GET", `/api/v1/projects/${assigned.rows[0].id}`)).statusCode).toBe(200);
  });
});
