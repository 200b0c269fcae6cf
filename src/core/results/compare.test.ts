import { describe, expect, it } from "vitest";
import { checkRequests } from "./check-requests";
import { compareSimulations } from "./compare";
import { type BudgetRequest, effectiveResult, type SimulationInputs } from "./inputs";
import { simulate } from "./simulate";

const req = (projectCode: string, departmentId: number, amount: number): BudgetRequest => ({
  projectCode,
  projectName: `项目${projectCode}`,
  departmentId,
  departmentName: departmentId === 1 ? "教育局" : "卫健委",
  amount,
});
const data: SimulationInputs = {
  requests: [req("P1", 1, 1_000_000), req("P2", 1, 2_000_000), req("P3", 2, 3_000_000)],
  results: [
    { projectCode: "P1", source: "selfEval", score: 7000n },
    { projectCode: "P3", source: "selfEval", score: 5000n },
  ],
  departmentScores: [
    { departmentId: 1, score: 7500n },
    { departmentId: 2, score: 8500n },
  ],
  rectification: [],
  monitoringReds: [],
};
const bySeed = simulate(
  { budgetYear: 2025, name: "部门得分", rules: [{ kind: "departmentScore", priority: 1, percent: 10 }] },
  data,
);
const byGrade = simulate(
  {
    budgetYear: 2025,
    name: "按等级",
    rules: [
      { kind: "grade", priority: 1, grade: "fair", action: "cut", percent: 10 },
      { kind: "grade", priority: 1, grade: "poor", action: "suspend" },
    ],
  },
  data,
);

describe("compareSimulations", () => {
  const c = compareSimulations([
    { label: "部门得分", simulation: bySeed },
    { label: "按等级", simulation: byGrade },
  ]);
  it("lines up the totals and each department, with the difference from the first", () => {
    expect(c.labels).toEqual(["部门得分", "按等级"]);
    expect(c.totals.map((t) => [t.adjusted, t.cut])).toEqual([
      [2, 300_000],
      [2, 3_100_000],
    ]);
    expect(c.departments.map((d) => [d.departmentName, d.figures.map((f) => f?.cut), d.newAmountDiff])).toEqual([
      ["教育局", [300_000, 100_000], [0, 200_000]],
      ["卫健委", [0, 3_000_000], [0, -3_000_000]],
    ]);
  });
  it("lines up each project and marks those the rule sets treat differently", () => {
    expect(c.projects.map((p) => [p.projectCode, p.figures.map((f) => f?.action), p.newAmountDiff, p.differs])).toEqual(
      [
        ["P1", ["cut", "cut"], [0, 0], false],
        ["P2", ["cut", "keep"], [0, 200_000], true],
        ["P3", ["keep", "suspend"], [0, -3_000_000], true],
      ],
    );
    expect(c.projects[2]!.figures[1]!.rule).toBe("按评价等级：差 暂缓安排");
  });
  it("shows a project one simulation lacks as null", () => {
    const fewer = simulate(
      { budgetYear: 2025, name: "少", rules: [{ kind: "departmentScore", priority: 1, percent: 10 }] },
      { ...data, requests: data.requests.slice(0, 2) },
    );
    const c2 = compareSimulations([
      { label: "甲", simulation: bySeed },
      { label: "乙", simulation: fewer },
    ]);
    expect(c2.projects[2]).toMatchObject({
      projectCode: "P3",
      figures: [{ newAmount: 3_000_000 }, null],
      newAmountDiff: [0, -3_000_000],
      differs: true,
    });
    expect(() => compareSimulations([{ label: "甲", simulation: bySeed }])).toThrow("比较须有 2 到 6 个模拟结果");
  });
});

describe("inputs", () => {
  it("reports a request for a project that is not this year's, and never drops it", () => {
    expect(checkRequests([req("P1", 1, 1), req("ZZ", 1, 1)], new Set(["P1"]))).toEqual([
      { field: "requests.1.projectCode", message: "第2行：项目编码 ZZ 不是本年度的项目" },
    ]);
  });
  it("the grade that counts: key evaluation, then department evaluation, review, self-evaluation", () => {
    const r = (source: "keyEval" | "deptEval" | "review" | "selfEval", score: bigint) => ({
      projectCode: "P",
      source,
      score,
    });
    expect(effectiveResult([r("selfEval", 9500n), r("review", 8000n)])?.score).toBe(8000n);
    expect(effectiveResult([r("deptEval", 7000n), r("review", 8000n), r("keyEval", 6000n)])?.score).toBe(6000n);
    expect(effectiveResult([])).toBeNull();
  });
});
