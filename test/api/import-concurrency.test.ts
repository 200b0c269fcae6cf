import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/repos/rows";
import { type TestApp, testApp } from "../support/app";

/**
 * Two imports changing the same project at once: each committed import's audit entry must say what it
 * really overwrote, so the entries chain (one's "before" is the previous one's "after"); a loser is
 * refused whole with 409, never written over a snapshot that went stale.
 */
let t: TestApp;
let staff: string;
let finance: string;
beforeAll(async () => {
  t = await testApp();
  staff = await t.login("staff");
  finance = await t.login("finance");
});
afterAll(() => t.close());

const HEADER =
  "预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）";
const file = (name: string) =>
  Buffer.from(`${HEADER}\n2024,CC0001,${name},120,120001,一次性,否,120000.00,120000.00,120000.00,0\n`);
/** Two finance accounts import at once (one account reads one file at a time). */
const commit = (name: string, who = staff) =>
  t.as(who, "POST", "/api/v1/imports/projects?mode=commit&fileName=p.csv", file(name), {
    "content-type": "text/csv",
  });

describe("concurrent imports of the same rows", () => {
  it("audit each change against the value it really replaced, or refuse the later one whole", async () => {
    expect((await commit("并发项目-0")).statusCode).toBe(201);
    for (let round = 1; round <= 10; round++) {
      const results = await Promise.all([commit(`并发项目-${round}a`), commit(`并发项目-${round}b`, finance)]);
      for (const r of results) expect([201, 409]).toContain(r.statusCode);
      expect(results.some((r) => r.statusCode === 201)).toBe(true);
    }
    const entries = await rows<{ action: string; before: { name: string } | null; after: { name: string } }>(
      t.db.orm,
      sql`select action, before, after from audit_log where entity = 'project' and entity_id like ${"%CC0001"} order by id`,
    );
    const [created, ...updates] = entries;
    expect(created!.action).toBe("create");
    let current = created!.after.name;
    for (const u of updates) {
      expect(u.before!.name).toBe(current);
      current = u.after.name;
    }
    const [stored] = await rows<{ name: string }>(t.db.orm, sql`select name from projects where code = 'CC0001'`);
    expect(stored!.name).toBe(current);
  });

  it("keeps the audit chain linear while other writes append entries during an import", async () => {
    const auditor = await t.login("auditor");
    const HEAD =
      "预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）";
    const many = (tag: string) =>
      Buffer.from(
        `${HEAD}\n${Array.from({ length: 300 }, (_, i) => `2024,CH${String(i).padStart(4, "0")},链-${tag}-${i},120,120001,一次性,否,1000.00,1000.00,1000.00,0`).join("\n")}\n`,
      );
    for (let round = 0; round < 4; round++) {
      const logins = Array.from({ length: 6 }, () =>
        t.as(null, "POST", "/api/v1/auth/login", { username: "dept", password: "jixiao-demo" }),
      );
      const imported = t.as(staff, "POST", "/api/v1/imports/projects?mode=commit&fileName=c.csv", many(String(round)), {
        "content-type": "text/csv",
      });
      const [res] = await Promise.all([imported, ...logins]);
      expect([200, 201]).toContain(res.statusCode);
    }
    const verify = (await t.as(auditor, "GET", "/api/v1/audit/verify")).json();
    expect(verify).toMatchObject({ ok: true });
  });
});
