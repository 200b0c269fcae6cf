import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/repos/rows";
import { type TestApp, testApp } from "../support/app";

/** The on-site review's record takes real dates and the tables of its own year only. */
let t: TestApp;
let staff: string;
let visit: { id: number; version: number; department: { code: string } };
beforeAll(async () => {
  t = await testApp();
  staff = await t.login("staff");
  const draw = (await t.as(staff, "GET", "/api/v1/goals/review-draws?year=2024")).json().rows[0];
  visit = (await t.as(staff, "GET", `/api/v1/goals/review-draws/${draw.id}/visits`)).json().rows[0];
});
afterAll(() => t.close());

const record = (reviewedOn: string | null) =>
  t.as(staff, "PUT", `/api/v1/goals/review-visits/${visit.id}`, {
    version: visit.version,
    reviewedOn,
    findings: "目标表质量总体良好",
    guidance: "细化产出指标",
  });

describe("recording an on-site review", () => {
  it("refuses dates that do not exist or lie outside the review's years or in the future", async () => {
    for (const bad of ["2024-13-45", "2024-02-30", "2024-3-5", "1900-01-01", "2099-03-01"]) {
      const res = await record(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error, bad).toMatchObject({ code: "VISIT_DATE_INVALID", details: { field: "reviewedOn" } });
    }
    const ok = await record("2024-02-29");
    expect(ok.statusCode).toBe(200);
  });

  it("links only the department's tables of the draw's year", async () => {
    const [old] = await rows<{ id: number }>(
      t.db.orm,
      sql`select g.id from goal_tables g join orgs d on d.id = g.department_id
          where d.code = ${visit.department.code} and g.fiscal_year = 2023 limit 1`,
    );
    const res = await t.as(staff, "POST", `/api/v1/goals/review-visits/${visit.id}/tables`, {
      goalTableId: old!.id,
      actedOn: true,
      note: null,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VISIT_TABLE_OTHER_YEAR");
  });
});
