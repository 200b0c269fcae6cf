import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { craftXlsx, workbookParts, zipOf } from "../../../test/support/crafted-xlsx";
import type { AppError } from "../../core/errors";
import { type SheetLimits, XlsxBook } from "./sparse-xlsx";

const LIMITS: SheetLimits = {
  maxRows: 100,
  maxColumns: 10,
  maxCells: 50,
  maxTextChars: 100_000,
  maxSheets: 3,
  maxInflatedBytes: 1024 * 1024,
};

function failure(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    return e as AppError;
  }
  throw new Error("expected a failure");
}

describe("the sparse xlsx reader", () => {
  it("reads only the cells a sheet holds, with their types, formats, formulas and merges", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表一");
    ws.getCell("A1").value = "标题";
    ws.mergeCells("A1:C1");
    ws.getCell("B3").value = 12.5;
    ws.getCell("C3").value = 0.95;
    ws.getCell("C3").numFmt = "0.00%";
    ws.getCell("D3").value = new Date(Date.UTC(2024, 5, 30));
    ws.getCell("E3").value = { formula: "B3*2", result: 25 };
    ws.getCell("F3").value = { formula: "B3*3" };
    ws.getCell("G3").value = true;
    ws.getCell("H3").value = { richText: [{ text: "富" }, { text: "文本" }] };
    ws.getCell("A90").value = "最后";
    wb.addWorksheet("隐藏").state = "hidden";
    const book = new XlsxBook(Buffer.from(await wb.xlsx.writeBuffer()), LIMITS);
    expect(book.sheets.map((s) => [s.name, s.state])).toEqual([
      ["表一", "visible"],
      ["隐藏", "hidden"],
    ]);
    const sheet = book.readSheet(book.sheets[0]!);
    expect([...sheet.rows.keys()]).toEqual([1, 3, 90]);
    expect([sheet.maxRow, sheet.maxColumn]).toEqual([90, 8]);
    expect(sheet.rows.get(1)).toEqual(["标题"]);
    expect(sheet.rows.get(3)).toEqual([
      undefined,
      12.5,
      { kind: "percent", value: 0.95 },
      { kind: "date", serial: 45473, iso: "2024-06-30" },
      25,
      { kind: "formula", formula: "B3*3" },
      true,
      "富文本",
    ]);
    expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
  });

  it("refuses content outside the limits by its address, and counts cells across sheets", () => {
    const far = failure(() => {
      const book = new XlsxBook(craftXlsx([{ name: "S", cells: [["K1", "x"]] }]), LIMITS);
      book.readSheet(book.sheets[0]!);
    });
    expect([far.code, (far.details as { cell: string }).cell]).toEqual(["IMPORT_SHEET_TOO_LARGE", "K1"]);
    const deep = failure(() => {
      const book = new XlsxBook(craftXlsx([{ name: "S", cells: [["A101", 1]] }]), LIMITS);
      book.readSheet(book.sheets[0]!);
    });
    expect(deep.message).toContain("A101");
    const many = Array.from({ length: 30 }, (_, i) => [`A${i + 1}`, i] as const);
    const cells = failure(() => {
      const book = new XlsxBook(
        craftXlsx([
          { name: "A", cells: many },
          { name: "B", cells: many },
        ]),
        LIMITS,
      );
      for (const s of book.sheets) book.readSheet(s);
    });
    expect(cells.message).toContain("超过 50 个");
    const sheets = failure(
      () => new XlsxBook(craftXlsx(["1", "2", "3", "4"].map((name) => ({ name, cells: [] }))), LIMITS),
    );
    expect(sheets.message).toContain("4 个工作表");
  });

  it("keeps merges as clipped ranges and refuses overlapping ones that would cover more than a sheet", () => {
    const roomy = { ...LIMITS, maxCells: 10_000 };
    const book = new XlsxBook(craftXlsx([{ name: "S", cells: [["A1", "x"]], merges: ["A1:XFD1048576"] }]), roomy);
    expect(book.readSheet(book.sheets[0]!).merges).toEqual([{ top: 1, left: 1, bottom: 100, right: 10 }]);
    const overlapping = new XlsxBook(
      craftXlsx([{ name: "S", cells: [["A1", "x"]], merges: ["A1:J100", "A1:J100"] }]),
      roomy,
    );
    expect(failure(() => overlapping.readSheet(overlapping.sheets[0]!)).code).toBe("IMPORT_UNREADABLE");
  });

  it("counts every occurrence of a shared string and every cell a merge repeats, and refuses over-long cells", () => {
    // One 30,000-character string, stored once, used by 10 cells: 300,000 characters handed on.
    const shared = workbookParts([
      { name: "S", cells: Array.from({ length: 10 }, (_, i) => [`A${i + 1}`, 0] as const) },
    ]);
    const sheet = shared.find((p) => p.name === "xl/worksheets/sheet1.xml")!;
    sheet.data = Buffer.from(
      sheet.data!.toString().replace(/<c r="(A\d+)"><v>0<\/v><\/c>/g, '<c r="$1" t="s"><v>0</v></c>'),
    );
    shared.push({
      name: "xl/sharedStrings.xml",
      data: Buffer.from(
        `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${"字".repeat(30_000)}</t></si></sst>`,
      ),
    });
    const many = failure(() => {
      const book = new XlsxBook(zipOf(shared), LIMITS);
      book.readSheet(book.sheets[0]!);
    });
    expect([many.code, many.message]).toEqual(["IMPORT_FILE_TOO_LARGE", expect.stringContaining("100000 个字符")]);

    const merged = failure(() => {
      const book = new XlsxBook(
        craftXlsx([{ name: "S", cells: [["A1", "并".repeat(5_000)]], merges: ["A1:J30"] }]),
        LIMITS,
      );
      book.readSheet(book.sheets[0]!);
    });
    expect(merged.code).toBe("IMPORT_FILE_TOO_LARGE");

    const long = failure(() => {
      const book = new XlsxBook(craftXlsx([{ name: "S", cells: [["B2", "长".repeat(32_768)]] }]), {
        ...LIMITS,
        maxTextChars: 1e9,
        maxInflatedBytes: 1e9,
      });
      book.readSheet(book.sheets[0]!);
    });
    expect([long.code, (long.details as { cell: string }).cell]).toEqual(["IMPORT_CELL_TOO_LONG", "B2"]);
  });

  it("inflates within the budget by real output, not by the sizes the file declares", () => {
    const parts = workbookParts([
      {
        name: "S",
        cells: [
          ["A1", "x".repeat(600_000)],
          ["A2", "y".repeat(600_000)],
        ],
      },
    ]);
    for (const p of parts) p.declaredSize = 10;
    const e = failure(() => {
      const book = new XlsxBook(zipOf(parts), LIMITS);
      book.readSheet(book.sheets[0]!);
    });
    expect([e.kind, e.code]).toEqual(["too_large", "IMPORT_FILE_TOO_LARGE"]);
  });

  it("refuses encrypted, truncated and malformed packages as unreadable", () => {
    const sound = craftXlsx([{ name: "S", cells: [["A1", "x"]] }]);
    expect(failure(() => new XlsxBook(sound.subarray(0, sound.length - 30), LIMITS)).code).toBe("IMPORT_UNREADABLE");
    const bad = workbookParts([{ name: "S", cells: [] }]);
    bad.find((p) => p.name === "xl/workbook.xml")!.data = Buffer.from("<workbook><sheets><sheet name=");
    expect(failure(() => new XlsxBook(zipOf(bad), LIMITS)).code).toBe("IMPORT_UNREADABLE");
    const locked = Buffer.from(sound);
    const central = locked.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    locked.writeUInt16LE(1, central + 8);
    expect(failure(() => new XlsxBook(locked, LIMITS)).message).toContain("加密");
  });
});
