import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkSelfEvalSheet } from "../core/selfeval/check-sheet";
import { DEFAULT_SELFEVAL_RULES } from "../core/selfeval/rules";
import { parseSelfEvalWorkbook } from "./selfeval-xlsx-read";

/**
 * Self-evaluation tables as counties publish them (laid out after forms of 安徽, 四川 and 广西 counties):
 * merged cells everywhere, "指标1：" prefixes with empty "指标2：" and "……" rows, units inside values,
 * points of a level 1 in its label ("产出指标（50分）"), headers in other words, percent cells, no
 * 二级指标 column, a separate unit column, an operator in 指标性质, extra columns.
 */

type Value = string | number | null;
interface SheetSpec {
  name: string;
  cells: Record<string, Value>;
  merges?: string[];
  /** Cells holding a fraction shown as a percentage. */
  percent?: string[];
}

async function workbook(...sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const [address, value] of Object.entries(s.cells)) ws.getCell(address).value = value;
    for (const address of s.percent ?? []) ws.getCell(address).numFmt = "0%";
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const check = (bytes: Buffer) => {
  const [read] = parseSelfEvalWorkbook(bytes);
  const table = read!.table!;
  return { read: read!, table, check: checkSelfEvalSheet(table, DEFAULT_SELFEVAL_RULES) };
};

/** A county's 项目支出绩效自评表 after the national annex, with its habits; `change` edits cells. */
function countySheet(change: (cells: Record<string, Value>) => void = () => {}): SheetSpec {
  const cells: Record<string, Value> = {
    A1: "项目支出绩效自评表",
    A2: "（2022年度）",
    A3: "项目名称",
    B3: "水旱灾害防御经费",
    A4: "主管部门",
    B4: null,
    F4: "实施单位",
    G4: "天长市水利局",
    A5: "项目资金\n（万元）",
    E5: "年初预算数",
    F5: "全年预算数(A)",
    G5: "全年执行数(B)",
    H5: "分值",
    I5: "执行率(B/A)",
    J5: "得分",
    B6: "年度资金总额:",
    E6: 880,
    F6: 880,
    G6: 871.2,
    H6: 10,
    I6: "99%",
    J6: 9.9,
    B7: "其中:本年财政拨款",
    E7: 880,
    F7: 880,
    G7: "871.2",
    H7: "-",
    I7: "-",
    J7: "-",
    B8: "上年结转资金",
    H8: "-",
    B9: "其他资金",
    H9: "-",
    A10: "年度总体目标完成情况",
    B10: "预期目标",
    F10: "实际完成情况",
    B11: "完成年度防汛工作，完成中型灌区节水改造项目。",
    F11: "完成年度目标。",
    A12: "年度绩效指标完成情况",
    B12: "一级\n指标",
    C12: "二级指标",
    D12: "三级指标",
    F12: "年度指标值",
    G12: "实际完成值",
    H12: "分值",
    I12: "得分",
    J12: "偏差原因分析及改进措施",
    B13: "产出指标\n（50分）",
    C13: "数量指标",
    D13: "指标1：完成灌区节水改造项目数量",
    F13: "≥2个",
    G13: "2个",
    H13: 10,
    I13: 10,
    D14: "指标2：每亩节水改造补助标准",
    F14: "≤75元",
    G14: "80元",
    H14: 10,
    I14: 9.38,
    J14: "材料涨价",
    D15: "……",
    C16: "质量指标",
    D16: "指标1：工程验收合格率",
    F16: "100%",
    G16: "100%",
    H16: 10,
    I16: 10,
    D17: "指标2：",
    C18: "时效指标",
    D18: "指标1：按期完工",
    F18: "按期完工",
    G18: "按期完工",
    H18: 10,
    I18: 10,
    C19: "成本指标",
    D19: "指标1：项目总成本",
    F19: "≤880万元",
    G19: "871.2万元",
    H19: 10,
    I19: 10,
    D20: "指标2：",
    B21: "效益指标\n（30分）",
    C21: "社会效益\n指标",
    D21: "指标1：受益人口",
    F21: "≥1,200人",
    G21: "1,080人",
    H21: 15,
    I21: 13.5,
    J21: "部分村组未通水",
    C22: "生态效益\n指标",
    D22: "指标1：/",
    F22: "/",
    G22: "/",
    C23: "可持续影响\n指标",
    D23: "指标1：已建工程良性运行",
    F23: "长期",
    G23: "良好",
    H23: 15,
    I23: 14,
    D24: "……",
    B25: "满意度指标\n（10分）",
    C25: "服务对象\n满意度指标",
    D25: "指标1：群众满意度",
    F25: "≥90%",
    G25: "95%",
    H25: 10,
    I25: 10,
    A26: "总分",
    H26: 100,
    I26: 96.78,
    A27: "注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、服务对象满意度指标10分、预算资金执行率10分。",
  };
  change(cells);
  const merges = [
    "A1:J1",
    "A2:J2",
    "B3:J3",
    "B4:E4",
    "G4:J4",
    "A5:A9",
    "B5:D5",
    "B6:D6",
    "B7:D7",
    "B8:D8",
    "B9:D9",
    "A10:A11",
    "B10:E10",
    "F10:J10",
    "B11:E11",
    "F11:J11",
    "A12:A25",
    "B13:B20",
    "C13:C15",
    "C16:C17",
    "C19:C20",
    "B21:B24",
    "C23:C24",
    "A26:G26",
    "A27:J27",
    ...[12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25].map((r) => `D${r}:E${r}`),
  ];
  return { name: "水旱灾害防御经费", cells, merges };
}

describe("a county form: merged cells, 指标1： prefixes, units in values", () => {
  it("reads every block by its labels and every indicator with its level", async () => {
    const { read, table, check: c } = check(await workbook(countySheet(), { name: "说明", cells: { A1: "填表说明" } }));
    expect(read.issues).toEqual([]);
    expect(table).toMatchObject({
      fiscalYear: 2022,
      subjectName: "水旱灾害防御经费",
      departmentName: "",
      unitName: "天长市水利局",
      subjectCode: null,
      identity: null,
      statedTotal: 96.78,
      statedWeightTotal: 100,
      overallGoal: { expected: "完成年度防汛工作，完成中型灌区节水改造项目。", actual: "完成年度目标。" },
    });
    expect(table.funds).toMatchObject({
      total: { label: "年度资金总额", initial: 880_000_000, adjusted: 880_000_000, executed: 871_200_000 },
      weight: 10,
      rate: { percent: 99, decimals: 0 },
      points: 9.9,
    });
    expect(table.funds.parts.map((p) => [p.label, p.executed])).toEqual([
      ["其中:本年财政拨款", 871_200_000],
      ["上年结转资金", null],
      ["其他资金", null],
    ]);
    expect(table.rows.map((r) => [r.level1, r.level2, r.name, r.target, r.actual, r.weight, r.points])).toEqual([
      ["产出指标", "数量指标", "完成灌区节水改造项目数量", "≥2个", "2个", 10, 10],
      ["产出指标", "数量指标", "每亩节水改造补助标准", "≤75元", "80元", 10, 9.38],
      ["产出指标", "质量指标", "工程验收合格率", "100%", "100%", 10, 10],
      ["产出指标", "时效指标", "按期完工", "按期完工", "按期完工", 10, 10],
      ["产出指标", "成本指标", "项目总成本", "≤880万元", "871.2万元", 10, 10],
      ["效益指标", "社会效益指标", "受益人口", "≥1,200人", "1,080人", 15, 13.5],
      ["效益指标", "可持续影响指标", "已建工程良性运行", "长期", "良好", 15, 14],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", 10, 10],
    ]);
    expect(table.rows[1]!.deviationNote).toBe("材料涨价");
    expect(table.rows[1]!.at?.points).toEqual({ row: 14, column: { letter: "I", header: "得分" } });
    // Its figures agree: 75 ÷ 80 × 10 = 9.38, qualitative rows at the assessor's points.
    expect([c.differences, c.contradictions, c.unscorable]).toEqual([[], [], []]);
    expect([c.computedTotal, c.grade]).toEqual([96.78, "excellent"]);
  });

  it("a 说明 sheet beside the tables is named as no table, not refused", async () => {
    const reads = parseSelfEvalWorkbook(await workbook(countySheet(), { name: "说明", cells: { A1: "填表说明" } }));
    expect(reads.map((r) => [r.sheet, r.table === null, r.issues.map((i) => i.code)])).toEqual([
      ["水旱灾害防御经费", false, []],
      ["说明", true, ["SELFEVAL_SHEET_NOT_FORM"]],
    ]);
  });
});

describe("a county form whose figures do not add up", () => {
  it("names the 总分 cell, the row whose points are off, and the rate computed on the wrong amount", async () => {
    const { check: c } = check(
      await workbook(
        countySheet((cells) => {
          cells.I14 = 10; // full points for 80元 against ≤75元
          cells.I26 = 98.78; // neither the stated points (97.40) nor the computed ones (96.78)
          cells.F6 = 900; // 全年预算数 raised: 871.2 / 900 = 96.80%, the sheet still says 99%
          cells.F7 = 900;
        }),
      ),
    );
    expect(c.contradictions.map((x) => [x.code, x.cell, x.stated, x.computed])).toEqual([
      ["SELFEVAL_TOTAL_NOT_SUM", "I26", 98.78, 97.4],
    ]);
    expect(c.differences.map((x) => [x.code, x.cell, x.stated, x.computed])).toEqual([
      ["SELFEVAL_RATE_DIFFERS", "I6", 99, 96.8],
      ["SELFEVAL_EXECUTION_POINTS_DIFFER", "J6", 9.9, 9.68],
      ["SELFEVAL_POINTS_DIFFER", "I14", 10, 9.38],
      ["SELFEVAL_TOTAL_DIFFERS", "I26", 98.78, 96.56],
    ]);
    expect(c.differences[2]!.message).toBe("得分填 10，应为 9.38：目标 75 ÷ 实际 80 × 分值 10.00 = 9.38（越低越好）");
    expect(c.computedTotal).toBe(96.56);
  });
});

describe("a county form with the scores left blank", () => {
  it("computes what it can, names each blank 得分, and leaves qualitative rows unscored", async () => {
    const { check: c } = check(
      await workbook(
        countySheet((cells) => {
          for (const r of [13, 14, 16, 18, 19, 21, 23, 25, 26]) cells[`I${r}`] = null;
          cells.J6 = null;
        }),
      ),
    );
    expect(c.differences.map((x) => [x.code, x.cell, x.computed])).toEqual([
      ["SELFEVAL_POINTS_MISSING", "J6", 9.9],
      ["SELFEVAL_POINTS_MISSING", "I13", 10],
      ["SELFEVAL_POINTS_MISSING", "I14", 9.38],
      ["SELFEVAL_POINTS_MISSING", "I16", 10],
      ["SELFEVAL_POINTS_MISSING", "I19", 10],
      ["SELFEVAL_POINTS_MISSING", "I21", 13.5],
      ["SELFEVAL_POINTS_MISSING", "I25", 10],
    ]);
    expect(c.unscorable.map((u) => [u.cell, u.item])).toEqual([
      ["I18", "三级指标“按期完工”"],
      ["I23", "三级指标“已建工程良性运行”"],
    ]);
    expect([c.statedTotal, c.computedTotal, c.grade]).toEqual([null, null, null]);
    expect(c.contradictions).toEqual([]);
  });
});

describe("other county layouts", () => {
  it("percent cells, no 二级指标 column, a unit column, 指标值/实际值/原因分析, extra columns", async () => {
    const sheet: SheetSpec = {
      name: "乡村道路养护",
      cells: {
        A1: "2024年度项目支出绩效自评表",
        A2: "项目名称",
        B2: "乡村道路养护",
        C2: "项目编码",
        D2: "450202-2024-017",
        A3: "主管部门",
        B3: "城中区交通运输局",
        C3: "实施单位（盖章）",
        D3: "城中区公路养护站",
        A5: "资金情况（万元）",
        B5: "全年预算数",
        C5: "全年执行数",
        D5: "执行率",
        E5: "分值",
        F5: "得分",
        A6: "年度资金总额",
        B6: 120,
        C6: 114,
        D6: 0.95,
        E6: "10分",
        F6: "９.５",
        A7: "年度总体目标",
        B7: "年初设定目标",
        D7: "全年实际完成情况",
        B8: "养护道路120公里",
        D8: "完成养护120公里",
        A10: "序号",
        B10: "一级指标",
        C10: "指标名称",
        D10: "指标值",
        E10: "度量单位",
        F10: "实际值",
        G10: "分值",
        H10: "得分",
        I10: "原因分析",
        J10: "指标解释",
        A11: 1,
        B11: "产出指标",
        C11: "养护道路里程",
        D11: "≥120",
        E11: "公里",
        F11: 120,
        G11: 30,
        H11: 30,
        J11: "全年养护的农村公路里程",
        A12: 2,
        C12: "路面完好率",
        D12: "≥95",
        E12: "%",
        F12: 0.93,
        G12: 20,
        H12: 19.58,
        I12: "雨季损毁",
        A13: 3,
        B13: "效益指标",
        C13: "群众出行时间节约",
        D13: "≥10",
        E13: "分钟",
        F13: "12分钟",
        G13: 30,
        H13: 30,
        A14: 4,
        B14: "满意度指标",
        C14: "群众满意度",
        D14: 0.9,
        F14: 0.96,
        G14: 10,
        H14: 10,
        B15: "合计",
        G15: 100,
        H15: 99.08,
      },
      percent: ["D6", "F12", "D14", "F14"],
    };
    const { read, table, check: c } = check(await workbook(sheet));
    expect(read.issues).toEqual([]);
    expect(table).toMatchObject({
      fiscalYear: 2024,
      subjectCode: "450202-2024-017",
      departmentName: "城中区交通运输局",
      unitName: "城中区公路养护站",
      overallGoal: { expected: "养护道路120公里", actual: "完成养护120公里" },
    });
    expect(table.funds).toMatchObject({
      total: { initial: null, adjusted: 120_000_000, executed: 114_000_000 },
      rate: { percent: 95, decimals: null },
      weight: 10,
      points: 9.5,
    });
    expect(table.rows.map((r) => [r.level1, r.level2, r.target, r.actual])).toEqual([
      ["产出指标", "", "≥120公里", "120公里"],
      ["产出指标", "", "≥95%", "93%"],
      ["效益指标", "", "≥10分钟", "12分钟"],
      ["满意度指标", "", "90%", "96%"],
    ]);
    expect([c.differences, c.contradictions, c.unscorable, c.computedTotal]).toEqual([[], [], [], 99.08]);
  });

  it("调整后预算数/预算执行数/权重, an operator in 指标性质, 完成值, 未完成原因分析, 合计", async () => {
    const sheet: SheetSpec = {
      name: "工资性支出",
      cells: {
        A1: "部门预算项目支出绩效自评表(2023年度)",
        A2: "项目名称",
        B2: "51000021R000000019951-工资性支出",
        A3: "主管部门",
        B3: "青神县发展和改革局本级",
        D3: "实施单位 (盖章)",
        E3: "青神县发展和改革局",
        A4: "预算执行情况(10分)",
        B4: "年度预算数(万元)",
        C5: "年初预算",
        D5: "调整后预算数",
        E5: "预算执行数",
        F5: "预算执行率",
        G5: "权重",
        H5: "得分",
        I5: "原因",
        B6: "总额",
        C6: 238.93,
        D6: 251.89,
        E6: 251.89,
        F6: "100.00%",
        G6: 10,
        H6: 10,
        B7: "其中：财政资金",
        C7: 238.93,
        D7: 251.89,
        E7: 251.89,
        F7: "100.00%",
        G7: "/",
        H7: "/",
        B8: "财政专户管理资金",
        C8: 0,
        D8: 0,
        E8: 0,
        B9: "单位资金",
        C9: "0.00",
        D9: "0.00",
        E9: "0.00",
        A10: "绩效指标(90分)",
        B10: "一级指标",
        C10: "二级指标",
        D10: "三级指标",
        E10: "指标性质",
        F10: "指标值",
        G10: "度量单位",
        H10: "完成值",
        I10: "权重",
        J10: "得分",
        K10: "未完成原因分析",
        B11: "产出指标",
        C11: "数量指标",
        D11: "发放(缴纳)覆盖率",
        E11: "=",
        F11: 100,
        G11: "%",
        H11: 100,
        I11: 60,
        J11: 60,
        B12: "效益指标",
        C12: "社会效益指标",
        D12: "足额保障率(参保率)",
        E12: "=",
        F12: 100,
        G12: "%",
        H12: 98,
        I12: 30,
        J12: 30,
        K12: "个别人员次月补缴",
        B13: "合计",
        I13: 100,
        J13: 100,
        A14: "评价结论",
        B14: "结合自评情况，说明项目自评总分。",
      },
      merges: ["A4:A9", "B4:I4", "A10:A12"],
    };
    const { read, table, check: c } = check(await workbook(sheet));
    expect(read.issues).toEqual([]);
    expect(table.fiscalYear).toBe(2023);
    expect(table.unitName).toBe("青神县发展和改革局");
    expect(table.funds.total).toMatchObject({ label: "总额", initial: 238_930_000, adjusted: 251_890_000 });
    expect(table.funds.parts.map((p) => p.label)).toEqual(["其中：财政资金", "财政专户管理资金", "单位资金"]);
    expect(table.rows.map((r) => [r.target, r.actual, r.deviationNote])).toEqual([
      ["=100%", "100%", null],
      ["=100%", "98%", "个别人员次月补缴"],
    ]);
    // "=": 98 against 100 earns 98 ÷ 100 × 30 = 29.40, not the 30 stated.
    expect(c.differences.map((x) => [x.code, x.cell, x.stated, x.computed])).toEqual([
      ["SELFEVAL_POINTS_DIFFER", "J12", 30, 29.4],
      ["SELFEVAL_TOTAL_DIFFERS", "J13", 100, 99.4],
    ]);
    expect(c.contradictions).toEqual([]);
  });

  it("reports an unreadable amount or score with its sheet and cell", async () => {
    const [read] = parseSelfEvalWorkbook(
      await workbook(
        countySheet((cells) => {
          cells.F6 = "八百八十";
          cells.H16 = "十分";
        }),
      ),
    );
    expect(read!.issues.map((i) => [i.code, i.cell, i.message])).toEqual([
      [
        "SELFEVAL_SHEET_BAD_AMOUNT",
        "F6",
        "工作表“水旱灾害防御经费”F6（全年预算数(A)）：“八百八十”不是金额，请填写万元数（如“12.5”）",
      ],
      ["SELFEVAL_SHEET_BAD_POINTS", "H16", "工作表“水旱灾害防御经费”H16（分值）：“十分”不是分数（只填数字，如“8.5”）"],
    ]);
    const c = checkSelfEvalSheet(read!.table!, DEFAULT_SELFEVAL_RULES);
    expect(c.unscorable.map((u) => [u.cell, u.reason])).toEqual([
      ["J6", "缺少全年预算数或全年执行数"],
      ["H16", "未填写分值（或分值不是数字），无法计分"],
    ]);
    expect(c.computedTotal).toBeNull();
  });
});
