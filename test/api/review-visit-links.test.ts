import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/repos/rows";
import { type TestApp, testApp } from "../support/app";

/** The on-site review's record: the demo's findings, the linked tables named, and a link taken back. */
let t: TestApp;
let staff: string;
let drawId: number;
beforeAll(async () => {
  t = await testApp();
  staff = await t.login("staff");
  drawId = (await t.as(staff, "GET", "/api/v1/goals/review-draws?year=2024")).json().rows[0].id;
});
afterAll(() => t.close());

interface Visit {
  id: number;
  version: number;
  reviewedOn: string | null;
  findings: string;
  guidance: string;
  department: { id: number; code: string };
  tables: { goalTableId: number; subjectCode: string; subjectName: string; actedOn: boolean; note: string | null }[];
}

const visits = async (): Promise<Visit[]> =>
  (await t.as(staff, "GET", `/api/v1/goals/review-draws/${drawId}/visits`)).json().rows;

const auditOf = (visitId: number) =>
  rows<{ action: string; before: unknown; after: unknown }>(
    t.db.orm,
    sql`select action, before, after from audit_log
        where entity = 'review_visit' and entity_id = ${String(visitId)} order by id`,
  );

describe("the on-site review's record", () => {
  it("holds the demo year's findings and guidance for every drawn department", async () => {
    const all = await visits();
    expect(all).toHaveLength(10);
    for (const v of all) {
      expect(v.reviewedOn, v.department.code).toMatch(/^2024-03-\d\d$/);
      expect(v.findings, v.department.code).toMatch(/^会审目标表 \d+ 张/);
      expect(v.guidance.length, v.department.code).toBeGreaterThan(0);
    }
  });

  it("names a linked table, changes its mark on a second link, and takes a link back", async () => {
    const [visit] = await visits();
    const list = (
      await t.as(staff, "GET", `/api/v1/goals/tables?year=2024&departmentId=${visit!.department.id}&pageSize=2`)
    ).json().rows as { id: number; subjectCode: string; subjectName: string }[];
    const [a, b] = list;
    const link = (goalTableId: number, actedOn: boolean, note: string | null) =>
      t.as(staff, "POST", `/api/v1/goals/review-visits/${visit!.id}/tables`, { goalTableId, actedOn, note });

    expect((await link(a!.id, false, null)).statusCode).toBe(200);
    const linked = await link(b!.id, true, "满意度指标已单列");
    expect(linked.statusCode).toBe(200);
    expect(linked.json().tables).toHaveLength(2);
    expect(linked.json().tables.find((x: { goalTableId: number }) => x.goalTableId === a!.id)).toMatchObject({
      subjectCode: a!.subjectCode,
      subjectName: a!.subjectName,
      actedOn: false,
      note: null,
    });

    // Linking the same table again changes its mark; it is not linked twice.
    const marked = await link(a!.id, true, "已按建议修改");
    expect(marked.json().tables).toHaveLength(2);
    expect(marked.json().tables.find((x: { goalTableId: number }) => x.goalTableId === a!.id)).toMatchObject({
      actedOn: true,
      note: "已按建议修改",
    });

    const removed = await t.as(staff, "DELETE", `/api/v1/goals/review-visits/${visit!.id}/tables/${b!.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().tables.map((x: { goalTableId: number }) => x.goalTableId)).toEqual([a!.id]);
    const after = (await visits()).find((v) => v.id === visit!.id)!;
    expect(after.tables.map((x) => x.goalTableId)).toEqual([a!.id]);
    const audit = await auditOf(visit!.id);
    expect(audit.at(-1)).toMatchObject({
      action: "unlink",
      before: { goalTableId: b!.id, actedOn: true, note: "满意度指标已单列" },
    });

    // Taking it back again answers 404 in Chinese and writes nothing.
    const again = await t.as(staff, "DELETE", `/api/v1/goals/review-visits/${visit!.id}/tables/${b!.id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().error).toMatchObject({ code: "NOT_FOUND", details: { field: "goalTableId" } });
    expect(again.json().error.message).toContain("未关联");
    expect(await auditOf(visit!.id)).toHaveLength(audit.length);
  });

  it("lets only finance take a link back", async () => {
    const [visit] = await visits();
    const goalTableId = visit!.tables[0]?.goalTableId ?? 1;
    for (const who of ["dept", "auditor"]) {
      const cookie = await t.login(who);
      const res = await t.as(cookie, "DELETE", `/api/v1/goals/review-visits/${visit!.id}/tables/${goalTableId}`);
      expect(res.statusCode, who).toBe(403);
    }
    expect((await visits()).find((v) => v.id === visit!.id)!.tables).toEqual(visit!.tables);
  });

  it("answers 404 for a visit that does not exist", async () => {
    const res = await t.as(staff, "DELETE", "/api/v1/goals/review-visits/999999/tables/1");
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().error.message).toContain("会审记录不存在");
  });
});
