import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { DEFAULT_GOAL_RULES } from "../core/goals/goal-rules";
import { checkOutsideTable, type OutsideSheetRead } from "../core/goals/outside-check";
import { MAX_UPLOAD_BYTES } from "../core/imports/spec";
import { nameFromTitle, parseOutsideGoalWorkbook, readIndicatorValue } from "./goal-check-xlsx-read";

/**
 * Goal tables as counties publish them, laid out after published tables: 湖南 2023+ (年度本级预算金额,
 * 指标值类型, 度量单位), the 2018 财政部 template (资金情况 block, units inside the values), 青山区 (指标内容,
 * satisfaction under 效益指标), 井研 (projects in the grid, 指标性质, 权重, amounts in 元), a sheet with no
 * header block, and a well-formed table written as the 财政部 guide's examples are.
 */

type Value = string | number | null;
interface SheetSpec {
  name: string;
  cells: Record<string, Value>;
  merges?: string[];
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

/** Rows from `first` on, columns from A: one array per row (null for a blank cell). */
function grid(first: number, rows: Value[][]): Record<string, Value> {
  const cells: Record<string, Value> = {};
  rows.forEach((row, i) => {
    row.forEach((v, c) => {
      if (v !== null) cells[`${String.fromCharCode(65 + c)}${first + i}`] = v;
    });
  });
  return cells;
}

const readOne = async (spec: SheetSpec): Promise<OutsideSheetRead> => {
  const [read] = parseOutsideGoalWorkbook(await workbook(spec));
  return read!;
};
const checked = (read: OutsideSheetRead, i = 0) =>
  checkOutsideTable(read.tables[i]!, DEFAULT_GOAL_RULES, read.tables[i]!.fiscalYear ?? 2024);
const codes = (c: ReturnType<typeof checked>) => c.findings.map((f) => `${f.cell ?? "-"} ${f.code}`);

const HUNAN: SheetSpec = {
  name: "南县疾控",
  merges: ["A1:H1", "B3:C3", "B6:H6", "A8:A11", "A12:A13"],
  cells: {
    A1: "2025年项目支出绩效目标表",
    A2: "填报单位（盖章）：南县疾病预防控制中心",
    G2: "金额单位：万元",
    ...grid(3, [
      ["项目支出名称", "基本公共卫生服务专项", null, "部门预算", 70],
      ["年度本级预算金额", 60, null, "该项目支出上级资金", 10],
      ["项目支出实施期", "2025年"],
      ["项目绩效目标", "开展突发公共卫生事件应急培训12期，培训合格率达到95%以上，年底前完成全部任务"],
      ["一级指标", "二级指标", "三级指标", "指标值类型", "目标值", "度量单位", "指标值内容", "备注"],
      ["产出指标", "数量指标", "应急培训期数", "≥", 12, "期", "反映培训期数"],
      [null, "质量指标", "培训合格率", "≥", 95, "%"],
      [null, "时效指标", "培训完成时间", "定性", "12月底前完成", null],
      [null, "成本指标", "人均培训成本", "≤", 300, "元/人"],
      ["效益指标", "社会效益指标", "突发事件处置及时率", "≥", 95, "%"],
      [null, "社会公众或服务对象满意度指标", "培训对象满意度", "≥", 90, "%"],
      ["财政部门审核意见"],
    ]),
  },
};

const MOF_2018: SheetSpec = {
  name: "南岳",
  merges: ["A1:E1", "A2:E2", "A6:A8", "C9:E9"],
  cells: {
    A1: "绩效目标申报表",
    A2: "（2018年度）",
    ...grid(3, [
      ["项目名称", "人大代表扶贫基地基础设施"],
      ["项目负责人及电话", null],
      ["主管部门", "南岳镇政府", null, "实施单位", "湖南省润山润水生态农业发展有限公司"],
      ["资金情况（万元）", "年度资金总额：", 10],
      [null, "其中：财政拨款", 10],
      [null, "其他资金", 0],
      ["总体目标", "年度目标", "为水濂村带来观光游客不少于6万人，村集体收入达6万元。"],
      [],
      ["一级指标", "二级指标", "三级指标", "指标值", "备注"],
      ["产出指标", "数量指标", "旅游景点开发数量", ">=4个"],
      [null, null, "流转土地", ">=60亩"],
      [null, "质量指标", "基础设施建设质量达标率", ">=98%"],
      [null, "时效指标", "基础设施建设按期完成率", "95%以上"],
      [null, "成本指标", "流转土地补助标准", "<=475元/亩"],
      ["效益指标", "经济效益指标", "乡村旅游带动增加村集体收入", ">=6万元"],
      [null, "社会效益指标", "群众生产生活条件", "稳步提高"],
      ["满意度指标", "服务对象满意度指标", "游客满意度", "≥90%"],
    ]),
  },
};

const QINGSHAN: SheetSpec = {
  name: "青山区",
  merges: ["A1:D1", "A5:A6", "A7:A8", "A10:A14", "B12:B13"],
  cells: {
    A1: "绩效目标表（2020年度）",
    ...grid(2, [
      ["项目名称", "农村义务教育薄弱学校改造补助资金"],
      ["项目主管部门", "青山区教育局"],
      ["项目执行单位", "化工区学校"],
      ["资金情况(万元)", "年度资金总额：16"],
      [null, "其中：上级资金16"],
      ["总体目标", "年度目标", "全面改善农村义务教育薄弱学校办学条件，进一步提高义务教育均衡发展水平。"],
      [],
      ["一级指标", "二级指标", "指标内容", "指标值"],
      ["产出指标", "数量指标", "农村义务教育学校改造覆盖率", "100%"],
      [null, "质量指标", "校舍维修改造质量合格率", "=100%"],
      [null, "时效指标", "预算资金当年下达率", "=100%"],
      [null, null, "项目按计划完成率", "=100%"],
      [null, "成本指标", "建设项目成本控制率", "=100%"],
      ["效益指标", "可持续影响指标", "义务教育优质均衡发展情况", "稳步提高"],
      [null, "社会公众或服务对象满意度指标", "学生家长满意度", "≥90%"],
    ]),
  },
};

const JINGYAN: SheetSpec = {
  name: "马踏镇",
  cells: {
    A1: "部门预算项目绩效目标申报表（2023年度）",
    A2: "金额单位：元",
    ...grid(3, [
      [
        "单位名称",
        "项目名称",
        "预算数",
        "年度目标",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "权重",
        "指标方向性",
      ],
      [
        "井研县马踏镇人民政府",
        "村组干部报酬",
        "3,309,840.00",
        "按时足额发放全镇230名村组干部报酬",
        "效益指标",
        "社会效益指标",
        "维护社会稳定",
        "≥",
        95,
        "%",
        10,
        "正向指标",
      ],
      [null, null, null, null, "产出指标", "时效指标", "报酬按月发放及时率", "≥", 95, "%", 20, "正向指标"],
      [null, null, null, null, "产出指标", "数量指标", "村组干部230人", "≥", 230, "个", 10, "正向指标"],
      [null, null, null, null, "满意度指标", "服务对象满意度指标", "人民群众满意度", "═", 95, "%", 10, "正向指标"],
      [
        "井研县马踏镇人民政府",
        "基层组织活动经费",
        660000,
        "保障11个行政村社区正常运转和组织活动开展",
        "产出指标",
        "数量指标",
        "行政村数量",
        "=",
        11,
        "个",
        30,
        "正向指标",
      ],
      [null, null, null, null, "产出指标", "质量指标", "保障村社区正常运转", "≧", 95, "%", 40, "正向指标"],
      [null, null, null, null, "效益指标", "可持续影响指标", "经济、环境等方面可持续发展", "≥", 95, "%", 20, null],
      [null, null, null, null, "满意度指标", "服务对象满意度指标", "辖区内群众满意度", "≥", 95, "%", 10, null],
    ]),
  },
};

const NO_HEADER: SheetSpec = {
  name: "Sheet1",
  merges: ["A1:D1", "A3:A5"],
  cells: {
    A1: "城区学校校舍改造项目绩效目标表",
    ...grid(2, [
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["项目完成指标", "数量指标（或建筑规模指标）", "指标1：改造校舍面积", "≥5000平方米"],
      [null, "质量指标", "指标2：工程验收合格率", "=100%"],
      [null, "时效指标", "指标3：", null],
      ["项目效益指标", "社会效益指标", "新增学位数", "≥600个"],
      ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%"],
    ]),
  },
};

/** Written as the 财政部 guide's examples are: every target with its operator, number and unit. */
const WELL_FORMED: SheetSpec = {
  name: "示范",
  merges: ["A1:E1", "A8:A11", "A12:A13"],
  cells: {
    A1: "项目支出绩效目标申报表（2024年度）",
    ...grid(2, [
      ["项目名称", "城区学校校舍改造", "主管部门", "区教育局"],
      ["实施单位", "区第一中学"],
      ["资金情况（万元）", "年度资金总额：", 320],
      [null, "其中：财政拨款", 300, "其他资金", 20],
      ["年度总体目标", "完成3所学校校舍改造5000平方米，新增学位600个，工程验收合格率100%，年底前完工。"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "改造校舍面积", "≥5000平方米"],
      [null, "质量指标", "工程验收合格率", "=100%"],
      [null, "时效指标", "完工时间", "12月底前完成"],
      [null, "成本指标", "校舍改造单位成本", "≤600元/平方米"],
      ["效益指标", "社会效益指标", "新增学位数", "≥600个"],
      [null, "可持续影响指标", "校舍设计使用年限", "≥50年"],
      ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%"],
    ]),
  },
};

describe("readIndicatorValue", () => {
  it("splits operator, number and unit as tables write them", () => {
    const v = (t: string, op = "", unit = "") => {
      const r = readIndicatorValue(t, op, unit);
      return [r.kind, r.operator, r.target, r.unit];
    };
    expect(v("≥90%")).toEqual(["quantitative", ">=", "90", "%"]);
    expect(v(">=95%")).toEqual(["quantitative", ">=", "95", "%"]);
    expect(v("95%以上")).toEqual(["quantitative", ">=", "95", "%"]);
    expect(v("≤16万元")).toEqual(["quantitative", "<=", "16", "万元"]);
    expect(v("12所")).toEqual(["quantitative", null, "12", "所"]);
    expect(v("100%")).toEqual(["quantitative", null, "100", "%"]);
    expect(v("稳步提高")).toEqual(["qualitative", null, "稳步提高", null]);
    expect(v("12月底前完成")).toEqual(["qualitative", null, "12月底前完成", null]);
    expect(v("95", "≥", "%")).toEqual(["quantitative", ">=", "95", "%"]);
    expect(v("100", "═", "%")).toEqual(["quantitative", "=", "100", "%"]);
    expect(v("95", "≧", "%")).toEqual(["quantitative", ">=", "95", "%"]);
    expect(v("减少", "定性")).toEqual(["qualitative", null, "减少", null]);
    expect(v("≥95%", "定量")).toEqual(["quantitative", ">=", "95", "%"]);
    // A template left unfilled: an operator says the author meant a number.
    expect(v("≥**%")).toEqual(["quantitative", ">=", "**%", null]);
  });

  it("says when the value's unit and the unit column disagree", () => {
    const r = readIndicatorValue("28.8万元", "定量", "%");
    expect([r.target, r.unit]).toEqual(["28.8", "万元"]);
    expect(r.problem).toContain("“万元”与单位列的“%”不一致");
  });
});

describe("nameFromTitle", () => {
  it("takes the project from the title", () => {
    expect(nameFromTitle("城区学校校舍改造项目绩效目标表")).toBe("城区学校校舍改造项目");
    expect(nameFromTitle("雨露计划绩效目标申报表（2023年度）")).toBe("雨露计划");
    expect(nameFromTitle("湘潭市环境卫生管理处2023年雾炮车降尘抑尘服务项目支出绩效目标申报表")).toBe(
      "湘潭市环境卫生管理处雾炮车降尘抑尘服务项目",
    );
    expect(nameFromTitle("2023年项目支出绩效目标申报表")).toBe("");
  });
});

describe("parseOutsideGoalWorkbook: county layouts", () => {
  it("湖南 2023: 年度本级预算金额 + 上级资金, 指标值类型, 度量单位, satisfaction under 效益指标", async () => {
    const read = await readOne(HUNAN);
    expect(read.issues).toEqual([]);
    const t = read.tables[0]!;
    expect(t.fiscalYear).toBe(2025);
    expect(t.table.subjectName).toBe("基本公共卫生服务专项");
    expect(t.unitName).toBe("南县疾病预防控制中心");
    expect(t.table.funds).toEqual({ total: 70_000_000, fiscal: 70_000_000, other: 0 });
    expect(t.table.overallGoal).toContain("开展突发公共卫生事件应急培训12期");
    expect(t.hasWeights).toBe(false);
    expect(t.table.indicators.map((i) => [i.level1, i.level2, i.name, i.kind, i.operator, i.target, i.unit])).toEqual([
      ["产出指标", "数量指标", "应急培训期数", "quantitative", ">=", "12", "期"],
      ["产出指标", "质量指标", "培训合格率", "quantitative", ">=", "95", "%"],
      ["产出指标", "时效指标", "培训完成时间", "qualitative", null, "12月底前完成", null],
      ["产出指标", "成本指标", "人均培训成本", "quantitative", "<=", "300", "元/人"],
      ["效益指标", "社会效益指标", "突发事件处置及时率", "quantitative", ">=", "95", "%"],
      ["效益指标", "社会公众或服务对象满意度指标", "培训对象满意度", "quantitative", ">=", "90", "%"],
    ]);
    expect(t.table.indicators[0]!.explanation).toBe("反映培训期数");
    expect(t.at.indicators[1]).toEqual({
      row: 9,
      cells: expect.objectContaining({ level1: "A8", name: "C9", operator: "D9", target: "E9", unit: "F9" }),
    });

    const c = checked(read);
    // Satisfaction under 效益指标 is Hunan's place for it: checked as 满意度指标, no finding; no weight column.
    expect(c.table.indicators[5]).toMatchObject({ level1: "满意度指标", level2: "服务对象满意度指标" });
    expect(c.findings).toEqual([]);
    expect(c.notes).toContain(
      "表中的“效益指标/社会公众或服务对象满意度指标”按本年度指标体系的“满意度指标/服务对象满意度指标”检查",
    );
    expect(c.notes).toContain("表中没有权重（分值）列：各指标权重按 0 处理，不检查权重合计与取值");
  });

  it("财政部 2018: 资金情况 block, 总体目标/年度目标, units and operators inside the values", async () => {
    const read = await readOne(MOF_2018);
    expect(read.issues).toEqual([]);
    const t = read.tables[0]!;
    expect(t.fiscalYear).toBe(2018);
    expect([t.table.subjectName, t.departmentName, t.unitName]).toEqual([
      "人大代表扶贫基地基础设施",
      "南岳镇政府",
      "湖南省润山润水生态农业发展有限公司",
    ]);
    expect(t.table.funds).toEqual({ total: 10_000_000, fiscal: 10_000_000, other: 0 });
    expect(t.table.overallGoal).toBe("为水濂村带来观光游客不少于6万人，村集体收入达6万元。");
    expect(t.overallGoalLabel).toBe("年度目标");
    const ind = t.table.indicators;
    expect(ind).toHaveLength(8);
    expect(ind[1]).toMatchObject({
      level1: "产出指标",
      level2: "数量指标",
      name: "流转土地",
      target: "60",
      unit: "亩",
    });
    expect(ind[3]).toMatchObject({ operator: ">=", target: "95", unit: "%" });
    expect(ind[4]).toMatchObject({ operator: "<=", target: "475", unit: "元/亩" });
    expect(ind[6]).toMatchObject({ kind: "qualitative", target: "稳步提高" });

    const c = checked(read, 0);
    expect(codes(c)).toEqual(["D18 GOAL_VAGUE"]);
    expect(c.findings[0]!.title).toBe("表述模糊");
    expect(c.findings[0]!.message).toContain("“稳步提高”");
  });

  it("青山区: 指标内容, inline amounts, satisfaction under 效益指标, the faults reviewers look for", async () => {
    const read = await readOne(QINGSHAN);
    expect(read.issues).toEqual([]);
    const t = read.tables[0]!;
    expect([t.table.subjectName, t.departmentName, t.unitName, t.fiscalYear]).toEqual([
      "农村义务教育薄弱学校改造补助资金",
      "青山区教育局",
      "化工区学校",
      2020,
    ]);
    expect(t.table.funds).toEqual({ total: 16_000_000, fiscal: 16_000_000, other: 0 });
    expect(t.table.indicators[3]).toMatchObject({ level2: "时效指标", name: "项目按计划完成率" });
    const c = checked(read);
    expect(codes(c)).toEqual([
      "C7 GOAL_VAGUE",
      "D10 GOAL_OPERATOR_MISSING",
      "D10 GOAL_QUANTITY_IS_RATE",
      "C12 GOAL_PROCESS_AS_OUTPUT",
      "C14 GOAL_COST_NOT_AMOUNT",
      "D15 GOAL_VAGUE",
    ]);
    expect(c.findings.find((f) => f.code === "GOAL_OPERATOR_MISSING")!.severity).toBe("error");
  });

  it("井研: projects in the grid, 指标性质 (═, ≧), 度量单位, 权重, amounts in 元", async () => {
    const read = await readOne(JINGYAN);
    expect(read.issues).toEqual([]);
    expect(read.tables.map((t) => [t.part, t.table.indicators.length, t.table.funds?.total])).toEqual([
      ["村组干部报酬", 4, 330_984_000],
      ["基层组织活动经费", 4, 66_000_000],
    ]);
    const [first, second] = read.tables;
    expect(first!.hasWeights).toBe(true);
    expect(first!.table.overallGoal).toBe("按时足额发放全镇230名村组干部报酬");
    expect(first!.unitName).toBe("井研县马踏镇人民政府");
    expect(first!.table.indicators[3]).toMatchObject({ operator: "=", target: "95", unit: "%", weight: 10 });
    expect(second!.table.indicators[1]).toMatchObject({ operator: ">=", weight: 40 });
    expect(second!.at.overallGoal?.cell).toBe("D8");
    expect(first!.notes).toContain("表中注明金额单位为元，资金按元读取");

    // Weights 50 in the first project: the weight rules apply, at the grid's table level.
    const c1 = checked(read, 0);
    expect(c1.findings.map((f) => f.code)).toContain("GOAL_WEIGHTS_NOT_100");
    const c2 = checked(read, 1);
    expect(c2.findings.map((f) => f.code)).not.toContain("GOAL_WEIGHTS_NOT_100");
  });

  it("a sheet with no header block: the name from the title, a finding says the header is missing", async () => {
    const read = await readOne(NO_HEADER);
    const t = read.tables[0]!;
    expect(t.hasHeaderBlock).toBe(false);
    expect(t.table.subjectName).toBe("城区学校校舍改造项目");
    expect(t.table.funds).toBeNull();
    // "指标3：" with no value is a spacer; "指标1：" prefixes are dropped.
    expect(t.table.indicators.map((i) => i.name)).toEqual([
      "改造校舍面积",
      "工程验收合格率",
      "新增学位数",
      "师生满意度",
    ]);
    const c = checked(read);
    expect(c.table.indicators[0]).toMatchObject({ level1: "产出指标", level2: "数量指标" });
    expect(c.writtenLevels[0]).toEqual({ level1: "项目完成指标", level2: "数量指标" });
    expect(codes(c)).toEqual(["- GOAL_CHECK_NO_HEADER", "- GOAL_OVERALL_MISSING"]);
    expect(c.findings[0]!.message).toContain("项目名称取自标题“城区学校校舍改造项目绩效目标表”");
  });

  it("a well-formed table written as the 财政部 guide's examples are gives no finding", async () => {
    const read = await readOne(WELL_FORMED);
    expect(read.issues).toEqual([]);
    const t = read.tables[0]!;
    expect(t.table.funds).toEqual({ total: 320_000_000, fiscal: 300_000_000, other: 20_000_000 });
    expect(t.departmentName).toBe("区教育局");
    const c = checked(read);
    expect(c.findings).toEqual([]);
  });
});

describe("parseOutsideGoalWorkbook: what it cannot read", () => {
  it("a sheet without an indicator grid is named; the others are read", async () => {
    const bytes = await workbook({ name: "填表说明", cells: { A1: "请按要求填写绩效目标表" } }, WELL_FORMED);
    const read = parseOutsideGoalWorkbook(bytes);
    expect(read.map((r) => [r.sheet, r.tables.length])).toEqual([
      ["填表说明", 0],
      ["示范", 1],
    ]);
    expect(read[0]!.issues[0]!.message).toMatch(/^工作表“填表说明”：找不到绩效指标表/);
  });

  it("a workbook with no indicator grid at all is refused, naming its sheets", async () => {
    const bytes = await workbook({ name: "预算表", cells: { A1: "项目名称", B1: "某项目", A2: "金额", B2: 12 } });
    expect(() => parseOutsideGoalWorkbook(bytes)).toThrow(/工作表“预算表”都找不到指标表头/);
  });

  it("junk, an old .xls, an empty or oversize file are refused with what to do", () => {
    expect(() => parseOutsideGoalWorkbook(Buffer.from("不是表格"))).toThrow("文件不是 Excel（.xlsx）工作簿");
    const ole = Buffer.alloc(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(() => parseOutsideGoalWorkbook(ole)).toThrow("另存为 .xlsx");
    expect(() => parseOutsideGoalWorkbook(Buffer.alloc(0))).toThrow("文件是空的");
    expect(() => parseOutsideGoalWorkbook(Buffer.alloc(MAX_UPLOAD_BYTES + 1))).toThrow("超过 10 MB 上限");
  });

  it("cells it cannot read are reported with their cell", async () => {
    const cells = { ...HUNAN.cells };
    cells.B4 = "约六十万";
    cells.D9 = "约";
    // Moved below the grid's last indicator: a row with an explanation and nothing else.
    delete cells.A14;
    cells.G14 = "反映培训的覆盖面";
    cells.A15 = "财政部门审核意见";
    const read = await readOne({ ...HUNAN, cells });
    expect(read.issues.map((i) => [i.cell, i.code])).toEqual([
      ["B4", "GOAL_CHECK_BAD_AMOUNT"],
      ["D9", "GOAL_CHECK_BAD_OPERATOR"],
      ["G14", "GOAL_CHECK_ROW_UNREAD"],
    ]);
    expect(read.issues[0]!.message).toBe("工作表“南县疾控”B4（年度本级预算金额）：“约六十万”不是金额");
    // The operator column could not be read: the value itself decides.
    expect(read.tables[0]!.table.indicators[1]).toMatchObject({ kind: "quantitative", operator: null, target: "95" });
  });
});
