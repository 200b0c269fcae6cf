import { describe, expect, it } from "vitest";
import type { BudgetRequest, SimulationInputs } from "./inputs";
import type { ResultRule, ResultRuleSet } from "./rules";
import { simulate } from "./simulate";

const req = (
  projectCode: string,
  departmentId: number,
  amount: number,
  extra: Partial<BudgetRequest> = {},
): BudgetRequest => ({
  projectCode,
  projectName: `项目${projectCode}`,
  departmentId,
  departmentName: ["", "教育局", "卫健委", "农业局"][departmentId]!,
  amount,
  ...extra,
});

/** Three departments averaging exactly 81.35: 教育局 below, 卫健委 above, 农业局 at the average. */
const inputs = (over: Partial<SimulationInputs> = {}): SimulationInputs => ({
  requests: [
    req("P01", 1, 100_000_005), // 1,000,000.05 元: 10% is 10,000,000.5 fen
    req("P02", 1, 333),
    req("P03", 2, 5_000_000),
    req("P04", 3, 2_000_000),
  ],
  results: [],
  departmentScores: [
    { departmentId: 1, score: 7820n },
    { departmentId: 2, score: 8450n },
    { departmentId: 3, score: 8135n },
  ],
  rectification: [],
  monitoringReds: [],
  ...over,
});
const set = (...rules: ResultRule[]): ResultRuleSet => ({ budgetYear: 2025, name: "测试规则", rules });
const DEPT10: ResultRule = { kind: "departmentScore", priority: 5, percent: 10 };
const row = (s: ReturnType<typeof simulate>, code: string) => s.rows.find((r) => r.projectCode === code)!;

describe("by department score", () => {
  const s = simulate(set(DEPT10), inputs());
  it("cuts the projects of a department below the average, half up to the fen, naming the scores", () => {
    expect(s.average).toBe(8135n);
    expect(row(s, "P01")).toMatchObject({
      action: "cut",
      request: 100_000_005,
      cut: 10_000_001,
      newAmount: 90_000_004,
      rule: { index: 0, label: "按部门得分：低于全区平均 核减10%" },
      reason: "教育局部门绩效考核得分78.20分，低于全区平均81.35分，按规则核减10%",
    });
    expect(row(s, "P02")).toMatchObject({ cut: 33, newAmount: 300 }); // 33.3 → 33
  });
  it("leaves a department above the average, and one exactly at it, as requested", () => {
    expect(row(s, "P03")).toMatchObject({
      action: "keep",
      cut: 0,
      newAmount: 5_000_000,
      rule: null,
      reason: "未触发调整规则，按申请数安排",
    });
    expect(row(s, "P04")).toMatchObject({ action: "keep", cut: 0, newAmount: 2_000_000, rule: null });
  });
  it("compares with the published average, not its unrounded value", () => {
    // 78.20, 84.50, 81.36: the mean 81.3533… is published as 81.35; 81.35 is then at it, not below.
    const s2 = simulate(
      set(DEPT10),
      inputs({
        departmentScores: [
          { departmentId: 1, score: 7820n },
          { departmentId: 2, score: 8450n },
          { departmentId: 3, score: 8136n },
        ],
        requests: [req("P04", 3, 100), req("P05", 4, 100, { departmentName: "水务局" })],
      }),
    );
    expect(s2.average).toBe(8135n);
    expect(row(s2, "P04").cut).toBe(0);
    // A department without a score is not averaged and not cut.
    expect(row(s2, "P05").rule).toBeNull();
  });
});

describe("by grade", () => {
  const grades = set(
    { kind: "grade", priority: 1, grade: "excellent", action: "raise", percent: 5, capFen: 200_000 },
    { kind: "grade", priority: 1, grade: "good", action: "keep" },
    { kind: "grade", priority: 1, grade: "fair", action: "cut", percent: 12.5 },
    { kind: "grade", priority: 1, grade: "poor", action: "cancel" },
  );
  const base = inputs({
    requests: [
      req("A", 2, 1_000_000),
      req("B", 2, 10_000_000),
      req("C", 2, 1_000_000),
      req("D", 2, 1_000_000),
      req("E", 2, 999),
    ],
    results: [
      { projectCode: "A", source: "selfEval", score: 9500n },
      { projectCode: "B", source: "review", score: 9000n, ref: "2024年抽查复核" },
      { projectCode: "C", source: "selfEval", score: 9600n },
      { projectCode: "C", source: "keyEval", score: 7250n, ref: "学前教育补助资金重点评价" },
      { projectCode: "D", source: "deptEval", score: 5999n, ref: "部门评价" }, // a ref that repeats the source is not repeated
      { projectCode: "E", source: "selfEval", score: 8999n },
    ],
  });
  const s = simulate(grades, base);
  it("raises 优 by p%, capped", () => {
    expect(row(s, "A")).toMatchObject({ action: "raise", raise: 50_000, cut: 0, newAmount: 1_050_000 });
    expect(row(s, "A").reason).toBe("单位自评得分95.00分，等级为优，按规则可增加至多5%（每项不超过0.20万元）");
    expect(row(s, "B")).toMatchObject({ raise: 200_000, newAmount: 10_200_000 }); // 5% would be 500,000
    expect(row(s, "B").reason).toMatch(/^抽查复核（2024年抽查复核）得分90\.00分，等级为优/);
  });
  it("takes the key evaluation's grade over the self-evaluation's", () => {
    expect(row(s, "C")).toMatchObject({ action: "cut", cut: 125_000, newAmount: 875_000 });
    expect(row(s, "C").reason).toBe("财政重点评价（学前教育补助资金重点评价）得分72.50分，等级为中，按规则核减12.5%");
  });
  it("cancels 差 and keeps 良", () => {
    expect(row(s, "D")).toMatchObject({
      action: "cancel",
      cut: 1_000_000,
      newAmount: 0,
      reason: "部门评价得分59.99分，等级为差，按规则取消",
    });
    expect(row(s, "E")).toMatchObject({
      action: "keep",
      cut: 0,
      newAmount: 999,
      reason: "单位自评得分89.99分，等级为良，按规则维持申请数",
    });
    expect(s.totals.adjusted).toBe(4);
  });
  it("suspends 差 when the rule says so, with the region's labels", () => {
    const s2 = simulate(set({ kind: "grade", priority: 1, grade: "poor", action: "suspend" }), base, {
      excellent: "一等",
      good: "二等",
      fair: "三等",
      poor: "四等",
    });
    expect(row(s2, "D")).toMatchObject({
      action: "suspend",
      cut: 1_000_000,
      newAmount: 0,
      reason: "部门评价得分59.99分，等级为四等，按规则暂缓安排",
    });
    expect(s2.totals).toMatchObject({ cut: 1_000_000, suspended: 1_000_000, cancelled: 0 });
  });
});

describe("by rectification and by monitoring", () => {
  const base = inputs({
    requests: [
      req("R1", 2, 1_000_000),
      req("R2", 2, 1_000_000),
      req("R3", 2, 1_000_000),
      req("M1", 2, 1_000_000),
      req("M2", 2, 1_000_000),
    ],
    rectification: [
      { projectCode: "R1", open: 3, overdue: 2, ref: "整改通知第5号" },
      { projectCode: "R2", open: 1, overdue: 0 },
      { projectCode: "R3", open: 0, overdue: 0 },
    ],
    monitoringReds: [
      { projectCode: "M1", month: 7, corrected: false },
      { projectCode: "M1", month: 6, corrected: false },
      { projectCode: "M2", month: 7, corrected: true },
    ],
  });
  const s = simulate(
    set(
      { kind: "rectification", priority: 1, trigger: "overdue", action: "suspend" },
      { kind: "rectification", priority: 2, trigger: "unrectified", action: "cut", percent: 5 },
      { kind: "monitoring", priority: 3, action: "cut", percent: 8 },
    ),
    base,
  );
  it("holds a project with overdue items and cuts one with open items", () => {
    expect(row(s, "R1")).toMatchObject({ action: "suspend", cut: 1_000_000, newAmount: 0 });
    expect(row(s, "R1").reason).toBe(
      "整改事项逾期未完成2项（整改通知第5号），按规则暂缓安排（另符合第2条规则，按优先级只适用一条）",
    );
    expect(row(s, "R1").alsoMet.map((r) => r.index)).toEqual([1]);
    expect(row(s, "R2")).toMatchObject({ action: "cut", cut: 50_000, reason: "整改事项1项未完成，按规则核减5%" });
    expect(row(s, "R3").rule).toBeNull();
  });
  it("cuts a red never corrected, not one put right", () => {
    expect(row(s, "M1")).toMatchObject({ cut: 80_000, reason: "绩效监控（6月、7月）亮红灯且未纠偏，按规则核减8%" });
    expect(row(s, "M2").rule).toBeNull();
  });
});

describe("priorities and exemptions", () => {
  const base = inputs({
    requests: [
      req("X", 1, 1_000_000),
      req("RIGID", 1, 1_000_000, { rigid: true }),
      req("KEY", 1, 1_000_000, { keyProject: true }),
      req("LISTED", 1, 1_000_000),
    ],
    results: ["X", "RIGID", "KEY", "LISTED"].map((projectCode) => ({
      projectCode,
      source: "selfEval" as const,
      score: 7000n,
    })),
  });
  const fair20: ResultRule = { kind: "grade", priority: 1, grade: "fair", action: "cut", percent: 20 };
  it("applies only the rule of highest priority (1 first), never both", () => {
    const first = simulate(set(DEPT10, fair20), base);
    expect(row(first, "X")).toMatchObject({ cut: 200_000, rule: { index: 1 }, alsoMet: [{ index: 0 }] });
    const swapped = simulate(set({ ...DEPT10, priority: 1 }, { ...fair20, priority: 2 }), base);
    expect(row(swapped, "X")).toMatchObject({ cut: 100_000, rule: { index: 0 }, alsoMet: [{ index: 1 }] });
  });
  it("exemptions come before every adjusting rule, whatever their place in the list", () => {
    const s = simulate(
      set(
        DEPT10,
        fair20,
        { kind: "exemption", exempt: "rigid" },
        { kind: "exemption", exempt: "keyProject" },
        { kind: "exemption", exempt: "codes", codes: ["LISTED"], note: "区政府民生实事" },
      ),
      base,
    );
    expect(row(s, "RIGID")).toMatchObject({
      action: "keep",
      cut: 0,
      newAmount: 1_000_000,
      rule: { index: 2, label: "豁免：刚性支出" },
      reason: "刚性支出，免于调整（另符合第2、1条规则，按优先级只适用一条）",
    });
    expect(row(s, "KEY").reason).toMatch(/^财政确定的重点项目，免于调整/);
    expect(row(s, "LISTED").reason).toMatch(/^规则列明的项目（区政府民生实事），免于调整/);
    expect(row(s, "X").cut).toBe(200_000);
    expect(s.totals.adjusted).toBe(1);
    expect(s.totals.byRule.map((r) => [r.label, r.projects, r.adjusted, r.cut])).toEqual([
      ["按部门得分：低于全区平均 核减10%", 0, 0, 0],
      ["按评价等级：中 核减20%", 1, 1, 200_000],
      ["豁免：刚性支出", 1, 0, 0],
      ["豁免：财政确定的重点项目", 1, 0, 0],
      ["豁免：规则列明的项目（区政府民生实事）", 1, 0, 0],
    ]);
  });
});

describe("totals", () => {
  it("are the exact sums of the rows, overall, per department (by name, in pinyin order) and per rule", () => {
    const s = simulate(set(DEPT10), inputs());
    const sum = (k: "request" | "cut" | "newAmount") => s.rows.reduce((a, r) => a + r[k], 0);
    expect(s.totals).toMatchObject({
      projects: 4,
      adjusted: 2,
      request: sum("request"),
      cut: sum("cut"),
      newAmount: sum("newAmount"),
    });
    expect(s.totals.cut).toBe(10_000_001 + 33);
    expect(s.totals.byDepartment.map((d) => [d.departmentName, d.projects, d.adjusted, d.cut])).toEqual([
      ["教育局", 2, 2, 10_000_034],
      ["农业局", 1, 0, 0],
      ["卫健委", 1, 0, 0],
    ]);
    expect(s.totals.byRule[0]).toMatchObject({ projects: 2, cut: 10_000_034 });
  });
  it("refuses requests that are not whole fen or repeat a code", () => {
    expect(() => simulate(set(DEPT10), inputs({ requests: [req("P", 1, 1.5)] }))).toThrow(
      "第1行：项目 P 的申请数须为不小于 0 的金额（精确到分）",
    );
    expect(() => simulate(set(DEPT10), inputs({ requests: [req("P", 1, 1), req("P", 2, 1)] }))).toThrow(
      "项目编码 P 与第1行重复",
    );
  });
});
