import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUnitOfWork } from "../../src/db/repos";
import { rows } from "../../src/db/repos/rows";
import { freshDb, type TestDb } from "../support/db";

/** Rows written through a unit of work dated by a clock carry that clock's time; others the database's. */
let db: TestDb;
beforeAll(async () => {
  db = await freshDb("empty");
});
afterAll(() => db.dispose());

const stamps = (region: string) =>
  rows<{ code: string; created_at: Date | string; updated_at: Date | string }>(
    db.orm,
    sql`select code, created_at, updated_at from orgs where region_code = ${region} order by code`,
  );
const iso = (t: Date | string) => new Date(t).toISOString();

describe("app_now()", () => {
  it("stamps a dated transaction's rows with the clock's time, and only that transaction's", async () => {
    const uow = createUnitOfWork(db);
    const at = new Date("2023-10-10T02:30:00Z");
    const insert = (repos: Parameters<Parameters<typeof uow.transaction>[0]>[0], code: string) =>
      repos.orgs.insert({
        regionCode: "990001",
        code,
        name: `单位${code}`,
        kind: "department",
        parentId: null,
        path: code,
        sector: null,
        contactName: null,
        contactPhone: null,
        sortOrder: 0,
      });
    await uow.transaction((repos) => repos.orgs.ensureRegion("990001", "测试区"));
    const dated = await uow.dated({ now: () => at }).transaction((repos) => insert(repos, "101"));
    const before = Date.now();
    await uow.transaction((repos) => insert(repos, "102"));
    // An update through the dated unit moves updated_at to its clock's time too.
    const later = new Date("2023-11-01T00:00:00Z");
    await uow
      .dated({ now: () => later })
      .transaction((repos) => repos.orgs.update(dated.id, dated.version, { name: "改名" }));
    const [first, second] = await stamps("990001");
    expect([iso(first!.created_at), iso(first!.updated_at)]).toEqual([at.toISOString(), later.toISOString()]);
    // The setting is local to its transaction: the next one, on the same connection, is stamped now.
    expect(new Date(second!.created_at).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });
});
