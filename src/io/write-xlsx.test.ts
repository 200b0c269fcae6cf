import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { IMPORT_SPECS } from "../core/imports/spec";
import { readTable } from "./read-upload";
import { writeXlsx } from "./write-xlsx";

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

describe("writeXlsx", () => {
  it("writes a titled sheet: 宋体, bold filled header, frozen, filtered, money as #,##0.00", async () => {
    const bytes = await writeXlsx([
      {
        name: "2024年项目",
        title: "2024年城中区项目支出预算表",
        columns: [
          { header: "项目编码", key: "code", kind: "text" },
          { header: "项目名称", key: "name", width: 40 },
          { header: "全年预算数（元）", key: "budget", kind: "money" },
          { header: "执行率", key: "rate", kind: "percent" },
          { header: "指标数", key: "n", kind: "int" },
        ],
        rows: [
          { code: "0101", name: "义务教育学生营养改善计划", budget: 3_450_000.5, rate: 0.8534, n: 12 },
          { code: "0102", name: "=1+1 stays text", budget: null, rate: undefined, n: 3 },
        ],
      },
      { name: "a/b:c?*[x]", columns: [{ header: "说明", key: "t" }], rows: [] },
    ]);
    const wb = await load(bytes);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.name).toBe("2024年项目");
    expect(wb.worksheets[1]?.name).toBe("a_b_c___x_");

    expect(ws.getCell("A1").value).toBe("2024年城中区项目支出预算表");
    expect(ws.getCell("E1").isMerged).toBe(true);
    const header = ws.getCell("C2");
    expect(header.value).toBe("全年预算数（元）");
    expect(header.font).toMatchObject({ name: "宋体", bold: true });
    expect(header.fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.autoFilter).toBe("A2:E4");

    expect(ws.getCell("A3").value).toBe("0101");
    expect(ws.getCell("A3").numFmt).toBe("@");
    expect(ws.getCell("B4").value).toBe("=1+1 stays text");
    expect(ws.getCell("C3")).toMatchObject({ value: 3_450_000.5, numFmt: "#,##0.00" });
    expect(ws.getCell("C3").font).toMatchObject({ name: "宋体" });
    expect(ws.getCell("D3")).toMatchObject({ value: 0.8534, numFmt: "0.00%" });
    expect(ws.getCell("E3").numFmt).toBe("#,##0");
    expect(ws.getColumn(2).width).toBe(40);
  });

  it("writes what readTable reads back, title row included", async () => {
    const spec = IMPORT_SPECS.execution;
    const rows = Array.from({ length: 50 }, (_, i) => ({
      fiscalYear: 2024,
      projectCode: `P${i}`,
      month: (i % 12) + 1,
      executed: i * 100.25,
    }));
    const bytes = await writeXlsx([
      {
        name: "执行",
        title: "月度执行",
        columns: spec.map((f) => ({ header: f.header, key: f.key, kind: f.type === "money" ? "money" : undefined })),
        rows,
      },
    ]);
    const t = await readTable({ bytes, fileName: "执行.xlsx" }, spec);
    expect(t.rows).toHaveLength(50);
    expect(t.rows[49]).toEqual({
      rowNumber: 52,
      cells: { fiscalYear: 2024, projectCode: "P49", month: 2, executed: 4912.25 },
    });
  });
});
