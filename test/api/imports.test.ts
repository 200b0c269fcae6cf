import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEMPLATE_EXAMPLES } from "../../src/io/templates";
import { type TestApp, testApp } from "../support/app";

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await testApp();
  cookie = await t.login("staff");
});
afterAll(() => t.close());

const HEADER =
  "预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）";
const row = (code: string, name: string, amount = "120000.00", dept = "120", unit = "120001") =>
  `2024,${code},${name},${dept},${unit},一次性,否,${amount},${amount},${amount},0`;

async function counts() {
  const r = await t.db.orm.execute(
    sql`select (select count(*) from projects)::int as projects, (select count(*) from audit_log)::int as audit,
               (select count(*) from project_execution)::int as execution`,
  );
  return (r as unknown as { rows: { projects: number; audit: number; execution: number }[] }).rows[0]!;
}

function upload(kind: string, mode: "preview" | "commit", content: Buffer | string, fileName = "file.csv") {
  return t.upload(cookie, `/api/v1/imports/${kind}?mode=${mode}`, content, fileName);
}

describe("importing projects from the budget system", () => {
  it("previews new and changed rows, commits them, and a re-import changes nothing", async () => {
    const list = (await t.as(cookie, "GET", "/api/v1/projects?year=2024&pageSize=1&departmentId=22")).json();
    const existing = list.rows[0];
    const csv = [
      HEADER,
      row("45020224999001", "城中区测试新增项目"),
      `2024,${existing.code},${existing.name}（调整）,${existing.department.code},${existing.unit.code},一次性,否,1000.00,1000.00,1000.00,0`,
    ].join("\n");
    const before = await counts();
    const preview = await upload("projects", "preview", csv);
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p.counts).toMatchObject({ total: 2, new: 1, changed: 1, unchanged: 0, errors: 0 });
    expect(p.changedRows[0].changes.map((c: { field: string }) => c.field)).toEqual(
      expect.arrayContaining(["name", "adjustedBudget"]),
    );
    expect(await counts()).toEqual(before);

    const commit = await upload("projects", "commit", csv);
    expect(commit.statusCode).toBe(201);
    expect(commit.json().committed).toBe(true);
    const after = await counts();
    expect(after.projects).toBe(before.projects + 1);
    expect(after.audit).toBe(before.audit + 3); // one new, one changed, one batch

    const again = await upload("projects", "commit", csv);
    expect(again.json().counts).toMatchObject({ new: 0, changed: 0, unchanged: 2 });
    expect((await counts()).projects).toBe(after.projects);
    const detail = (await t.as(cookie, "GET", `/api/v1/projects/${existing.id}`)).json();
    expect(detail.project.adjustedBudget).toBe(100_000);
    expect(detail.history[0].before.adjustedBudget).toBe(existing.adjustedBudget);
  });

  it("reads GBK and BOM CSV files and JSON with Chinese keys", async () => {
    const gbk = iconv.encode([HEADER, row("45020224999101", "城中区GBK编码项目")].join("\r\n"), "gbk");
    const a = (await upload("projects", "preview", gbk)).json();
    expect(a.counts.errors).toBe(0);
    expect(a.newRows[0].name).toBe("城中区GBK编码项目");
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from([HEADER, row("45020224999102", "带BOM的项目")].join("\n")),
    ]);
    expect((await upload("projects", "preview", bom)).json().newRows[0].name).toBe("带BOM的项目");
    const json = JSON.stringify([
      {
        预算年度: 2024,
        项目编码: "45020224999103",
        项目名称: "JSON项目",
        主管部门编码: "120",
        实施单位编码: "120001",
        项目类别: "常年性",
        "年初预算数（元）": 5,
        "全年预算数（元）": 5,
        "财政拨款（元）": 5,
        "其他资金（元）": 0,
      },
    ]);
    const j = (await upload("projects", "preview", json, "p.json")).json();
    expect(j.counts).toMatchObject({ new: 1, errors: 0 });
  });

  it("updates a department's monthly whole-budget execution and audits it per department", async () => {
    const csv = "预算年度,主管部门编码,月份,支付数（元）\n2024,120,1,1234.56\n";
    const preview = (await upload("dept-execution", "preview", csv)).json();
    expect(preview.counts).toMatchObject({ total: 1, changed: 1, errors: 0 });
    expect((await upload("dept-execution", "commit", csv)).statusCode).toBe(201);
    const audit = (
      await t.as(await t.login("finance"), "GET", "/api/v1/audit?entity=dept_execution&entityId=120")
    ).json();
    expect(audit.rows[0].after).toEqual({ fiscalYear: 2024, "1": 123_456 });
  });

  it("skips the template's example rows: a template as downloaded imports nothing, and says why", async () => {
    const template = await t.as(cookie, "GET", "/api/v1/imports/templates/orgs.xlsx");
    expect(template.statusCode).toBe(200);
    expect(template.headers["content-disposition"]).toContain("filename*=UTF-8''");
    const before = await counts();
    for (const mode of ["preview", "commit"] as const) {
      const res = await upload("orgs", mode, template.rawPayload, "模板.xlsx");
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("IMPORT_ONLY_EXAMPLES");
      expect(res.json().error.message).toContain("2 行模板示例");
    }
    expect(await counts()).toEqual(before);
  });

  it("imports the rows a clerk adds below the examples and only those, reporting the examples skipped", async () => {
    const template = await t.as(cookie, "GET", "/api/v1/imports/templates/projects.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const sheet = wb.worksheets[0]!;
    // 示例标记 left blank, then the template's columns: a real project of 教育局 (120) and its school.
    sheet.addRow([
      null,
      2024,
      "45020224999501",
      "模板填写的项目",
      "120",
      "120001",
      "一次性",
      "否",
      "教育",
      5000,
      5000,
      5000,
      0,
    ]);
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const examples = TEMPLATE_EXAMPLES.projects.map((r) => String(r.code));

    const preview = (await upload("projects", "preview", filled, "项目模板.xlsx")).json();
    expect(preview.counts).toMatchObject({ total: 1, new: 1, changed: 0, errors: 0, errorRows: 0, examples: 2 });
    expect(preview.newRows.map((r: { code: string }) => r.code)).toEqual(["45020224999501"]);

    const before = await counts();
    const commit = await upload("projects", "commit", filled, "项目模板.xlsx");
    expect(commit.statusCode).toBe(201);
    expect(commit.json().counts).toMatchObject({ total: 1, new: 1, examples: 2 });
    expect((await counts()).projects).toBe(before.projects + 1);
    const stored = (await t.db.orm.execute(
      sql`select code from projects where code in (${sql.join(
        [...examples, "45020224999501"].map((c) => sql`${c}`),
        sql`, `,
      )})`,
    )) as unknown as { rows: { code: string }[] };
    expect(stored.rows.map((r) => r.code)).toEqual(["45020224999501"]);
    const batch = (await t.db.orm.execute(
      sql`select counts from import_batches where id = ${commit.json().batchId}`,
    )) as unknown as { rows: { counts: Record<string, number> }[] };
    expect(batch.rows[0]!.counts).toMatchObject({ total: 1, new: 1, examples: 2 });
  });

  it("skips rows marked 示例 in CSV and JSON too, and nothing else", async () => {
    const csv = [
      `示例标记,${HEADER}`,
      `示例,${row("45020224999601", "示例行不导入")}`,
      ` 示例 ,${row("45020224999602", "示例行两侧有空格")}`,
      `,${row("45020224999603", "真实的行")}`,
      `示例项目,${row("45020224999604", "标记不是“示例”的行照常导入")}`,
    ].join("\n");
    const p = (await upload("projects", "preview", csv)).json();
    expect(p.counts).toMatchObject({ total: 2, new: 2, examples: 2 });
    expect(p.newRows.map((r: { code: string }) => r.code)).toEqual(["45020224999603", "45020224999604"]);
    const json = JSON.stringify([
      { 示例标记: "示例", fiscalYear: 2024, projectCode: "45020224999603", month: 1, executed: "1.00" },
      { fiscalYear: 2024, projectCode: "45020224999603", month: 1, executed: "1.00" },
    ]);
    const j = (await upload("execution", "preview", json, "exec.json")).json();
    expect(j.counts).toMatchObject({ total: 1, examples: 1 });
  });

  it("imports through the API with a raw JSON body as well", async () => {
    const body = JSON.stringify({
      rows: [{ fiscalYear: 2024, projectCode: "45020224999001", month: 1, executed: "100.00" }],
    });
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/imports/execution?mode=preview&fileName=exec.json",
      headers: { cookie, "x-requested-with": "jixiao", "content-type": "application/json" },
      payload: body,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().counts).toMatchObject({ new: 1, errors: 0 });
  });
});

describe("bad input: a clear error naming row and column, and nothing written", () => {
  const cases: [string, string | Buffer, number, string, RegExp?][] = [
    ["wrong headers", "编号,名称\n1,2", 400, "IMPORT_MISSING_COLUMNS", /项目编码/],
    [
      "text in a money column",
      [HEADER, row("45020224999201", "金额错误", "一百万")].join("\n"),
      422,
      "IMPORT_INVALID",
      /第2行.*全年预算数|第2行.*年初预算数/,
    ],
    ["a negative amount", [HEADER, row("45020224999202", "负数", "-5.00")].join("\n"), 422, "IMPORT_INVALID", /第2行/],
    [
      "an absurd amount",
      [HEADER, row("45020224999203", "天文数字", "900000000000.00")].join("\n"),
      422,
      "IMPORT_INVALID",
      /第2行/,
    ],
    [
      "a duplicate project code",
      [HEADER, row("45020224999204", "甲"), row("45020224999204", "乙")].join("\n"),
      422,
      "IMPORT_INVALID",
      /第3行/,
    ],
    [
      "an unknown department",
      [HEADER, row("45020224999205", "未知部门", "1.00", "999", "999001")].join("\n"),
      422,
      "IMPORT_INVALID",
      /第2行.*主管部门编码/,
    ],
    ["an empty file", "", 400, "IMPORT_EMPTY_FILE"],
    [
      "HTML in a name",
      [HEADER, row("45020224999206", "<script>alert(1)</script>")].join("\n"),
      422,
      "IMPORT_INVALID",
      /第2行.*项目名称/,
    ],
    [
      "SQL in a name",
      [HEADER, row("45020224999207", "x'; DROP TABLE projects; --")].join("\n"),
      422,
      "IMPORT_INVALID",
      /第2行.*项目名称/,
    ],
    ["binary junk", randomBytes(64 * 1024), 400, "IMPORT_UNREADABLE"],
  ];
  for (const [what, content, status, code, message] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await counts();
      const res = await upload("projects", "commit", content);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
      const error = res.json().error;
      expect(error.code).toBe(code);
      if (message) {
        const text =
          code === "IMPORT_INVALID"
            ? error.details.issues.map((i: { message: string }) => i.message).join("\n")
            : error.message;
        expect(text).toMatch(message);
      }
      expect(await counts()).toEqual(before);
    });
  }

  it("refuses a 20 MB junk upload as too large", async () => {
    const before = await counts();
    const res = await upload("projects", "commit", randomBytes(20 * 1024 * 1024));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("IMPORT_FILE_TOO_LARGE");
    expect(await counts()).toEqual(before);
  });

  it("refuses the whole file when one row of many is bad", async () => {
    const before = await counts();
    const rows = Array.from({ length: 50 }, (_, i) =>
      row(`4502022499930${String(i).padStart(2, "0")}`, `批量项目${i}`),
    );
    rows[37] = row("45020224999399", "坏行", "12.345");
    const res = await upload("projects", "commit", [HEADER, ...rows].join("\n"));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.issues[0].row).toBe(39);
    expect(await counts()).toEqual(before);
  });

  it("counts errors and the rows they are on separately", async () => {
    const csv = [
      HEADER,
      "2024,45020224999701,两处错误的行,120,120001,每年,否,一百,1000.00,1000.00,0",
      row("45020224999702", "一处错误的行", "12.345"),
      row("45020224999703", "没有错误的行"),
    ].join("\n");
    const res = await upload("projects", "preview", csv);
    expect(res.statusCode).toBe(200);
    const c = res.json().counts;
    expect(c.errorRows).toBe(2);
    expect(c.errors).toBeGreaterThanOrEqual(3);
    expect(new Set(res.json().issues.map((i: { row: number }) => i.row))).toEqual(new Set([2, 3]));
  });
});
