import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { EXAMPLE_COLUMN } from "../core/imports/examples";
import { normaliseHeader } from "../core/imports/headers";
import { IMPORT_KINDS, IMPORT_SPECS } from "../core/imports/spec";
import { type ImportContext, validateImport } from "../core/imports/validate";
import { readTable } from "./read-upload";
import { importTemplate, TEMPLATE_EXAMPLES, templateFileName } from "./templates";

/** What the database holds for the examples: 教育局 101 with its school, 卫健局 102, their projects. */
const ctx: ImportContext = {
  regionCode: "450202",
  orgsByCode: new Map([
    ["101", { kind: "department", parentCode: null }],
    ["101001", { kind: "unit", parentCode: "101" }],
    ["102", { kind: "department", parentCode: null }],
  ]),
  projectsByKey: new Map([
    ["2024:450202240001", { adjustedBudget: 345_000_000 }],
    ["2024:450202240002", { adjustedBudget: 165_000_000 }],
  ]),
  deptBudgetsByKey: new Map([["2024:101", { adjustedBudget: 5_923_000_000 }]]),
};

describe.each(IMPORT_KINDS)("importTemplate(%s)", (kind) => {
  const spec = IMPORT_SPECS[kind];

  it("reads back through readTable with every header and valid example rows, marked as examples", async () => {
    const bytes = await importTemplate(kind);
    const t = await readTable({ bytes, fileName: templateFileName(kind) }, spec);
    expect(t.format).toBe("xlsx");
    expect(t.headers.map(normaliseHeader)).toEqual([EXAMPLE_COLUMN, ...spec.map((f) => normaliseHeader(f.header))]);
    expect(t.rows).toHaveLength(2);
    expect(t.rows.every((r) => r.example === true)).toBe(true);
    const v = validateImport(kind, t.rows, ctx);
    expect(v.issues).toEqual([]);
    expect(v.rowNumbers).toEqual([2, 3]);
    expect(TEMPLATE_EXAMPLES[kind]).toHaveLength(2);
  });

  it("marks required columns, explains each column and offers drop-downs", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await importTemplate(kind)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const [sheet, help] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(sheet.getCell(1, 1).value).toBe(EXAMPLE_COLUMN);
    for (const row of [2, 3]) {
      expect(sheet.getCell(row, 1).value).toBe("示例");
      expect(sheet.getCell(row, 2).font).toMatchObject({ italic: true, color: { argb: "FF7F7F7F" } });
      expect(sheet.getCell(row, 2).fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
    }
    spec.forEach((f, i) => {
      const cell = sheet.getCell(1, i + 2);
      expect(cell.value).toBe(f.required ? `*${f.header}` : f.header);
      if (f.required) expect(cell.font?.color).toEqual({ argb: "FFC00000" });
      const note = cell.note as string | { texts: { text: string }[] };
      const text = typeof note === "string" ? note : note.texts.map((t) => t.text).join("");
      expect(text).toContain(f.required ? "必填" : "选填");
      if (f.hint) expect(text).toContain(f.hint);
    });
    expect(help.name).toBe("填写说明");
    const described = help.getColumn(1).values.slice(3);
    expect(described.slice(0, spec.length)).toEqual(spec.map((f) => f.header));
    if (kind === "projects") {
      const dv = sheet.getCell("G10").dataValidation;
      expect(dv).toMatchObject({ type: "list", formulae: ['"常年性,延续性,一次性"'] });
    }
  });
});

describe("the requests template", () => {
  it("imports its examples as requests of 2025 on the 2024 projects, the project name only for the eye", async () => {
    const t = await readTable({ bytes: await importTemplate("requests"), fileName: "r.xlsx" }, IMPORT_SPECS.requests);
    const v = validateImport("requests", t.rows, ctx);
    expect(v.rows).toEqual([
      { budgetYear: 2025, projectCode: "450202240001", amount: 360_000_000, rigid: true },
      { budgetYear: 2025, projectCode: "450202240002", amount: 128_000_050, rigid: false },
    ]);
  });
});
