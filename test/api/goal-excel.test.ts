import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../support/app";

let t: TestApp;
let unit: string;
let dept: string;
let finance: string;
let admin: string;
beforeAll(async () => {
  t = await testApp();
  [unit, dept, finance, admin] = [
    await t.login("unit"),
    await t.login("dept"),
    await t.login("staff"),
    await t.login("finance"),
  ];
});
afterAll(() => t.close());

interface Issue {
  sheet: string;
  row: number | null;
  column: string | null;
  cell: string | null;
  code: string;
  message: string;
}
interface ImportTable {
  sheet: string;
  id: number | null;
  status: string;
  indicators: { new: number; changed: number; unchanged: number; removed: number };
  changes: { row: number; change: string; fields: string[] }[];
  issues: Issue[];
  version: number | null;
}

/** Everything an import could write: indicators (content and row ids), table versions, the audit log. */
async function snapshot() {
  const r = await t.db.orm.execute(
    sql`select (select count(*) from audit_log)::int as audit,
               (select sum(version) from goal_tables)::int as versions,
               (select max(id) from goal_indicators)::int as last_indicator,
               (select md5(string_agg(concat_ws('|', goal_table_id, position, uid, level1, level2, name, kind, operator,
                                                target, unit, weight, explanation), ',' order by goal_table_id, position))
                from goal_indicators) as indicators`,
  );
  return (r as unknown as { rows: Record<string, unknown>[] }).rows[0]!;
}

function upload(cookie: string, mode: "preview" | "commit", content: Buffer, fileName = "目标表.xlsx") {
  return t.upload(cookie, `/api/v1/goals/tables/import?mode=${mode}`, content, fileName);
}

async function download(cookie: string, url: string): Promise<Buffer> {
  const res = await t.as(cookie, "GET", url);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers["content-type"]).toContain("spreadsheetml");
  return res.rawPayload;
}

async function edit(bytes: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const myWorkbook = () => download(unit, "/api/v1/goals/tables/xlsx?year=2024");

/** The unit's draft: a revision of an approved table without findings, made editable for these tests. */
let draft: { id: number; code: string; version: number; indicators: { uid: string; target: string }[] };

describe("goal tables as Excel: export and import back", () => {
  it("exports the unit's own tables with a 目录, and one table by id", async () => {
    const list = (await t.as(unit, "GET", "/api/v1/goals/tables?year=2024&pageSize=100")).json();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await myWorkbook()) as unknown as ArrayBuffer);
    const codes = list.rows.map((r: { subjectCode: string }) => r.subjectCode).sort();
    expect(wb.worksheets.map((w) => w.name)).toEqual(["目录", ...codes]);
    // A unit sees only its own tables, whichever department it asks for.
    const other = new ExcelJS.Workbook();
    await other.xlsx.load(
      (await download(unit, "/api/v1/goals/tables/xlsx?year=2024&department=101")) as unknown as ArrayBuffer,
    );
    expect(other.worksheets.length).toBe(codes.length + 1);

    const one = new ExcelJS.Workbook();
    await one.xlsx.load(
      (await download(unit, `/api/v1/goals/tables/${list.rows[0].id}/xlsx`)) as unknown as ArrayBuffer,
    );
    expect(one.worksheets.map((w) => w.name)).toEqual([list.rows[0].subjectCode]);
    expect(one.worksheets[0]!.getCell("E3").value).toBe("指标体系版本：2024.1");

    const all = (await t.as(finance, "GET", "/api/v1/goals/tables?year=2024&pageSize=200")).json();
    const foreign = all.rows.find((r: { id: number }) => !list.rows.some((m: { id: number }) => m.id === r.id));
    expect((await t.as(unit, "GET", `/api/v1/goals/tables/${foreign.id}/xlsx`)).statusCode).toBe(404);
    const whole = await t.as(finance, "GET", "/api/v1/goals/tables/xlsx?year=2024");
    expect(whole.json().error.code).toBe("GOAL_EXPORT_NEEDS_DEPARTMENT");
    const byFinance = new ExcelJS.Workbook();
    await byFinance.xlsx.load(
      (await download(finance, "/api/v1/goals/tables/xlsx?year=2024&department=120")) as unknown as ArrayBuffer,
    );
    // The department-wide table first, then every project table of the department.
    expect(byFinance.worksheets.length).toBe(226);
    expect(byFinance.worksheets[1]!.name).toBe("120");
    expect((await t.as(finance, "GET", "/api/v1/goals/tables/xlsx?year=2024&department=999")).statusCode).toBe(404);
  });

  it("imports an unchanged workbook as unchanged, writing nothing, even though its tables are approved", async () => {
    const bytes = await myWorkbook();
    const before = await snapshot();
    const preview = (await upload(unit, "preview", bytes)).json();
    expect(preview.counts).toMatchObject({ changed: 0, withErrors: 0, errors: 0 });
    expect(preview.counts.unchanged).toBe(preview.counts.sheets);
    expect(preview.tables.every((x: ImportTable) => x.indicators.changed === 0 && x.indicators.new === 0)).toBe(true);
    const commit = await upload(unit, "commit", bytes);
    expect(commit.statusCode).toBe(200);
    expect(commit.json()).toMatchObject({ committed: true, counts: { changed: 0 } });
    expect(await snapshot()).toEqual(before);
  });

  it("commits a changed target of an editable table, keeps indicator uids, bumps the version and audits it", async () => {
    const list = (await t.as(unit, "GET", "/api/v1/goals/tables?year=2024&pageSize=100")).json();
    const clean = list.rows.find((r: { errors: number; warnings: number }) => r.errors === 0 && r.warnings === 0);
    const revised = await t.as(unit, "POST", `/api/v1/goals/tables/${clean.id}/actions`, {
      version: clean.version,
      action: "revise",
      comment: "按Excel调整目标",
    });
    expect(revised.statusCode).toBe(200);
    const stored = (await t.as(unit, "GET", `/api/v1/goals/tables/${revised.json().id}`)).json();
    draft = {
      id: stored.id,
      code: stored.table.subjectCode,
      version: stored.version,
      indicators: stored.table.indicators,
    };
    const first = stored.table.indicators[0];
    expect(first.kind).toBe("quantitative");

    const bytes = await edit(await myWorkbook(), (wb) => {
      wb.getWorksheet(draft.code)!.getCell("F11").value = String(Number(first.target) + 7);
    });
    const before = await snapshot();
    const preview = (await upload(unit, "preview", bytes)).json();
    expect(preview.counts).toMatchObject({ changed: 1, errors: 0 });
    const sheet = preview.tables.find((x: ImportTable) => x.sheet === draft.code) as ImportTable;
    expect(sheet).toMatchObject({ id: draft.id, status: "changed" });
    expect(sheet.indicators).toMatchObject({ new: 0, changed: 1, removed: 0 });
    expect(sheet.changes).toEqual([{ index: 0, name: first.name, row: 11, change: "changed", fields: ["target"] }]);
    expect(await snapshot()).toEqual(before);

    const commit = await upload(unit, "commit", bytes, "调整后.xlsx");
    expect(commit.statusCode).toBe(201);
    expect(commit.json().tables.find((x: ImportTable) => x.sheet === draft.code).version).toBe(draft.version + 1);
    const after = (await t.as(unit, "GET", `/api/v1/goals/tables/${draft.id}`)).json();
    expect(after.version).toBe(draft.version + 1);
    expect(after.table.indicators[0].target).toBe(String(Number(first.target) + 7));
    // The same indicators (uids kept), now stored in the sheet's order, which groups them as on paper.
    const uids = (list: { uid: string }[]) => list.map((i) => i.uid).sort();
    expect(uids(after.table.indicators)).toEqual(uids(draft.indicators));
    const audit = (
      await t.as(admin, "GET", `/api/v1/audit?entity=goal_table&entityId=${draft.id}&action=import`)
    ).json();
    expect(audit.total).toBe(1);
    expect(audit.rows[0].reason).toBe(`Excel导入：调整后.xlsx，工作表“${draft.code}”`);
    expect((await snapshot()).audit).toBe((before.audit as number) + 1);
    draft.version = after.version;
    draft.indicators = after.table.indicators;

    // The same file again changes nothing.
    const again = await snapshot();
    const reimport = await upload(unit, "commit", bytes, "调整后.xlsx");
    expect(reimport.json().counts).toMatchObject({ changed: 0, errors: 0 });
    expect(await snapshot()).toEqual(again);
  });
});

describe("a table whose indicators were entered out of order", () => {
  it("exports grouped by level as on paper, and comes back unchanged", async () => {
    const stored = (await t.as(unit, "GET", `/api/v1/goals/tables/${draft.id}`)).json();
    const [first, ...rest] = stored.table.indicators as { uid: string; level1: string; name: string }[];
    // The first output indicator moved to the end: 产出, 效益, 满意度, then 产出 again.
    const saved = await t.as(unit, "PUT", `/api/v1/goals/tables/${draft.id}`, {
      version: stored.version,
      overallGoal: stored.table.overallGoal,
      indicators: [...rest, first],
    });
    expect(saved.statusCode).toBe(200);
    const shuffled = (await t.as(unit, "GET", `/api/v1/goals/tables/${draft.id}`)).json();
    expect(shuffled.table.indicators.at(-1).uid).toBe(first!.uid);

    const bytes = await myWorkbook();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(draft.code)!;
    const count = stored.table.indicators.length;
    const column = (c: string) => Array.from({ length: count }, (_, i) => String(ws.getCell(`${c}${11 + i}`).value));
    const [level1s, level2s, names] = [column("A"), column("B"), column("C")];
    expect([...names].sort()).toEqual(stored.table.indicators.map((i: { name: string }) => i.name).sort());
    // Every level 1, and every level 2 within it, is one run of rows: never split in two.
    const runs = (keys: string[]) => keys.filter((k, i) => i === 0 || keys[i - 1] !== k).length;
    expect(runs(level1s)).toBe(new Set(level1s).size);
    const pairs = level1s.map((l1, i) => `${l1}/${level2s[i]}`);
    expect(runs(pairs)).toBe(new Set(pairs).size);
    expect(level1s[0]).toBe("产出指标");

    const before = await snapshot();
    const preview = (await upload(unit, "preview", bytes)).json();
    const sheet = preview.tables.find((x: ImportTable) => x.sheet === draft.code) as ImportTable;
    expect(sheet).toMatchObject({ status: "unchanged", indicators: { new: 0, changed: 0, removed: 0 } });
    expect((await upload(unit, "commit", bytes)).json().counts).toMatchObject({ changed: 0, errors: 0 });
    expect(await snapshot()).toEqual(before);
    draft.version = shuffled.version;
  });
});

describe("a bad workbook is refused with its sheet, row and column, and nothing is written", () => {
  /** Previews and commits an edited workbook: the issues of the preview; the commit must write nothing. */
  async function refused(change: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void, source?: Buffer) {
    const bytes = await edit(source ?? (await myWorkbook()), (wb) => change(wb.getWorksheet(draft.code)!, wb));
    const before = await snapshot();
    const preview = (await upload(unit, "preview", bytes)).json();
    const commit = await upload(unit, "commit", bytes);
    expect(commit.statusCode).toBe(422);
    expect(commit.json().error.code).toBe("IMPORT_INVALID");
    expect(await snapshot()).toEqual(before);
    return { issues: preview.issues as Issue[], preview, error: commit.json().error };
  }

  it("weights that do not sum to 100", async () => {
    const { issues, preview } = await refused((ws) => {
      ws.getCell("H11").value = Number(ws.getCell("H11").value) + 5;
    });
    expect(preview.tables.find((x: ImportTable) => x.sheet === draft.code).status).toBe("error");
    const total = draft.indicators.length + 11;
    expect(issues).toEqual([
      expect.objectContaining({
        sheet: draft.code,
        code: "GOAL_WEIGHTS_NOT_100",
        row: total,
        column: "权重（分）",
        cell: `H${total}`,
        message: expect.stringContaining("各指标权重合计为 105，应为 100"),
      }),
    ]);
  });

  it("a quantitative target that is not a number", async () => {
    const { issues } = await refused((ws) => {
      ws.getCell("F11").value = "50以上";
    });
    expect(issues).toEqual([
      expect.objectContaining({ code: "GOAL_TARGET_NOT_NUMBER", row: 11, column: "指标值", cell: "F11" }),
    ]);
    expect(issues[0]!.message).toContain("定量指标的目标值“50以上”不是数字");
  });

  it("a missing operator and a missing unit", async () => {
    const { issues } = await refused((ws) => {
      ws.getCell("E11").value = null;
      ws.getCell("G12").value = "";
    });
    expect(issues.map((i) => [i.code, i.cell, i.column])).toEqual([
      ["GOAL_OPERATOR_MISSING", "E11", "运算符"],
      ["GOAL_UNIT_MISSING", "G12", "度量单位"],
    ]);
  });

  it("an operator it cannot read", async () => {
    const { issues } = await refused((ws) => {
      ws.getCell("E11").value = "约";
    });
    expect(issues.map((i) => [i.code, i.cell])).toEqual([["GOAL_SHEET_BAD_OPERATOR", "E11"]]);
  });

  it("unknown level-1 and level-2 names", async () => {
    // The benefit rows' level 1 is one merged cell: renaming it renames every row under it.
    // So is the first level 2's (the rows are grouped as on paper).
    let benefit = 0;
    let firstLevel2Rows = 0;
    const { issues } = await refused((ws) => {
      const rows = Array.from({ length: draft.indicators.length }, (_, i) => 11 + i);
      benefit = rows.find((r) => ws.getCell(`A${r}`).value === "效益指标")!;
      firstLevel2Rows = rows.filter((r) => ws.getCell(`B${r}`).value === ws.getCell("B11").value).length;
      ws.getCell(`A${benefit}`).value = "效益";
      ws.getCell("B11").value = "数目指标";
    });
    const unknown = issues.filter((i) => i.code === "GOAL_UNKNOWN_LEVEL");
    expect(unknown.map((i) => [i.cell, i.column])).toEqual([
      ...Array.from({ length: firstLevel2Rows }, (_, i) => [`B${11 + i}`, "二级指标"]),
      [`A${benefit}`, "一级指标"],
      [`A${benefit + 1}`, "一级指标"],
    ]);
    expect(unknown[0]!.message).toContain("二级指标“数目指标”不属于一级指标“产出指标”");
    expect(unknown[firstLevel2Rows]!.message).toContain("一级指标“效益”不在本年度指标体系中");
    expect(issues.find((i) => i.code === "GOAL_LEVEL1_EMPTY")).toMatchObject({ row: 10, column: "一级指标" });
  });

  it("a sheet for another unit's project (a department's workbook sent by a unit)", async () => {
    const deptBook = await download(dept, "/api/v1/goals/tables/xlsx?year=2024");
    const bytes = await edit(deptBook, () => {});
    const before = await snapshot();
    const preview = (await upload(unit, "preview", bytes)).json();
    const foreign = preview.tables.filter((x: ImportTable) =>
      x.issues.some((i) => i.code === "GOAL_IMPORT_NOT_IN_SCOPE"),
    );
    expect(foreign.length).toBeGreaterThan(0);
    const deptWide = foreign.find((x: ImportTable) => x.sheet === "120") as ImportTable;
    expect(deptWide.issues[0]).toMatchObject({ sheet: "120", row: 4, column: "部门编码", cell: "G4" });
    expect(deptWide.issues[0]!.message).toContain("工作表“120”");
    expect(deptWide.issues[0]!.message).toContain("部门编码“120”不在您可填报的范围内");
    expect((await upload(unit, "commit", bytes)).statusCode).toBe(422);
    expect(await snapshot()).toEqual(before);
  });

  it("a change to a table that is not in the unit's hands (approved)", async () => {
    const list = (await t.as(unit, "GET", "/api/v1/goals/tables?year=2024&status=approved&pageSize=1")).json();
    const code = list.rows[0].subjectCode;
    const bytes = await edit(await myWorkbook(), (wb) => {
      wb.getWorksheet(code)!.getCell("B9").value = "年度总体目标改写：完成全部建设任务，服务对象满意度达到95%以上。";
    });
    const before = await snapshot();
    const preview = (await upload(unit, "preview", bytes)).json();
    expect(preview.issues).toEqual([expect.objectContaining({ sheet: code, code: "GOAL_NOT_EDITABLE", cell: "G4" })]);
    expect(preview.issues[0].message).toContain("当前状态为“已批复”");
    expect((await upload(unit, "commit", bytes)).statusCode).toBe(422);
    expect(await snapshot()).toEqual(before);
  });

  it("a file made with another year's template version", async () => {
    const { issues, error } = await refused((_ws, wb) => {
      for (const ws of wb.worksheets) if (ws.name !== "目录") ws.getCell("E3").value = "指标体系版本：2023.1";
      wb.getWorksheet(draft.code)!.getCell("F11").value = "1";
    });
    expect(error.message).toBe("文件的指标体系版本 2023.1 与本年度 2024.1 不一致，请重新下载模板");
    expect(issues.filter((i) => i.code === "GOAL_IMPORT_TEMPLATE_VERSION").map((i) => i.cell)).toEqual(
      issues.filter((i) => i.code === "GOAL_IMPORT_TEMPLATE_VERSION").map(() => "E3"),
    );
    expect(issues.length).toBeGreaterThan(1);
  });

  it("a sheet of another year than the rest of the file", async () => {
    const { issues } = await refused((ws) => {
      ws.getCell("A2").value = "（2023年度）";
    });
    expect(issues.map((i) => [i.sheet, i.code])).toEqual([[draft.code, "GOAL_IMPORT_YEAR_MISMATCH"]]);
    expect(issues[0]!.message).toContain("本表为2023年度，文件中其他表为2024年度");
  });

  it("an empty, junk, foreign or oversized file", async () => {
    const before = await snapshot();
    const empty = await upload(unit, "commit", Buffer.alloc(0));
    expect([empty.statusCode, empty.json().error.code]).toEqual([400, "IMPORT_EMPTY_FILE"]);
    const junk = await upload(unit, "commit", randomBytes(4096), "目标表.xlsx");
    expect([junk.statusCode, junk.json().error.code]).toEqual([400, "IMPORT_UNREADABLE"]);
    const csv = await upload(unit, "preview", Buffer.from("一级指标,二级指标\n产出指标,数量指标\n"), "目标表.csv");
    expect(csv.json().error.message).toContain("不是 Excel（.xlsx）工作簿");
    const raw = await t.as(unit, "POST", "/api/v1/goals/tables/import?mode=commit", Buffer.from("{}"), {
      "content-type": "application/json",
    });
    expect(raw.json().error.code).toBe("IMPORT_UNREADABLE");
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet("Sheet1");
    const noSheets = await upload(unit, "commit", Buffer.from(await blank.xlsx.writeBuffer()));
    expect(noSheets.json().error.code).toBe("IMPORT_EMPTY_FILE");
    const other = new ExcelJS.Workbook();
    other.addWorksheet("项目").addRow(["项目编码", "项目名称"]);
    const notGoals = await upload(unit, "commit", Buffer.from(await other.xlsx.writeBuffer()));
    expect(notGoals.statusCode).toBe(422);
    expect(notGoals.json().error.details.issues[0]).toMatchObject({ sheet: "项目", code: "GOAL_SHEET_NO_HEADER" });
    const huge = await upload(unit, "commit", randomBytes(11 * 1024 * 1024));
    expect(huge.statusCode).toBe(413);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses roles without goal.write and keeps a department to its own scope", async () => {
    const bytes = await myWorkbook();
    expect((await upload(await t.login("auditor"), "preview", bytes)).statusCode).toBe(403);
    // The department sees its units' tables, but only the unit declares them: unchanged is fine, a change is not.
    const asDept = (await upload(dept, "preview", bytes)).json();
    expect(asDept.counts.errors).toBe(0);
    const changed = await edit(bytes, (wb) => {
      wb.getWorksheet(draft.code)!.getCell("F11").value = "1";
    });
    const refusedForDept = (await upload(dept, "preview", changed)).json();
    expect(refusedForDept.issues.map((i: Issue) => i.code)).toEqual(["GOAL_NOT_EDITABLE"]);
  });

  it("lets a department send back its whole workbook with its department-wide table edited", async () => {
    const own = (await t.as(dept, "GET", "/api/v1/goals/tables?year=2024&subjectKind=deptWide")).json().rows[0];
    const revised = await t.as(dept, "POST", `/api/v1/goals/tables/${own.id}/actions`, {
      version: own.version,
      action: "revise",
      comment: "年中调整部门整体目标",
    });
    const id = revised.json().id;
    const goal = "保障全区义务教育学校正常运转，完成年度教育发展任务，学前教育毛入园率达到92%以上。";
    const bytes = await edit(await download(dept, "/api/v1/goals/tables/xlsx?year=2024"), (wb) => {
      wb.getWorksheet("120")!.getCell("B9").value = goal;
    });
    const preview = (await upload(dept, "preview", bytes)).json();
    expect(preview.counts).toMatchObject({ sheets: 225, changed: 1, unchanged: 224, errors: 0 });
    expect(preview.tables[0]).toMatchObject({ sheet: "120", id, status: "changed", overallGoalChanged: true });
    expect((await upload(dept, "commit", bytes)).statusCode).toBe(201);
    expect((await t.as(dept, "GET", `/api/v1/goals/tables/${id}`)).json().table.overallGoal).toBe(goal);
  });
});
