import { describe, expect, it } from "vitest";
import { DEFAULT_GOAL_RULES } from "../core/goals/goal-rules";
import { checkOutsideTable, type OutsideSheetRead } from "../core/goals/outside-check";
import { MAX_UPLOAD_BYTES } from "../core/imports/spec";
import {
  grid,
  HUNAN,
  JINGYAN,
  MOF_2018,
  NO_HEADER,
  QINGSHAN,
  type SheetSpec,
  WELL_FORMED,
  workbook,
} from "./goal-check-samples";
import { nameFromTitle, parseOutsideGoalWorkbook, readIndicatorValue } from "./goal-check-xlsx-read";

/**
 * Goal tables as counties publish them, laid out after published tables: 湖南 2023+ (年度本级预算金额,
 * 指标值类型, 度量单位), the 2018 财政部 template (资金情况 block, units inside the values), 青山区 (指标内容,
 * satisfaction under 效益指标), 井研 (projects in the grid, 指标性质, 权重, amounts in 元), a sheet with no
 * header block, and a well-formed table written as the 财政部 guide's examples are.
 */

const readOne = async (spec: SheetSpec): Promise<OutsideSheetRead> => {
  const [read] = parseOutsideGoalWorkbook(await workbook(spec));
  return read!;
};
const checked = (read: OutsideSheetRead, i = 0) =>
  checkOutsideTable(read.tables[i]!, DEFAULT_GOAL_RULES, read.tables[i]!.fiscalYear ?? 2024);
const codes = (c: ReturnType<typeof checked>) => c.findings.map((f) => `${f.cell ?? "-"} ${f.code}`);

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
    // The faults of the issue's 青山区 table: a rate under 数量, 成本控制率, 下达率 as output, 稳步提高 as a
    // target and 进一步 in the annual goal, and a 效益 level with only 可持续影响 (at the grid's header).
    expect(codes(c)).toEqual([
      "A9 GOAL_BENEFIT_EXPECTED",
      "C7 GOAL_VAGUE",
      "D10 GOAL_QUANTITY_IS_RATE",
      "C12 GOAL_PROCESS_AS_OUTPUT",
      "C14 GOAL_COST_NOT_AMOUNT",
      "D15 GOAL_VAGUE",
    ]);
    // "100%" without an operator is read as "=", and the notes say so.
    expect(t.table.indicators[0]).toMatchObject({ operator: "=", target: "100", unit: "%" });
    expect(c.notes).toContain("1 个定量指标的指标值未写运算符（如“100%”“12所”），按“=”检查");
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

describe("parseOutsideGoalWorkbook: two grids on one sheet", () => {
  it("佳县 style: the 长期绩效指标 grid is set aside for the 年度绩效指标 grid below it", async () => {
    const read = await readOne({
      name: "佳县",
      merges: ["A5:A6", "A8:A9"],
      cells: {
        A1: "财政支出项目绩效目标申报表",
        ...grid(2, [
          ["项目名称", "农村道路养护"],
          ["长期目标", "三年内完成全县农村道路养护300公里"],
          ["年度目标", "本年度完成农村道路养护100公里，验收合格率100%"],
          ["长期绩效指标", "一级指标", "二级指标", "指标内容", "指标值"],
          [null, "产出指标", "数量指标", "养护里程", "≥300公里"],
          [],
          ["年度绩效指标", "一级指标", "二级指标", "指标内容", "指标值"],
          [null, "产出指标", "数量指标", "养护里程", "≥100公里"],
        ]),
      },
    });
    const t = read.tables[0]!;
    expect(t.table.overallGoal).toBe("本年度完成农村道路养护100公里，验收合格率100%");
    expect(t.longTermGoal).toBe("三年内完成全县农村道路养护300公里");
    expect(t.table.indicators.map((i) => i.target)).toEqual(["100"]);
    expect(t.at.indicators[0]!.row).toBe(9);
    expect(t.notes).toContain("第5行起的中长期指标未检查，检查第8行起的年度指标");
  });

  it("a second grid not marked as long-term is not read, and said so", async () => {
    const cells = {
      ...WELL_FORMED.cells,
      ...grid(16, [
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "另一个", "≥1个"],
      ]),
    };
    const read = await readOne({ ...WELL_FORMED, cells });
    expect(read.issues.map((i) => i.code)).toEqual(["GOAL_CHECK_SECOND_GRID"]);
    expect(read.tables[0]!.table.indicators).toHaveLength(7);
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
    // The operator column could not be read: the value itself decides ("95" alone is read as "=").
    expect(read.tables[0]!.table.indicators[1]).toMatchObject({ kind: "quantitative", operator: "=", target: "95" });
  });
});
