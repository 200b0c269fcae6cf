import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../../src/app/auth/actor";
import type { Deps } from "../../src/app/context";
import { importSelfEvalWorkbook } from "../../src/app/selfeval/import-workbook";
import { createUnitOfWork } from "../../src/db/repos";
import { rows } from "../../src/db/repos/rows";
import { parseSelfEvalWorkbook } from "../../src/io/selfeval-xlsx-read";
import { argon2Hasher } from "../../src/server/auth/password";
import { held, untilHeld } from "../support/held";
import { type MonitoringDistrict, monitoringDistrict } from "../support/monitoring-district";

/**
 * 项目支出绩效自评表 as Excel in a district that starts from an empty database: a unit downloads its forms of
 * the year, fills them offline and imports them back (preview with the totals before and after, then commit:
 * every sheet or nothing); a workbook of another unit or year, with a locked cell changed, a value the web
 * form refuses, downloaded before someone saved, or with a forged identity, is refused by sheet and cell with
 * nothing written. The form list exports as Excel too.
 */
let m: MonitoringDistrict;
const call = (who: string, method: string, url: string, body?: unknown) => m.d.as(m.d.who(who), method, url, body);
const ok = async (who: string, method: string, url: string, body?: unknown) => {
  const res = await call(who, method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 600)}`).toBe(200);
  return res.json();
};

/** 一小课后服务补助: two quantitative indicators and two the assessor scores (定性). */
const AFTER_SCHOOL = {
  overallGoal: "2025年为300名学生提供课后服务，建立课后服务管理制度，家长满意度不低于90%。",
  indicators: [
    ["产出指标", "数量指标", "课后服务覆盖学生数", "quantitative", ">=", "300", "人", 30],
    ["产出指标", "质量指标", "课后服务管理制度", "qualitative", null, "建立并执行课后服务管理制度", null, 30],
    ["效益指标", "社会效益指标", "家长接送负担", "qualitative", null, "放学后接送时间冲突基本解决", null, 30],
    ["满意度指标", "服务对象满意度指标", "家长满意度", "quantitative", ">=", "90", "%", 10],
  ].map(([level1, level2, name, kind, operator, target, unit, weight]) => ({
    level1,
    level2,
    name,
    kind,
    operator,
    target,
    unit,
    weight,
    explanation: null,
  })),
};

interface Issue {
  sheet: string;
  cell: string | null;
  code: string;
  message: string;
}
interface Score {
  total: number | null;
  grade: string | null;
  unscorable: number;
}
interface ImportSheet {
  sheet: string;
  formId: number | null;
  status: string;
  changes: { cell: string | null; label: string; before: string; after: string }[];
  before: Score | null;
  after: Score | null;
  incomplete: number;
  issues: Issue[];
  version: number | null;
}
interface FormRef {
  id: number;
  version: number;
}

const forms: Record<string, FormRef> = {};

async function download(who: string, url: string): Promise<Buffer> {
  const res = await call(who, "GET", url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers["content-type"]).toContain("spreadsheetml");
  return res.rawPayload;
}
const workbookOf = (who: string, extra = "") => download(who, `/api/v1/selfeval/forms.xlsx?year=2025${extra}`);

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}
async function edit(bytes: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = await load(bytes);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const sheet = (wb: ExcelJS.Workbook, name: string) => {
  const ws = wb.getWorksheet(name);
  expect(ws, name).toBeTruthy();
  return ws!;
};
const upload = (who: string, mode: "preview" | "commit", content: Buffer, year = 2025) =>
  m.d.upload(m.d.who(who), `/api/v1/selfeval/forms/import?year=${year}&mode=${mode}`, content, "自评表.xlsx");
const previewOf = async (who: string, content: Buffer) => {
  const res = await upload(who, "preview", content);
  expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
  return res.json();
};

/**
 * The layout: 年度 A3, 项目名称 B4, funds from row 7, 实际完成情况 F12, the grid header on row 13 and the
 * indicators from row 14 (B 一级 … F 实际完成值, G 分值, H 得分, I 偏差原因分析及改进措施).
 */
function fillRepair(ws: ExcelJS.Worksheet) {
  ws.getCell("F12").value = "完成校舍维修1000平方米，消除安全隐患12处。";
  ["1000", "100%", "9", "380", "12", "10", "95%"].forEach((v, i) => {
    ws.getCell(`F${14 + i}`).value = v;
  });
  ws.getCell("I14").value = "一栋教学楼雨季延期，剩余200平方米次年完成";
  ws.getCell("I16").value = "雨季延误工期一个月";
}
function fillAfterSchool(ws: ExcelJS.Worksheet) {
  ws.getCell("F12").value = "为320名学生提供课后服务，管理制度已建立。";
  ws.getCell("F14").value = 320;
  ws.getCell("F15").value = "制度已印发执行";
  ws.getCell("H15").value = 21;
  ws.getCell("F16").value = "多数家庭接送冲突解决";
  ws.getCell("H16").value = 20;
  ws.getCell("I16").value = "部分家长下班晚于服务结束时间";
  ws.getCell("F17").value = "93%";
}
const filled = async (who = "unit1") =>
  edit(await workbookOf(who), (wb) => {
    fillRepair(sheet(wb, "P301001A"));
    fillAfterSchool(sheet(wb, "P301001B"));
  });

/** Everything an import could write: the forms' answers and versions, the tasks, the audit log. */
async function snapshot() {
  const [r] = await rows<Record<string, unknown>>(
    m.d.db.orm,
    sql`select (select count(*) from audit_log)::int as audit,
               (select string_agg(concat_ws('|', id, version, status, overall_actual), ',' order by id)
                from selfeval_forms) as forms,
               (select md5(string_agg(concat_ws('|', form_id, uid, actual, tier, points, not_applicable, note), ','
                                      order by form_id, position)) from selfeval_items) as items,
               (select string_agg(concat_ws('|', id, status, version), ',' order by id) from tasks) as tasks`,
  );
  return r!;
}

const formOf = (who: string, code: string) => ok(who, "GET", `/api/v1/selfeval/forms/${forms[code]!.id}`);

async function orgId(code: string): Promise<number> {
  const [org] = await rows<{ id: number }>(m.d.db.orm, sql`select id from orgs where code = ${code}`);
  return org!.id;
}

beforeAll(async () => {
  m = await monitoringDistrict();
  // 一小 also declares its after-school programme, with indicators the assessor scores.
  const list = await ok("unit1", "GET", "/api/v1/goals/tables?year=2025&q=P301001B");
  const url = `/api/v1/goals/tables/${list.rows[0].id}`;
  const version = async (who: string) => (await ok(who, "GET", url)).version;
  await ok("unit1", "PUT", url, { version: await version("unit1"), ...AFTER_SCHOOL });
  for (const [who, action] of [
    ["unit1", "submit"],
    ["edu", "approve"],
    ["admin", "approve"],
  ] as const)
    await ok(who, "POST", `${url}/actions`, { version: await version(who), action });

  m.setNow(new Date("2026-01-10T02:00:00Z"));
  await m.d.signInAgain();
  await ok("admin", "POST", "/api/v1/selfeval/rounds", { fiscalYear: 2025, dueOn: "2026-02-28" });
  const all = await ok("admin", "GET", "/api/v1/selfeval/forms?year=2025&pageSize=100");
  for (const r of all.rows as { id: number; code: string }[]) forms[r.code] = { id: r.id, version: 0 };
  expect(Object.keys(forms).sort()).toEqual(["301", "P301001A", "P301001B", "P302001A"]);
}, 240_000);
afterAll(async () => {
  await m?.d.close();
});

describe("self-evaluation forms as Excel", () => {
  it("downloads a unit's project forms in the official layout, locked where prefilled; finance names a department", async () => {
    const wb = await load(await workbookOf("unit1"));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["目录", "visible"],
      ["P301001A", "visible"],
      ["P301001B", "visible"],
      ["_jixiao", "veryHidden"],
    ]);
    const form = await formOf("unit1", "P301001B");
    const ws = sheet(wb, "P301001B");
    expect(ws.getCell("A2").value).toBe("项目支出绩效自评表");
    expect(ws.getCell("A3").value).toBe("（2025年度）");
    expect([ws.getCell("B4").value, ws.getCell("H4").value]).toEqual(["一小课后服务补助", "P301001B"]);
    expect([ws.getCell("B5").value, ws.getCell("F5").value]).toEqual(["测试区教育局", "测试区第一小学"]);
    // 30 万元 budgeted, 1 万元 spent in January: 3.33% of the execution's 10 points.
    expect([ws.getCell("D7").value, ws.getCell("E7").value, ws.getCell("F7").value]).toEqual([30, 30, 1]);
    expect([ws.getCell("G7").value, ws.getCell("I7").value]).toEqual([10, form.score.execution.points]);
    expect(ws.getCell("B12").value).toBe(AFTER_SCHOOL.overallGoal);
    // 分值 are the form's: 产出 50 shared 30:30, 效益 30, 满意度 10.
    const grid = [14, 15, 16, 17].map((r) => [
      ws.getCell(`D${r}`).value,
      ws.getCell(`E${r}`).value,
      ws.getCell(`G${r}`).value,
    ]);
    expect(grid).toEqual(
      form.items.map((i: { name: string; weight: number }, n: number) => [
        i.name,
        ["≥300人", "建立并执行课后服务管理制度", "放学后接送时间冲突基本解决", "≥90%"][n],
        i.weight,
      ]),
    );
    expect(grid.map((g) => g[2])).toEqual([25, 25, 30, 10]);
    // What the unit fills is open; the rest is locked, and a quantitative row's 得分 is computed, not typed.
    expect(ws.getCell("F14").protection).toMatchObject({ locked: false });
    expect(ws.getCell("H15").protection).toMatchObject({ locked: false });
    expect(ws.getCell("H14").protection?.locked).not.toBe(false);
    expect(ws.getCell("D14").protection?.locked).not.toBe(false);
    const meta = sheet(wb, "_jixiao");
    expect(meta.getRow(3).values).toEqual([undefined, "P301001B", form.id, form.version, 2025, "301001", "P301001B"]);

    // A department gets its own and its units' project forms (its department-wide form is filled on the web).
    const dept = await load(await workbookOf("edu"));
    expect(dept.worksheets.map((w) => w.name)).toEqual(["目录", "P301001A", "P301001B", "_jixiao"]);
    expect(dept.worksheets[0]!.getCell("A1").value).toBe("测试区教育局 2025年度项目支出绩效自评表");
    const oneUnit = await load(await workbookOf("health", `&unitId=${await orgId("302001")}`));
    expect(oneUnit.worksheets.map((w) => w.name)).toEqual(["P302001A", "_jixiao"]);

    const region = await call("admin", "GET", "/api/v1/selfeval/forms.xlsx?year=2025");
    expect([region.statusCode, region.json().error.code]).toEqual([400, "SELFEVAL_EXPORT_NEEDS_DEPARTMENT"]);
    const byDept = await load(await workbookOf("admin", `&departmentId=${await orgId("302")}`));
    expect(byDept.worksheets.map((w) => w.name)).toEqual(["P302001A", "_jixiao"]);
    // A unit asking for another department, or a year without forms, gets nothing.
    const foreign = await call(
      "unit1",
      "GET",
      `/api/v1/selfeval/forms.xlsx?year=2025&departmentId=${await orgId("302")}`,
    );
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([404, "SELFEVAL_EXPORT_EMPTY"]);
    const otherYear = await call("unit1", "GET", "/api/v1/selfeval/forms.xlsx?year=2024");
    expect([otherYear.statusCode, otherYear.json().error.code]).toEqual([404, "SELFEVAL_EXPORT_EMPTY"]);
  });

  it("previews a filled workbook with the totals before and after, commits it in one go, and takes it again as unchanged", async () => {
    const bytes = await filled();
    const before = await snapshot();
    const p = await previewOf("unit1", bytes);
    expect(p).toMatchObject({
      committed: false,
      fiscalYear: 2025,
      counts: { sheets: 2, changed: 2, unchanged: 0, skipped: 0, withErrors: 0, errors: 0 },
    });
    const repair: ImportSheet = p.sheets[0];
    const afterSchool: ImportSheet = p.sheets[1];
    expect(repair).toMatchObject({ sheet: "P301001A", formId: forms.P301001A!.id, status: "changed", incomplete: 0 });
    // Nothing was filled before; 1000/1200 × 16.67 = 13.89, 8/9 × 8.33 = 7.40, the rest full, execution 28% = 2.80.
    expect(repair.before).toEqual({ total: null, grade: null, unscorable: 7 });
    expect(repair.after).toEqual({ total: 89.09, grade: "good", unscorable: 0 });
    expect(repair.changes).toEqual(
      expect.arrayContaining([
        {
          cell: "F12",
          label: "年度总体目标实际完成情况",
          before: "",
          after: "完成校舍维修1000平方米，消除安全隐患12处。",
        },
        { cell: "F14", label: "指标“维修面积”的实际完成值", before: "", after: "1000" },
        {
          cell: "I14",
          label: "指标“维修面积”的偏差原因分析及改进措施",
          before: "",
          after: "一栋教学楼雨季延期，剩余200平方米次年完成",
        },
      ]),
    );
    expect(afterSchool.changes).toEqual(
      expect.arrayContaining([{ cell: "H15", label: "指标“课后服务管理制度”的得分", before: "", after: "21.00" }]),
    );
    expect(afterSchool.after).toMatchObject({ unscorable: 0, total: expect.any(Number) });
    expect(await snapshot()).toEqual(before);

    const commit = await upload("unit1", "commit", bytes);
    expect(commit.statusCode, commit.body.slice(0, 500)).toBe(201);
    expect(commit.json()).toMatchObject({ committed: true, counts: { changed: 2, errors: 0 } });
    const a = await formOf("unit1", "P301001A");
    expect(a).toMatchObject({
      overallActual: "完成校舍维修1000平方米，消除安全隐患12处。",
      score: { total: 89.09, grade: "good" },
      issues: [],
      version: commit.json().sheets[0].version,
    });
    const b = await formOf("unit1", "P301001B");
    expect(b.score.total).toBe(afterSchool.after!.total);
    const answers = Object.fromEntries(
      b.items.map((i: { name: string; answers: Record<string, unknown> }) => [i.name, i.answers]),
    );
    // The tiers follow from the points: 21 of 25 is 84% (达成), 20 of 30 is 66.67% (部分达成).
    expect(answers.课后服务管理制度).toMatchObject({ actual: "制度已印发执行", points: 21, tier: "achieved" });
    expect(answers.家长接送负担).toMatchObject({ points: 20, tier: "partly", note: "部分家长下班晚于服务结束时间" });
    expect(answers.课后服务覆盖学生数).toMatchObject({ actual: "320", tier: null, points: null });
    const audit = await rows<{ entity_id: string; reason: string }>(
      m.d.db.orm,
      sql`select entity_id, reason from audit_log where entity = 'selfeval_form' and action = 'import' order by id`,
    );
    expect(audit).toEqual([
      { entity_id: String(forms.P301001A!.id), reason: "Excel导入：自评表.xlsx，工作表“P301001A”" },
      { entity_id: String(forms.P301001B!.id), reason: "Excel导入：自评表.xlsx，工作表“P301001B”" },
    ]);
    const task = (await ok("unit1", "GET", "/api/v1/tasks?year=2025&kind=selfeval")).rows[0];
    expect(task.status).toBe("in_progress");

    // The same file again (its versions are now behind): nothing to write, not an error.
    const again = await upload("unit1", "commit", bytes);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ committed: true, counts: { changed: 0, unchanged: 2, errors: 0 } });
    // A fresh download reads back what was imported, with the computed points, and is unchanged too.
    const fresh = await workbookOf("unit1");
    const ws = sheet(await load(fresh), "P301001A");
    expect([ws.getCell("F14").value, ws.getCell("H14").value]).toEqual(["1000", 13.89]);
    expect((await previewOf("unit1", fresh)).counts).toMatchObject({ unchanged: 2, changed: 0, errors: 0 });
  });

  it("refuses another unit's workbook: its form is not in the importer's scope", async () => {
    const bytes = await edit(await workbookOf("cdc"), (wb) => fillRepair(sheet(wb, "P302001A")));
    const before = await snapshot();
    const p = await previewOf("unit1", bytes);
    expect(p.sheets[0]).toMatchObject({ sheet: "P302001A", status: "error", formId: forms.P302001A!.id });
    expect(p.issues).toHaveLength(1);
    expect(p.issues[0]).toMatchObject({ sheet: "P302001A", cell: "H4", code: "SELFEVAL_WORKBOOK_MISMATCH" });
    expect(p.issues[0].message).toContain("不在您可填报的范围内");
    const commit = await upload("unit1", "commit", bytes);
    expect([commit.statusCode, commit.json().error.code]).toEqual([422, "IMPORT_INVALID"]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a unit's changes sent by its department or by finance: only the declarer fills a form", async () => {
    const bytes = await edit(await workbookOf("unit1"), (wb) => {
      sheet(wb, "P301001A").getCell("I15").value = "验收一次通过";
    });
    const before = await snapshot();
    for (const who of ["edu", "admin"]) {
      const p = await previewOf(who, bytes);
      expect(p.counts).toMatchObject({ changed: 0, unchanged: 1, withErrors: 1 });
      expect(p.issues.map((i: Issue) => [i.sheet, i.code])).toEqual([["P301001A", "SELFEVAL_NOT_EDITABLE"]]);
      expect((await upload(who, "commit", bytes)).statusCode).toBe(422);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a workbook of another year, naming the sheet, and writes nothing", async () => {
    const bytes = await edit(await workbookOf("unit1"), (wb) => {
      // As a 2024 download would carry it: the title and the hidden identity.
      for (const name of ["P301001A", "P301001B"]) sheet(wb, name).getCell("A3").value = "（2024年度）";
      const meta = sheet(wb, "_jixiao");
      for (const r of [2, 3]) meta.getCell(r, 4).value = 2024;
      fillRepair(sheet(wb, "P301001A"));
    });
    const before = await snapshot();
    const p = await previewOf("unit1", bytes);
    expect(p.counts).toMatchObject({ withErrors: 2, changed: 0 });
    expect(p.issues[0]).toMatchObject({ sheet: "P301001A", cell: "A3", code: "SELFEVAL_WORKBOOK_MISMATCH" });
    expect(p.issues[0].message).toContain("本工作表是2024年度的自评表，不是2025年度的");
    expect((await upload("unit1", "commit", bytes)).statusCode).toBe(422);
    // Only the title changed: the year is a locked cell.
    const title = await edit(await workbookOf("unit1"), (wb) => {
      sheet(wb, "P301001B").getCell("A3").value = "（2024年度）";
    });
    const t = await previewOf("unit1", title);
    expect(t.issues.map((i: Issue) => [i.sheet, i.cell, i.code])).toEqual([
      ["P301001B", "A3", "SELFEVAL_SHEET_LOCKED_CHANGED"],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses changed locked cells and values the web form refuses, each by sheet and cell, and writes nothing", async () => {
    const bytes = await edit(await workbookOf("unit1"), (wb) => {
      const a = sheet(wb, "P301001A");
      a.getCell("D14").value = "维修面积（已调整）";
      a.getCell("F15").value = "约一百";
      a.getCell("E7").value = 60;
      const b = sheet(wb, "P301001B");
      b.getCell("G15").value = 30;
      b.getCell("H16").value = 35;
      b.getCell("F14").value = "三百二十人左右";
    });
    const before = await snapshot();
    const p = await previewOf("unit1", bytes);
    const found = p.issues.map((i: Issue) => [i.sheet, i.cell, i.code]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["P301001A", "D14", "SELFEVAL_SHEET_LOCKED_CHANGED"],
        ["P301001A", "E7", "SELFEVAL_SHEET_LOCKED_CHANGED"],
        ["P301001A", "F15", "SELFEVAL_FORM_INVALID"],
        ["P301001B", "G15", "SELFEVAL_SHEET_LOCKED_CHANGED"],
        ["P301001B", "H16", "SELFEVAL_FORM_INVALID"],
        ["P301001B", "F14", "SELFEVAL_FORM_INVALID"],
      ]),
    );
    expect(found).toHaveLength(6);
    const name = p.issues.find((i: Issue) => i.cell === "D14");
    expect(name.message).toBe(
      "工作表“P301001A”D14（三级指标）：第1项指标的三级指标是预填内容，不可修改：应为“维修面积”，文件中为“维修面积（已调整）”；如系统中的数据已更新，请重新下载自评表",
    );
    // The same checks and words as saving the form on the web.
    expect(p.issues.find((i: Issue) => i.cell === "H16").message).toContain("得分 35.00 超过分值 30.00");
    expect(p.issues.find((i: Issue) => i.cell === "F15").message).toContain("实际完成值“约一百”不是数值");
    const commit = await upload("unit1", "commit", bytes);
    expect([commit.statusCode, commit.json().error.code]).toEqual([422, "IMPORT_INVALID"]);
    expect(commit.json().error.details.total).toBe(p.counts.errors);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a workbook downloaded before someone saved the form (stale), without overwriting", async () => {
    const old = await workbookOf("unit1");
    const form = await formOf("unit1", "P301001A");
    await ok("unit1", "PUT", `/api/v1/selfeval/forms/${form.id}`, {
      version: form.version,
      overallActual: "已在网页上改过。",
      items: [],
    });
    const bytes = await edit(old, (wb) => {
      sheet(wb, "P301001A").getCell("I15").value = "验收一次通过";
    });
    const before = await snapshot();
    const p = await previewOf("unit1", bytes);
    // The overall goal's text is the web's now: the old file's text is a change, and the file is behind.
    expect(p.issues.map((i: Issue) => i.code)).toEqual(["SELFEVAL_SHEET_STALE"]);
    expect(p.issues[0].message).toContain(`下载时为第 ${form.version} 版，现为第 ${form.version + 1} 版`);
    expect((await upload("unit1", "commit", bytes)).statusCode).toBe(422);
    expect(await snapshot()).toEqual(before);
    expect((await formOf("unit1", "P301001A")).overallActual).toBe("已在网页上改过。");
  });

  it("does not cross scopes with a forged identity naming another unit's form or a form that does not exist", async () => {
    const cdcBefore = await formOf("cdc", "P302001A");
    for (const forged of [forms.P302001A!.id, forms["301"]!.id, 999_999]) {
      const bytes = await edit(await workbookOf("unit1"), (wb) => {
        const meta = sheet(wb, "_jixiao");
        meta.getCell(2, 2).value = forged;
        meta.getCell(2, 6).value = "P302001A";
        fillRepair(sheet(wb, "P301001A"));
      });
      const before = await snapshot();
      const p = await previewOf("unit1", bytes);
      expect(p.sheets[0]).toMatchObject({ sheet: "P301001A", status: "error", name: "一小校舍维修" });
      expect(p.sheets[0].statusText).toBeNull();
      expect(p.issues.map((i: Issue) => [i.sheet, i.code])).toEqual([["P301001A", "SELFEVAL_WORKBOOK_MISMATCH"]]);
      // Nothing of the other form is told: not its name, status or score.
      expect(JSON.stringify(p)).not.toContain("疾控");
      const commit = await upload("unit1", "commit", bytes);
      expect([commit.statusCode, commit.json().error.code]).toEqual([422, "IMPORT_INVALID"]);
      expect(await snapshot()).toEqual(before);
    }
    expect(await formOf("cdc", "P302001A")).toEqual(cdcBefore);
  });

  it("applies two commits of the same file at once only once, never half", async () => {
    const bytes = await edit(await workbookOf("unit1"), (wb) => {
      sheet(wb, "P301001B").getCell("I14").value = "覆盖人数超过目标";
    });
    await m.d.account("unit1b", "unit", "301001");
    const before = await formOf("unit1", "P301001B");
    const results = await Promise.all([upload("unit1", "commit", bytes), upload("unit1b", "commit", bytes)]);
    const outcomes = results.map((r) =>
      r.statusCode === 201
        ? "written"
        : r.statusCode === 200
          ? `unchanged:${r.json().counts.unchanged}`
          : r.json().error.code,
    );
    expect(outcomes.filter((o) => o === "written")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "written")).toEqual([expect.stringMatching(/^(unchanged:2|STALE_VERSION)$/)]);
    const after = await formOf("unit1", "P301001B");
    expect(after.version).toBe(before.version + 1);
  });

  it("rolls back every form when one was saved meanwhile: a commit is all or nothing (409)", async () => {
    const [first, last] = (["P301001A", "P301001B"] as const).slice().sort((a, b) => forms[a]!.id - forms[b]!.id);
    const bytes = await edit(await workbookOf("unit1"), (wb) => {
      sheet(wb, first!).getCell("I17").value = "第一张表的改动";
      sheet(wb, last!).getCell("I17").value = "第二张表的改动";
    });
    const deps: Deps = {
      uow: createUnitOfWork(m.d.db),
      clock: { now: () => new Date("2026-01-10T03:00:00Z") },
      hasher: argon2Hasher,
    };
    const unit1 = actorOf((await deps.uow.read.users.withOrg((await deps.uow.read.users.byUsername("unit1"))!.id))!);
    const slow = held(deps);
    const importing = importSelfEvalWorkbook(slow.deps, unit1, {
      fiscalYear: 2025,
      fileName: "自评表.xlsx",
      sheets: parseSelfEvalWorkbook(bytes),
      mode: "commit",
    }).catch((e: unknown) => e);
    await untilHeld(slow, importing);
    // Checked and about to write both; the web saves the later one in between.
    const form = await formOf("unit1", last!);
    await ok("unit1", "PUT", `/api/v1/selfeval/forms/${form.id}`, {
      version: form.version,
      overallActual: form.overallActual,
      items: [{ uid: form.items[0].uid, note: "网页上改的" }],
    });
    const before = await snapshot();
    slow.open();
    expect(await importing).toMatchObject({ code: "STALE_VERSION" });
    // The earlier form, written first in the same transaction, is rolled back with it.
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a file that is no workbook, skips a sheet that is no form, and needs the year's self-evaluation open", async () => {
    const junk = await upload("unit1", "preview", Buffer.from("不是表格"));
    expect([junk.statusCode, junk.json().error.code]).toEqual([400, "IMPORT_UNREADABLE"]);
    const notes = await edit(await workbookOf("unit1"), (wb) => {
      wb.addWorksheet("说明").getCell("A1").value = "填表人：张三";
    });
    const p = await previewOf("unit1", notes);
    expect(p.counts).toMatchObject({ sheets: 3, skipped: 1, unchanged: 2, errors: 0 });
    expect(p.sheets[2]).toMatchObject({ sheet: "说明", status: "skipped", note: expect.stringContaining("已跳过") });
    const closed = await upload("unit1", "preview", notes, 2024);
    expect([closed.statusCode, closed.json().error.code]).toEqual([404, "SELFEVAL_NOT_OPEN"]);
  });

  it("exports the year's form list as Excel with the list's rows, scores and filters", async () => {
    const list = await ok("admin", "GET", "/api/v1/selfeval/forms?year=2025&pageSize=100");
    const wb = await load(await download("admin", "/api/v1/selfeval/forms/list.xlsx?year=2025"));
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell("A1").value)).toContain("2025年度单位自评表列表（共 4 张，金额单位：元");
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      "编码",
      "名称",
      "类型",
      "主管部门",
      "实施单位",
      "年初预算数",
      "全年预算数",
      "全年执行数",
      "执行率",
      "自评得分",
      "等级",
      "无法计分项",
      "状态",
      "是否逾期",
    ]);
    const body = [3, 4, 5, 6].map((r) => ws.getRow(r));
    expect(body.map((r) => r.getCell(1).value)).toEqual(list.rows.map((r: { code: string }) => r.code));
    const repair = body.find((r) => r.getCell(1).value === "P301001A")!;
    const row = list.rows.find((r: { code: string }) => r.code === "P301001A");
    expect([2, 3, 4, 5].map((c) => repair.getCell(c).value)).toEqual([
      "一小校舍维修",
      "项目支出",
      "测试区教育局",
      "测试区第一小学",
    ]);
    expect([6, 7, 8].map((c) => repair.getCell(c).value)).toEqual([500000, 500000, 140000]);
    expect(repair.getCell(9).value).toBeCloseTo(0.28, 6);
    expect([repair.getCell(10).value, repair.getCell(11).value, repair.getCell(13).value]).toEqual([
      row.total,
      "良",
      row.statusText,
    ]);

    // The list's filters apply; a unit exports its own rows only.
    const good = await load(await download("admin", "/api/v1/selfeval/forms/list.xlsx?year=2025&grade=good"));
    const goods = list.rows.filter((r: { grade: string | null }) => r.grade === "good").length;
    expect(goods).toBeGreaterThan(0);
    expect(good.worksheets[0]!.rowCount).toBe(2 + goods);
    const mine = await load(await download("cdc", "/api/v1/selfeval/forms/list.xlsx?year=2025"));
    expect(mine.worksheets[0]!.getCell("A3").value).toBe("P302001A");
    expect(mine.worksheets[0]!.rowCount).toBe(3);
  });
});
