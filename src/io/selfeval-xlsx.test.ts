import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { craftXlsx } from "../../test/support/crafted-xlsx";
import { checkSelfEvalSheet } from "../core/selfeval/check-sheet";
import { DEFAULT_SELFEVAL_RULES } from "../core/selfeval/rules";
import { SELFEVAL_META_SHEET, type SelfEvalSheet } from "../core/selfeval/sheet";
import { row, sampleSelfEvalSheet } from "../core/selfeval/test-sheets";
import { readSelfEvalWorkbook } from "./read-upload";
import { writeSelfEvalWorkbook } from "./selfeval-xlsx";
import { parseSelfEvalWorkbook } from "./selfeval-xlsx-read";

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}
const bufferOf = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** The sheet as stated, without where each value sat (the reader adds addresses, the sample has none). */
function stated(s: SelfEvalSheet) {
  const { totalAt: _t, particularsAt: _p, ...rest } = s;
  return {
    ...rest,
    funds: {
      ...s.funds,
      at: undefined,
      total: { ...s.funds.total, at: undefined },
      parts: s.funds.parts.map((p) => ({ ...p, at: undefined })),
    },
    overallGoal: { ...s.overallGoal, at: undefined },
    rows: s.rows.map(({ at: _a, ...r }) => r),
  };
}

const second = (): SelfEvalSheet => ({
  ...sampleSelfEvalSheet(),
  sheet: "120001-2024-002",
  subjectCode: "120001-2024-002",
  subjectName: "学生营养改善计划",
  identity: { formId: 43, version: 1, fiscalYear: 2024, unitCode: "120001", subjectCode: "120001-2024-002" },
});

describe("writeSelfEvalWorkbook", () => {
  it("writes the official layout: title, year, particulars, funds block, overall goal, merged grid, 总分", async () => {
    const wb = await load(await writeSelfEvalWorkbook([sampleSelfEvalSheet()], { title: "自评表" }));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["120001-2024-001", "visible"],
      [SELFEVAL_META_SHEET, "veryHidden"],
    ]);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell("A2").value).toBe("项目支出绩效自评表");
    expect(ws.getCell("A3").value).toBe("（2024年度）");
    expect([ws.getCell("A4").value, ws.getCell("B4").value, ws.getCell("H4").value]).toEqual([
      "项目名称",
      "城区学校校舍改造项目",
      "120001-2024-001",
    ]);
    expect([ws.getCell("A5").value, ws.getCell("B5").value, ws.getCell("E5").value, ws.getCell("F5").value]).toEqual([
      "主管部门",
      "城中区教育局",
      "实施单位",
      "城中区第一实验小学",
    ]);
    expect(["D6", "E6", "F6", "G6", "H6", "I6"].map((a) => ws.getCell(a).value)).toEqual([
      "年初预算数",
      "全年预算数",
      "全年执行数",
      "分值",
      "执行率",
      "得分",
    ]);
    expect(["B7", "D7", "E7", "F7", "G7", "H7", "I7"].map((a) => ws.getCell(a).value)).toEqual([
      "年度资金总额",
      500,
      480,
      456,
      10,
      0.95,
      9.5,
    ]);
    expect(ws.getCell("H7").numFmt).toBe("0.00%");
    expect(["B8", "B9", "B10", "G8"].map((a) => ws.getCell(a).value)).toEqual([
      "其中：当年财政拨款",
      "上年结转资金",
      "其他资金",
      "—",
    ]);
    expect([ws.getCell("A11").value, ws.getCell("B11").value, ws.getCell("F11").value]).toEqual([
      "年度总体目标",
      "预期目标",
      "实际完成情况",
    ]);
    expect(ws.getRow(13).values).toEqual([
      undefined,
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ]);
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(["A6:A10", "A11:A12", "A13:A20", "B14:B17", "B18:B19", "A21:F21"]));
    expect(merges).not.toContain("C14:C15");
    expect([ws.getCell("D14").value, ws.getCell("E14").value, ws.getCell("F14").value]).toEqual([
      "改造校舍面积",
      "≥5000平方米",
      "4800平方米",
    ]);
    expect(ws.getCell("A21").value).toBe("总分");
    expect(ws.getCell("G21").value).toMatchObject({ formula: "SUM(G7,G14:G20)", result: 100 });
    expect(ws.getCell("H21").value).toMatchObject({ formula: "SUM(I7,H14:H20)", result: 95.2 });
    expect(ws.getCell("D14").font.name).toBe("宋体");
    expect(ws.getCell("A2").font).toMatchObject({ name: "黑体", bold: true });
    expect(ws.getCell("E16").border.left?.style).toBe("thin");
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.printTitlesRow).toBe("13:13");

    // Protected without a password; what the unit fills is unlocked: actual values, the qualitative
    // row's points, deviation notes, the overall goal's 实际完成情况.
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection.hashValue).toBeUndefined();
    for (const address of ["F14", "F20", "H19", "I14", "I20", "F12"])
      expect(ws.getCell(address).protection, address).toMatchObject({ locked: false });
    for (const address of ["D14", "E14", "G14", "H14", "H18", "D7", "E7", "I7", "H21", "B12"])
      expect(ws.getCell(address).protection?.locked, address).not.toBe(false);
    expect(ws.getCell("H19").dataValidation).toMatchObject({ type: "decimal", formulae: [0, 15] });

    const meta = wb.getWorksheet(SELFEVAL_META_SHEET)!;
    expect(meta.getRow(1).values).toEqual([
      undefined,
      "sheet",
      "formId",
      "version",
      "fiscalYear",
      "unitCode",
      "subjectCode",
    ]);
    expect(meta.getRow(2).values).toEqual([undefined, "120001-2024-001", 42, 3, 2024, "120001", "120001-2024-001"]);
  });

  it("starts with a 目录 linking every table when there are several", async () => {
    const wb = await load(
      await writeSelfEvalWorkbook([sampleSelfEvalSheet(), second()], {
        title: "城中区教育局 2024年度项目支出绩效自评表",
      }),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(["目录", "120001-2024-001", "120001-2024-002", "_jixiao"]);
    const toc = wb.getWorksheet("目录")!;
    expect(toc.getCell("A1").value).toBe("城中区教育局 2024年度项目支出绩效自评表");
    expect(toc.getCell("B5").value).toEqual({ text: "120001-2024-002", hyperlink: "#'120001-2024-002'!A1" });
    expect([toc.getCell("C5").value, toc.getCell("F5").value]).toEqual(["学生营养改善计划", 95.2]);
    expect(wb.worksheets[1]!.getCell("A1").value).toMatchObject({ hyperlink: "#'目录'!A1" });
  });
});

describe("parseSelfEvalWorkbook: our own layout", () => {
  it("reads back what it wrote, with each value's cell and the hidden identity; the checker agrees", async () => {
    const read = await readSelfEvalWorkbook(
      await writeSelfEvalWorkbook([sampleSelfEvalSheet(), second()], { title: "自评表" }),
    );
    expect(read.map((r) => [r.sheet, r.issues])).toEqual([
      ["120001-2024-001", []],
      ["120001-2024-002", []],
    ]);
    const table = read[0]!.table!;
    expect(stated(table)).toEqual(stated(sampleSelfEvalSheet()));
    expect(read[1]!.table!.identity).toEqual(second().identity);
    expect(table.rows[0]!.at).toMatchObject({ row: 14, points: { row: 14, column: { letter: "H", header: "得分" } } });
    expect(table.funds.at?.rate).toEqual({ row: 7, column: { letter: "H", header: "执行率" } });
    expect(table.totalAt?.points).toEqual({ row: 21, column: { letter: "H", header: "得分" } });
    const cell = (c: { row: number; column: { letter: string } } | undefined) => `${c?.column.letter}${c?.row}`;
    const found = table.particularsAt ?? {};
    expect(
      [found.fiscalYear, found.subjectName, found.subjectCode, found.departmentName, found.unitName].map(cell),
    ).toEqual(["A3", "B4", "H4", "B5", "F5"]);
    const c = checkSelfEvalSheet(table, DEFAULT_SELFEVAL_RULES);
    expect([c.differences, c.contradictions, c.unscorable, c.computedTotal]).toEqual([[], [], [], 95.2]);
  });

  it("reads what a unit filled in, and names the cell of every figure that no longer adds up", async () => {
    const blank = sampleSelfEvalSheet();
    for (const r of blank.rows) r.actual = null;
    blank.rows[5]!.points = null;
    blank.overallGoal.actual = null;
    const wb = await load(await writeSelfEvalWorkbook([blank], { title: "自评表" }));
    const ws = wb.worksheets[0]!;
    const actuals = ["4800平方米", "100%", "98%", "950元", "1,080人", "达到预期", "92%"];
    actuals.forEach((a, i) => {
      ws.getCell(`F${14 + i}`).value = a;
    });
    ws.getCell("F12").value = "完成改造4800平方米。\n受益学生1080人。";
    ws.getCell("H19").value = 14; // the assessor's points, one more than the total was written with
    ws.getCell("I14").value = "雨季延误";
    const [read] = parseSelfEvalWorkbook(await bufferOf(wb));
    const table = read!.table!;
    expect(table.rows.map((r) => r.actual)).toEqual(actuals);
    expect(table.overallGoal.actual).toBe("完成改造4800平方米。\n受益学生1080人。");
    expect(table.rows[0]!.deviationNote).toBe("雨季延误");
    const c = checkSelfEvalSheet(table, DEFAULT_SELFEVAL_RULES);
    // The total cell still holds the value written before the points were given (its formula is not recomputed).
    expect(c.contradictions.map((x) => [x.code, x.cell, x.stated, x.computed])).toEqual([
      ["SELFEVAL_TOTAL_NOT_SUM", "H21", 82.2, 96.2],
    ]);
    expect(c.differences.map((x) => [x.code, x.cell, x.stated, x.computed])).toEqual([
      ["SELFEVAL_TOTAL_DIFFERS", "H21", 82.2, 96.2],
    ]);
  });
});

describe("indicators marked 不适用", () => {
  it("are written as such, with the rescaled total as a value, and read back as not applicable", async () => {
    const sheet = sampleSelfEvalSheet();
    sheet.rows.push({ ...row("效益指标", "生态效益指标", "节能减排", "/", null, 5, null), notApplicable: true });
    sheet.rows[4]!.weight = 10;
    sheet.rows[4]!.points = 9;
    sheet.statedTotal = 95.47;
    const bytes = await writeSelfEvalWorkbook([sheet], { title: "自评表" });
    const ws = (await load(bytes)).worksheets[0]!;
    expect([ws.getCell("F21").value, ws.getCell("H21").value, ws.getCell("H22").value]).toEqual([
      "不适用",
      "不适用",
      95.47,
    ]);
    expect(ws.getCell("F21").protection?.locked).not.toBe(false);
    const [read] = parseSelfEvalWorkbook(bytes);
    expect(read!.table!.rows[7]).toMatchObject({ notApplicable: true, actual: null, points: null, weight: 5 });
    const c = checkSelfEvalSheet(read!.table!, DEFAULT_SELFEVAL_RULES);
    expect([c.differences, c.contradictions, c.unscorable, c.computedTotal]).toEqual([[], [], [], 95.47]);
  });
});

describe("parseSelfEvalWorkbook: files it refuses", () => {
  const failure = (bytes: Buffer) =>
    readSelfEvalWorkbook(bytes).then(
      () => {
        throw new Error("expected a refusal");
      },
      (e: { code: string; message: string }) => e,
    );

  it("not an xlsx, an old .xls, an empty file, a workbook without any self-evaluation table", async () => {
    expect((await failure(Buffer.from("项目名称,得分\n"))).code).toBe("IMPORT_UNREADABLE");
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]);
    expect((await failure(ole)).message).toContain(".xls");
    expect((await failure(Buffer.alloc(0))).code).toBe("IMPORT_EMPTY_FILE");
    const none = await failure(craftXlsx([{ name: "说明", cells: [["A1", "填表说明"]] }]));
    expect(none.code).toBe("IMPORT_UNREADABLE");
    expect(none.message).toContain("没有项目支出绩效自评表");
  });

  it("bounds the work on hostile input: sheets, rows and repeated text", async () => {
    const far = await failure(craftXlsx([{ name: "表", cells: [["A2001", "x"]] }]));
    expect(far.code).toBe("IMPORT_SHEET_TOO_LARGE");
    expect(far.message).toContain("单元格 A2001");
    const many = await failure(
      craftXlsx(Array.from({ length: 1_101 }, (_, i) => ({ name: `S${i}`, cells: [["A1", "x"]] as const }))),
    );
    expect(many.code).toBe("IMPORT_FILE_TOO_LARGE");
    expect(many.message).toContain("1101 个工作表");
    // One long cell merged over the whole allowed area would repeat into billions of characters.
    const wide = await failure(
      craftXlsx([{ name: "表", cells: [["A1", "字".repeat(30_000)]], merges: ["A1:AN2000"] }]),
    );
    expect(wide.code).toBe("IMPORT_FILE_TOO_LARGE");
  });
});
