import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../support/app";

let t: TestApp;
let staff: string;
beforeAll(async () => {
  t = await testApp();
  staff = await t.login("staff");
});
afterAll(() => t.close());

const HEADER =
  "预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）";

interface Batch {
  id: number;
  kind: string;
  fileName: string;
  actorName: string | null;
  counts: Record<string, number>;
  at: string;
}

describe("import history (导入记录)", () => {
  it("lists the region's committed imports newest first, with who, file and rows; a failed file leaves none", async () => {
    const csv = `${HEADER}\n2024,45020224998801,导入记录测试项目,120,120001,一次性,否,1000.00,1000.00,1000.00,0`;
    const commit = await t.upload(staff, "/api/v1/imports/projects?mode=commit", csv, "导入记录测试.csv");
    expect(commit.statusCode).toBe(201);
    const bad = await t.upload(
      staff,
      "/api/v1/imports/projects?mode=commit",
      `${HEADER}\n2024,X,坏,120,120001,一次性,否,一百,1,1,0`,
      "坏文件.csv",
    );
    expect(bad.statusCode).toBe(422);

    const res = await t.as(staff, "GET", "/api/v1/imports?pageSize=5");
    expect(res.statusCode).toBe(200);
    const page = res.json() as { total: number; rows: Batch[]; page: number; pageSize: number };
    expect(page.total).toBe(13); // the demo's twelve loads (the last its 2025 requests) and this file
    expect(page.rows[0]).toMatchObject({
      id: commit.json().batchId,
      kind: "projects",
      fileName: "导入记录测试.csv",
      counts: { total: 1, new: 1, changed: 0, unchanged: 0 },
    });
    expect(page.rows[0]!.actorName).toContain("staff");
    expect(page.rows.some((r) => r.fileName === "坏文件.csv")).toBe(false);
    // The demo loader imported as the system: no account.
    const oldest = (await t.as(staff, "GET", "/api/v1/imports?order=asc&pageSize=1")).json().rows[0] as Batch;
    expect(oldest.actorName).toBeNull();
    const times = page.rows.map((r) => r.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("filters by kind and pages", async () => {
    const execution = (await t.as(staff, "GET", "/api/v1/imports?kind=execution")).json();
    expect(execution.total).toBe(3); // 2023, then 2024 in two loads: months 1–7 before the monitoring round, 8–12 after the year
    expect(execution.rows.every((r: Batch) => r.kind === "execution")).toBe(true);
    const second = (await t.as(staff, "GET", "/api/v1/imports?pageSize=3&page=2")).json();
    const first = (await t.as(staff, "GET", "/api/v1/imports?pageSize=3&page=1")).json();
    expect(second.rows).toHaveLength(3);
    expect(second.rows.map((r: Batch) => r.id)).not.toContain(first.rows[0].id);
    const bad = await t.as(staff, "GET", "/api/v1/imports?kind=budgets");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("kind");
  });

  it("is the finance bureau's: a department, a unit and the auditor are refused", async () => {
    for (const who of ["dept", "unit", "auditor"]) {
      const res = await t.as(await t.login(who), "GET", "/api/v1/imports");
      expect(res.statusCode, who).toBe(403);
      expect(res.body).not.toContain("fileName");
    }
    expect((await t.as(await t.login("finance"), "GET", "/api/v1/imports")).statusCode).toBe(200);
  });
});
