import ExcelJS from "exceljs";

/**
 * Goal tables as counties publish them, laid out after published tables, for the tests of the checker
 * of outside goal tables (reader, CLI, API, page): 湖南 2023+ (年度本级预算金额, 指标值类型, 度量单位), the
 * 2018 财政部 template (资金情况 block, units inside the values), 青山区 (指标内容, satisfaction under
 * 效益指标), 井研 (projects in the grid, 指标性质, 权重, amounts in 元), a sheet with no header block, and
 * a well-formed table written as the 财政部 guide's examples are.
 */

export type Value = string | number | null;
export interface SheetSpec {
  name: string;
  cells: Record<string, Value>;
  merges?: string[];
  percent?: string[];
}

export async function workbook(...sheets: SheetSpec[]): Promise<Buffer> {
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
export function grid(first: number, rows: Value[][]): Record<string, Value> {
  const cells: Record<string, Value> = {};
  rows.forEach((row, i) => {
    row.forEach((v, c) => {
      if (v !== null) cells[`${String.fromCharCode(65 + c)}${first + i}`] = v;
    });
  });
  return cells;
}

export const HUNAN: SheetSpec = {
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

export const MOF_2018: SheetSpec = {
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

export const QINGSHAN: SheetSpec = {
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

export const JINGYAN: SheetSpec = {
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

export const NO_HEADER: SheetSpec = {
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
export const WELL_FORMED: SheetSpec = {
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
