import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/app/context";
import { rows } from "../../src/db/repos/rows";
import { type SmallDistrict, smallDistrict } from "../support/district";

/**
 * 绩效运行监控表 as Excel in a district that starts from an empty database: a unit downloads its reports of
 * a round, fills them offline and imports them back (preview, then commit: every sheet or nothing); a
 * workbook of another round, of another unit, with a prefilled cell changed, or downloaded before someone
 * saved, is refused by sheet and cell with nothing written. The round's list exports as Excel too.
 */
let now = new Date("2024-09-10T02:00:00Z");
const clock: Clock = { now: () => now };
let d: SmallDistrict;

const ORGS = `单位编码,单位名称,单位类型,上级编码,所属行业
301,测试区教育局,主管部门,,教育
301001,测试区第一小学,预算单位,301,教育
301002,测试区第二小学,预算单位,301,教育
302,测试区卫生健康局,主管部门,,卫生健康
302001,测试区疾控中心,预算单位,302,卫生健康`;

const PROJECTS = `预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）
2025,P301001A,一小校舍维修,301,301001,一次性,否,500000.00,500000.00,500000.00,0
2025,P301002A,二小图书购置,301,301002,一次性,否,200000.00,200000.00,200000.00,0
2025,P302001A,疾控免疫规划,302,302001,常年性,是,800000.00,800000.00,700000.00,100000.00`;

const DEPT_BUDGETS = `预算年度,主管部门编码,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）
2025,301,9000000.00,9000000.00,8800000.00,200000.00
2025,302,6000000.00,6000000.00,6000000.00,0`;

// 一小校舍维修 pays 20,000.01 a month (to the fen, through the 万元 display); 二小 pays 150,000 in May.
const EXECUTION = [
  "预算年度,项目编码,月份,支付数（元）",
  ...[1, 2, 3, 4, 5, 6, 7].map((m) => `2025,P301001A,${m},20000.01`),
  "2025,P301002A,5,150000.00",
  ...[1, 2, 3, 4, 5, 6, 7].map((m) => `2025,P302001A,${m},70000.00`),
].join("\n");

const GOALS = {
  overallGoal: "2025年完成校舍维修面积1200平方米，消除安全隐患，师生满意度不低于90%。",
  indicators: [
    ["产出指标", "数量指标", "维修面积", ">=", "1200", "平方米", 30],
    ["产出指标", "质量指标", "工程验收合格率", "=", "100", "%", 30],
    ["效益指标", "社会效益指标", "消除安全隐患处数", ">=", "12", "处", 30],
    ["满意度指标", "服务对象满意度指标", "师生满意度", ">=", "90", "%", 10],
  ].map(([level1, level2, name, operator, target, unit, weight]) => ({
    level1,
    level2,
    name,
    kind: "quantitative",
    operator,
    target,
    unit,
    weight,
    explanation: null,
  })),
};

const call = (who: string, method: string, url: string, body?: unknown) => d.as(d.who(who), method, url, body);
const ok = async (who: string, method: string, url: string, body?: unknown, status = 200) => {
  const res = await call(who, method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 500)}`).toBe(status);
  return status === 204 ? null : res.json();
};

async function approveGoals(declarer: string, desks: string[], code: string) {
  const list = await ok(declarer, "GET", `/api/v1/goals/tables?year=2025&q=${code}`);
  const table = list.rows.find((r: { subjectCode: string }) => r.subjectCode === code);
  const url = `/api/v1/goals/tables/${table.id}`;
  const version = async (who: string) => (await ok(who, "GET", url)).version;
  await ok(declarer, "PUT", url, { version: await version(declarer), ...GOALS });
  for (const [who, action] of [[declarer, "submit"], ...desks.map((w) => [w, "approve"])] as const)
    await ok(who, "POST", `${url}/actions`, { version: await version(who), action });
}

interface Issue {
  sheet: string;
  cell: string | null;
  column: string | null;
  code: string;
  message: string;
}
interface ImportSheet {
  sheet: string;
  reportId: number | null;
  status: "changed" | "unchanged" | "error";
  changes: { cell: string | null; label: string; before: string; after: string }[];
  incomplete: number;
  issues: Issue[];
  version: number | null;
}

let july: { id: number };
let june: { id: number };
let edu: number;

async function download(who: string, url: string): Promise<Buffer> {
  const res = await call(who, "GET", url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers["content-type"]).toContain("spreadsheetml");
  return res.rawPayload;
}
const workbookOf = (who: string, roundId = july.id, extra = "") =>
  download(who, `/api/v1/monitoring/workbook.xlsx?roundId=${roundId}${extra}`);

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}
async function edit(bytes: Buffer, change: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = await load(bytes);
  change(wb.worksheets[1]!, wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (who: string, mode: "preview" | "commit", content: Buffer, roundId = july.id) =>
  d.upload(d.who(who), `/api/v1/monitoring/workbook/import?roundId=${roundId}&mode=${mode}`, content, "监控表.xlsx");

/** A clerk's answers: the overall status, the year-end figure, and each indicator (row 18 on). */
function fill(ws: ExcelJS.Worksheet) {
  ws.getCell("E13").value = 50;
  ws.getCell("B15").value = "维修工程已完成招标，正在施工。";
  const answers = [
    ["600", "1200", "确定能", null, null, null],
    ["100", "100", "确定能", null, null, null],
    ["5", "10", "有可能", "经费保障", "资金到位晚", "加快拨付进度"],
    ["92", "92", "确定能", null, null, null],
  ];
  answers.forEach((a, i) => {
    a.forEach((v, c) => {
      ws.getCell(18 + i, 5 + c).value = v;
    });
  });
}

/** Everything an import could write: the reports' answers and versions, the tasks, the audit log. */
async function snapshot() {
  const [r] = await rows<Record<string, unknown>>(
    d.db.orm,
    sql`select (select count(*) from audit_log)::int as audit,
               (select string_agg(concat_ws('|', id, version, overall_status, expected_year_end, execution_note), ','
                                  order by id) from monitoring_reports) as reports,
               (select md5(string_agg(concat_ws('|', report_id, uid, progress, expected, likelihood, cause, cause_note,
                                                measures), ',' order by report_id, position))
                from monitoring_items) as items,
               (select string_agg(concat_ws('|', id, status, version), ',' order by id) from tasks) as tasks`,
  );
  return r!;
}

const reportOf = async (who: string, code: string, roundId = july.id) => {
  const list = await ok(who, "GET", `/api/v1/monitoring/reports?roundId=${roundId}&q=${code}`);
  const row = list.rows.find((r: { code: string }) => r.code === code);
  return ok(who, "GET", `/api/v1/monitoring/reports/${row.id}`);
};

beforeAll(async () => {
  d = await smallDistrict(clock);
  for (const [kind, csv] of [
    ["orgs", ORGS],
    ["projects", PROJECTS],
    ["dept-budgets", DEPT_BUDGETS],
  ] as const)
    await d.importCsv(kind, csv);
  await d.account("unit1", "unit", "301001");
  await d.account("unit2", "unit", "301002");
  // A second clerk of the same school: one account uploads one file at a time.
  await d.account("unit2b", "unit", "301002");
  await d.account("edu", "department", "301");
  await d.account("cdc", "unit", "302001");
  await d.account("health", "department", "302");
  await ok("admin", "POST", "/api/v1/plan/goal-declaration/open?year=2025", { dueOn: "2024-10-31" });
  await approveGoals("unit1", ["edu", "admin"], "P301001A");
  await approveGoals("unit2", ["edu", "admin"], "P301002A");
  await approveGoals("cdc", ["health", "admin"], "P302001A");
  now = new Date("2025-08-05T02:00:00Z");
  await d.signInAgain();
  await d.importCsv("execution", EXECUTION);

  const open = async (cutoffMonth: number) =>
    (
      await ok(
        "admin",
        "POST",
        "/api/v1/monitoring/rounds",
        { fiscalYear: 2025, cutoffMonth, dueOn: "2025-08-31", selectionDueOn: "2025-08-15" },
        201,
      )
    ).round;
  july = await open(7);
  june = await open(6);
  for (const round of [july, june]) {
    const candidates = await ok("edu", "GET", `/api/v1/monitoring/rounds/${round.id}/candidates`);
    edu = candidates[0].department.id;
    const subjects = candidates
      .filter((c: { code: string }) => c.code === "P301001A" || c.code === "P301002A")
      .map((c: { subjectKind: string; id: number }) => ({ subjectKind: c.subjectKind, id: c.id }));
    await ok("edu", "POST", `/api/v1/monitoring/rounds/${round.id}/selections/${edu}/subjects`, { subjects });
  }
  const cdc = await ok("admin", "GET", `/api/v1/monitoring/rounds/${july.id}/candidates?q=疾控`);
  await ok("admin", "POST", `/api/v1/monitoring/rounds/${july.id}/key-picks`, {
    subjects: [{ subjectKind: "project", id: cdc[0].id }],
  });
}, 180_000);
afterAll(async () => {
  await d.close();
});

describe("monitoring reports as Excel", () => {
  it("downloads a unit's own reports, locked where prefilled; finance names a department", async () => {
    const wb = await load(await workbookOf("unit1"));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["目录", "visible"],
      ["P301001A", "visible"],
      ["_jixiao", "veryHidden"],
    ]);
    const ws = wb.worksheets[1]!;
    expect(ws.getCell("A3").value).toBe("（2025年度 截至7月）");
    expect([ws.getCell("E6").value, ws.getCell("I6").value]).toEqual(["测试区第一小学", "301001"]);
    // 20,000.01 元 a month is 2.000001 万元; seven months 14.000007 万元.
    expect([ws.getCell("B9").value, ws.getCell("B13").value]).toEqual([2.000001, 14.000007]);
    expect(ws.getCell("C18").value).toBe("维修面积");
    expect(ws.getCell("E18").protection).toMatchObject({ locked: false });
    expect(wb.worksheets[0]!.getCell("A1").value).toBe("测试区第一小学 2025年度（截至7月）绩效运行监控表");

    const dept = await load(await workbookOf("edu"));
    expect(dept.worksheets.map((w) => w.name)).toEqual(["目录", "P301001A", "P301002A", "_jixiao"]);
    const oneUnit = await load(await workbookOf("edu", july.id, `&unitId=${await orgId("301002")}`));
    expect(oneUnit.worksheets.map((w) => w.name)).toEqual(["目录", "P301002A", "_jixiao"]);

    const region = await call("admin", "GET", `/api/v1/monitoring/workbook.xlsx?roundId=${july.id}`);
    expect([region.statusCode, region.json().error.code]).toEqual([400, "MONITORING_EXPORT_NEEDS_DEPARTMENT"]);
    const byDept = await load(await workbookOf("admin", july.id, `&departmentId=${edu}`));
    expect(byDept.worksheets.map((w) => w.name)).toEqual(["目录", "P301001A", "P301002A", "_jixiao"]);
    // A unit asking for another department gets nothing of it.
    const foreign = await call(
      "unit1",
      "GET",
      `/api/v1/monitoring/workbook.xlsx?roundId=${july.id}&departmentId=${await orgId("302")}`,
    );
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([404, "MONITORING_EXPORT_EMPTY"]);
    expect((await call("unit1", "GET", "/api/v1/monitoring/workbook.xlsx?roundId=99999")).statusCode).toBe(404);
  });

  it("previews a filled workbook, commits it in one go, and takes it again as unchanged", async () => {
    const bytes = await edit(await workbookOf("unit1"), fill);
    const before = await snapshot();
    const preview = await upload("unit1", "preview", bytes);
    expect(preview.statusCode, preview.body.slice(0, 500)).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({
      committed: false,
      round: { id: july.id, cutoffMonth: 7 },
      counts: { sheets: 1, changed: 1, unchanged: 0, withErrors: 0, errors: 0 },
    });
    const sheet: ImportSheet = p.sheets[0];
    expect(sheet).toMatchObject({ sheet: "P301001A", status: "changed", incomplete: 0 });
    expect(sheet.changes).toEqual(
      expect.arrayContaining([
        { cell: "B15", label: "总体目标完成情况", before: "", after: "维修工程已完成招标，正在施工。" },
        { cell: "E13", label: "预计全年执行数", before: "", after: "50.00万元" },
        { cell: "G20", label: "指标“消除安全隐患处数”的完成目标可能性", before: "", after: "有可能" },
      ]),
    );
    expect(await snapshot()).toEqual(before);

    const commit = await upload("unit1", "commit", bytes);
    expect(commit.statusCode, commit.body.slice(0, 500)).toBe(201);
    expect(commit.json()).toMatchObject({ committed: true, counts: { changed: 1 } });
    const report = await reportOf("unit1", "P301001A");
    expect(report).toMatchObject({
      overallStatus: "维修工程已完成招标，正在施工。",
      expectedYearEnd: 50_000_000,
      issues: [],
      version: commit.json().sheets[0].version,
    });
    expect(report.items[2]).toMatchObject({
      progress: "5",
      likelihood: "possible",
      cause: "经费保障",
      causeNote: "资金到位晚",
      measures: "加快拨付进度",
    });
    const audit = await rows<{ action: string; reason: string }>(
      d.db.orm,
      sql`select action, reason from audit_log where entity = 'monitoring_report' and action = 'import'
          and entity_id = ${String(report.id)}`,
    );
    expect(audit).toEqual([{ action: "import", reason: "Excel导入：监控表.xlsx，工作表“P301001A”" }]);
    const task = (await ok("unit1", "GET", "/api/v1/tasks?year=2025&kind=monitoring_department")).rows.find(
      (t: { title: string }) => t.title.includes("截至7月"),
    );
    expect(task.status).toBe("in_progress");

    // The same file again (its version is now behind): nothing to write, not an error.
    const again = await upload("unit1", "commit", bytes);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ committed: true, counts: { changed: 0, unchanged: 1, errors: 0 } });
    // A fresh download reads back what was imported, and is unchanged too.
    const fresh = await upload("unit1", "preview", await workbookOf("unit1"));
    expect(fresh.json().counts).toMatchObject({ unchanged: 1, errors: 0 });
  });

  it("refuses a workbook of another round, naming the sheet and cell, and writes nothing", async () => {
    const bytes = await edit(await workbookOf("unit1", june.id), fill);
    const before = await snapshot();
    const preview = (await upload("unit1", "preview", bytes)).json();
    expect(preview.counts).toMatchObject({ withErrors: 1, changed: 0 });
    expect(preview.issues[0]).toMatchObject({ sheet: "P301001A", cell: "A3", code: "MONITORING_WORKBOOK_MISMATCH" });
    expect(preview.issues[0].message).toContain("不是2025年度截至7月的");
    const commit = await upload("unit1", "commit", bytes);
    expect([commit.statusCode, commit.json().error.code]).toEqual([422, "IMPORT_INVALID"]);
    expect(await snapshot()).toEqual(before);
    // In its own round it goes in.
    expect((await upload("unit1", "preview", bytes, june.id)).json().counts).toMatchObject({ changed: 1, errors: 0 });
  });

  it("refuses another unit's workbook: its report is not in the importer's scope", async () => {
    const bytes = await edit(await workbookOf("unit2"), fill);
    const before = await snapshot();
    const preview = (await upload("unit1", "preview", bytes)).json();
    expect(preview.sheets[0]).toMatchObject({ sheet: "P301002A", status: "error", reportId: expect.any(Number) });
    expect(preview.issues[0]).toMatchObject({ cell: "H5", code: "MONITORING_WORKBOOK_MISMATCH" });
    expect(preview.issues[0].message).toContain("不在您可填报的范围内");
    expect((await upload("unit1", "commit", bytes)).statusCode).toBe(422);
    // The department sees it, but fills only its own reports: the unit's report is not its to change.
    const dept = (await upload("edu", "preview", bytes)).json();
    expect(dept.issues.map((i: Issue) => i.code)).toEqual(["MONITORING_NOT_EDITABLE"]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a changed prefilled cell and a bad answer, each by sheet and cell, and writes nothing", async () => {
    const bytes = await edit(await workbookOf("unit2"), (ws) => {
      fill(ws);
      ws.getCell("C18").value = "维修面积（已调整）";
      ws.getCell("A13").value = 30;
      ws.getCell("F19").value = "大约一半";
    });
    const before = await snapshot();
    const preview = (await upload("unit2", "preview", bytes)).json();
    const found = preview.issues.map((i: Issue) => [i.sheet, i.cell, i.code]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["P301002A", "C18", "MONITORING_SHEET_LOCKED_CHANGED"],
        ["P301002A", "A13", "MONITORING_SHEET_LOCKED_CHANGED"],
        ["P301002A", "F19", "MONITORING_REPORT_INVALID"],
      ]),
    );
    const name = preview.issues.find((i: Issue) => i.cell === "C18");
    expect(name.message).toBe(
      "工作表“P301002A”C18（三级指标）：预填内容不可修改：应为“维修面积”，文件中为“维修面积（已调整）”；如绩效目标已调整，请重新下载监控表",
    );
    const commit = await upload("unit2", "commit", bytes);
    expect([commit.statusCode, commit.json().error.code]).toEqual([422, "IMPORT_INVALID"]);
    expect(commit.json().error.details.total).toBe(preview.counts.errors);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a workbook downloaded before someone saved the report (stale), without overwriting", async () => {
    const old = await workbookOf("unit2");
    const report = await reportOf("unit2", "P301002A");
    await ok("unit2", "PUT", `/api/v1/monitoring/reports/${report.id}`, {
      version: report.version,
      overallStatus: "图书已采购一半。",
      expectedYearEnd: null,
      executionNote: null,
      items: [],
    });
    const bytes = await edit(old, fill);
    const before = await snapshot();
    const preview = (await upload("unit2", "preview", bytes)).json();
    expect(preview.issues).toHaveLength(1);
    expect(preview.issues[0]).toMatchObject({ sheet: "P301002A", code: "MONITORING_SHEET_STALE" });
    expect(preview.issues[0].message).toContain(`下载时为第 ${report.version} 版，现为第 ${report.version + 1} 版`);
    expect((await upload("unit2", "commit", bytes)).statusCode).toBe(422);
    expect(await snapshot()).toEqual(before);
    expect((await reportOf("unit2", "P301002A")).overallStatus).toBe("图书已采购一半。");
  });

  it("applies two commits of the same file at once only once, never half", async () => {
    const bytes = await edit(await workbookOf("unit2"), (ws) => {
      fill(ws);
      // 二小 spent 15 万元 of 20 by July: the year-end figure must not be below that.
      ws.getCell("E13").value = 20;
    });
    const before = await reportOf("unit2", "P301002A");
    const audits = async () =>
      (
        await rows<{ n: number }>(
          d.db.orm,
          sql`select count(*)::int as n from audit_log where entity = 'monitoring_report' and action = 'import'`,
        )
      )[0]!.n;
    const importsBefore = await audits();
    const results = await Promise.all([upload("unit2", "commit", bytes), upload("unit2b", "commit", bytes)]);
    const outcomes = results.map((r) =>
      r.statusCode === 201
        ? "written"
        : r.statusCode === 200
          ? `unchanged:${r.json().counts.unchanged}`
          : r.json().error.code,
    );
    expect(outcomes.filter((o) => o === "written")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "written")).toEqual([expect.stringMatching(/^(unchanged:1|STALE_VERSION)$/)]);
    const after = await reportOf("unit2", "P301002A");
    expect(after.version).toBe(before.version + 1);
    expect(after).toMatchObject({ overallStatus: "维修工程已完成招标，正在施工。", expectedYearEnd: 20_000_000 });
    expect(await audits()).toBe(importsBefore + 1);
  });

  it("exports the round's list as Excel with the list's rows, lights and reasons", async () => {
    const list = await ok("admin", "GET", `/api/v1/monitoring/reports?roundId=${july.id}&pageSize=100`);
    const wb = await load(await download("admin", `/api/v1/monitoring/reports.xlsx?roundId=${july.id}`));
    const ws = wb.worksheets[0]!;
    expect(ws.getCell("A1").value).toBe("2025年度绩效运行监控（截至7月）监控表列表（共 3 份，金额单位：元）");
    expect((ws.getRow(2).values as unknown[]).slice(1, 14)).toEqual([
      "主管部门",
      "实施单位",
      "编码",
      "监控对象",
      "监控类型",
      "状态",
      "全年预算数",
      "截至7月执行数",
      "执行率",
      "时间进度",
      "预计全年执行数",
      "预警",
      "预警原因",
    ]);
    const body = [3, 4, 5].map((r) => ws.getRow(r));
    expect(body.map((r) => r.getCell(3).value)).toEqual(list.rows.map((r: { code: string }) => r.code));
    const first = body[0]!;
    const row = list.rows[0];
    expect([first.getCell(1).value, first.getCell(2).value, first.getCell(4).value]).toEqual([
      "测试区教育局",
      "测试区第一小学",
      "一小校舍维修",
    ]);
    expect([first.getCell(7).value, first.getCell(8).value]).toEqual([500000, 140000.07]);
    expect(first.getCell(9).value).toBeCloseTo(Number(row.rate) / 100, 6);
    expect(first.getCell(10).value).toBeCloseTo(0.5833, 6);
    expect(first.getCell(12).value).toBe(
      { red: "红灯", yellow: "黄灯", green: "绿灯", none: "不适用" }[row.light as string],
    );
    expect(first.getCell(13).value).toBe(row.reasons.join("；"));

    // The list's filters apply; a unit exports its own rows only.
    const red = await load(await download("admin", `/api/v1/monitoring/reports.xlsx?roundId=${july.id}&light=red`));
    const reds = list.rows.filter((r: { light: string }) => r.light === "red").length;
    expect(red.worksheets[0]!.rowCount).toBe(2 + reds);
    const mine = await load(await download("unit1", `/api/v1/monitoring/reports.xlsx?roundId=${july.id}`));
    expect(mine.worksheets[0]!.getCell("C3").value).toBe("P301001A");
    expect(mine.worksheets[0]!.rowCount).toBe(3);
  });
});

async function orgId(code: string): Promise<number> {
  const [org] = await rows<{ id: number }>(d.db.orm, sql`select id from orgs where code = ${code}`);
  return org!.id;
}
