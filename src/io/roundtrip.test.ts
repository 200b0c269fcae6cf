import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { ProjectRow } from "../core/imports/rows";
import { IMPORT_SPECS, MAX_AMOUNT_FEN } from "../core/imports/spec";
import { type ImportContext, validateImport } from "../core/imports/validate";
import { fenToYuan, groupThousands } from "../core/money";
import { readTable } from "./read-upload";

/** A CSV field as Excel writes it: quoted when it holds a delimiter, quote, line break or edge space. */
const field = (s: string) => (/[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

// Plain text a clerk writes, including quotes and commas that need CSV quoting; no markup, no "--".
const TEXT_CHARS = [..."城中区教育局义务营养改善计划校舍维修年度一二三abcXYZ0123456789，。、（）()“”\"',.:·— "];
const text = (max: number) =>
  fc
    .string({ unit: fc.constantFrom(...TEXT_CHARS), minLength: 1, maxLength: max })
    .filter((s) => s.trim() === s && s !== "");
const code = fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/);
const fen = fc.integer({ min: 0, max: MAX_AMOUNT_FEN });
const yuanText = (f: number, grouped: boolean) => (grouped ? groupThousands(fenToYuan(f)) : fenToYuan(f));

const BOOLS: [string, boolean][] = [
  ["是", true],
  ["否", false],
  ["Y", true],
  ["n", false],
  ["true", true],
  ["FALSE", false],
  ["1", true],
  ["0", false],
  ["", false],
];
const CATEGORIES: [string, ProjectRow["category"]][] = [
  ["常年性", "recurring"],
  ["延续", "continuing"],
  ["一次性", "one_off"],
  ["continuing", "continuing"],
];

const projectCase = fc.record({
  fiscalYear: fc.integer({ min: 2000, max: 2100 }),
  code,
  name: text(200),
  departmentCode: code,
  unitCode: fc.option(code, { nil: null }), // null: the department implements the project itself
  category: fc.constantFrom(...CATEGORIES),
  isKey: fc.constantFrom(...BOOLS),
  sector: fc.option(text(40), { nil: null }),
  initialBudget: fen,
  adjustedBudget: fen,
  fiscalShare: fc.double({ min: 0, max: 1, noNaN: true }),
  grouped: fc.boolean(),
  encoding: fc.constantFrom("utf8", "utf8-bom", "gb18030"),
  eol: fc.constantFrom("\n", "\r\n"),
});

describe("CSV round trip", () => {
  it("any valid project row written to CSV reads and validates back to the same typed row", async () => {
    const spec = IMPORT_SPECS.projects;
    await fc.assert(
      fc.asyncProperty(projectCase, async (c) => {
        const unitCode = c.unitCode ?? c.departmentCode;
        const fiscalFunds = Math.floor(c.adjustedBudget * c.fiscalShare);
        const expected: ProjectRow = {
          fiscalYear: c.fiscalYear,
          code: c.code,
          name: c.name,
          departmentCode: c.departmentCode,
          unitCode,
          category: c.category[1],
          isKey: c.isKey[1],
          sector: c.sector,
          initialBudget: c.initialBudget,
          adjustedBudget: c.adjustedBudget,
          fiscalFunds,
          otherFunds: c.adjustedBudget - fiscalFunds,
        };
        const cells: Record<string, string> = {
          ...Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, v === null ? "" : String(v)])),
          category: c.category[0],
          isKey: c.isKey[0],
          ...Object.fromEntries(
            (["initialBudget", "adjustedBudget", "fiscalFunds", "otherFunds"] as const).map((k) => [
              k,
              yuanText(expected[k], c.grouped),
            ]),
          ),
        };
        const text = [spec.map((f) => f.header), spec.map((f) => cells[f.key] ?? "")]
          .map((r) => r.map(field).join(","))
          .join(c.eol);
        const bytes =
          c.encoding === "gb18030"
            ? iconv.encode(text, "gb18030")
            : Buffer.from(c.encoding === "utf8-bom" ? `\ufeff${text}` : text, "utf8");

        const ctx: ImportContext = {
          regionCode: "450202",
          orgsByCode: new Map([
            [c.departmentCode, { kind: "department", parentCode: null }],
            ...(unitCode !== c.departmentCode
              ? [[unitCode, { kind: "unit" as const, parentCode: c.departmentCode }] as const]
              : []),
          ]),
          projectsByKey: new Map(),
          deptBudgetsByKey: new Map(),
        };
        const table = await readTable({ bytes, fileName: "projects.csv" }, spec);
        const v = validateImport("projects", table.rows, ctx);
        expect(v.issues).toEqual([]);
        expect(v.rows).toEqual([expected]);
        expect(v.rowNumbers).toEqual([2]);
      }),
      { numRuns: 300 },
    );
  });
});
