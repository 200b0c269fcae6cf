import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { bombXlsx, craftXlsx } from "../../test/support/crafted-xlsx";
import { AppError } from "../core/errors";
import { parseCsv } from "../core/imports/csv";
import { IMPORT_SPECS, MAX_UPLOAD_BYTES } from "../core/imports/spec";
import { validateImport } from "../core/imports/validate";
import { readTable } from "./read-upload";

const projects = IMPORT_SPECS.projects;
const execution = IMPORT_SPECS.execution;
const csv = (text: string) => Buffer.from(text, "utf8");
const read = (bytes: Buffer, fileName = "upload.csv", spec = projects) => readTable({ bytes, fileName }, spec);

/** The AppError a read rejects with, for asserting kind, code, message and details together. */
async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const PROJECT_HEADER =
  "预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,所属行业,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）";
const PROJECT_LINE =
  "2024,450202240001,2024年城中区义务教育学生营养改善计划,101,101001,常年性,是,教育,3200000,3450000,3450000,0";

const ctx = {
  regionCode: "450202",
  orgsByCode: new Map([
    ["101", { kind: "department" as const, parentCode: null }],
    ["101001", { kind: "unit" as const, parentCode: "101" }],
  ]),
  projectsByKey: new Map([["2024:P001", { adjustedBudget: 100_000 }]]),
  deptBudgetsByKey: new Map(),
};

describe("readTable: CSV", () => {
  it("reads UTF-8 with numbered rows (header = 1), skipping blank lines but counting them", async () => {
    const t = await read(csv(`${PROJECT_HEADER}\n${PROJECT_LINE}\n\n${PROJECT_LINE.replace("0001", "0002")}\n`));
    expect(t.format).toBe("csv");
    expect(t.headers).toHaveLength(12);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(t.rows[0]?.cells).toMatchObject({
      fiscalYear: "2024",
      code: "450202240001",
      name: "2024年城中区义务教育学生营养改善计划",
      adjustedBudget: "3450000",
    });
  });

  it("reads UTF-8 with a BOM and CRLF line ends", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv(`${PROJECT_HEADER}\r\n${PROJECT_LINE}\r\n`)]);
    const t = await read(bytes);
    expect(t.headers[0]).toBe("预算年度");
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]?.cells.otherFunds).toBe("0");
  });

  it("reads GBK, as Excel saves CSV on a Chinese Windows, into the right Chinese text", async () => {
    const t = await read(iconv.encode(`${PROJECT_HEADER}\r\n${PROJECT_LINE}\r\n`, "gbk"));
    expect(t.rows[0]?.cells.name).toBe("2024年城中区义务教育学生营养改善计划");
    expect(t.rows[0]?.cells.category).toBe("常年性");
    expect(validateImport("projects", t.rows, ctx).issues).toEqual([]);
  });

  it("reads quoted fields holding commas, line breaks and doubled quotes (RFC 4180)", async () => {
    const name = '"城中区""阳光校园""工程, 一期\n二期"';
    const t = await read(
      csv(`${PROJECT_HEADER}\n${PROJECT_LINE.replace(/,2024年[^,]+,/, `,${name},`)}\n${PROJECT_LINE}`),
    );
    expect(t.rows[0]?.cells.name).toBe('城中区"阳光校园"工程, 一期\n二期');
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 3]); // records, not lines
    const v = validateImport("projects", t.rows, ctx);
    expect(v.rows[0]?.name).toBe('城中区"阳光校园"工程, 一期 二期');
  });

  it("matches headers across full/half-width parentheses, spaces, aliases and a required-marking *", async () => {
    const header = PROJECT_HEADER.replace("项目编码", " 项目代码 ")
      .replace("全年预算数（元）", "全年预算数(元)")
      .replace("预算年度", "*预算年度")
      .replace("其他资金（元）", "其中：其他资金");
    const t = await read(csv(`${header},备注\n${PROJECT_LINE},不导入的列\n`));
    expect(t.rows[0]?.cells).toMatchObject({ code: "450202240001", adjustedBudget: "3450000", otherFunds: "0" });
    expect(t.rows[0]?.cells).not.toHaveProperty("备注");
  });

  it("reads tab-separated UTF-16 (Excel's 'Unicode text')", async () => {
    const text = `${PROJECT_HEADER}\r\n${PROJECT_LINE}\r\n`.replaceAll(",", "\t");
    const t = await read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]), "导出.txt");
    expect(t.rows[0]?.cells.name).toBe("2024年城中区义务教育学生营养改善计划");
  });

  it("refuses missing columns, naming them and what was found", async () => {
    const e = await failure(read(csv("年度,编码,名称\n2024,P1,x\n")));
    expect(e.kind).toBe("validation");
    expect(e.code).toBe("IMPORT_MISSING_COLUMNS");
    expect(e.message).toMatch(/^缺少必填列：预算年度、项目编码、项目名称、主管部门编码/);
    expect(e.details).toMatchObject({ found: ["年度", "编码", "名称"] });

    const partial = await failure(read(csv(`${PROJECT_HEADER.replace(",项目名称", "")}\n1,2`)));
    expect(partial.code).toBe("IMPORT_MISSING_COLUMNS");
    expect(partial.details).toMatchObject({ missing: ["项目名称"] });
    expect(partial.message).toMatch(/^缺少必填列：项目名称；/);
  });

  it("refuses an unterminated quote, naming the record", async () => {
    const e = await failure(read(csv(`${PROJECT_HEADER}\n${PROJECT_LINE}\n2024,"P2,x\n`)));
    expect(e.code).toBe("IMPORT_UNREADABLE");
    expect(e.message).toContain("第3行");
  });

  it("finds the row and column of bad cells end to end", async () => {
    const lines = [
      PROJECT_HEADER,
      PROJECT_LINE,
      PROJECT_LINE.replace("0001", "0002").replace(",3450000,3450000,", ",一百万,3450000,"),
      PROJECT_LINE.replace("0001", "0003").replace("2024年城中区义务教育学生营养改善计划", "<script>alert(1)</script>"),
      PROJECT_LINE.replace("0001", "0004").replace(
        "2024年城中区义务教育学生营养改善计划",
        "'; DROP TABLE projects; --",
      ),
    ];
    const v = validateImport("projects", (await read(csv(lines.join("\n")))).rows, ctx);
    expect(v.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, "全年预算数（元）", "IMPORT_NOT_MONEY"],
      [4, "项目名称", "IMPORT_MARKUP"],
      [5, "项目名称", "IMPORT_MARKUP"],
    ]);
    expect(v.issues[0]?.message).toBe("第3行“全年预算数（元）”：“一百万”不是金额，请填写数字（元，最多两位小数）");
    expect(v.rowNumbers).toEqual([2]);
  });
});

describe("readTable: refusals", () => {
  it("refuses an empty file and a header-only file", async () => {
    const empty = await failure(read(Buffer.alloc(0)));
    expect([empty.kind, empty.code]).toEqual(["validation", "IMPORT_EMPTY_FILE"]);
    expect((await failure(read(csv(" \r\n\n")))).code).toBe("IMPORT_EMPTY_FILE");
    const headerOnly = await failure(read(csv(`${PROJECT_HEADER}\n,,,\n`)));
    expect(headerOnly.code).toBe("IMPORT_EMPTY_FILE");
    expect(headerOnly.message).toBe("文件只有表头，没有数据行");
  });

  it("refuses a 20 MB upload as too large before reading it", async () => {
    const e = await failure(read(randomBytes(20 * 1024 * 1024), "big.xlsx"));
    expect([e.kind, e.code]).toEqual(["too_large", "IMPORT_FILE_TOO_LARGE"]);
    expect(e.message).toContain("10MB");
    expect(e.details).toMatchObject({ limit: MAX_UPLOAD_BYTES });
  });

  it("refuses binary junk as unreadable", async () => {
    const junk = await failure(read(randomBytes(5 * 1024 * 1024), "data.csv"));
    expect([junk.kind, junk.code]).toEqual(["validation", "IMPORT_UNREADABLE"]);
    // Junk without NUL bytes fails the encoding checks instead.
    const noNul = Buffer.from(randomBytes(4096).map((b) => b || 1));
    expect((await failure(read(noNul))).code).toBe("IMPORT_UNREADABLE");
  });

  it("refuses a file that says UTF-8 (BOM) but holds other bytes", async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      iconv.encode(`${PROJECT_HEADER}\n${PROJECT_LINE}`, "gbk"),
    ]);
    const e = await failure(read(bytes));
    expect(e.code).toBe("IMPORT_UNREADABLE");
    expect(e.message).toContain("UTF-8");
  });

  it("refuses a corrupt xlsx, an old .xls and a web page saved as .xls", async () => {
    const corrupt = Buffer.concat([Buffer.from("PK\x03\x04"), randomBytes(2000)]);
    const e = await failure(read(corrupt, "项目.xlsx"));
    expect(e.code).toBe("IMPORT_UNREADABLE");
    expect(e.message).toContain("无法打开 Excel 文件");

    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2000)]);
    const xls = await failure(read(ole, "项目.xls"));
    expect(xls.code).toBe("IMPORT_UNREADABLE");
    expect(xls.message).toContain(".xls");

    const html = await failure(read(csv("<html><table><tr><td>项目编码</td></tr></table></html>"), "导出.xls"));
    expect(html.code).toBe("IMPORT_UNREADABLE");
    expect(html.message).toContain("HTML");
  });

  it("refuses an xlsx whose sheet really inflates beyond the budget, whatever size it declares (zip bomb)", async () => {
    // 1 MB on disk, declaring 1,000 bytes, inflating to 1 GiB.
    const bomb = await bombXlsx(1024 ** 3, 1000);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const e = await failure(read(bomb, "bomb.xlsx"));
    expect([e.kind, e.code]).toEqual(["too_large", "IMPORT_FILE_TOO_LARGE"]);
    expect(e.message).toContain("解压后超过64MB");
  });

  it("refuses a cell beyond the rows and columns an import needs, naming it (CSV and xlsx)", async () => {
    const far = craftXlsx([
      {
        name: "项目",
        cells: [
          ["A1", "预算年度"],
          ["XFD1", "x"],
          ["A20000", "y"],
        ],
      },
    ]);
    const e = await failure(read(far, "far.xlsx"));
    expect([e.kind, e.code]).toEqual(["too_large", "IMPORT_SHEET_TOO_LARGE"]);
    expect(e.message).toContain("单元格 XFD1");
    const wide = await failure(read(csv(`预算年度${",".repeat(150)}x\n2024`)));
    expect(wide.code).toBe("IMPORT_SHEET_TOO_LARGE");
    expect(wide.message).toContain("第1行有 151 列");
    const long = await failure(read(csv(`预算年度\n${"2024\n".repeat(100_001)}`)));
    expect(long.message).toContain("最多 100000 行");
  });
});

describe("readTable: JSON", () => {
  it("reads an array of objects keyed by Chinese headers", async () => {
    const rows = [
      { 预算年度: 2024, 项目编码: "P001", 月份: 1, "支付数（元）": 268500 },
      { 预算年度: 2024, 项目编码: "P001", 月份: 2, "执行数(元)": "287,300.50", 备注: "忽略" },
    ];
    const t = await read(csv(JSON.stringify(rows)), "x.json", execution);
    expect(t.format).toBe("json");
    expect(t.rows).toEqual([
      { rowNumber: 1, cells: { fiscalYear: 2024, projectCode: "P001", month: 1, executed: 268500 } },
      { rowNumber: 2, cells: { fiscalYear: 2024, projectCode: "P001", month: 2, executed: "287,300.50" } },
    ]);
  });

  it("reads { rows: [...] } keyed by English field keys, whatever the file is called", async () => {
    const body = { rows: [{ fiscalYear: 2024, projectCode: "P001", month: 3, executed: 1.5 }, {}] };
    const t = await read(csv(`\n  ${JSON.stringify(body, null, 2)}`), "upload.csv", execution);
    expect(t.rows).toEqual([
      { rowNumber: 1, cells: { fiscalYear: 2024, projectCode: "P001", month: 3, executed: 1.5 } },
    ]);
    expect(validateImport("execution", t.rows, ctx).rows).toEqual([
      { fiscalYear: 2024, projectCode: "P001", month: 3, executed: 150 },
    ]);
  });

  it("refuses invalid JSON, saying where", async () => {
    const e = await failure(read(csv('[\n  {"预算年度": 2024,\n   "项目编码" "P001"}\n]'), "x.json", execution));
    expect(e.code).toBe("IMPORT_UNREADABLE");
    expect(e.message).toBe("JSON 格式错误：第3行第11列附近无法解析，请检查引号、逗号和括号");
    expect((await failure(read(csv('[{"a": 1}'), "x.json", execution))).message).toMatch(/^JSON 格式错误/);
  });

  it("refuses JSON of the wrong shape or without the required keys", async () => {
    expect((await failure(read(csv('{"data": []}'), "x.json", execution))).code).toBe("IMPORT_UNREADABLE");
    expect((await failure(read(csv("[1, 2]"), "x.json", execution))).message).toContain("第1条记录不是对象");
    const nested = csv(JSON.stringify([{ fiscalYear: 2024, projectCode: { x: 1 }, month: 1, executed: 1 }]));
    expect((await failure(read(nested, "x.json", execution))).code).toBe("IMPORT_UNREADABLE");
    const missing = await failure(read(csv('[{"projectCode": "P1"}]'), "x.json", execution));
    expect(missing.code).toBe("IMPORT_MISSING_COLUMNS");
    expect(missing.message).toMatch(/^缺少必填列：预算年度、月份、支付数（元）/);
    expect((await failure(read(csv("[]"), "x.json", execution))).code).toBe("IMPORT_EMPTY_FILE");
  });
});

describe("readTable: xlsx", () => {
  async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet("执行"));
    wb.addWorksheet("其他").addRow(["不读这张表"]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it("finds the header under a title row and keeps cell types", async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(["2024年城中区项目支出执行情况表"]);
      ws.mergeCells("A1:E1");
      ws.addRow(["单位：元"]);
      ws.addRow(["预算年度", "项目编码", "月份", "支付数（元）", "填报日期"]);
      ws.addRow([2024, "P001", 1, 268500.5, new Date(Date.UTC(2024, 1, 5))]);
      ws.addRow([]);
      ws.addRow([
        { formula: "2000+24", result: 2024 },
        { richText: [{ text: "P0" }, { text: "01", font: { bold: true } }] },
        2,
        { formula: "D4*2", result: 537001 },
        true,
      ]);
      ws.addRow([2024, "P002", 3, { formula: "SUM(D4:D6)" }]); // never calculated: no cached result
    });
    const t = await readTable({ bytes, fileName: "执行.xlsx" }, execution);
    expect(t.format).toBe("xlsx");
    expect(t.headers).toEqual(["预算年度", "项目编码", "月份", "支付数（元）", "填报日期"]);
    expect(t.rows).toEqual([
      { rowNumber: 4, cells: { fiscalYear: 2024, projectCode: "P001", month: 1, executed: 268500.5 } },
      { rowNumber: 6, cells: { fiscalYear: 2024, projectCode: "P001", month: 2, executed: 537001 } },
      { rowNumber: 7, cells: { fiscalYear: 2024, projectCode: "P002", month: 3, executed: "=SUM(D4:D6)" } },
    ]);
  });

  it("turns dates into ISO text and booleans stay booleans", async () => {
    const orgs = IMPORT_SPECS.orgs;
    const bytes = await workbook((ws) => {
      ws.addRow(["单位编码", "单位名称", "单位类型", "联系人"]);
      ws.addRow(["101", new Date(Date.UTC(2024, 0, 31)), true, null]);
    });
    const t = await readTable({ bytes, fileName: "单位.xlsx" }, orgs);
    expect(t.rows[0]?.cells).toMatchObject({ code: "101", name: "2024-01-31", kind: true, contactName: null });
    expect(validateImport("orgs", t.rows, ctx).issues.map((i) => i.code)).toEqual(["IMPORT_BAD_ORG_KIND"]);
  });

  it("refuses a sheet whose header is not within the first rows", async () => {
    const bytes = await workbook((ws) => {
      for (let i = 0; i < 12; i++) ws.addRow([`说明${i}`]);
      ws.addRow(["预算年度", "项目编码", "月份", "支付数（元）"]);
    });
    const e = await failure(readTable({ bytes, fileName: "x.xlsx" }, execution));
    expect(e.code).toBe("IMPORT_MISSING_COLUMNS");
  });
});

describe("parseCsv", () => {
  it("handles the edges of RFC 4180", () => {
    expect(parseCsv("a,b\r\n")).toEqual([["a", "b"]]);
    expect(parseCsv("a,\n,b")).toEqual([
      ["a", ""],
      ["", "b"],
    ]);
    expect(parseCsv('"",""\n"x""y"')).toEqual([["", ""], ['x"y']]);
    expect(parseCsv("a,b,")).toEqual([["a", "b", ""]]);
    expect(parseCsv("\n\na")).toEqual([[""], [""], ["a"]]);
    expect(parseCsv('"a\r\nb",c\rd')).toEqual([["a\r\nb", "c"], ["d"]]);
  });
});
