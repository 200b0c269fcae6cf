import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../support/app";

/**
 * Each imported amount is capped (10^12 fen), but the totals the lists and the home page answer with are
 * not: a year whose budgets add up past 2^53 fen must still list and show its home page (the totals are
 * then the nearest double), not refuse the whole answer.
 */
let t: TestApp;
let staff: string;
let admin: string;
beforeAll(async () => {
  t = await testApp();
  staff = await t.login("staff");
  admin = await t.login("finance");
});
afterAll(() => t.close());

const HEADER =
  "预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）";

describe("totals past 2^53 fen", () => {
  it("still list, summarise by department and show the home page", async () => {
    const max = "10000000000.00"; // 100 亿元 = 10^12 fen, the per-row cap
    const rows = Array.from(
      { length: 9100 },
      (_, i) => `2030,9902${String(i).padStart(6, "0")},合计测试项目${i},120,120001,一次性,否,${max},${max},${max},0`,
    );
    const commit = await t.upload(staff, "/api/v1/imports/projects?mode=commit", [HEADER, ...rows].join("\n"), "p.csv");
    expect(commit.statusCode, commit.body.slice(0, 400)).toBe(201);

    const list = await t.as(admin, "GET", "/api/v1/projects?year=2030&pageSize=5");
    expect(list.statusCode, list.body.slice(0, 200)).toBe(200);
    expect(list.json().total).toBe(9100);
    expect(list.json().sums.adjustedBudget).toBeCloseTo(9100 * 1e12, -6);
    const home = await t.as(admin, "GET", "/api/v1/home?year=2030");
    expect(home.statusCode, home.body.slice(0, 200)).toBe(200);
    expect(home.json().departments[0].adjustedBudget).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
  });
});
