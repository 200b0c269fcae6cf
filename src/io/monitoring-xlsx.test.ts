import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { compareLocked, MONITORING_META_SHEET, type MonitoringSheetData } from "../core/monitoring/sheet";
import { sampleSheetData } from "../core/monitoring/test-sheets";
import { monitoringSheetNames, writeMonitoringWorkbook } from "./monitoring-xlsx";
import { parseMonitoringWorkbook } from "./monitoring-xlsx-read";
import { readMonitoringWorkbook } from "./read-upload";

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}
const bufferOf = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

const deptWide = (): MonitoringSheetData => ({
  ...sampleSheetData(),
  reportId: 42,
  roundId: 8,
  version: 1,
  kindLabel: "财政重点监控",
  subjectKind: "deptWide",
  subjectCode: "120",
  subjectName: "城中区教育局",
  items: sampleSheetData().items.slice(0, 2),
});

/** Writes `sheets`, lets `fill` edit the first report's sheet as a clerk would, and reads the file back. */
async function roundTrip(
  fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void,
  sheets: MonitoringSheetData[] = [sampleSheetData()],
) {
  const wb = await load(await writeMonitoringWorkbook(sheets, { title: "城中区教育局 2024年绩效运行监控表" }));
  fill(wb.worksheets[1]!, wb);
  return parseMonitoringWorkbook(await bufferOf(wb));
}

describe("writeMonitoringWorkbook", () => {
  it("writes a 目录, one protected sheet per report in the form's layout, and the very hidden identification", async () => {
    const bytes = await writeMonitoringWorkbook([sampleSheetData(), deptWide()], { title: "2024年绩效运行监控表" });
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["目录", "visible"],
      ["120001-2024-001", "visible"],
      ["120", "visible"],
      [MONITORING_META_SHEET, "veryHidden"],
    ]);
    const contents = wb.getWorksheet("目录")!;
    expect(contents.getCell("A1").value).toBe("2024年绩效运行监控表");
    expect(contents.getCell("B4").value).toMatchObject({ text: "120001-2024-001", hyperlink: "#'120001-2024-001'!A1" });
    expect(contents.getCell("F5").value).toBe("财政重点监控");

    const ws = wb.worksheets[1]!;
    expect(ws.getCell("A2").value).toBe("项目支出绩效运行监控表");
    expect(wb.worksheets[2]!.getCell("A2").value).toBe("部门整体支出绩效运行监控表");
    expect(wb.worksheets[2]!.getCell("G5").value).toBe("部门编码");
    expect(ws.getCell("A3").value).toBe("（2024年度 截至7月）");
    expect(ws.getCell("H4").value).toBe("金额单位：万元");
    expect([ws.getCell("G5").value, ws.getCell("H5").value]).toEqual(["项目编码", "120001-2024-001"]);
    expect([ws.getCell("D6").value, ws.getCell("E6").value, ws.getCell("I6").value]).toEqual([
      "实施单位",
      "城中区第一实验小学",
      "120001",
    ]);
    expect([ws.getCell("B8").value, ws.getCell("G10").value]).toEqual(["1月", "12月"]);
    // July (B11) holds its amount to the fen; August on (C11…) is greyed and blank.
    expect(ws.getCell("B11").value).toBe(12.345678);
    expect(ws.getCell("C11").value).toBeNull();
    expect(ws.getCell("C11").fill).toMatchObject({ fgColor: { argb: "FFBFBFBF" } });
    expect([ws.getCell("A12").value, ws.getCell("B12").value, ws.getCell("E12").value]).toEqual([
      "全年预算数",
      "截至7月执行数",
      "预计全年执行数",
    ]);
    expect([ws.getCell("A13").value, ws.getCell("B13").value]).toEqual([500, 222.777778]);
    expect(ws.getCell("C13").value).toBeCloseTo(0.4456, 6);
    expect(ws.getCell("D13").value).toBeCloseTo(0.5833, 6);
    expect(ws.getRow(17).values).toEqual([
      undefined,
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "截至7月完成值",
      "预计全年完成值",
      "完成目标可能性",
      "偏差原因",
      "偏差原因说明",
      "改进措施",
      "指标标识",
    ]);
    expect([ws.getCell("C18").value, ws.getCell("D18").value, ws.getCell("K18").value]).toEqual([
      "改造校舍面积",
      "≥5000平方米",
      "u-area",
    ]);
    expect(ws.getColumn("K").hidden).toBe(true);
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(["A18:A21", "A22:A23", "B15:J15", "F13:J13"]));

    // Locked prefill, unlocked yellow inputs, protection on without a password.
    // exceljs reads the protection back but does not declare it.
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    // Rows may be made taller for long answers; columns stay as they are (the uid column stays hidden).
    expect(protection).toMatchObject({ sheet: true, formatRows: true });
    expect(protection.formatColumns).not.toBe(true);
    expect(protection.hashValue).toBeUndefined();
    for (const address of ["E13", "F13", "B15", "E18", "F18", "G18", "H18", "I18", "J18"]) {
      expect(ws.getCell(address).protection, address).toMatchObject({ locked: false });
      expect(ws.getCell(address).fill, address).toMatchObject({ fgColor: { argb: "FFFFF2CC" } });
    }
    for (const address of ["A13", "B9", "C18", "D18", "K18", "H5"])
      expect(ws.getCell(address).protection?.locked, address).not.toBe(false);
    expect(ws.getCell("G18").dataValidation).toMatchObject({ type: "list", formulae: ['"确定能,有可能,完全不可能"'] });
    expect(ws.getCell("H18").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"经费保障,制度保障,人员保障,硬件条件保障,其他"'],
    });
    expect(ws.getCell("C18").font.name).toBe("宋体");
    expect(ws.getCell("D18").border.left?.style).toBe("thin");
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe("17:17");
    // The link back to the 目录 sits above the print area: it means nothing on paper.
    expect(ws.getCell("A1").value).toMatchObject({ text: "← 返回目录", hyperlink: "#'目录'!A1" });
    expect(ws.pageSetup.printArea).toBe("A2:J26");

    const meta = wb.getWorksheet(MONITORING_META_SHEET)!;
    expect(meta.getRow(2).values).toEqual([undefined, "120001-2024-001", 41, 7, 3, "120001", "120001-2024-001"]);
    expect(meta.getRow(3).values).toEqual([undefined, "120", 42, 8, 1, "120001", "120"]);
  });

  it("offers a long list of 偏差原因 from the hidden sheet", async () => {
    const many = {
      ...sampleSheetData(),
      causeCategories: ["经费保障", "政策调整，上级未下达", ...Array(40).fill("其他原因说明")],
    };
    const wb = await load(await writeMonitoringWorkbook([many], { title: "t" }));
    expect(wb.worksheets[1]!.getCell("H18").dataValidation.formulae).toEqual([`${MONITORING_META_SHEET}!$H$2:$H$43`]);
    expect(wb.getWorksheet(MONITORING_META_SHEET)!.getCell("H3").value).toBe("政策调整，上级未下达");
  });

  it("names sheets within Excel's rules", () => {
    expect(monitoringSheetNames(["a/b:c", "x".repeat(40), "目录", "X", "x", "'q'", "", "_JIXIAO"])).toEqual([
      "a_b_c",
      "x".repeat(31),
      "目录_2",
      "X",
      "x_2",
      "q",
      "监控表",
      "_JIXIAO_2",
    ]);
  });
});

describe("parseMonitoringWorkbook", () => {
  it("reads back what a clerk filled, with the sheet's identification, in the upload worker", async () => {
    const wb = await load(await writeMonitoringWorkbook([sampleSheetData(), deptWide()], { title: "t" }));
    const ws = wb.worksheets[1]!;
    ws.getCell("E13").value = 480.5;
    ws.getCell("B15").value = "已完成2所学校改造，第3所学校7月开工。\n预计11月底完工。";
    ws.getCell("E18").value = "３０００";
    ws.getCell("F18").value = 5000;
    ws.getCell("G18").value = "确定能";
    ws.getCell("G19").value = "可能";
    ws.getCell("H19").value = " 制度保障 ";
    ws.getCell("I19").value = "验收标准调整";
    ws.getCell("J19").value = "按新标准组织复验";
    ws.getCell("G20").value = "完全不能";
    const reads = await readMonitoringWorkbook(await bufferOf(wb));
    expect(reads.map((r) => r.sheetName)).toEqual(["120001-2024-001", "120"]);
    const [read, second] = reads;
    expect(read!.issues).toEqual([]);
    expect(read!.meta).toEqual({
      reportId: 41,
      roundId: 7,
      version: 3,
      unitCode: "120001",
      subjectCode: "120001-2024-001",
    });
    expect(second!.meta).toMatchObject({ reportId: 42, roundId: 8, subjectCode: "120" });
    expect(read!.answers.overallStatus).toBe("已完成2所学校改造，第3所学校7月开工。\n预计11月底完工。");
    expect(read!.answers.expectedYearEnd).toBe(480_500_000);
    expect(read!.answers.executionNote).toBeNull();
    expect(read!.answers.items.slice(0, 4)).toEqual([
      {
        uid: "u-area",
        answers: {
          progress: "3000",
          expected: "5000",
          likelihood: "certain",
          cause: null,
          causeNote: null,
          measures: null,
        },
      },
      {
        uid: "u-pass",
        answers: {
          progress: null,
          expected: null,
          likelihood: "possible",
          cause: "制度保障",
          causeNote: "验收标准调整",
          measures: "按新标准组织复验",
        },
      },
      {
        uid: "u-time",
        answers: {
          progress: null,
          expected: null,
          likelihood: "impossible",
          cause: null,
          causeNote: null,
          measures: null,
        },
      },
      {
        uid: "u-cost",
        answers: { progress: null, expected: null, likelihood: null, cause: null, causeNote: null, measures: null },
      },
    ]);
    expect(read!.locked.byMonth).toEqual([
      0,
      20_000_000,
      35_000_000,
      40_000_000,
      50_000_000,
      65_432_100,
      12_345_678,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(compareLocked(read!, sampleSheetData())).toEqual([]);
    expect(compareLocked(second!, deptWide())).toEqual([]);
  });

  it("keeps what was saved before when the file is downloaded again", async () => {
    const data = sampleSheetData();
    data.answers = { overallStatus: "进展顺利", expectedYearEnd: 12_345_678, executionNote: "追加预算" };
    data.items[1] = { ...data.items[1]!, progress: "98", likelihood: "possible", cause: "其他", measures: "加快" };
    const [read] = await roundTrip(() => {}, [data]);
    expect(read!.issues).toEqual([]);
    expect(read!.answers).toMatchObject({
      overallStatus: "进展顺利",
      expectedYearEnd: 12_345_678,
      executionNote: "追加预算",
    });
    expect(read!.answers.items[1]!.answers).toMatchObject({
      progress: "98",
      likelihood: "possible",
      cause: "其他",
      measures: "加快",
    });
  });

  it("takes amounts in 万元 exactly and names the cell of one with more than six decimals", async () => {
    const [exact] = await roundTrip((ws) => {
      ws.getCell("E13").value = "１,２３４.５６７８９１万元";
    });
    expect(exact!.answers.expectedYearEnd).toBe(1_234_567_891);
    const [tooFine] = await roundTrip((ws) => {
      ws.getCell("E13").value = 12.3456789;
    });
    expect(tooFine!.answers.expectedYearEnd).toBeNull();
    expect(tooFine!.issues).toMatchObject([{ cell: "E13", code: "MONITORING_SHEET_BAD_AMOUNT" }]);
    expect(tooFine!.issues[0]!.message).toContain("E13（预计全年执行数）：金额单位为万元，最多保留6位小数");
  });

  it("names the cell of a likelihood it cannot read", async () => {
    const [read] = await roundTrip((ws) => {
      ws.getCell("G21").value = "大概能";
    });
    expect(read!.issues).toHaveLength(1);
    expect(read!.issues[0]).toMatchObject({
      cell: "G21",
      column: "完成目标可能性",
      code: "MONITORING_SHEET_BAD_LIKELIHOOD",
    });
    expect(read!.issues[0]!.message).toBe(
      "工作表“120001-2024-001”G21（完成目标可能性）：完成目标可能性“大概能”无法识别，应为“确定能”“有可能”或“完全不可能”",
    );
  });

  it("shows a changed locked cell and an amount after the cut-off month to compareLocked", async () => {
    const [read] = await roundTrip((ws) => {
      ws.getCell("A13").value = 600;
      ws.getCell("C18").value = "改造面积";
      ws.getCell("D19").value = "≥95%";
      ws.getCell("C11").value = 5;
    });
    expect(read!.issues).toEqual([]);
    const issues = compareLocked(read!, sampleSheetData());
    expect(issues.map((i) => [i.cell, i.code])).toEqual([
      ["A13", "MONITORING_SHEET_LOCKED_CHANGED"],
      ["C11", "MONITORING_SHEET_MONTH_AFTER_CUTOFF"],
      ["C18", "MONITORING_SHEET_LOCKED_CHANGED"],
      ["D19", "MONITORING_SHEET_LOCKED_CHANGED"],
    ]);
    expect(issues[1]!.message).toBe(
      "工作表“120001-2024-001”C11（8月执行数）：第7月之后不应填写执行数（8月填了“5”），请清空",
    );
  });

  it("says clearly when the sheet cannot be tied to a report", async () => {
    const [read] = await roundTrip((_ws, wb) => {
      wb.removeWorksheet(wb.getWorksheet(MONITORING_META_SHEET)!.id);
    });
    expect(read!.meta).toBeNull();
    expect(read!.issues.map((i) => i.code)).toEqual(["MONITORING_SHEET_NO_META"]);
    expect(read!.issues[0]!.message).toContain("无法确定本工作表属于哪份监控报告");
    // The answers are still read, so the clerk sees everything else that is wrong at once.
    expect(read!.answers.items).toHaveLength(7);
  });

  it("finds the blocks of a hand-made sheet by their labels, with blank rows between and other wordings", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("手工");
    const rows: (string | number | null)[][] = [
      ["项目支出绩效运行监控表"],
      ["（2024年度截至 7 月）"],
      [],
      ["项目名称", "校舍改造", null, "项目编码", "P-1"],
      ["单位编码", "120001"],
      [],
      ["月份", "1月", "2月", "3月"],
      [],
      ["执行数", 1, "２", 0],
      [],
      ["全年预算数", "截至3月执行数", "执行率", "全年预计执行数", "超预算说明"],
      [],
      [100, 3, "3%", "90", "无"],
      ["总体目标完成情况", "按计划推进"],
      [],
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "实际完成值",
        "全年预计完成情况",
        "可能性",
        "偏差原因分析",
        "原因说明",
        "纠偏措施",
        "指标标识",
      ],
      ["产出指标", "数量指标", "改造面积", "≥5000平方米", "95%", "5000", "能", "其他", null, null, "u1"],
      [],
      [null, "质量指标", "合格率", "=100%", null, null, "不可能", "经费保障", "资金未到位", "申请调剂", "u2"],
      ["填表说明：黄色为填写区域"],
    ];
    rows.forEach((values, i) => {
      ws.getRow(i + 1).values = values;
    });
    const [read] = parseMonitoringWorkbook(await bufferOf(wb));
    expect(read!.issues.map((i) => i.code)).toEqual(["MONITORING_SHEET_NO_META"]);
    expect(read!.locked).toMatchObject({
      fiscalYear: 2024,
      cutoffMonth: 7,
      subjectCode: "P-1",
      unitCode: "120001",
      budget: 100_000_000,
      executed: 3_000_000,
    });
    expect(read!.locked.byMonth.slice(0, 4)).toEqual([1_000_000, 2_000_000, 0, null]);
    expect(read!.layout.months[1]).toMatchObject({ row: 9, column: { letter: "C" } });
    expect(read!.answers).toMatchObject({
      overallStatus: "按计划推进",
      expectedYearEnd: 90_000_000,
      executionNote: "无",
    });
    expect(read!.locked.items).toEqual([
      { uid: "u1", row: 17, level1: "产出指标", level2: "数量指标", name: "改造面积", target: "≥5000平方米" },
      { uid: "u2", row: 19, level1: "产出指标", level2: "质量指标", name: "合格率", target: "=100%" },
    ]);
    expect(read!.answers.items.map((i) => i.answers)).toEqual([
      { progress: "95%", expected: "5000", likelihood: "certain", cause: "其他", causeNote: null, measures: null },
      {
        progress: null,
        expected: null,
        likelihood: "impossible",
        cause: "经费保障",
        causeNote: "资金未到位",
        measures: "申请调剂",
      },
    ]);
  });

  it("refuses what is not a monitoring workbook", async () => {
    expect(() => parseMonitoringWorkbook(Buffer.alloc(0))).toThrow(/空的/);
    expect(() => parseMonitoringWorkbook(Buffer.from("a,b\n1,2"))).toThrow(/不是 Excel/);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").getCell("A1").value = "随便写点什么";
    const [read] = parseMonitoringWorkbook(await bufferOf(wb));
    expect(read!.issues.map((i) => i.code)).toEqual([
      "MONITORING_SHEET_NO_PERIOD",
      "MONITORING_SHEET_NO_EXECUTION",
      "MONITORING_SHEET_NO_HEADER",
      "MONITORING_SHEET_NO_META",
    ]);
  });
});
