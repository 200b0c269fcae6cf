import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkGoalTable,
  compilePolicy,
  DEFAULT_GOAL_POLICY,
  GOAL_RULES,
  type GoalFinding,
  type GoalFindingField,
  type GoalRulePolicy,
} from "./quality";
import { generateTables, goodTable } from "./test-tables";
import { DEFAULT_TEMPLATE, type GoalIndicator, type GoalTable, type IndicatorTemplate } from "./types";

/** The good table with some changes. */
function table(change: (t: GoalTable) => void): GoalTable {
  const t = goodTable();
  change(t);
  return t;
}
const row = (t: GoalTable, i: number): GoalIndicator => t.indicators[i]!;

const three = (weights: [number, number, number], kinds: GoalIndicator["kind"][] = []): GoalTable =>
  table((t) => {
    t.indicators = [row(t, 0), row(t, 4), row(t, 6)].map((x, i) => ({
      ...x,
      weight: weights[i]!,
      ...(kinds[i] === "qualitative"
        ? { kind: "qualitative" as const, operator: null, target: "按期完成", unit: null }
        : {}),
    }));
  });

const codes = (t: GoalTable, ctx?: Parameters<typeof checkGoalTable>[1]) =>
  checkGoalTable(t, ctx).findings.map((f) => f.code);

interface FailCase {
  what: string;
  table: GoalTable;
  /** The row the finding is on (0-based), or null for the whole table. */
  index: number | null;
  field: GoalFindingField | null;
  /** Texts the message must contain, besides the row and name (checked for row findings). */
  says: string[];
  suggests?: string;
}

interface RuleCase {
  code: string;
  severity: "error" | "warning";
  passes: { what: string; table: GoalTable }[];
  fails: FailCase[];
}

const CASES: RuleCase[] = [
  {
    code: "GOAL_OVERALL_MISSING",
    severity: "error",
    passes: [{ what: "exactly 10 characters", table: table((t) => (t.overallGoal = " 完成三所学校校舍改造 ")) }],
    fails: [
      {
        what: "too short",
        table: table((t) => (t.overallGoal = "改造校舍")),
        index: null,
        field: "overallGoal",
        says: ["只有 4 个字"],
      },
      {
        what: "empty",
        table: table((t) => (t.overallGoal = "  ")),
        index: null,
        field: "overallGoal",
        says: ["未填写"],
      },
    ],
  },
  {
    code: "GOAL_UNKNOWN_LEVEL",
    severity: "error",
    passes: [{ what: "template levels, with stray spaces", table: table((t) => (row(t, 0).level1 = " 产出指标 ")) }],
    fails: [
      {
        what: "unknown level 1",
        table: table((t) => (row(t, 4).level1 = "成效指标")),
        index: 4,
        field: "level1",
        says: ["“成效指标”不在本年度指标体系中", "“产出指标”、“效益指标”、“满意度指标”"],
        suggests: "把一级指标改为“效益指标”",
      },
      {
        what: "level 2 without its suffix",
        table: table((t) => (row(t, 0).level2 = "数量")),
        index: 0,
        field: "level2",
        says: ["“数量”不属于一级指标“产出指标”", "“数量指标”、“质量指标”、“时效指标”、“成本指标”"],
        suggests: "把二级指标改为“数量指标”",
      },
      {
        what: "level 2 of another level 1",
        table: table((t) => (row(t, 6).level2 = "数量指标")),
        index: 6,
        field: "level2",
        says: ["“数量指标”不属于一级指标“满意度指标”"],
        suggests: "“数量指标”属于一级指标“产出指标”",
      },
    ],
  },
  {
    code: "GOAL_LEVEL1_EMPTY",
    severity: "error",
    passes: [{ what: "one indicator under each level 1", table: three([40, 40, 20]) }],
    fails: [
      {
        what: "no satisfaction indicator",
        table: table((t) => t.indicators.pop()),
        index: null,
        field: "indicators",
        says: ["一级指标“满意度指标”下没有任何三级指标"],
        suggests: "“服务对象满意度指标”",
      },
    ],
  },
  {
    code: "GOAL_TOO_FEW",
    severity: "error",
    passes: [{ what: "exactly the minimum", table: three([40, 40, 20]) }],
    fails: [
      {
        what: "two indicators",
        table: table((t) => t.indicators.splice(1, 5)),
        index: null,
        field: "indicators",
        says: ["只有 2 个三级指标，至少需要 3 个"],
        suggests: "再补充 1 个",
      },
    ],
  },
  {
    code: "GOAL_WEIGHTS_NOT_100",
    severity: "error",
    passes: [
      { what: "33.33 + 33.33 + 33.34", table: three([33.33, 33.33, 33.34]) },
      { what: "0.1 + 0.2 + 99.7 (float sums)", table: three([0.1, 0.2, 99.7]) },
    ],
    fails: [
      {
        what: "sum 95",
        table: table((t) => (row(t, 0).weight = 15)),
        index: null,
        field: "indicators",
        says: ["权重合计为 95，应为 100"],
        suggests: "还差 5",
      },
      {
        what: "sum 100.01",
        table: three([33.34, 33.33, 33.34]),
        index: null,
        field: "indicators",
        says: ["权重合计为 100.01，应为 100"],
        suggests: "多出 0.01",
      },
    ],
  },
  {
    code: "GOAL_WEIGHT_INVALID",
    severity: "error",
    passes: [{ what: "two decimals", table: three([33.33, 33.33, 33.34]) }],
    fails: [
      {
        what: "zero",
        table: table((t) => (row(t, 3).weight = 0)),
        index: 3,
        field: "weight",
        says: ["权重为 0，须大于 0"],
      },
      { what: "negative", table: table((t) => (row(t, 3).weight = -5)), index: 3, field: "weight", says: ["须大于 0"] },
      {
        what: "over the total",
        table: table((t) => (row(t, 3).weight = 150)),
        index: 3,
        field: "weight",
        says: ["超过总分 100"],
      },
      {
        what: "three decimals",
        table: table((t) => (row(t, 3).weight = 5.005)),
        index: 3,
        field: "weight",
        says: ["超过两位小数"],
        suggests: "保留两位小数",
      },
      {
        what: "not a number",
        table: table((t) => (row(t, 3).weight = Number.NaN)),
        index: 3,
        field: "weight",
        says: ["不是有效数字"],
      },
    ],
  },
  {
    code: "GOAL_OPERATOR_MISSING",
    severity: "error",
    passes: [{ what: "qualitative without operator", table: goodTable() }],
    fails: [
      {
        what: "quantitative, null",
        table: table((t) => (row(t, 0).operator = null)),
        index: 0,
        field: "operator",
        says: ["未选择运算符"],
      },
    ],
  },
  {
    code: "GOAL_TARGET_NOT_NUMBER",
    severity: "error",
    passes: [
      { what: "95.5", table: table((t) => (row(t, 6).target = "95.5")) },
      { what: "1,200 (good table)", table: goodTable() },
      { what: "qualitative text", table: table((t) => (row(t, 2).target = "按期完成")) },
    ],
    fails: [
      {
        what: "95%以上",
        table: table((t) => (row(t, 6).target = "95%以上")),
        index: 6,
        field: "target",
        says: ["目标值“95%以上”不是数字"],
        suggests: "目标值只填数字“95”",
      },
      {
        what: "较好",
        table: table((t) => (row(t, 6).target = "较好")),
        index: 6,
        field: "target",
        says: ["“较好”不是数字"],
      },
    ],
  },
  {
    code: "GOAL_UNIT_MISSING",
    severity: "error",
    passes: [{ what: "qualitative without unit", table: goodTable() }],
    fails: [
      { what: "null", table: table((t) => (row(t, 4).unit = null)), index: 4, field: "unit", says: ["未填写计量单位"] },
      { what: "blank", table: table((t) => (row(t, 4).unit = " ")), index: 4, field: "unit", says: ["未填写计量单位"] },
    ],
  },
  {
    code: "GOAL_TARGET_MISSING",
    severity: "error",
    passes: [{ what: "every target filled", table: goodTable() }],
    fails: [
      {
        what: "qualitative",
        table: table((t) => (row(t, 2).target = "")),
        index: 2,
        field: "target",
        says: ["未填写目标值"],
      },
      {
        what: "quantitative",
        table: table((t) => (row(t, 0).target = " ")),
        index: 0,
        field: "target",
        says: ["未填写目标值"],
      },
    ],
  },
  {
    code: "GOAL_NAME_MISSING",
    severity: "error",
    passes: [{ what: "every name filled", table: goodTable() }],
    fails: [
      {
        what: "empty name",
        table: table((t) => (row(t, 1).name = "")),
        index: 1,
        field: "name",
        says: ["第2行“产出指标/质量指标/（未填名称）”", "未填写指标名称"],
      },
    ],
  },
  {
    code: "GOAL_DUPLICATE_INDICATOR",
    severity: "warning",
    passes: [
      {
        what: "same name under another level 2",
        table: table((t) => t.indicators.push({ ...row(t, 0), level2: "质量指标", weight: 0.01 })),
      },
    ],
    fails: [
      {
        what: "same level 2 and name",
        table: table((t) => t.indicators.push({ ...row(t, 0), name: " 改造校舍面积 " })),
        index: 7,
        field: "name",
        says: ["与第1行重复"],
      },
    ],
  },
  {
    code: "GOAL_INPUT_AS_OUTPUT",
    severity: "warning",
    passes: [
      { what: "money unit under 成本指标", table: goodTable() },
      { what: "input word under 成本指标", table: table((t) => (row(t, 3).name = "补助资金标准")) },
    ],
    fails: [
      {
        what: "input words in the name",
        table: table((t) => (row(t, 0).name = "专项资金拨付额")),
        index: 0,
        field: "name",
        says: ["名称含 “资金”、“拨付”", "不是产出"],
        suggests: "“成本指标”",
      },
      {
        what: "longest word reported",
        table: table((t) => (row(t, 0).name = "补助资金到位数")),
        index: 0,
        field: "name",
        says: ["名称含 “补助资金”，"],
      },
      {
        what: "money unit",
        table: table((t) => Object.assign(row(t, 0), { name: "完成投资额", unit: "万元" })),
        index: 0,
        field: "unit",
        says: ["计量单位为“万元”"],
      },
    ],
  },
  {
    code: "GOAL_QUANTITY_IS_RATE",
    severity: "warning",
    passes: [
      {
        what: "a count: ≥12所",
        table: table((t) => Object.assign(row(t, 0), { name: "改造学校数", target: "12", unit: "所" })),
      },
      {
        what: "a count of people: ≥24人",
        table: table((t) => Object.assign(row(t, 0), { name: "受助学生数", target: "24", unit: "人" })),
      },
      { what: "a rate under 质量指标", table: goodTable() },
    ],
    fails: [
      {
        what: "a coverage rate in %",
        table: table((t) => Object.assign(row(t, 0), { name: "农村义务教育学校改造覆盖率", target: "100", unit: "%" })),
        index: 0,
        field: "unit",
        says: ["数量指标计量单位为“%”，衡量的是比率而不是数量"],
        suggests: "改为实际完成的数量",
      },
      {
        what: "a rate by its name, without a unit",
        table: table((t) => Object.assign(row(t, 0), { name: "种植作物成活率", target: "85", unit: "" })),
        index: 0,
        field: "name",
        says: ["名称“种植作物成活率”是比率"],
      },
    ],
  },
  {
    code: "GOAL_COST_NOT_AMOUNT",
    severity: "warning",
    passes: [
      { what: "a unit cost in 元", table: goodTable() },
      {
        what: "an amount: ≤16万元",
        table: table((t) => Object.assign(row(t, 3), { name: "项目总成本", target: "16", unit: "万元" })),
      },
      {
        what: "a cost per person",
        table: table((t) => Object.assign(row(t, 3), { name: "生均补助标准", target: "1000", unit: "元/人" })),
      },
    ],
    fails: [
      {
        what: "成本控制率 100%",
        table: table((t) =>
          Object.assign(row(t, 3), { name: "建设项目成本控制率", operator: "=", target: "100", unit: "%" }),
        ),
        index: 3,
        field: "name",
        says: ["名称“建设项目成本控制率”是比率", "不是金额或单位成本"],
        suggests: "写成控制的金额或单位成本",
      },
      {
        what: "a cost without a money unit",
        table: table((t) => Object.assign(row(t, 3), { name: "维修成本", unit: "平方米" })),
        index: 3,
        field: "unit",
        says: ["计量单位为“平方米”"],
      },
    ],
  },
  {
    code: "GOAL_PROCESS_AS_OUTPUT",
    severity: "warning",
    passes: [
      {
        what: "a timely payment",
        table: table((t) =>
          Object.assign(row(t, 2), {
            kind: "quantitative",
            operator: ">=",
            name: "资助资金按时发放率",
            target: "95",
            unit: "%",
          }),
        ),
      },
      { what: "outputs only", table: goodTable() },
    ],
    fails: [
      {
        what: "资金下达率 under 时效指标",
        table: table((t) =>
          Object.assign(row(t, 2), {
            kind: "quantitative",
            operator: "=",
            name: "预算资金当年下达率",
            target: "100",
            unit: "%",
          }),
        ),
        index: 2,
        field: "name",
        says: ["产出指标名称含 “下达率”，反映的是预算执行过程，不是产出"],
        suggests: "删去此指标（预算执行率单独考核）",
      },
    ],
  },
  {
    code: "GOAL_SATISFACTION_MISPLACED",
    severity: "warning",
    passes: [
      { what: "satisfaction under 满意度指标", table: goodTable() },
      {
        what: "a count of satisfaction surveys under 数量指标",
        table: table((t) =>
          Object.assign(row(t, 0), { name: "开展满意度调查次数", operator: ">=", target: "2", unit: "次" }),
        ),
      },
    ],
    fails: [
      {
        what: "满意 under 效益指标",
        table: table((t) => Object.assign(row(t, 4), { name: "群众满意度", target: "90", unit: "%" })),
        index: 4,
        field: "level1",
        says: ["名称含 “满意”，是满意度指标，却列在“效益指标/社会效益指标”下"],
        suggests: "移到“满意度指标/服务对象满意度指标”下",
      },
      {
        what: "满意 under 质量指标",
        table: table((t) => Object.assign(row(t, 1), { name: "学生满意度", operator: ">=", target: "90" })),
        index: 1,
        field: "level1",
        says: ["却列在“产出指标/质量指标”下"],
      },
    ],
  },
  {
    code: "GOAL_COST_OVER_FUNDS",
    severity: "warning",
    passes: [
      { what: "a unit cost", table: goodTable() },
      {
        what: "≤16万元 within the funds",
        table: table((t) => Object.assign(row(t, 3), { name: "项目总成本", target: "16", unit: "万元" })),
      },
      {
        what: "the whole funds",
        table: table((t) => Object.assign(row(t, 3), { name: "项目总成本", target: "500", unit: "万元" })),
      },
      {
        what: "no funds known (a table read from a file without them)",
        table: table((t) => {
          t.funds = null;
          Object.assign(row(t, 3), { name: "项目总成本", target: "6,000,000", unit: "元" });
        }),
      },
    ],
    fails: [
      {
        what: "a total cost above the funds",
        table: table((t) => Object.assign(row(t, 3), { name: "项目总成本", target: "6,000,000", unit: "元" })),
        index: 3,
        field: "target",
        says: ["成本 6,000,000元 超过项目资金 500万元"],
        suggests: "核对成本金额和计量单位",
      },
    ],
  },
  {
    code: "GOAL_AMOUNT_UNIT_SLIP",
    severity: "warning",
    passes: [
      { what: "≤1,200 元 per square metre", table: goodTable() },
      {
        what: "a small item in 元",
        table: table((t) => Object.assign(row(t, 3), { name: "宣传印刷费", target: "2,000", unit: "元" })),
      },
      {
        what: "人均培训成本 in 元",
        table: table((t) => Object.assign(row(t, 3), { name: "人均培训成本", target: "300", unit: "元" })),
      },
    ],
    fails: [
      {
        what: "元 typed as 万元",
        table: table((t) => (row(t, 3).unit = "万元")),
        index: 3,
        field: "unit",
        says: ["成本 1,200万元 超过项目资金 500万元", "疑似把“元”写成了“万元”"],
        suggests: "若是 1,200 元，把计量单位改为“元”",
      },
      {
        what: "万元 typed as 元",
        table: table((t) => Object.assign(row(t, 3), { name: "项目总成本", target: "450", unit: "元" })),
        index: 3,
        field: "unit",
        says: ["总成本 450元", "疑似把“万元”写成了“元”"],
        suggests: "若是 450 万元",
      },
    ],
  },
  {
    code: "GOAL_MULTI_YEAR",
    severity: "warning",
    passes: [
      { what: "a date in the fiscal year", table: goodTable() },
      {
        what: "last year as the baseline",
        table: table((t) =>
          Object.assign(row(t, 5), { name: "较2023年新增学位数", target: "600", unit: "个", operator: ">=" }),
        ),
      },
      {
        what: "the school year that starts in the fiscal year",
        table: table((t) => (row(t, 2).target = "2024-2025学年秋季学期开学前完工")),
      },
    ],
    fails: [
      {
        what: "a target in a later year",
        table: table((t) => (row(t, 2).target = "2025年底前完工")),
        index: 2,
        field: "target",
        says: ["目标值“2025年底前完工”提到 “2025年”，不是 2024 年度的目标"],
        suggests: "改为 2024 年内要达到的值",
      },
      {
        what: "a multi-year overall goal",
        table: table((t) => (t.overallGoal = "2024—2026年完成全区12所学校校舍改造，三年内消除危房。")),
        index: null,
        field: "overallGoal",
        says: ["年度总体目标提到 “2024—2026年”、“三年内”"],
      },
    ],
  },
  {
    code: "GOAL_BENEFIT_EXPECTED",
    severity: "warning",
    passes: [
      { what: "a 社会效益 indicator", table: goodTable() },
      {
        what: "an 节能环保 table with both",
        table: table((t) => {
          t.sector = "节能环保";
          Object.assign(row(t, 5), { level2: "生态效益指标", name: "减少碳排放量", target: "120", unit: "吨" });
        }),
      },
    ],
    fails: [
      {
        what: "only 可持续影响",
        table: table((t) => (row(t, 4).level2 = "可持续影响指标")),
        index: null,
        field: "indicators",
        says: ["效益指标下没有 “社会效益指标”", "现有 “可持续影响指标”"],
        suggests: "补充 “社会效益指标”",
      },
      {
        what: "an 节能环保 table without 生态效益",
        table: table((t) => (t.sector = "节能环保")),
        index: null,
        field: "indicators",
        says: ["效益指标下没有 “生态效益指标”（节能环保行业的项目应有）"],
      },
    ],
  },
  {
    code: "GOAL_OVERALL_FIGURE",
    severity: "warning",
    passes: [
      { what: "every figure carried (90%以上 as ≥90)", table: goodTable() },
      {
        what: "an indicator stricter than the goal (≥95% for 90%以上)",
        table: table((t) => (row(t, 6).target = "95")),
      },
      {
        what: "a figure of the scope without a rate (3所学校)",
        table: table((t) => (t.overallGoal = "完成3所学校校舍改造，改善办学条件。")),
      },
    ],
    fails: [
      {
        what: "a rate no indicator carries",
        table: table((t) => (t.overallGoal = "完成校舍改造5000平方米，工程优良率达到85%。")),
        index: null,
        field: "overallGoal",
        says: ["年度总体目标写“工程优良率达到85%”，没有哪个指标的目标值是 85%"],
      },
      {
        what: "a figure the indicator contradicts",
        table: table((t) => (row(t, 6).target = "85")),
        index: 6,
        field: "target",
        says: ["年度总体目标写“师生满意度达到90%以上”", "目标值却是 ≥85%"],
        suggests: "改正其中一处",
      },
    ],
  },
  {
    code: "GOAL_VAGUE",
    severity: "warning",
    passes: [
      { what: "measurable wording", table: goodTable() },
      {
        what: "基本 as part of a name (基本公共卫生服务, the project's own name)",
        table: table((t) => {
          t.subjectName = "孤儿基本生活费";
          t.overallGoal = "2024年实施孤儿基本生活费发放，完成基本公共卫生服务建档5000平方米。";
          row(t, 0).name = "基本公共卫生服务建档面积";
        }),
      },
    ],
    fails: [
      {
        what: "vague target",
        table: table((t) => (row(t, 2).target = "进一步提高")),
        index: 2,
        field: "target",
        says: ["目标值“进一步提高”含模糊表述 “进一步”"],
        suggests: "把“进一步提高”改为可衡量的目标，如“≥95%”",
      },
      {
        what: "vague annual overall goal",
        table: table((t) => (t.overallGoal = "进一步提高农村学校办学条件，稳步提升教育质量。")),
        index: null,
        field: "overallGoal",
        says: ["年度总体目标含模糊表述 “进一步”、“稳步”"],
        suggests: "写明本年度要完成什么、达到多少",
      },
      {
        what: "vague name",
        table: table((t) => (row(t, 5).name = "校舍条件明显改善")),
        index: 5,
        field: "name",
        says: ["含模糊表述 “明显”"],
      },
    ],
  },
  {
    code: "GOAL_TOO_QUALITATIVE",
    severity: "warning",
    passes: [
      {
        what: "exactly half",
        table: table((t) => {
          t.indicators.splice(3, 1);
          for (const i of [0, 1]) row(t, i).kind = "qualitative";
        }),
      },
    ],
    fails: [
      {
        what: "two of three",
        table: three([40, 40, 20], ["qualitative", "qualitative", "quantitative"]),
        index: null,
        field: "indicators",
        says: ["定性指标 2 个，占 66.67%", "超过 50.00%"],
        suggests: "至少把 1 个定性指标改为定量指标",
      },
    ],
  },
  {
    code: "GOAL_PERCENT_OVER_100",
    severity: "warning",
    passes: [
      { what: "= 100 %", table: goodTable() },
      { what: "≤ 120 %", table: table((t) => Object.assign(row(t, 1), { operator: "<=", target: "120" })) },
    ],
    fails: [
      {
        what: "≥ 120 %",
        table: table((t) => Object.assign(row(t, 1), { operator: ">=", target: "120" })),
        index: 1,
        field: "target",
        says: ["目标值 ≥120%，超过 100%"],
      },
    ],
  },
];

describe("goal table quality rules", () => {
  it("has a case for every rule", () => {
    expect(CASES.map((c) => c.code).sort()).toEqual(GOAL_RULES.map((r) => r.code).sort());
    for (const r of GOAL_RULES) expect(CASES.find((c) => c.code === r.code)?.severity).toBe(r.severity);
  });

  it("finds nothing in a good, complete table", () => {
    expect(checkGoalTable(goodTable())).toEqual({ findings: [], errors: 0, warnings: 0, blocking: false });
  });

  for (const c of CASES) {
    describe(c.code, () => {
      for (const p of c.passes) {
        it(`passes: ${p.what}`, () => {
          expect(codes(p.table)).not.toContain(c.code);
        });
      }
      for (const f of c.fails) {
        it(`fails: ${f.what}`, () => {
          const result = checkGoalTable(f.table);
          const found = result.findings.filter((x) => x.code === c.code);
          expect(found).toHaveLength(1);
          const finding = found[0] as GoalFinding;
          expect(finding.severity).toBe(c.severity);
          expect(finding.indicatorIndex).toBe(f.index);
          expect(finding.field).toBe(f.field);
          if (f.index !== null) {
            const ind = f.table.indicators[f.index]!;
            expect(finding.message).toContain(`第${f.index + 1}行`);
            if (ind.name.trim() !== "") expect(finding.message).toContain(ind.name.trim());
            expect(finding.message).toContain(ind.level2.trim() || "（未填二级指标）");
          }
          for (const text of f.says) expect(finding.message).toContain(text);
          if (f.suggests) expect(finding.suggestion).toContain(f.suggests);
          expect(result.blocking).toBe(result.errors > 0);
          if (c.severity === "error") expect(result.blocking).toBe(true);
        });
      }
    });
  }
});

describe("checkGoalTable", () => {
  it("reads at most 40 figures of an overall goal pasted from anywhere", () => {
    const t = table((x) => {
      x.overallGoal = Array.from({ length: 2000 }, (_, i) => `达标率达到${(i % 900) / 10 + 1}%`).join("，");
    });
    const found = checkGoalTable(t).findings.filter((f) => f.code === "GOAL_OVERALL_FIGURE");
    expect(found.length).toBe(40);
  });

  it("reports a budget-execution rate under 数量 or 成本 once, as budget execution", () => {
    for (const at of [0, 3]) {
      const t = table((x) =>
        Object.assign(row(x, at), { name: "资金到位率", operator: "=", target: "100", unit: "%" }),
      );
      const onRow = checkGoalTable(t).findings.filter((f) => f.indicatorIndex === at);
      expect(onRow.map((f) => f.code)).toEqual(["GOAL_PROCESS_AS_OUTPUT"]);
    }
  });

  it("lists table-level findings first, then by row, then in rule order", () => {
    const t = table((x) => {
      x.overallGoal = "";
      row(x, 5).target = "较好";
      row(x, 5).unit = null;
      row(x, 1).name = "";
      row(x, 1).weight = 0;
    });
    const { findings, errors, warnings } = checkGoalTable(t);
    expect(findings.map((f) => [f.indicatorIndex, f.code])).toEqual([
      [null, "GOAL_OVERALL_MISSING"],
      [null, "GOAL_WEIGHTS_NOT_100"],
      [1, "GOAL_WEIGHT_INVALID"],
      [1, "GOAL_NAME_MISSING"],
      [5, "GOAL_TARGET_NOT_NUMBER"],
      [5, "GOAL_UNIT_MISSING"],
      [5, "GOAL_VAGUE"],
    ]);
    expect([errors, warnings]).toEqual([6, 1]);
  });

  it("warnings alone do not block submission", () => {
    const result = checkGoalTable(table((t) => (row(t, 2).target = "基本完成")));
    expect(result).toMatchObject({ errors: 0, warnings: 1, blocking: false });
  });

  it("reads its limits and word lists from the policy", () => {
    const strict: GoalRulePolicy = { ...DEFAULT_GOAL_POLICY, version: "test", minIndicators: 8, vagueWords: [] };
    const vague = table((t) => (row(t, 2).target = "进一步提高"));
    expect(codes(vague, { policy: strict })).toEqual(["GOAL_TOO_FEW"]);
    expect(compilePolicy(strict)).toBe(compilePolicy(strict));
  });

  it("reads the levels from the template: 成本 as its own level 1", () => {
    const withCost: IndicatorTemplate = {
      version: "2021.1",
      totalWeight: 100,
      levels: [
        { level1: "产出指标", level2: ["数量指标", "质量指标", "时效指标"] },
        { level1: "成本指标", level2: ["经济成本指标", "社会成本指标", "生态环境成本指标"] },
        ...DEFAULT_TEMPLATE.levels.slice(1),
      ],
    };
    const found = checkGoalTable(goodTable(), { template: withCost }).findings;
    expect(found.map((f) => [f.indicatorIndex, f.code])).toEqual([
      [null, "GOAL_LEVEL1_EMPTY"],
      [3, "GOAL_UNKNOWN_LEVEL"],
    ]);
    expect(found[0]?.message).toContain("“成本指标”");
  });

  it("checks a district's worth of generated tables", () => {
    const tables = generateTables(2_000, 7);
    const results = tables.map((t) => checkGoalTable(t));
    const total = results.reduce((s, r) => s + r.findings.length, 0);
    expect(total).toBeGreaterThan(1_000);
    for (const r of results) {
      expect(r.errors + r.warnings).toBe(r.findings.length);
      expect(r.blocking).toBe(r.errors > 0);
    }
    expect(results.filter((r) => r.findings.length === 0).length).toBeGreaterThan(0);
    const seen = new Set(results.flatMap((r) => r.findings.map((f) => f.code)));
    for (const rule of GOAL_RULES) expect(seen, rule.code).toContain(rule.code);
  });

  it("finds the same problems whatever the order of the indicators", () => {
    const pool = generateTables(50, 3).flatMap((t) => t.indicators);
    const indicator = fc.constantFrom(...pool).map((x) => ({ ...x }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(indicator, fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 20 }),
        (rows) => {
          const original = { ...goodTable(), indicators: rows.map(([x]) => x) };
          const shuffled = { ...original, indicators: [...rows].sort((a, b) => a[1] - b[1]).map(([x]) => x) };
          const multiset = (t: GoalTable) => codes(t).sort();
          expect(multiset(shuffled)).toEqual(multiset(original));
        },
      ),
    );
  });
});

/** Tables written as the MOF guide's examples and well-kept county tables are: no rule may fire on them. */
describe("well-formed tables pass with no finding", () => {
  const i = (
    level1: string,
    level2: string,
    name: string,
    operator: GoalIndicator["operator"],
    target: string,
    unit: string | null,
    weight: number,
  ): GoalIndicator => ({
    level1,
    level2,
    name,
    kind: operator === null ? "qualitative" : "quantitative",
    operator,
    target,
    unit,
    weight,
    explanation: null,
  });
  const base = { subjectKind: "project" as const, fiscalYear: 2024, sector: "教育" };
  const tables: GoalTable[] = [
    {
      ...base,
      subjectCode: "205-2024-011",
      subjectName: "普通高中国家助学金",
      funds: { total: 4_800_000, fiscal: 4_800_000, other: 0 },
      overallGoal: "按标准向24名家庭经济困难高中学生发放国家助学金，资助资金按时足额发放，受助学生满意度达到95%以上。",
      indicators: [
        i("产出指标", "数量指标", "受助学生人数", ">=", "24", "人", 20),
        i("产出指标", "质量指标", "资助对象认定准确率", "=", "100", "%", 10),
        i("产出指标", "时效指标", "资助资金按时发放率", ">=", "95", "%", 10),
        i("产出指标", "成本指标", "生均资助标准", "<=", "2,000", "元/人", 10),
        i("效益指标", "社会效益指标", "受助学生因经济困难辍学人数", "=", "0", "人", 20),
        i("效益指标", "可持续影响指标", "资助政策知晓率", ">=", "90", "%", 15),
        i("满意度指标", "服务对象满意度指标", "受助学生满意度", ">=", "95", "%", 15),
      ],
    },
    {
      ...base,
      subjectCode: "205-2024-012",
      subjectName: "农村学校校舍维修改造补助",
      funds: { total: 192_000_000, fiscal: 192_000_000, other: 0 },
      overallGoal: "完成12所农村学校校舍维修改造，消除校舍安全隐患，师生满意度达到90%以上。",
      indicators: [
        i("产出指标", "数量指标", "维修改造学校数", ">=", "12", "所", 20),
        i("产出指标", "质量指标", "工程验收合格率", "=", "100", "%", 10),
        i("产出指标", "时效指标", "完工时间", null, "2024年8月底前完工", null, 10),
        i("产出指标", "成本指标", "单校改造成本", "<=", "16", "万元", 10),
        i("效益指标", "社会效益指标", "校舍安全隐患消除率", "=", "100", "%", 20),
        i("效益指标", "可持续影响指标", "校舍设计使用年限", ">=", "20", "年", 15),
        i("满意度指标", "服务对象满意度指标", "师生满意度", ">=", "90", "%", 15),
      ],
    },
    {
      ...base,
      sector: "节能环保",
      subjectCode: "211-2024-003",
      subjectName: "农村生活污水治理",
      funds: { total: 600_000_000, fiscal: 500_000_000, other: 100_000_000 },
      overallGoal: "完成8个行政村生活污水收集管网建设，污水处理设施正常运行率达到95%，村民满意度不低于90%。",
      indicators: [
        i("产出指标", "数量指标", "新建污水收集管网长度", ">=", "12", "公里", 15),
        i("产出指标", "数量指标", "覆盖行政村数", ">=", "8", "个", 10),
        i("产出指标", "质量指标", "污水处理设施正常运行率", ">=", "95", "%", 10),
        i("产出指标", "时效指标", "工程完工及时率", "=", "100", "%", 5),
        i("产出指标", "成本指标", "管网建设总成本", "<=", "560", "万元", 10),
        i("效益指标", "社会效益指标", "受益农户数", ">=", "1,600", "户", 15),
        i("效益指标", "生态效益指标", "化学需氧量年削减量", ">=", "90", "吨", 15),
        i("满意度指标", "服务对象满意度指标", "村民满意度", ">=", "90", "%", 20),
      ],
    },
  ];
  for (const t of tables)
    it(t.subjectName, () => {
      expect(checkGoalTable(t).findings).toEqual([]);
    });
});
