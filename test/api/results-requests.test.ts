import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/app/context";
import { rows } from "../../src/db/repos/rows";
import { type SmallDistrict, smallDistrict } from "../support/district";

/**
 * 下年度预算申请 on a district built from its own small files: 2024's projects imported, then the 2025
 * requests imported (and re-imported) through the import routes and typed by hand, as finance would.
 */
const ORGS = `单位编码,单位名称,单位类型,上级编码
301,测试区教育局,主管部门,
301001,测试区第一小学,预算单位,301
301002,测试区第二小学,预算单位,301
302,测试区卫生健康局,主管部门,
302001,测试区疾控中心,预算单位,302`;

const PROJECTS = `预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）
2024,P301001A,一小校舍维修,301,301001,一次性,否,500000.00,500000.00,500000.00,0
2024,P301001B,一小课后服务补助,301,301001,常年性,否,300000.00,300000.00,300000.00,0
2024,P301002A,二小图书购置,301,301002,一次性,否,80000.00,80000.00,80000.00,0
2024,P302001A,疾控免疫规划,302,302001,常年性,是,800000.00,800000.00,700000.00,100000.00
2025,P302001N,疾控新建实验室,302,302001,一次性,否,900000.00,900000.00,900000.00,0`;

// Headers as a budget-system export writes them: 申请数 for the amount, √ for rigid spending, a name column.
const REQUESTS = `预算年度,项目编码,项目名称,申请数,刚性支出
2025,P301001A,一小校舍维修,450000.00,
2025,P301001B,一小课后服务补助（名称与系统不同也不核对）,320000.50,√
2025,P301002A,二小图书购置,60000,否`;

let d: SmallDistrict;
const URL = "/api/v1/results/requests";

beforeAll(async () => {
  const clock: Clock = { now: () => new Date("2025-03-02T02:00:00Z") };
  d = await smallDistrict(clock);
  await d.importCsv("orgs", ORGS);
  await d.importCsv("projects", PROJECTS.split("\n").slice(0, 5).join("\n"));
  await d.importCsv("projects", [PROJECTS.split("\n")[0], PROJECTS.split("\n")[5]].join("\n"));
  await d.account("edu", "department", "301");
  await d.account("unit1", "unit", "301001");
  await d.account("cdc", "unit", "302001");
  const [bureau] = await rows<{ code: string }>(d.db.orm, sql`select code from orgs where kind = 'bureau'`);
  await d.account("aud", "auditor", bureau!.code);
});
afterAll(() => d.close());

const upload = (mode: "preview" | "commit", csv: string, fileName = "下年度预算申请.csv") =>
  d.upload(d.who("admin"), `/api/v1/imports/requests?mode=${mode}`, csv, fileName);

async function stored() {
  return rows<{ project_code: string; amount: string; rigid: boolean; budget_year: number; project_year: number }>(
    d.db.orm,
    sql`select r.project_code, r.amount::text as amount, r.rigid, r.budget_year, p.fiscal_year as project_year
        from budget_requests r join projects p on p.id = r.project_id order by r.project_code`,
  );
}

async function audited() {
  return rows<{ action: string; entity_id: string; before: unknown; after: unknown }>(
    d.db.orm,
    sql`select action, entity_id, before, after from audit_log where entity = 'budget_request' order by id`,
  );
}

const batches = async () =>
  (await rows<{ n: number }>(d.db.orm, sql`select count(*)::int as n from import_batches where kind = 'requests'`))[0]!
    .n;

const list = async (who: string, query = "budgetYear=2025") => {
  const res = await d.as(d.who(who), "GET", `${URL}?${query}`);
  expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
  return res.json() as {
    total: number;
    totalAmount: number;
    rows: {
      id: number;
      version: number;
      amount: number;
      rigid: boolean;
      batchId: number | null;
      project: { code: string; fiscalYear: number };
      unit: { code: string };
    }[];
  };
};
const codes = (page: { rows: { project: { code: string } }[] }) => page.rows.map((r) => r.project.code);

describe("importing next year's requests", () => {
  it("is offered as an import kind with its template", async () => {
    const meta = (await d.as(d.who("admin"), "GET", "/api/v1/meta")).json();
    expect(meta.importKinds).toContainEqual({ key: "requests", label: "下年度预算申请" });
    const template = await d.as(d.who("admin"), "GET", "/api/v1/imports/templates/requests.xlsx");
    expect(template.statusCode).toBe(200);
    expect(decodeURIComponent(String(template.headers["content-disposition"]))).toContain(
      "下年度预算申请导入模板.xlsx",
    );
  });

  it("previews without writing, then commits each request on the 2024 project of its code, audited", async () => {
    const preview = await upload("preview", REQUESTS);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().counts).toMatchObject({ total: 3, new: 3, changed: 0, unchanged: 0, errors: 0 });
    expect(preview.json().newRows[1]).toEqual({
      budgetYear: 2025,
      projectCode: "P301001B",
      amount: 32_000_050,
      rigid: true,
    });
    expect(await stored()).toEqual([]);

    const commit = await upload("commit", REQUESTS);
    expect(commit.statusCode, commit.body).toBe(201);
    expect(await stored()).toEqual([
      { project_code: "P301001A", amount: "45000000", rigid: false, budget_year: 2025, project_year: 2024 },
      { project_code: "P301001B", amount: "32000050", rigid: true, budget_year: 2025, project_year: 2024 },
      { project_code: "P301002A", amount: "6000000", rigid: false, budget_year: 2025, project_year: 2024 },
    ]);
    const page = await list("admin");
    expect(page.total).toBe(3);
    expect(page.totalAmount).toBe(45_000_000 + 32_000_050 + 6_000_000);
    expect(page.rows.every((r) => r.batchId === commit.json().batchId)).toBe(true);
    const log = await audited();
    expect(log.map((e) => [e.action, e.entity_id])).toEqual([
      ["create", "2025:P301001A"],
      ["create", "2025:P301001B"],
      ["create", "2025:P301002A"],
    ]);
    expect(log[0]!.after).toEqual({ budgetYear: 2025, projectCode: "P301001A", amount: 45_000_000, rigid: false });
  });

  it("refuses a code that is no 2024 project, naming row and column, and writes nothing", async () => {
    const before = { requests: await stored(), audit: (await audited()).length, batches: await batches() };
    // P302001N is a project, but of 2025: a new project has no results and no place in the file.
    const csv = `预算年度,项目编码,申请金额（元）,刚性支出
2025,P302001A,700000,是
2025,P302001N,900000,否
2025,X999,1,否`;
    const preview = (await upload("preview", csv)).json();
    expect(preview.counts).toMatchObject({ errors: 2, errorRows: 2 });
    expect(preview.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual(
      [
        [3, "项目编码", "IMPORT_UNKNOWN_PROJECT"],
        [4, "项目编码", "IMPORT_UNKNOWN_PROJECT"],
      ],
    );
    const message: string = preview.issues[0].message;
    expect(message).toContain("第3行“项目编码”");
    expect(message).toContain("不是2024年度的项目");
    expect(message).toContain("没有绩效结果的新增项目请不要列入本文件");
    const commit = await upload("commit", csv);
    expect(commit.statusCode).toBe(422);
    expect(commit.json().error.code).toBe("IMPORT_INVALID");
    expect({ requests: await stored(), audit: (await audited()).length, batches: await batches() }).toEqual(before);
  });

  it("refuses a code twice in a file, naming both rows, and a file of two budget years", async () => {
    const duplicate = `预算年度,项目编码,申报金额,刚性支出
2025,P302001A,700000,Y
2025,P302001A,710000,N`;
    const dup = (await upload("preview", duplicate)).json();
    expect(dup.issues).toHaveLength(1);
    expect(dup.issues[0]).toMatchObject({ row: 3, column: "项目编码", code: "IMPORT_DUPLICATE" });
    expect(dup.issues[0].message).toMatch(/第3行.*P302001A.*与第2行重复/);

    const mixed = `预算年度,项目编码,预算申请数,刚性支出
2025,P302001A,700000,1
2025,P301002A,60000,0
2026,P301001A,1,0`;
    const mix = (await upload("preview", mixed)).json();
    const years = mix.issues.filter((i: { code: string }) => i.code === "IMPORT_MIXED_YEARS");
    expect(years).toHaveLength(1);
    expect(years[0]).toMatchObject({ row: 4, column: "预算年度" });
    expect(years[0].message).toContain("一个文件只能包含一个预算年度");
    expect((await upload("commit", mixed)).statusCode).toBe(422);
    expect(await stored()).toHaveLength(3);
  });

  it("re-imports as a diff: changed amounts and marks are updated and audited, the rest counted unchanged", async () => {
    const csv = `预算年度,项目编码,项目名称,申请金额(元),刚性支出
2025,P301001A,一小校舍维修,430000.00,否
2025,P301001B,一小课后服务补助,320000.50,否
2025,P301002A,二小图书购置,60000.00,否
2025,P302001A,疾控免疫规划,780000,是`;
    const preview = (await upload("preview", csv)).json();
    expect(preview.counts).toMatchObject({ total: 4, new: 1, changed: 2, unchanged: 1, errors: 0 });
    expect(preview.changedRows).toEqual([
      {
        key: "P301001A",
        changes: [{ field: "amount", label: "申请金额（元）", before: 45_000_000, after: 43_000_000 }],
      },
      { key: "P301001B", changes: [{ field: "rigid", label: "刚性支出", before: true, after: false }] },
    ]);
    const auditBefore = (await audited()).length;
    const commit = await upload("commit", csv);
    expect(commit.statusCode).toBe(201);
    const log = (await audited()).slice(auditBefore);
    expect(log.map((e) => [e.action, e.entity_id])).toEqual([
      ["create", "2025:P302001A"],
      ["update", "2025:P301001A"],
      ["update", "2025:P301001B"],
    ]);
    expect(log[1]!.before).toMatchObject({ amount: 45_000_000 });
    expect(log[1]!.after).toMatchObject({ amount: 43_000_000 });
    // The unchanged request keeps its version and the batch that wrote it.
    const page = await list("admin", "budgetYear=2025&sort=code");
    const unchanged = page.rows.find((r) => r.project.code === "P301002A")!;
    expect(unchanged.version).toBe(1);
    expect(unchanged.batchId).not.toBe(commit.json().batchId);
    expect(page.rows.find((r) => r.project.code === "P301001A")!.version).toBe(2);

    const again = (await upload("commit", csv)).json();
    expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 4 });
    expect((await audited()).length).toBe(auditBefore + 3);
  });
});

describe("requests typed by hand", () => {
  it("creates, updates and deletes at a version, each audited; refuses unknown codes, duplicates and bad amounts", async () => {
    const admin = d.who("admin");
    // A fresh year: 2025's project P302001N asks for 2026.
    const created = await d.as(admin, "POST", URL, {
      budgetYear: 2026,
      projectCode: " P302001N ",
      amount: 88_000_000,
      rigid: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const row = created.json();
    expect(row).toMatchObject({
      budgetYear: 2026,
      project: { code: "P302001N", fiscalYear: 2025, name: "疾控新建实验室" },
      unit: { code: "302001" },
      department: { code: "302" },
      amount: 88_000_000,
      rigid: true,
      batchId: null,
      version: 1,
    });

    const refusals: [unknown, number, string, string][] = [
      [
        { budgetYear: 2026, projectCode: "P302001N", amount: 1, rigid: false },
        409,
        "BUDGET_REQUEST_EXISTS",
        "已有2026年度的预算申请",
      ],
      [
        { budgetYear: 2026, projectCode: "P301001A", amount: 1, rigid: false },
        400,
        "BUDGET_REQUEST_UNKNOWN_PROJECT",
        "不是2025年度的项目",
      ],
      [
        { budgetYear: 2025, projectCode: "P999", amount: 1, rigid: false },
        400,
        "BUDGET_REQUEST_UNKNOWN_PROJECT",
        "不是2024年度的项目",
      ],
      [
        { budgetYear: 2025, projectCode: "P302001A", amount: -100, rigid: false },
        400,
        "REQUEST_INVALID",
        "申请金额不能为负数",
      ],
      [
        { budgetYear: 2025, projectCode: "P302001A", amount: 10.5, rigid: false },
        400,
        "REQUEST_INVALID",
        "申请金额须精确到分",
      ],
      [
        { budgetYear: 2025, projectCode: "P3 02", amount: 1, rigid: false },
        400,
        "BUDGET_REQUEST_INVALID",
        "不是有效的项目编码",
      ],
    ];
    const auditBefore = (await audited()).length;
    for (const [body, status, code, text] of refusals) {
      const res = await d.as(admin, "POST", URL, body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).toContain(text);
    }
    expect((await audited()).length).toBe(auditBefore);

    const updated = await d.as(admin, "PUT", `${URL}/${row.id}`, { version: 1, amount: 80_000_000, rigid: false });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ amount: 80_000_000, rigid: false, version: 2 });
    const stale = await d.as(admin, "PUT", `${URL}/${row.id}`, { version: 1, amount: 1, rigid: false });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("STALE_VERSION");
    const staleDelete = await d.as(admin, "DELETE", `${URL}/${row.id}?version=1`);
    expect(staleDelete.statusCode).toBe(409);
    expect((await list("admin", "budgetYear=2026")).rows[0]).toMatchObject({ amount: 80_000_000, version: 2 });

    const deleted = await d.as(admin, "DELETE", `${URL}/${row.id}?version=2`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await list("admin", "budgetYear=2026")).total).toBe(0);
    expect((await d.as(admin, "DELETE", `${URL}/${row.id}?version=2`)).statusCode).toBe(404);

    const log = (await audited()).slice(auditBefore);
    expect(log.map((e) => [e.action, e.entity_id])).toEqual([
      ["update", "2026:P302001N"],
      ["delete", "2026:P302001N"],
    ]);
    expect(log[0]!.before).toEqual({ budgetYear: 2026, projectCode: "P302001N", amount: 88_000_000, rigid: true });
    expect(log[0]!.after).toEqual({ budgetYear: 2026, projectCode: "P302001N", amount: 80_000_000, rigid: false });
  });

  it("hands an imported request to the hand edit: the batch is no longer its last writer", async () => {
    const admin = d.who("admin");
    const target = (await list("admin", "budgetYear=2025&q=P301002A")).rows[0]!;
    const res = await d.as(admin, "PUT", `${URL}/${target.id}`, {
      version: target.version,
      amount: 6_100_000,
      rigid: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ batchId: null, amount: 6_100_000, rigid: true });
  });
});

describe("reading requests", () => {
  it("lists within each account's scope: a unit its own, a department its units, finance and the auditor all", async () => {
    expect(codes(await list("unit1"))).toEqual(["P301001A", "P301001B"]);
    expect(codes(await list("cdc"))).toEqual(["P302001A"]);
    expect(codes(await list("edu"))).toEqual(["P301001A", "P301001B", "P301002A"]);
    expect(codes(await list("aud"))).toEqual(["P301001A", "P301001B", "P301002A", "P302001A"]);
    // A unit cannot write, nor open another unit's request.
    const other = (await list("admin", "budgetYear=2025&q=P302001A")).rows[0]!;
    const write = await d.as(d.who("unit1"), "PUT", `${URL}/${other.id}`, {
      version: other.version,
      amount: 1,
      rigid: false,
    });
    expect(write.statusCode).toBe(403);
    const create = await d.as(d.who("aud"), "POST", URL, { budgetYear: 2025, projectCode: "P302001A", amount: 1 });
    expect(create.statusCode).toBe(403);
  });

  it("filters by department, rigid mark and text, and sorts by amount and department", async () => {
    const [dept] = await rows<{ id: number }>(d.db.orm, sql`select id from orgs where code = '302'`);
    expect(codes(await list("admin", `budgetYear=2025&departmentId=${dept!.id}`))).toEqual(["P302001A"]);
    expect(codes(await list("admin", "budgetYear=2025&rigid=true"))).toEqual(["P301002A", "P302001A"]);
    expect(codes(await list("admin", "budgetYear=2025&rigid=false"))).toEqual(["P301001A", "P301001B"]);
    expect(codes(await list("admin", "budgetYear=2025&q=图书"))).toEqual(["P301002A"]);
    expect(codes(await list("admin", "budgetYear=2025&sort=amount&order=desc"))).toEqual([
      "P302001A",
      "P301001A",
      "P301001B",
      "P301002A",
    ]);
    expect(codes(await list("admin", "budgetYear=2025&sort=department&order=desc"))).toEqual([
      "P302001A",
      "P301002A",
      "P301001B",
      "P301001A",
    ]);
    const paged = await list("admin", "budgetYear=2025&pageSize=2&page=2");
    expect(paged.total).toBe(4);
    expect(codes(paged)).toEqual(["P301002A", "P302001A"]);
    expect(paged.totalAmount).toBe(43_000_000 + 32_000_050 + 6_100_000 + 78_000_000);
  });

  it("exports the filtered list as Excel in scope, and the export imports back unchanged", async () => {
    const read = async (who: string, query: string) => {
      const res = await d.as(d.who(who), "GET", `${URL}/export.xlsx?${query}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers["content-type"]).toContain("spreadsheetml");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as Parameters<typeof wb.xlsx.load>[0]);
      const sheet = wb.worksheets[0]!;
      const out: unknown[][] = [];
      sheet.eachRow((r) => {
        out.push((r.values as unknown[]).slice(1));
      });
      return { out, bytes: res.rawPayload };
    };
    const mine = await read("unit1", "budgetYear=2025");
    const header = mine.out.findIndex((r) => r[0] === "预算年度");
    expect(mine.out.slice(header + 1).map((r) => [r[1], r[3], r[4]])).toEqual([
      ["P301001A", 430_000, "否"],
      ["P301001B", 320_000.5, "否"],
    ]);
    const rigid = await read("admin", "budgetYear=2025&rigid=true&sort=amount&order=desc");
    expect(rigid.out.slice(header + 1).map((r) => r[1])).toEqual(["P302001A", "P301002A"]);

    const all = await read("admin", "budgetYear=2025");
    const back = await d.upload(d.who("admin"), "/api/v1/imports/requests?mode=preview", all.bytes, "导出.xlsx");
    expect(back.statusCode, back.body.slice(0, 400)).toBe(200);
    expect(back.json().counts).toMatchObject({ total: 4, new: 0, changed: 0, unchanged: 4, errors: 0 });
  });
});
