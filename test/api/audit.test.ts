import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../support/app";

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await testApp();
  admin = await t.login("finance");
});
afterAll(() => t.close());

describe("audit log", () => {
  it("answers only what its contract declares: the rows' chain hashes, held by the repository, stay inside", async () => {
    const res = await t.as(admin, "GET", "/api/v1/audit?pageSize=5");
    expect(res.statusCode).toBe(200);
    const row = res.json().rows[0];
    expect(Object.keys(row).sort()).toEqual(
      [
        "action",
        "actorId",
        "actorName",
        "after",
        "at",
        "before",
        "entity",
        "entityId",
        "id",
        "reason",
        "regionCode",
      ].sort(),
    );
    const found = (await t.db.orm.execute(sql`select hash from audit_log where id = ${row.id}`)) as unknown as {
      rows: { hash: string }[];
    };
    const stored = found.rows[0];
    expect(stored!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body).not.toContain(stored!.hash);
  });

  it("records a change with actor, entity, before and after in the same transaction", async () => {
    const tree = (await t.as(admin, "GET", "/api/v1/org/tree")).json().nodes;
    const dept = tree.find((n: { kind: string }) => n.kind === "department");
    const res = await t.as(admin, "PATCH", `/api/v1/org/orgs/${dept.id}`, {
      version: dept.version,
      contactName: "王晓红",
    });
    expect(res.statusCode).toBe(200);
    const log = (await t.as(admin, "GET", `/api/v1/audit?entity=org&entityId=${dept.id}`)).json();
    expect(log.total).toBeGreaterThanOrEqual(1);
    expect(log.rows[0]).toMatchObject({ action: "update", entity: "org", entityId: String(dept.id) });
    expect(log.rows[0].actorName).toContain("finance");
    expect(log.rows[0].before.contactName).toBe(dept.contactName);
    expect(log.rows[0].after.contactName).toBe("王晓红");
  });

  it("refuses a stale version with 409 and overwrites nothing", async () => {
    const tree = (await t.as(admin, "GET", "/api/v1/org/tree")).json().nodes;
    const dept = tree.find((n: { kind: string }) => n.kind === "department");
    const first = await t.as(admin, "PATCH", `/api/v1/org/orgs/${dept.id}`, {
      version: dept.version,
      contactPhone: "0772-2000001",
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.as(admin, "PATCH", `/api/v1/org/orgs/${dept.id}`, {
      version: dept.version,
      contactPhone: "0772-2999999",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("STALE_VERSION");
    const now = (await t.as(admin, "GET", "/api/v1/org/tree"))
      .json()
      .nodes.find((n: { id: number }) => n.id === dept.id);
    expect(now.contactPhone).toBe("0772-2000001");
  });

  it("verifies the hash chain and detects a tampered entry", async () => {
    const ok = (await t.as(admin, "GET", "/api/v1/audit/verify")).json();
    expect(ok.ok).toBe(true);
    expect(ok.checked).toBeGreaterThan(1000);
    const victim = (await t.as(admin, "GET", "/api/v1/audit?entity=project&pageSize=1")).json().rows[0];
    await t.db.orm.execute(
      sql`update audit_log set after = jsonb_set(after, '{name}', '"篡改"') where id = ${victim.id}`,
    );
    const broken = (await t.as(admin, "GET", "/api/v1/audit/verify")).json();
    expect(broken).toEqual({ ok: false, checked: expect.any(Number), brokenAt: victim.id });
  });

  it("filters by actor, action and time, and pages", async () => {
    const logins = (await t.as(admin, "GET", "/api/v1/audit?action=login&actor=finance&pageSize=5")).json();
    expect(logins.rows.every((r: { action: string }) => r.action === "login")).toBe(true);
    const future = (await t.as(admin, "GET", "/api/v1/audit?from=2999-01-01T00:00:00Z")).json();
    expect(future.total).toBe(0);
    const bad = await t.as(admin, "GET", "/api/v1/audit?pageSize=100000");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("REQUEST_INVALID");
  });

  it("hides sign-ins and sign-outs on the server when asked, so totals and pages count only changes", async () => {
    await t.login("staff");
    await t.login("auditor");
    const count = async (where: string) => {
      const r = (await t.db.orm.execute(
        sql.raw(`select count(*)::int as n from audit_log where ${where}`),
      )) as unknown as {
        rows: { n: number }[];
      };
      return r.rows[0]!.n;
    };
    const all = (await t.as(admin, "GET", "/api/v1/audit?pageSize=100")).json();
    const hidden = (await t.as(admin, "GET", "/api/v1/audit?hideLogins=true&pageSize=100")).json();
    expect(await count("action = 'login'")).toBeGreaterThanOrEqual(3);
    expect(all.rows.some((r: { action: string }) => r.action === "login")).toBe(true);
    expect(hidden.rows.some((r: { action: string }) => r.action === "login" || r.action === "logout")).toBe(false);
    expect(hidden.rows).toHaveLength(100);
    expect(hidden.total).toBe(await count("action not in ('login', 'logout')"));
    expect(all.total).toBe(await count("true"));
    // The second page follows on from the first: paging is over the filtered entries.
    const second = (await t.as(admin, "GET", "/api/v1/audit?hideLogins=true&pageSize=100&page=2")).json();
    expect(second.rows[0].id).toBeLessThan(hidden.rows[99].id);
    const bad = await t.as(admin, "GET", "/api/v1/audit?hideLogins=yes");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("hideLogins");
  });

  it("filters by the goal module's entities", async () => {
    for (const entity of [
      "goal_table",
      "review_draw",
      "review_visit",
      "work_plan",
      "plan_phase",
      "indicator_library",
    ]) {
      const page = (await t.as(admin, "GET", `/api/v1/audit?entity=${entity}&pageSize=20`)).json();
      expect(page.total, entity).toBeGreaterThan(0);
      expect(page.rows.every((r: { entity: string }) => r.entity === entity)).toBe(true);
    }
    const draws = (await t.as(admin, "GET", "/api/v1/audit?entity=review_draw&action=draw")).json();
    expect(draws.total).toBe(3); // the demo's draws of 2022, 2023 and 2024
    const approvals = (
      await t.as(admin, "GET", "/api/v1/audit?entity=goal_table&action=approve&hideLogins=true")
    ).json();
    expect(approvals.rows[0]).toMatchObject({ before: { status: "dept_approved" }, after: { status: "approved" } });
  });
});
