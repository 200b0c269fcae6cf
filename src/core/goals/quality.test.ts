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
    code: "GOAL_SATISFACTION_AS_BENEFIT",
    severity: "warning",
    passes: [{ what: "satisfaction under 满意度指标", table: goodTable() }],
    fails: [
      {
        what: "满意 under 效益指标",
        table: table((t) => (row(t, 4).name = "群众满意度")),
        index: 4,
        field: "level1",
        says: ["名称含 “满意”"],
        suggests: "移到“满意度指标/服务对象满意度指标”下",
      },
    ],
  },
  {
    code: "GOAL_VAGUE",
    severity: "warning",
    passes: [{ what: "measurable wording", table: goodTable() }],
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
