import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES } from "../../src/core/imports/spec";
import { JINGYAN, QINGSHAN, WELL_FORMED, workbook } from "../../src/io/goal-check-samples";
import { type TestApp, testApp } from "../support/app";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const URL = "/api/v1/goals/check-workbook";

/**
 * Every row of every table, as one digest per table: what the check must leave untouched. Sessions are
 * left out: signing in and being seen (last activity) writes them, whatever the request does.
 */
async function everyTable(): Promise<Record<string, string>> {
  const names = (await t.db.orm.execute(
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('sessions')
        order by 1`,
  )) as unknown as { rows: { name: string }[] };
  const out: Record<string, string> = {};
  for (const { name } of names.rows) {
    const r = (await t.db.orm.execute(
      sql.raw(
        `select count(*)::text || ':' || coalesce(md5(string_agg(x::text, ',' order by x::text)), '') as d from "${name}" x`,
      ),
    )) as unknown as { rows: { d: string }[] };
    out[name] = r.rows[0]!.d;
  }
  return out;
}

describe("检查外来目标表: POST /api/v1/goals/check-workbook", () => {
  it("checks each sheet with the region's rules, findings at their cells, and changes no table", async () => {
    const firm = await t.login("firm");
    const bytes = await workbook(QINGSHAN, WELL_FORMED, JINGYAN);
    const before = await everyTable();

    const res = await t.upload(firm, URL, bytes, "青山区目标表.xlsx");
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const body = res.json();
    expect(body.fileName).toBe("青山区目标表.xlsx");
    expect(body.counts).toEqual({ sheets: 3, tables: 4, errors: 1, warnings: 7, issues: 0 });
    expect(body.rules.map((r: { fiscalYear: number }) => r.fiscalYear)).toEqual([2020, 2023, 2024]);
    const qingshan = body.sheets[0].tables[0];
    expect(qingshan.table.subjectName).toBe("农村义务教育薄弱学校改造补助资金");
    expect(qingshan.table.funds).toEqual({ total: 16_000_000, fiscal: 16_000_000, other: 0 });
    expect(qingshan.findings[2]).toMatchObject({
      code: "GOAL_QUANTITY_IS_RATE",
      title: "数量指标写成比率",
      severity: "warning",
      cell: "D10",
      row: 10,
    });
    expect(qingshan.writtenLevels[6]).toEqual({ level1: "效益指标", level2: "社会公众或服务对象满意度指标" });
    expect(body.sheets[1].tables[0].findings).toEqual([]);
    expect(body.sheets[2].tables.map((x: { part: string }) => x.part)).toEqual(["村组干部报酬", "基层组织活动经费"]);

    expect(await everyTable()).toEqual(before);
  });

  it("checks by the year asked for, and says so", async () => {
    const dept = await t.login("dept");
    const res = await t.upload(dept, `${URL}?year=2024`, await workbook(QINGSHAN), "q.xlsx");
    expect(res.statusCode).toBe(200);
    const table = res.json().sheets[0].tables[0];
    expect(table.fiscalYear).toBe(2024);
    expect(table.notes[0]).toBe("表中写的是 2020 年度，按指定的 2024 年度规则检查");
  });

  it("exports the findings as Excel, from the same file sent again", async () => {
    const staff = await t.login("staff");
    const res = await t.upload(staff, `${URL}/findings.xlsx`, await workbook(QINGSHAN), "q.xlsx");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.getWorksheet("问题清单")!;
    const rows: string[] = [];
    ws.eachRow((row) => {
      rows.push([2, 3, 4].map((c) => String(row.getCell(c).value ?? "")).join("|"));
    });
    expect(rows).toContain("D10|提示|数量指标写成比率");
    expect(wb.getWorksheet("目标表")!.getCell("B2").value).toBe("农村义务教育薄弱学校改造补助资金");
  });

  it("refuses what it cannot read with a clear message, and writes nothing", async () => {
    const finance = await t.login("finance");
    const before = await everyTable();
    const noGrid = await workbook({ name: "预算表", cells: { A1: "项目名称", B1: "某项目" } });
    const ole = Buffer.alloc(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const cases: [Buffer, number, string, string][] = [
      [noGrid, 400, "IMPORT_UNREADABLE", "工作表“预算表”都找不到指标表头"],
      [Buffer.from("不是表格"), 400, "IMPORT_UNREADABLE", "文件不是 Excel（.xlsx）工作簿"],
      [ole, 400, "IMPORT_UNREADABLE", "不支持 Excel 97-2003 格式（.xls）"],
    ];
    for (const [bytes, status, code, message] of cases) {
      const res = await t.upload(finance, URL, bytes, "x.xlsx");
      expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
      expect(res.json().error.message).toContain(message);
    }
    const huge = await t.upload(finance, URL, Buffer.alloc(MAX_UPLOAD_BYTES + 1024), "huge.xlsx");
    expect(huge.statusCode).toBe(413);
    expect(await everyTable()).toEqual(before);
  });

  it("is for finance, departments and reviewers: a unit and the auditor are refused", async () => {
    const bytes = await workbook(WELL_FORMED);
    for (const who of ["unit", "auditor"]) {
      const res = await t.upload(await t.login(who), URL, bytes, "x.xlsx");
      expect(res.statusCode).toBe(403);
    }
    const expert = await t.upload(await t.login("expert"), URL, bytes, "x.xlsx");
    expect(expert.statusCode).toBe(200);
  });
});
