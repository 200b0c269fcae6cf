import { describe, expect, it } from "vitest";
import type { RawCellInput } from "./cells";
import { type ImportContext, type RawRowInput, validateImport } from "./validate";

const ctx: ImportContext = {
  regionCode: "450202",
  orgsByCode: new Map([
    ["900", { kind: "bureau", parentCode: null }],
    ["101", { kind: "department", parentCode: null }],
    ["101001", { kind: "unit", parentCode: "101" }],
    ["102", { kind: "department", parentCode: null }],
    ["102001", { kind: "unit", parentCode: "102" }],
    ["F01", { kind: "firm", parentCode: null }],
  ]),
  projectsByKey: new Map([
    ["2024:P001", { adjustedBudget: 100_000 }], // 1,000.00 元
    ["2024:P002", { adjustedBudget: 5_000_000 }],
  ]),
  deptBudgetsByKey: new Map([["2024:101", { adjustedBudget: 1_000_000 }]]), // 10,000.00 元
};

/** Rows as a reader hands them over: row 1 is the header, data from row 2. */
const rows = (...cells: Record<string, RawCellInput>[]): RawRowInput[] =>
  cells.map((c, i) => ({ rowNumber: i + 2, cells: c }));

const project = (over: Record<string, RawCellInput> = {}): Record<string, RawCellInput> => ({
  fiscalYear: 2024,
  code: "450202240001",
  name: "2024年城中区义务教育学生营养改善计划",
  departmentCode: "101",
  unitCode: "101001",
  category: "常年性",
  isKey: "是",
  sector: "教育",
  initialBudget: "3,200,000.00",
  adjustedBudget: 3_450_000,
  fiscalFunds: "3450000",
  otherFunds: 0,
  ...over,
});

const codes = (r: { issues: { code: string }[] }) => r.issues.map((i) => i.code);

describe("validateImport: cells", () => {
  it("turns a valid project row into a typed row in fen", () => {
    const r = validateImport("projects", rows(project(), project({ code: "P2", isKey: null, sector: " " })), ctx);
    expect(r.issues).toEqual([]);
    expect(r.rowNumbers).toEqual([2, 3]);
    expect(r.rows[0]).toEqual({
      fiscalYear: 2024,
      code: "450202240001",
      name: "2024年城中区义务教育学生营养改善计划",
      departmentCode: "101",
      unitCode: "101001",
      category: "recurring",
      isKey: true,
      sector: "教育",
      initialBudget: 320_000_000,
      adjustedBudget: 345_000_000,
      fiscalFunds: 345_000_000,
      otherFunds: 0,
    });
    expect(r.rows[1]).toMatchObject({ code: "P2", isKey: false, sector: null });
  });

  it("names row, column and value when a money cell holds text", () => {
    const r = validateImport("projects", rows(project(), project({ code: "P2", adjustedBudget: "一百万" })), ctx);
    expect(r.issues).toEqual([
      {
        row: 3,
        column: "全年预算数（元）",
        field: "adjustedBudget",
        code: "IMPORT_NOT_MONEY",
        message: "第3行“全年预算数（元）”：“一百万”不是金额，请填写数字（元，最多两位小数）",
      },
    ]);
    expect(r.rowNumbers).toEqual([2]);
  });

  it.each([
    [{ initialBudget: -5 }, "IMPORT_NEGATIVE", "年初预算数（元）"],
    [{ initialBudget: "-5.00" }, "IMPORT_NEGATIVE", "年初预算数（元）"],
    [{ initialBudget: 1e12 }, "IMPORT_AMOUNT_TOO_LARGE", "年初预算数（元）"],
    [{ initialBudget: "1000000000000" }, "IMPORT_AMOUNT_TOO_LARGE", "年初预算数（元）"],
    [{ initialBudget: "99999999999999999999" }, "IMPORT_AMOUNT_TOO_LARGE", "年初预算数（元）"],
    [{ initialBudget: 1.005 }, "IMPORT_NOT_MONEY", "年初预算数（元）"],
    [{ initialBudget: "12.345" }, "IMPORT_NOT_MONEY", "年初预算数（元）"],
    [{ initialBudget: true }, "IMPORT_NOT_MONEY", "年初预算数（元）"],
    [{ name: "" }, "IMPORT_REQUIRED", "项目名称"],
    [{ name: "   " }, "IMPORT_REQUIRED", "项目名称"],
    [{ code: undefined }, "IMPORT_REQUIRED", "项目编码"],
    [{ name: "项".repeat(201) }, "IMPORT_TOO_LONG", "项目名称"],
    [{ code: "P 001" }, "IMPORT_BAD_CODE", "项目编码"],
    [{ code: "项目1" }, "IMPORT_BAD_CODE", "项目编码"],
    [{ code: 1.5 }, "IMPORT_BAD_CODE", "项目编码"],
    [{ fiscalYear: 1999 }, "IMPORT_BAD_YEAR", "预算年度"],
    [{ fiscalYear: "二〇二四" }, "IMPORT_BAD_YEAR", "预算年度"],
    [{ fiscalYear: 2024.5 }, "IMPORT_BAD_YEAR", "预算年度"],
    [{ isKey: "也许" }, "IMPORT_BAD_BOOL", "重点项目"],
    [{ category: "临时性" }, "IMPORT_BAD_CATEGORY", "项目类别"],
    [{ name: "<script>alert(1)</script>" }, "IMPORT_MARKUP", "项目名称"],
    [{ name: "'; DROP TABLE projects; --" }, "IMPORT_MARKUP", "项目名称"],
    [{ name: "营养餐 /* 注释 */" }, "IMPORT_MARKUP", "项目名称"],
    [{ name: "x' OR 1=1" }, "IMPORT_MARKUP", "项目名称"],
    [{ name: "校舍\u0007维修" }, "IMPORT_MARKUP", "项目名称"],
    [{ name: '=HYPERLINK("http://x")' }, "IMPORT_MARKUP", "项目名称"],
  ] as const)("%o → %s", (over, code, column) => {
    const r = validateImport("projects", rows(project(over as Record<string, RawCellInput>)), ctx);
    expect(codes(r)).toEqual([code]);
    expect(r.issues[0]?.column).toBe(column);
    expect(r.issues[0]?.message).toMatch(new RegExp(`^第2行“${column.replace(/[()（）]/g, ".")}”：`));
    expect(r.rows).toEqual([]);
  });

  it("never echoes markup back into a message", () => {
    const r = validateImport("projects", rows(project({ name: "<script>alert(1)</script>" })), ctx);
    expect(r.issues[0]?.message).not.toMatch(/[<>]/);
    expect(r.issues[0]?.message).toContain("＜script＞");
  });

  it("accepts ordinary Chinese text, numbers as codes and the usual spellings", () => {
    const r = validateImport(
      "projects",
      rows(
        project({
          name: "城中区“阳光校园”——Xi'an 合作项目（一期）\n二期",
          fiscalYear: "2024年",
          unitCode: 101001,
          category: "延续",
          isKey: "N",
          initialBudget: "¥1,234.5元",
          adjustedBudget: 0.1,
          fiscalFunds: 0.1,
        }),
      ),
      ctx,
    );
    expect(r.issues).toEqual([]);
    expect(r.rows[0]).toMatchObject({
      name: "城中区“阳光校园”——Xi'an 合作项目（一期） 二期",
      fiscalYear: 2024,
      unitCode: "101001",
      category: "continuing",
      isKey: false,
      initialBudget: 123_450,
      adjustedBudget: 10,
    });
  });

  it("accepts the upper bound of 100亿元 and refuses one fen more", () => {
    const ok = validateImport("projects", rows(project({ initialBudget: "10000000000.00" })), ctx);
    expect(ok.issues).toEqual([]);
    const tooMuch = validateImport("projects", rows(project({ initialBudget: "10000000000.01" })), ctx);
    expect(codes(tooMuch)).toEqual(["IMPORT_AMOUNT_TOO_LARGE"]);
    expect(tooMuch.issues[0]?.message).toContain("100亿元");
  });

  it("checks months, yes/no and organisation kinds", () => {
    const exec = validateImport(
      "execution",
      rows(
        { fiscalYear: 2024, projectCode: "P002", month: 0, executed: 1 },
        { fiscalYear: 2024, projectCode: "P002", month: "13", executed: 1 },
        { fiscalYear: 2024, projectCode: "P002", month: "3月", executed: 1 },
      ),
      ctx,
    );
    expect(exec.issues.map((i) => [i.row, i.code, i.column])).toEqual([
      [2, "IMPORT_BAD_MONTH", "月份"],
      [3, "IMPORT_BAD_MONTH", "月份"],
    ]);
    expect(exec.rows).toEqual([{ fiscalYear: 2024, projectCode: "P002", month: 3, executed: 100 }]);

    const orgs = validateImport("orgs", rows({ code: "103", name: "城中区民政局", kind: "科室" }), ctx);
    expect(orgs.issues[0]).toMatchObject({ row: 2, column: "单位类型", code: "IMPORT_BAD_ORG_KIND" });
    expect(orgs.issues[0]?.message).toBe("第2行“单位类型”：“科室”不是有效的单位类型，请填写主管部门或预算单位");
  });

  it("reports every problem of a row, sorted by row then column", () => {
    const r = validateImport(
      "projects",
      rows(project({ otherFunds: "x", name: null }), project({ code: "P2", fiscalYear: 1990, category: "?" })),
      ctx,
    );
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [2, "项目名称"],
      [2, "其他资金（元）"],
      [3, "预算年度"],
      [3, "项目类别"],
    ]);
    expect(r.rows).toEqual([]);
  });
});

describe("validateImport: across rows", () => {
  it("flags a duplicate project code on the later row, naming the first", () => {
    const r = validateImport("projects", rows(project(), project({ code: "P2" }), project()), ctx);
    expect(r.issues).toEqual([
      {
        row: 4,
        column: "项目编码",
        field: "code",
        code: "IMPORT_DUPLICATE",
        message: "第4行“项目编码”：2024年度项目“450202240001”与第2行重复",
      },
    ]);
    expect(r.rowNumbers).toEqual([2, 3]);
  });

  it("keeps a file to one fiscal year, flagging the rows that differ from most", () => {
    const r = validateImport(
      "projects",
      rows(project(), project({ code: "P2" }), project({ code: "P3", fiscalYear: 2023 })),
      ctx,
    );
    expect(codes(r)).toEqual(["IMPORT_MIXED_YEARS"]);
    expect(r.issues[0]).toMatchObject({ row: 4, column: "预算年度" });
    expect(r.issues[0]?.message).toBe(
      "第4行“预算年度”：2023年与文件中其他行的2024年（共2行）不一致，一个文件只能包含一个预算年度",
    );
  });

  it("requires 财政拨款 + 其他资金 = 全年预算数", () => {
    const r = validateImport("projects", rows(project({ fiscalFunds: "3,000,000", otherFunds: "400000.5" })), ctx);
    expect(r.issues).toEqual([
      {
        row: 2,
        column: "全年预算数（元）",
        field: "adjustedBudget",
        code: "IMPORT_SPLIT_MISMATCH",
        message:
          "第2行“全年预算数（元）”：财政拨款3,000,000.00元 + 其他资金400,000.50元 = 3,400,000.50元，与全年预算数3,450,000.00元不一致",
      },
    ]);
  });

  it("checks a project's department and implementing unit against the database", () => {
    const r = validateImport(
      "projects",
      rows(
        project({ code: "A", departmentCode: "199" }),
        project({ code: "B", departmentCode: "101001" }),
        project({ code: "C", unitCode: "102001" }),
        project({ code: "D", unitCode: "199001" }),
        project({ code: "E", unitCode: "F01" }),
        project({ code: "F", unitCode: "101" }),
      ),
      ctx,
    );
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, "主管部门编码", "IMPORT_UNKNOWN_DEPARTMENT"],
      [3, "主管部门编码", "IMPORT_NOT_DEPARTMENT"],
      [4, "实施单位编码", "IMPORT_UNIT_NOT_IN_DEPARTMENT"],
      [5, "实施单位编码", "IMPORT_UNKNOWN_UNIT"],
      [6, "实施单位编码", "IMPORT_UNIT_NOT_IN_DEPARTMENT"],
    ]);
    expect(r.issues[0]?.message).toBe(
      "第2行“主管部门编码”：主管部门“199”在系统中不存在，请核对编码或先导入单位（部门）",
    );
    expect(r.issues[2]?.message).toBe("第4行“实施单位编码”：实施单位“102001”隶属于主管部门“102”，不属于“101”");
    expect(r.rowNumbers).toEqual([7]); // a department implementing its own project
  });

  it("checks execution against known projects and their 全年预算数", () => {
    const r = validateImport(
      "execution",
      rows(
        { fiscalYear: 2024, projectCode: "P001", month: 1, executed: "400" },
        { fiscalYear: 2024, projectCode: "P001", month: 2, executed: "400" },
        { fiscalYear: 2024, projectCode: "P001", month: 2, executed: "400" }, // duplicate: not counted twice
        { fiscalYear: 2024, projectCode: "P001", month: 3, executed: "300" }, // 1,100 > 1,000
        { fiscalYear: 2024, projectCode: "P001", month: 4, executed: "1" }, // already over: no second issue
        { fiscalYear: 2024, projectCode: "P999", month: 1, executed: "1" },
      ),
      ctx,
    );
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [4, "月份", "IMPORT_DUPLICATE"],
      [5, "支付数（元）", "IMPORT_OVER_BUDGET"],
      [7, "项目编码", "IMPORT_UNKNOWN_PROJECT"],
    ]);
    expect(r.issues[0]?.message).toBe("第4行“月份”：项目“P001”2024年2月的支付数与第3行重复");
    expect(r.issues[1]?.message).toBe(
      "第5行“支付数（元）”：项目“P001”截至本行累计支付1,100.00元，超过全年预算数1,000.00元",
    );
    expect(r.issues[2]?.message).toBe("第7行“项目编码”：2024年度项目“P999”在系统中不存在，请先导入项目及预算");
    expect(r.rowNumbers).toEqual([2, 3, 6]);
  });

  it("flags mixed years in execution", () => {
    const r = validateImport(
      "execution",
      rows(
        { fiscalYear: 2024, projectCode: "P001", month: 1, executed: 1 },
        { fiscalYear: 2025, projectCode: "P001", month: 1, executed: 1 },
        { fiscalYear: 2024, projectCode: "P002", month: 1, executed: 1 },
      ),
      ctx,
    );
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [3, "IMPORT_MIXED_YEARS"],
      [3, "IMPORT_UNKNOWN_PROJECT"],
    ]);
  });

  it("resolves a unit's department in the file first, then in the database", () => {
    const r = validateImport(
      "orgs",
      rows(
        { code: "103001", name: "城中区民政局救助站", kind: "预算单位", parentCode: "103" }, // department further down
        { code: "103", name: "城中区民政局", kind: "主管部门" },
        { code: "101002", name: "城中区第二实验小学", kind: "unit", parentCode: "101" },
        { code: "104001", name: "无主单位", kind: "预算单位", parentCode: "104" },
        { code: "101003", name: "下级的下级", kind: "预算单位", parentCode: "101001" },
        { code: "105", name: "城中区司法局", kind: "主管部门", parentCode: "101" },
        { code: "106001", name: "漏填上级", kind: "预算单位" },
        { code: "900", name: "冒用财政局编码", kind: "主管部门" },
        { code: "103", name: "城中区民政局（重复）", kind: "主管部门" },
      ),
      ctx,
    );
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [5, "上级编码", "IMPORT_UNKNOWN_DEPARTMENT"],
      [6, "上级编码", "IMPORT_NOT_DEPARTMENT"],
      [7, "上级编码", "IMPORT_UNEXPECTED_PARENT"],
      [8, "上级编码", "IMPORT_REQUIRED"],
      [9, "单位编码", "IMPORT_CODE_CONFLICT"],
      [10, "单位编码", "IMPORT_DUPLICATE"],
    ]);
    expect(r.issues[1]?.message).toBe("第6行“上级编码”：“101001”是预算单位，不是主管部门");
    expect(r.rows.map((o) => [o.code, o.kind, o.parentCode])).toEqual([
      ["103001", "unit", "103"],
      ["103", "department", null],
      ["101002", "unit", "101"],
    ]);
  });

  it("checks department budgets: known department and fund split", () => {
    const budget = { fiscalYear: 2024, initialBudget: 100, adjustedBudget: 120, fiscalFunds: 100, otherFunds: 20 };
    const r = validateImport(
      "dept-budgets",
      rows(
        { ...budget, departmentCode: "101" },
        { ...budget, departmentCode: "199" },
        { ...budget, departmentCode: "102", otherFunds: 0 },
        { ...budget, departmentCode: "101" },
      ),
      ctx,
    );
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, "主管部门编码", "IMPORT_UNKNOWN_DEPARTMENT"],
      [4, "全年预算数（元）", "IMPORT_SPLIT_MISMATCH"],
      [5, "主管部门编码", "IMPORT_DUPLICATE"],
    ]);
    expect(r.rows).toEqual([
      {
        fiscalYear: 2024,
        departmentCode: "101",
        initialBudget: 10_000,
        adjustedBudget: 12_000,
        fiscalFunds: 10_000,
        otherFunds: 2_000,
      },
    ]);
  });

  it("validates a district's monthly execution (20,000 rows) without an issue", () => {
    const projectsByKey = new Map<string, { adjustedBudget: number }>();
    const many: RawRowInput[] = [];
    for (let i = 0; i < 20_000; i++) {
      const code = `P${String(Math.floor(i / 12)).padStart(5, "0")}`;
      projectsByKey.set(`2024:${code}`, { adjustedBudget: 10_000_000 });
      many.push({
        rowNumber: i + 2,
        cells: { fiscalYear: "2024", projectCode: code, month: (i % 12) + 1, executed: "1,234.56" },
      });
    }
    const r = validateImport("execution", many, { ...ctx, projectsByKey });
    expect(r.issues).toEqual([]);
    expect(r.rows).toHaveLength(20_000);
  });
});

describe("validateImport: department-wide execution", () => {
  const month = (departmentCode: string, m: number, executed: string) => ({
    fiscalYear: 2024,
    departmentCode,
    month: m,
    executed,
  });

  it("accepts months within the department's whole budget", () => {
    const r = validateImport("dept-execution", rows(month("101", 1, "4000.00"), month("101", 2, "6000.00")), ctx);
    expect(r.issues).toEqual([]);
    expect(r.rows[1]).toEqual({ fiscalYear: 2024, departmentCode: "101", month: 2, executed: 600_000 });
  });

  it("refuses a department without a whole budget for the year", () => {
    const r = validateImport("dept-execution", rows(month("102", 1, "1.00")), ctx);
    expect(r.issues[0]).toMatchObject({ row: 2, column: "主管部门编码", code: "IMPORT_UNKNOWN_DEPT_BUDGET" });
  });

  it("flags the month where payments pass the whole budget", () => {
    const r = validateImport("dept-execution", rows(month("101", 1, "6000.00"), month("101", 2, "4000.01")), ctx);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ row: 3, column: "支付数（元）", code: "IMPORT_OVER_BUDGET" });
    expect(r.issues[0]!.message).toContain("超过部门整体全年预算数10,000.00元");
  });

  it("refuses the same department and month twice", () => {
    const r = validateImport("dept-execution", rows(month("101", 1, "1.00"), month("101", 1, "2.00")), ctx);
    expect(r.issues[0]).toMatchObject({ row: 3, code: "IMPORT_DUPLICATE" });
  });
});

describe("validateImport: next year's requests", () => {
  const request = (over: Record<string, RawCellInput> = {}): Record<string, RawCellInput> => ({
    budgetYear: 2025,
    projectCode: "P001",
    projectName: "任意名称，不核对",
    amount: "1,234.50",
    rigid: "√",
    ...over,
  });

  it("types a row on the project of the year before; the name is not kept, a blank rigid is 否", () => {
    const r = validateImport("requests", rows(request(), request({ projectCode: "P002", rigid: null })), ctx);
    expect(r.issues).toEqual([]);
    expect(r.rows).toEqual([
      { budgetYear: 2025, projectCode: "P001", amount: 123_450, rigid: true },
      { budgetYear: 2025, projectCode: "P002", amount: 123_450, rigid: false },
    ]);
  });

  it.each([
    ["是", true],
    ["Y", true],
    ["1", true],
    ["√", true],
    ["否", false],
    ["n", false],
    ["0", false],
    ["", false],
  ])("reads 刚性支出 “%s” as %s", (rigid, expected) => {
    const r = validateImport("requests", rows(request({ rigid })), ctx);
    expect(r.rows[0]?.rigid).toBe(expected);
  });

  it("names the row and column of a code that is no project of the year before, and says to leave new projects out", () => {
    const r = validateImport("requests", rows(request(), request({ projectCode: "P999" })), ctx);
    expect(r.rows).toHaveLength(1);
    expect(r.issues).toHaveLength(1);
    const [issue] = r.issues;
    expect(issue).toMatchObject({ row: 3, column: "项目编码", code: "IMPORT_UNKNOWN_PROJECT" });
    expect(issue!.message).toContain("第3行“项目编码”");
    expect(issue!.message).toContain("不是2024年度的项目");
    expect(issue!.message).toContain("新增项目请不要列入本文件");
  });

  it("refuses a repeated code naming both rows, a year mix, and negative or sub-fen amounts", () => {
    const r = validateImport(
      "requests",
      rows(
        request(),
        request({ amount: 5 }),
        request({ projectCode: "P002", budgetYear: 2026 }),
        request({ projectCode: "P002", amount: -1 }),
      ),
      ctx,
    );
    const byRow = r.issues.map((i) => [i.row, i.code]);
    expect(byRow).toEqual([
      [3, "IMPORT_DUPLICATE"],
      [4, "IMPORT_MIXED_YEARS"],
      [4, "IMPORT_UNKNOWN_PROJECT"],
      [5, "IMPORT_NEGATIVE"],
    ]);
    expect(r.issues[0]!.message).toMatch(/第3行.*与第2行重复/);
    expect(validateImport("requests", rows(request({ amount: "1.005" })), ctx).issues[0]?.code).toBe(
      "IMPORT_NOT_MONEY",
    );
  });
});
