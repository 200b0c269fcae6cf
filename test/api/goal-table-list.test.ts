import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GOAL_STATUS_SORT_ORDER } from "../../src/core/goals/list";
import { rows } from "../../src/db/repos/rows";
import { type TestApp, testApp } from "../support/app";

/**
 * The goal table list as people work with it: the implementing unit (column, filter, search by its
 * name), server-side sorting that pages right, the scope kept under any filter, and the version in force
 * while a revision is in progress.
 */
let t: TestApp;
let finance: string;
let dept: string;
let unit: string;
/** The demo unit account's school (120001) and a unit of another department. */
let school: { id: number; name: string; tables: number };
let stranger: { id: number; departmentId: number };

interface Row {
  id: number;
  subjectKind: string;
  subjectCode: string;
  subjectName: string;
  departmentCode: string;
  unitCode: string;
  unitName: string;
  status: string;
  revision: number;
  updatedAt: string;
  inForce: { id: number; revision: number } | null;
}
interface Page {
  total: number;
  page: number;
  pageSize: number;
  rows: Row[];
}

const list = async (cookie: string, query: string): Promise<Page> => {
  const res = await t.as(cookie, "GET", `/api/v1/goals/tables?year=2024&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await testApp();
  [finance, dept, unit] = [await t.login("staff"), await t.login("dept"), await t.login("unit")];
  const [s] = await rows<{ id: number; name: string; tables: number }>(
    t.db.orm,
    sql`select o.id, o.name, (select count(*)::int from goal_tables g
                              where g.unit_id = o.id and g.fiscal_year = 2024 and g.is_current) as tables
        from orgs o where o.code = '120001'`,
  );
  school = s!;
  const [o] = await rows<{ id: number; department_id: number }>(
    t.db.orm,
    sql`select o.id, o.parent_id as department_id from orgs o
        where o.kind = 'unit' and o.path not like '120/%'
          and exists (select 1 from goal_tables g where g.unit_id = o.id and g.fiscal_year = 2024)
        order by o.code limit 1`,
  );
  stranger = { id: o!.id, departmentId: o!.department_id };
});
afterAll(() => t.close());

describe("the implementing unit", () => {
  it("is on every row, filters the list, and its name is found by the search", async () => {
    expect(school.tables).toBeGreaterThan(1);
    const byUnit = await list(finance, `unitId=${school.id}&pageSize=100`);
    expect(byUnit.total).toBe(school.tables);
    expect(new Set(byUnit.rows.map((r) => `${r.unitCode} ${r.unitName}`))).toEqual(new Set([`120001 ${school.name}`]));

    // Searching the school's name finds all its tables, not only those whose project name holds it.
    const named = await list(finance, `q=${encodeURIComponent(school.name)}&pageSize=100`);
    const found = new Set(named.rows.map((r) => r.id));
    for (const r of byUnit.rows) expect(found.has(r.id)).toBe(true);
    const byProjectName = byUnit.rows.filter((r) => r.subjectName.includes(school.name)).length;
    expect(named.total).toBeGreaterThan(byProjectName);
  });

  it("never shows another organisation's tables: unitId only narrows the caller's scope", async () => {
    expect((await list(unit, `unitId=${stranger.id}`)).total).toBe(0);
    expect((await list(dept, `unitId=${stranger.id}`)).total).toBe(0);
    expect((await list(dept, `departmentId=${stranger.departmentId}`)).total).toBe(0);
    expect((await list(finance, `unitId=${stranger.id}`)).total).toBeGreaterThan(0);
    // The department sees its own school's tables; the school account its own, whoever it names.
    expect((await list(dept, `unitId=${school.id}`)).total).toBe(school.tables);
    const own = await list(unit, `unitId=${school.id}`);
    expect(own.total).toBe(school.tables);
  });

  it("refuses a malformed unit in Chinese, naming the field", async () => {
    const res = await t.as(finance, "GET", "/api/v1/goals/tables?year=2024&unitId=abc");
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("unitId");
  });
});

describe("the version in force", () => {
  it("names the approved revision while a later one is being revised, and nothing otherwise", async () => {
    const before = await list(unit, `unitId=${school.id}&pageSize=100`);
    expect(before.rows.every((r) => r.inForce === null)).toBe(true);
    const approved = before.rows.find((r) => r.status === "approved")!;
    const detail = (await t.as(unit, "GET", `/api/v1/goals/tables/${approved.id}`)).json();
    const revised = await t.as(unit, "POST", `/api/v1/goals/tables/${approved.id}/actions`, {
      version: detail.version,
      action: "revise",
      comment: "调整受益人数",
    });
    expect(revised.statusCode, revised.body).toBe(200);
    const draftId = revised.json().id;

    for (const who of [unit, dept, finance]) {
      const after = await list(who, `q=${approved.subjectCode}`);
      const row = after.rows.find((r) => r.subjectCode === approved.subjectCode)!;
      expect(row).toMatchObject({
        id: draftId,
        status: "draft",
        revision: 2,
        inForce: { id: approved.id, revision: 1 },
      });
    }
    // The approved revision stays readable at the id the list links to.
    const inForce = await t.as(unit, "GET", `/api/v1/goals/tables/${approved.id}`);
    expect(inForce.json()).toMatchObject({ status: "approved", revision: 1 });
  });
});

describe("sorting", () => {
  const pages = async (query: string, n: number, size: number) => {
    const out: Row[] = [];
    for (let p = 1; p <= n; p++) out.push(...(await list(finance, `${query}&page=${p}&pageSize=${size}`)).rows);
    return out;
  };
  const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

  it("sorts by name descending, and consecutive pages are one ordered list without repeats", async () => {
    const paged = await pages("sort=subjectName&order=desc", 3, 20);
    const whole = (await list(finance, "sort=subjectName&order=desc&pageSize=60")).rows;
    expect(paged.map((r) => r.id)).toEqual(whole.map((r) => r.id));
    expect(new Set(paged.map((r) => r.id)).size).toBe(60);
    for (let i = 1; i < paged.length; i++)
      expect(bytes(paged[i - 1]!.subjectName, paged[i]!.subjectName)).toBeGreaterThanOrEqual(0);
  });

  it("sorts by unit, department, status, code and update time", async () => {
    const byUnit = await pages("sort=unit", 2, 50);
    for (let i = 1; i < byUnit.length; i++)
      expect(bytes(byUnit[i - 1]!.unitCode, byUnit[i]!.unitCode)).toBeLessThanOrEqual(0);

    const byDept = await pages("sort=department&order=desc", 2, 50);
    for (let i = 1; i < byDept.length; i++)
      expect(bytes(byDept[i - 1]!.departmentCode, byDept[i]!.departmentCode)).toBeGreaterThanOrEqual(0);

    const rank = (s: string) => GOAL_STATUS_SORT_ORDER.indexOf(s as (typeof GOAL_STATUS_SORT_ORDER)[number]);
    const byStatus = (await list(finance, "sort=status&pageSize=200")).rows;
    for (let i = 1; i < byStatus.length; i++)
      expect(rank(byStatus[i - 1]!.status)).toBeLessThanOrEqual(rank(byStatus[i]!.status));
    // The draft revision made above comes before the approved tables.
    expect(byStatus[0]!.status).toBe("draft");
    const last = (await list(finance, "sort=status&order=desc&pageSize=1")).rows[0]!;
    expect(last.status).toBe("approved");

    const byCode = (await list(finance, "sort=subjectCode&order=asc&pageSize=100")).rows;
    for (let i = 1; i < byCode.length; i++)
      expect(bytes(byCode[i - 1]!.subjectCode, byCode[i]!.subjectCode)).toBeLessThanOrEqual(0);

    const recent = (await list(finance, "sort=updatedAt&order=desc&pageSize=100")).rows;
    for (let i = 1; i < recent.length; i++)
      expect(Date.parse(recent[i - 1]!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(recent[i]!.updatedAt));
  });

  it("keeps the filters while sorting, and refuses a sort it does not know", async () => {
    const sorted = await list(finance, `unitId=${school.id}&sort=subjectName&order=desc&pageSize=100`);
    expect(sorted.total).toBe(school.tables);
    const bad = await t.as(finance, "GET", "/api/v1/goals/tables?year=2024&sort=errors");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("sort");
  });
});
