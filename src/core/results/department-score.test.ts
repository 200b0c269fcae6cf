import { describe, expect, it } from "vitest";
import { rectificationScore, selfEvalQuality, shareScore, timelinessScore } from "./components";
import {
  checkComponentValues,
  DEFAULT_DEPT_SCORE_TEMPLATE,
  type DepartmentComponents,
  type DeptScoreTemplate,
  departmentScore,
  rankDepartments,
  regionAverage,
  validateDeptScoreTemplate,
} from "./department-score";

const T = DEFAULT_DEPT_SCORE_TEMPLATE;
const all = (h: bigint) => ({ selfEvalQuality: h, deptEval: h, keyEval: h, rectification: h, taskTimeliness: h });

describe("department score template", () => {
  it("the default weighs 30/25/20/15/10", () => expect(validateDeptScoreTemplate(T)).toEqual([]));
  it("refuses weights not summing to 100, unknown or repeated components, bad weights", () => {
    const t: DeptScoreTemplate = {
      version: "x",
      components: [
        { key: "deptEval", weight: 50 },
        { key: "deptEval", weight: 30 },
        { key: "budget" as never, weight: 10 },
        { key: "keyEval", weight: 0.001 },
      ],
    };
    expect(validateDeptScoreTemplate(t).map((i) => `${i.field} ${i.message}`)).toEqual([
      "components.1.key 第2项：“部门评价”重复",
      "components.2.key 第3项：未知的考核内容“budget”",
      "components.3.weight 第4项：权重须大于 0、不超过 100，最多两位小数",
      "components 各项权重合计须为 100（现为 90.00）",
    ]);
  });
});

describe("departmentScore", () => {
  it("is the weighted sum, hundredths half up", () => {
    // 30×90 + 25×80 + 20×70 + 15×100 + 10×60 = 8200 → 82.00
    expect(
      departmentScore(T, {
        selfEvalQuality: 9000n,
        deptEval: 8000n,
        keyEval: 7000n,
        rectification: 10000n,
        taskTimeliness: 6000n,
      }),
    ).toBe(8200n);
    // 30×80.01 + 70×80.02 = 80.017 → 80.02 (half up on the exact value, not on each part)
    const t: DeptScoreTemplate = {
      version: "2",
      components: [
        { key: "deptEval", weight: 30 },
        { key: "keyEval", weight: 70 },
      ],
    };
    expect(departmentScore(t, { deptEval: 8001n, keyEval: 8002n })).toBe(8002n);
    // 50×80.01 + 50×80.02 = 80.015 → 80.02
    const half: DeptScoreTemplate = {
      version: "3",
      components: [
        { key: "deptEval", weight: 50 },
        { key: "keyEval", weight: 50 },
      ],
    };
    expect(departmentScore(half, { deptEval: 8001n, keyEval: 8002n })).toBe(8002n);
  });
  it("rescales over the components a department has", () => {
    // Without keyEval: (30×90 + 25×80 + 15×100 + 10×60) / 80 = 6800 / 80 = 85.00
    expect(
      departmentScore(T, { selfEvalQuality: 9000n, deptEval: 8000n, rectification: 10000n, taskTimeliness: 6000n }),
    ).toBe(8500n);
    expect(departmentScore(T, {})).toBeNull();
  });
  it("refuses a component outside 0–100", () => {
    expect(() => departmentScore(T, { deptEval: 10001n })).toThrow(RangeError);
    const rows: DepartmentComponents[] = [{ departmentId: 1, departmentName: "教育局", values: { keyEval: -1n } }];
    expect(checkComponentValues(rows)).toEqual([
      { field: "departments.0.keyEval", message: "教育局的“重点评价”得分须在 0 到 100 之间" },
    ]);
  });
});

describe("ranking and the region average", () => {
  it("averages the department scores simply, hundredths half up", () => {
    expect(regionAverage([8000n, 8001n])).toBe(8001n); // 80.005 → 80.01
    expect(regionAverage([8000n, 8000n, 8001n])).toBe(8000n);
    expect(regionAverage([])).toBeNull();
  });
  it("ranks ties together and skips the next rank; grades follow the bands; unscored come last", () => {
    const rows: DepartmentComponents[] = [
      { departmentId: 1, departmentName: "甲局", values: all(8500n) },
      { departmentId: 2, departmentName: "乙局", values: all(9000n) },
      { departmentId: 3, departmentName: "丙局", values: all(8500n) },
      { departmentId: 4, departmentName: "丁局", values: all(5950n) },
      { departmentId: 5, departmentName: "戊局", values: {} },
    ];
    const r = rankDepartments(T, rows);
    // (90 + 85 + 85 + 59.5) / 4 = 79.875 → 79.88
    expect(r.average).toBe(7988n);
    expect(r.rows.map((d) => [d.departmentName, d.score, d.rank, d.grade, d.belowAverage])).toEqual([
      ["乙局", 9000n, 1, "excellent", false],
      ["丙局", 8500n, 2, "good", false],
      ["甲局", 8500n, 2, "good", false],
      ["丁局", 5950n, 4, "poor", true],
      ["戊局", null, null, null, false],
    ]);
  });
  it("a department exactly at the average is not below it", () => {
    const rows: DepartmentComponents[] = [
      { departmentId: 1, departmentName: "甲", values: all(8000n) },
      { departmentId: 2, departmentName: "乙", values: all(8100n) },
      { departmentId: 3, departmentName: "丙", values: all(8200n) },
    ];
    expect(rankDepartments(T, rows).rows.map((d) => d.belowAverage)).toEqual([false, false, true]);
  });
});

describe("components", () => {
  it("shares are points out of 100, half up; nothing to measure is null", () => {
    expect(shareScore(2, 3)).toBe(6667n);
    expect(rectificationScore(5, 5)).toBe(10000n);
    expect(rectificationScore(0, 0)).toBeNull();
    expect(timelinessScore(1, 8)).toBe(1250n);
    expect(() => shareScore(4, 3)).toThrow(RangeError);
    expect(selfEvalQuality([8033n, 8034n])).toBe(8034n);
  });
});
