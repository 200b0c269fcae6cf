import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/repos/rows";
import { type TestApp, testApp } from "../support/app";

/**
 * Projects a department implements itself (its unit is the department) are declared by the department,
 * and go from it straight to finance, as its department-wide table does.
 */
let t: TestApp;
let dept: string;
let staff: string;
beforeAll(async () => {
  t = await testApp();
  [dept, staff] = [await t.login("dept"), await t.login("staff")];
});
afterAll(() => t.close());

interface Row {
  id: number;
  unitCode: string;
  departmentCode: string;
  subjectKind: string;
}

describe("a department's own projects", () => {
  it("are a third of the demo's project tables, and each can be revised by its department", async () => {
    const own = await rows<{ n: number }>(
      t.db.orm,
      sql`select count(*)::int as n from goal_tables where subject_kind = 'project' and is_current and fiscal_year = 2024
            and unit_id = department_id`,
    );
    expect(own[0]!.n).toBe(543);
    const list = (await t.as(dept, "GET", "/api/v1/goals/tables?year=2024&subjectKind=project&pageSize=200")).json();
    const mine = (list.rows as Row[]).filter((r) => r.unitCode === r.departmentCode);
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) {
      const table = (await t.as(dept, "GET", `/api/v1/goals/tables/${r.id}`)).json();
      expect(table.actions).toEqual(["revise"]);
    }
  });

  it("runs revise → edit → submit straight to finance → approve for the department's own project", async () => {
    const list = (await t.as(dept, "GET", "/api/v1/goals/tables?year=2024&subjectKind=project&pageSize=200")).json();
    const own = (list.rows as (Row & { errors: number })[]).find(
      (r) => r.unitCode === r.departmentCode && r.errors === 0,
    )!;
    const approved = (await t.as(dept, "GET", `/api/v1/goals/tables/${own.id}`)).json();
    const revised = await t.as(dept, "POST", `/api/v1/goals/tables/${own.id}/actions`, {
      version: approved.version,
      action: "revise",
      comment: "调整本部门实施项目的目标",
    });
    expect(revised.statusCode).toBe(200);
    let draft = (await t.as(dept, "GET", `/api/v1/goals/tables/${revised.json().id}`)).json();
    expect(draft).toMatchObject({ status: "draft", editable: true, actions: ["submit"] });
    const saved = await t.as(dept, "PUT", `/api/v1/goals/tables/${draft.id}`, {
      version: draft.version,
      overallGoal: `${draft.table.overallGoal}（已调整）`,
      indicators: draft.table.indicators,
    });
    expect(saved.statusCode).toBe(200);
    draft = (await t.as(dept, "GET", `/api/v1/goals/tables/${draft.id}`)).json();
    const submitted = await t.as(dept, "POST", `/api/v1/goals/tables/${draft.id}/actions`, {
      version: draft.version,
      action: "submit",
    });
    expect(submitted.json()).toMatchObject({ status: "dept_approved" });
    const pending = (await t.as(staff, "GET", `/api/v1/goals/tables/${draft.id}`)).json();
    expect(pending.actions).toEqual(["approve", "return"]);
    const done = await t.as(staff, "POST", `/api/v1/goals/tables/${draft.id}/actions`, {
      version: pending.version,
      action: "approve",
    });
    expect(done.json()).toMatchObject({ status: "approved" });
  });

  it("stays out of reach of the units: a unit cannot see the department's own project tables", async () => {
    const unit = await t.login("unit");
    const list = (await t.as(unit, "GET", "/api/v1/goals/tables?year=2024&pageSize=200")).json();
    for (const r of list.rows as Row[]) expect(r.unitCode).not.toBe(r.departmentCode);
  });
});
