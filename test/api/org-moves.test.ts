import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/repos/rows";
import { type TestApp, testApp } from "../support/app";

/**
 * The org import never moves an organisation away from its data: a unit with projects or goal tables
 * cannot change department, and a department with units or data cannot become a unit. An organisation
 * nothing hangs on yet may still be corrected.
 */
let t: TestApp;
let staff: string;
beforeAll(async () => {
  t = await testApp();
  staff = await t.login("staff");
});
afterAll(() => t.close());

const HEADER = "单位编码,单位名称,单位类型,上级编码";
const post = (mode: "preview" | "commit", csv: string) =>
  t.as(staff, "POST", `/api/v1/imports/orgs?mode=${mode}&fileName=orgs.csv`, Buffer.from(csv), {
    "content-type": "text/csv",
  });
const snapshot = () =>
  rows<{ code: string; kind: string; path: string; parent: string | null }>(
    t.db.orm,
    sql`select o.code, o.kind, o.path, p.code as parent from orgs o left join orgs p on p.id = o.parent_id order by o.code`,
  );

describe("moving organisations by import", () => {
  it("refuses to move a unit with projects to another department, naming the row, and writes nothing", async () => {
    const [unit] = await rows<{ code: string; name: string; parent: string }>(
      t.db.orm,
      sql`select u.code, u.name, d.code as parent from orgs u join orgs d on d.id = u.parent_id
          where u.kind = 'unit' and exists (select 1 from projects p where p.unit_id = u.id) order by u.code limit 1`,
    );
    const other = unit!.parent === "121" ? "122" : "121";
    const before = await snapshot();
    const preview = (await post("preview", `${HEADER}\n${unit!.code},${unit!.name},预算单位,${other}\n`)).json();
    expect(preview.counts.errors).toBe(1);
    expect(preview.issues[0]).toMatchObject({ row: 2, column: "上级编码", code: "IMPORT_ORG_MOVE_REFUSED" });
    expect(preview.issues[0].message).toContain(`已属于主管部门“${unit!.parent}”`);
    const commit = await post("commit", `${HEADER}\n${unit!.code},${unit!.name},预算单位,${other}\n`);
    expect(commit.statusCode).toBe(422);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses to turn a department with units into a unit", async () => {
    const before = await snapshot();
    const res = (await post("preview", `${HEADER}\n120,城中区教育局,预算单位,121\n`)).json();
    expect(res.issues.map((i: { code: string }) => i.code)).toContain("IMPORT_ORG_MOVE_REFUSED");
    expect(res.issues[0].message).toContain("下属单位");
    expect(await snapshot()).toEqual(before);
  });

  it("lets a unit nothing hangs on yet be corrected to another department, paths included", async () => {
    expect((await post("commit", `${HEADER}\nN900,新建单位,预算单位,120\n`)).statusCode).toBe(201);
    const moved = await post("commit", `${HEADER}\nN900,新建单位,预算单位,121\n`);
    expect(moved.statusCode).toBe(201);
    const found = (await snapshot()).find((o) => o.code === "N900");
    expect(found).toMatchObject({ parent: "121", path: "121/N900" });
  });
});
