import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fenToYi } from "../../src/core/money";
import { type TestApp, testApp } from "../support/app";

let t: TestApp;
let staff: string;
beforeAll(async () => {
  t = await testApp();
  staff = await t.login("staff");
});
afterAll(() => t.close());

const list = async (query: string) => (await t.as(staff, "GET", `/api/v1/projects?year=2024${query}`)).json();

describe("project library", () => {
  it("holds the demo district: 1,713 projects whose adjusted budgets round to 9.41亿元", async () => {
    const page = await list("&pageSize=1");
    expect(page.total).toBe(1713);
    expect(fenToYi(page.sums.adjustedBudget)).toBe("9.41");
  });

  it("filters by department, category, size and key flag, consistently with the totals", async () => {
    const key = await list("&isKey=true&pageSize=200");
    expect(key.total).toBeGreaterThanOrEqual(4);
    expect(key.rows.every((p: { isKey: boolean }) => p.isKey)).toBe(true);
    const big = await list("&size=gte1000w&pageSize=200");
    expect(big.rows.every((p: { adjustedBudget: number }) => p.adjustedBudget >= 1000_0000_00)).toBe(true);
    const dept = await list(`&departmentId=${key.rows[0].department.id}&pageSize=200&category=recurring`);
    expect(dept.rows.every((p: { category: string }) => p.category === "recurring")).toBe(true);
    const sum = dept.rows.reduce((s: number, p: { adjustedBudget: number }) => s + p.adjustedBudget, 0);
    expect(dept.sums.adjustedBudget).toBe(sum);
  });

  it("searches by name or code, sorts and pages", async () => {
    const hits = await list(`&q=${encodeURIComponent("电影")}`);
    expect(hits.rows.some((p: { name: string }) => p.name.includes("自治区补助市县电影资金"))).toBe(true);
    const desc = await list("&sort=adjustedBudget&order=desc&pageSize=5");
    const amounts = desc.rows.map((p: { adjustedBudget: number }) => p.adjustedBudget);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    const p2 = await list("&sort=code&page=2&pageSize=10");
    const p1 = await list("&sort=code&page=1&pageSize=10");
    expect(p2.rows[0].code > p1.rows[9].code).toBe(true);
    const past = await list("&page=999&pageSize=20");
    expect(past.rows).toEqual([]);
    expect(past.total).toBe(1713);
  });

  it("rejects bad query values with a message naming the field", async () => {
    const res = await t.as(staff, "GET", "/api/v1/projects?year=abc");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("year");
    expect((await t.as(staff, "GET", "/api/v1/projects?year=2024&sort=drop")).statusCode).toBe(400);
  });

  it("shows a project's monthly execution adding up to its executed total", async () => {
    const first = (await list("&pageSize=1")).rows[0];
    const detail = (await t.as(staff, "GET", `/api/v1/projects/${first.id}`)).json();
    expect(detail.execution).toHaveLength(12);
    expect(detail.execution[11].cumulative).toBe(first.executed);
    expect(detail.history[0]).toMatchObject({ entity: expect.stringMatching(/^project/) });
  });

  it("exports the filtered view as an Excel workbook with the same rows", async () => {
    const filtered = await list("&isKey=true&pageSize=200");
    const res = await t.as(staff, "GET", "/api/v1/projects/export.xlsx?year=2024&isKey=true");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).getCell(1).value).toBe("项目编码");
    expect(ws.actualRowCount - 2).toBe(filtered.total);
  });

  it("gives department-wide budgets with their projects' totals", async () => {
    const rows = (await t.as(staff, "GET", "/api/v1/dept-budgets?year=2024")).json().rows;
    expect(rows).toHaveLength(54);
    const total = rows.reduce((s: number, r: { projectBudget: number }) => s + r.projectBudget, 0);
    expect(fenToYi(total)).toBe("9.41");
    for (const r of rows) {
      expect(r.adjustedBudget).toBeGreaterThanOrEqual(r.projectBudget);
      expect(r.executed).toBeGreaterThan(0);
      expect(r.executed).toBeLessThanOrEqual(r.adjustedBudget);
    }
  });

  it("gives each role a home page computed from its own scope", async () => {
    const finance = (await t.as(staff, "GET", "/api/v1/home?year=2024")).json();
    expect(finance.cards.find((c: { key: string }) => c.key === "departments").value).toBe(54);
    expect(finance.departments).toHaveLength(54);
    const dept = (await t.as(await t.login("dept"), "GET", "/api/v1/home?year=2024")).json();
    const deptProjects = dept.cards.find((c: { key: string }) => c.key === "projects").value;
    expect(dept.units.reduce((n: number, u: { projectCount: number }) => n + u.projectCount, 0)).toBe(deptProjects);
    const unit = (await t.as(await t.login("unit"), "GET", "/api/v1/home?year=2024")).json();
    expect(unit.cards.find((c: { key: string }) => c.key === "departments")).toBeUndefined();
    expect(unit.projects.length).toBeGreaterThan(0);
    const count = unit.cards.find((c: { key: string }) => c.key === "projects").value;
    expect(unit.projects.length).toBe(Math.min(10, count));
  });
});
