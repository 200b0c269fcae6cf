import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { goodTable } from "../core/goals/test-tables";
import { DEFAULT_TEMPLATE, type GoalTable } from "../core/goals/types";
import { CONTENTS_SHEET, type GoalSheetData, writeGoalWorkbook } from "./goal-table-xlsx";
import { readGoalWorkbook } from "./read-upload";

const sheetOf = (table: GoalTable, extra: Partial<GoalSheetData> = {}): GoalSheetData => ({
  table,
  departmentName: "城中区教育局",
  unitName: "城中区第一实验小学",
  statusText: "草稿",
  errors: 0,
  warnings: 0,
  ...extra,
});

const deptWide = (): GoalTable => ({
  ...goodTable(),
  subjectKind: "deptWide",
  subjectCode: "120",
  subjectName: "城中区教育局",
  overallGoal: "履行全区教育管理职能，保障义务教育学校正常运转，办学条件达标率保持100%。",
});

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

const bufferOf = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

describe("writeGoalWorkbook", () => {
  it("writes the official layout: title with the year, particulars, merged levels, 合计, print setup", async () => {
    const bytes = await writeGoalWorkbook({
      fiscalYear: 2024,
      template: DEFAULT_TEMPLATE,
      contentsTitle: null,
      sheets: [sheetOf(goodTable())],
    });
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["120001-2024-001"]);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell("A1").value).toBe("项目支出绩效目标表");
    expect(ws.getCell("A2").value).toBe("（2024年度）");
    expect(ws.getCell("E3").value).toBe("指标体系版本：2024.1");
    expect([ws.getCell("A4").value, ws.getCell("B4").value]).toEqual(["项目名称", "城区学校校舍改造项目"]);
    expect([ws.getCell("F4").value, ws.getCell("G4").value]).toEqual(["项目编码", "120001-2024-001"]);
    expect([ws.getCell("A5").value, ws.getCell("G5").value]).toEqual(["主管部门", "城中区第一实验小学"]);
    expect(ws.getCell("A6").value).toBe("项目资金（万元）");
    expect([ws.getCell("B6").value, ws.getCell("E6").value]).toEqual(["年度资金总额", 500]);
    expect([ws.getCell("B7").value, ws.getCell("E7").value]).toEqual(["其中：财政拨款", 450]);
    expect(ws.getCell("A9").value).toBe("年度总体目标");
    expect(ws.getRow(10).values).toEqual([
      undefined,
      "一级指标",
      "二级指标",
      "三级指标",
      "指标性质",
      "运算符",
      "指标值",
      "度量单位",
      "权重（分）",
      "指标解释",
    ]);
    // Level 1 merged over its four output rows, like the paper form; level 2 only where it repeats.
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(["A11:A14", "A15:A16", "A6:A8", "B9:I9"]));
    expect(merges).not.toContain("B11:B12");
    expect([ws.getCell("D11").value, ws.getCell("E11").value, ws.getCell("F11").value]).toEqual(["定量", "≥", "5000"]);
    expect(ws.getCell("E13").value).toBeNull();
    expect(ws.getCell("A18").value).toBe("合计");
    expect(ws.getCell("H18").value).toMatchObject({ formula: "SUM(H11:H17)", result: 100 });
    expect(ws.getCell("C11").font.name).toBe("宋体");
    expect(ws.getCell("A1").font).toMatchObject({ name: "黑体", bold: true });
    expect(ws.getCell("F15").border.left?.style).toBe("thin");
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe("10:10");
    expect(ws.getCell("E11").dataValidation).toMatchObject({ type: "list", formulae: ['"≥,≤,="'] });
  });

  it("groups indicators entered out of order by level 1 and level 2, so each level 1 is one merged block", async () => {
    const good = goodTable();
    // Entered as 产出, 效益, 满意度, then 产出 again (the first output indicator moved to the end).
    const shuffled = { ...good, indicators: [...good.indicators.slice(1), good.indicators[0]!] };
    const bytes = await writeGoalWorkbook({
      fiscalYear: 2024,
      template: DEFAULT_TEMPLATE,
      contentsTitle: null,
      sheets: [sheetOf(shuffled)],
    });
    const ws = (await load(bytes)).worksheets[0]!;
    expect(good.indicators.map((_, i) => ws.getCell(`C${11 + i}`).value)).toEqual(good.indicators.map((i) => i.name));
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(["A11:A14", "A15:A16"]));
    // Read back, it is the table in the template's order.
    const [read] = await readGoalWorkbook(bytes);
    expect(read?.table?.indicators.map((i) => i.name)).toEqual(good.indicators.map((i) => i.name));
  });

  it("starts a department workbook with a 目录 linking every table, with status and finding counts", async () => {
    const bytes = await writeGoalWorkbook({
      fiscalYear: 2024,
      template: DEFAULT_TEMPLATE,
      contentsTitle: "城中区教育局2024年度绩效目标表",
      sheets: [
        sheetOf(deptWide(), { unitName: "城中区教育局", statusText: "已批复" }),
        sheetOf(goodTable(), { errors: 2, warnings: 1 }),
      ],
    });
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual([CONTENTS_SHEET, "120", "120001-2024-001"]);
    const toc = wb.getWorksheet(CONTENTS_SHEET)!;
    expect(toc.getCell("A1").value).toBe("城中区教育局2024年度绩效目标表");
    expect(String(toc.getCell("A2").value)).toContain("指标体系版本：2024.1");
    expect(toc.getCell("B5").value).toEqual({ text: "120001-2024-001", hyperlink: "#'120001-2024-001'!A1" });
    expect([toc.getCell("F4").value, toc.getCell("H5").value, toc.getCell("I5").value]).toEqual(["已批复", 2, 1]);
    const dept = wb.getWorksheet("120")!;
    expect(dept.getCell("A1").value).toBe("部门整体支出绩效目标表");
    expect([dept.getCell("A4").value, dept.getCell("F4").value]).toEqual(["部门名称", "部门编码"]);
    expect(dept.getCell("A3").value).toMatchObject({ hyperlink: "#'目录'!A1" });
  });
});

describe("readGoalWorkbook", () => {
  it("reads back what it wrote, sheet by sheet, skipping the 目录", async () => {
    const bytes = await writeGoalWorkbook({
      fiscalYear: 2024,
      template: DEFAULT_TEMPLATE,
      contentsTitle: "目录",
      sheets: [sheetOf(deptWide()), sheetOf(goodTable())],
    });
    const read = await readGoalWorkbook(bytes);
    expect(read.map((s) => s.sheet)).toEqual(["120", "120001-2024-001"]);
    for (const s of read) expect(s.issues).toEqual([]);
    const [dept, project] = read;
    expect(dept!.table).toMatchObject({ subjectKind: "deptWide", subjectCode: "120", fiscalYear: 2024 });
    const { funds: _f, subjectName: _n, ...rest } = goodTable();
    expect(project!.table).toEqual({
      ...rest,
      subjectName: "城区学校校舍改造项目",
      templateVersion: "2024.1",
    });
    expect(project!.layout).toMatchObject({
      headerRow: 10,
      rows: [11, 12, 13, 14, 15, 16, 17],
      totalRow: 18,
      overallGoal: { row: 9, column: { letter: "B" } },
      templateVersion: { row: 3, column: { letter: "E" } },
    });
  });

  it("tolerates a hand-made sheet: unmerged levels, spacer rows, numbers typed as text, >= and 大于等于", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("我的表");
    ws.addRow(["2024年度项目支出绩效目标表"]);
    ws.addRow([]);
    ws.addRow(["项目名称：", "城区学校校舍改造项目", null, "项目编码", 45020224010001]);
    ws.addRow(["年度总体目标", "完成3所学校校舍改造5000平方米，\n新增学位600个。"]);
    ws.addRow(["指标体系版本：２０２４.1"]);
    ws.addRow([]);
    ws.addRow(["一级指标", "二级指标", "指标名称", "指标类型", "运算符号", "目标值", "计量单位", "权重", "备注"]);
    ws.addRow(["产出指标", "数量指标", "改造校舍面积", "定量指标", ">=", 5000, "平方米", "２０"]);
    ws.addRow([null, null, "改造学校数", "定量", "大于等于", "3", "所", "10分"]);
    ws.addRow([]);
    ws.addRow([null, "质量指标", "工程验收合格率", "定量", "＝", 1, "%", 20]);
    ws.getCell("F11").numFmt = "0%";
    ws.addRow(["效益指标", "社会效益指标", "新增学位数", "定量", "≧", "600", "个", 30, "以招生计划为准"]);
    ws.addRow(["满意度指标", "服务对象满意度指标", "师生满意度", "定性", null, "多数师生满意", null, 20]);
    ws.addRow(["合计", null, null, null, null, null, null, 100]);
    ws.addRow(["填表人：张三"]);
    const [read] = await readGoalWorkbook(await bufferOf(wb));
    expect(read!.issues).toEqual([]);
    const t = read!.table!;
    expect(t).toMatchObject({
      subjectKind: "project",
      subjectCode: "45020224010001",
      fiscalYear: 2024,
      templateVersion: "2024.1",
      overallGoal: "完成3所学校校舍改造5000平方米， 新增学位600个。",
    });
    expect(t.indicators.map((i) => [i.level1, i.level2, i.name, i.operator, i.target, i.weight])).toEqual([
      ["产出指标", "数量指标", "改造校舍面积", ">=", "5000", 20],
      ["产出指标", "数量指标", "改造学校数", ">=", "3", 10],
      ["产出指标", "质量指标", "工程验收合格率", "=", "100", 20],
      ["效益指标", "社会效益指标", "新增学位数", ">=", "600", 30],
      ["满意度指标", "服务对象满意度指标", "师生满意度", null, "多数师生满意", 20],
    ]);
    expect(t.indicators[3]!.explanation).toBe("以招生计划为准");
    expect(t.indicators[4]!.kind).toBe("qualitative");
    expect(read!.layout!.rows).toEqual([8, 9, 11, 12, 13]);
  });

  it("names sheet, row and column of every cell it cannot read", async () => {
    const wb = await load(
      await writeGoalWorkbook({
        fiscalYear: 2024,
        template: DEFAULT_TEMPLATE,
        contentsTitle: null,
        sheets: [sheetOf(goodTable())],
      }),
    );
    const ws = wb.worksheets[0]!;
    ws.getCell("E11").value = "≈";
    ws.getCell("D12").value = "数量";
    ws.getCell("H13").value = "十分";
    ws.getCell("D14").value = null;
    const [read] = await readGoalWorkbook(await bufferOf(wb));
    expect(read!.issues.map((i) => [i.cell, i.column, i.code])).toEqual([
      ["E11", "运算符", "GOAL_SHEET_BAD_OPERATOR"],
      ["D12", "指标性质", "GOAL_SHEET_BAD_KIND"],
      ["H13", "权重（分）", "GOAL_SHEET_BAD_WEIGHT"],
      ["D14", "指标性质", "GOAL_SHEET_BAD_KIND"],
    ]);
    expect(read!.issues[0]!.message).toBe(
      "工作表“120001-2024-001”E11（运算符）：运算符“≈”无法识别，应为“≥”“≤”或“=”（也可写作 >=、<=）",
    );
    expect(read!.issues[2]).toMatchObject({ sheet: "120001-2024-001", row: 13 });
  });

  it("reports a sheet without the grid header, version or code, and refuses junk files whole", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").addRow(["这不是目标表"]);
    const noVersion = wb.addWorksheet("P1");
    noVersion.addRow(["（2024年度）"]);
    noVersion.addRow(["项目编码", "P1"]);
    noVersion.addRow(["一级指标", "二级指标", "三级指标", "指标性质", "运算符", "指标值", "度量单位", "权重（分）"]);
    wb.addWorksheet("空白");
    const read = await readGoalWorkbook(await bufferOf(wb));
    expect(read.map((s) => [s.sheet, s.table === null, s.issues.map((i) => i.code)])).toEqual([
      ["说明", true, ["GOAL_SHEET_NO_HEADER"]],
      ["P1", true, ["GOAL_SHEET_NO_VERSION"]],
    ]);

    await expect(readGoalWorkbook(Buffer.alloc(0))).rejects.toMatchObject({ code: "IMPORT_EMPTY_FILE" });
    await expect(readGoalWorkbook(Buffer.from("项目编码,名称\n1,2"))).rejects.toMatchObject({
      code: "IMPORT_UNREADABLE",
      message: expect.stringContaining("不是 Excel（.xlsx）工作簿"),
    });
    await expect(readGoalWorkbook(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toMatchObject({
      code: "IMPORT_UNREADABLE",
      message: expect.stringContaining("文件已损坏"),
    });
    await expect(readGoalWorkbook(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toMatchObject({
      message: expect.stringContaining(".xls"),
    });
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet("Sheet1");
    await expect(readGoalWorkbook(await bufferOf(blank))).rejects.toMatchObject({ code: "IMPORT_EMPTY_FILE" });
  });
});
