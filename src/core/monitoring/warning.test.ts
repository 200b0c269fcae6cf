import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_MONITORING_RULES, LIKELIHOODS, type Light, type Likelihood } from "./types";
import { executionLight, indicatorLight, reportLight, timeProgress } from "./warning";

const X15 = { redGapPoints: 15 };
// 12,000 元: 1% of it is 12,000 fen, 0.01% is 120 fen.
const BUDGET = 1_200_000;

describe("timeProgress", () => {
  it("is N/12 rounded half up to 2 decimals", () => {
    expect(timeProgress(7)).toBe("58.33");
    expect(timeProgress(6)).toBe("50.00");
    expect(timeProgress(8)).toBe("66.67");
    expect(timeProgress(12)).toBe("100.00");
    expect(timeProgress(1)).toBe("8.33");
  });

  it("refuses a month outside 1..12", () => {
    for (const n of [0, 13, 6.5, -1, Number.NaN]) expect(() => timeProgress(n)).toThrow(RangeError);
  });
});

describe("executionLight", () => {
  it("is red at a gap of exactly −15.00 points, yellow at −14.99, green at 0 (N = 6)", () => {
    const red = executionLight(BUDGET, 420_000, 6, X15); // 35.00% against 50.00%
    expect(red).toMatchObject({ light: "red", rate: "35.00", timeProgress: "50.00", gapPoints: "-15.00" });
    expect(red.reason).toBe("执行率 35.00%，低于时间进度 50.00%，差 15.00 个百分点，达到红灯线 15 个百分点");
    const yellow = executionLight(BUDGET, 420_120, 6, X15); // 35.01%
    expect(yellow).toMatchObject({ light: "yellow", rate: "35.01", gapPoints: "-14.99" });
    expect(yellow.reason).toBe("执行率 35.01%，低于时间进度 50.00%，差 14.99 个百分点");
    const green = executionLight(BUDGET, 600_000, 6, X15);
    expect(green).toMatchObject({ light: "green", rate: "50.00", gapPoints: "0.00" });
    expect(green.reason).toBe("执行率 50.00%，不低于时间进度 50.00%");
  });

  it("compares the exact gap when time progress is not a whole number of hundredths (N = 7)", () => {
    // 7/12 − 15% of 1,200,000 fen is exactly 520,000 fen.
    expect(executionLight(BUDGET, 520_000, 7, X15).light).toBe("red");
    const justAbove = executionLight(BUDGET, 520_001, 7, X15);
    expect(justAbove.light).toBe("yellow");
    // −14.9999… rounds to −15.00, but a yellow gap is never shown on the red side of the line.
    expect(justAbove.gapPoints).toBe("-14.99");
    // 7/12 of the budget is 700,000 fen.
    expect(executionLight(BUDGET, 700_000, 7, X15).light).toBe("green");
    const hair = executionLight(BUDGET, 699_999, 7, X15);
    expect(hair).toMatchObject({ light: "yellow", rate: "58.33", gapPoints: "-0.01" });
  });

  it("words red, yellow and green as the form does", () => {
    expect(executionLight(BUDGET, 374_400, 7, X15).reason).toBe(
      "执行率 31.20%，低于时间进度 58.33%，差 27.13 个百分点，达到红灯线 15 个百分点",
    );
    expect(executionLight(BUDGET, 600_000, 7, X15).reason).toBe("执行率 50.00%，低于时间进度 58.33%，差 8.33 个百分点");
    expect(executionLight(BUDGET, 720_000, 7, X15).reason).toBe("执行率 60.00%，不低于时间进度 58.33%");
  });

  it("measures against 100% at N = 12", () => {
    expect(executionLight(BUDGET, BUDGET, 12, X15)).toMatchObject({ light: "green", timeProgress: "100.00" });
    expect(executionLight(BUDGET, 1_020_000, 12, X15)).toMatchObject({ light: "red", rate: "85.00" });
    const y = executionLight(BUDGET, 1_020_012, 12, X15); // 85.001%
    expect(y).toMatchObject({ light: "yellow", rate: "85.00", gapPoints: "-14.99" });
    expect(executionLight(BUDGET, 1_500_000, 12, X15)).toMatchObject({ light: "green", rate: "125.00" });
  });

  it("takes a threshold with decimals", () => {
    const x = { redGapPoints: 12.5 };
    // 50% − 12.5% of 1,200,000 fen = 450,000 fen.
    const red = executionLight(BUDGET, 450_000, 6, x);
    expect(red.light).toBe("red");
    expect(red.reason).toBe("执行率 37.50%，低于时间进度 50.00%，差 12.50 个百分点，达到红灯线 12.5 个百分点");
    expect(executionLight(BUDGET, 450_120, 6, x)).toMatchObject({ light: "yellow", gapPoints: "-12.49" });
    expect(executionLight(BUDGET, 450_001, 6, { redGapPoints: 12.49 }).light).toBe("red");
    expect(() => executionLight(BUDGET, 0, 6, { redGapPoints: 12.345 })).toThrow(RangeError);
    expect(() => executionLight(BUDGET, 0, 6, { redGapPoints: 0 })).toThrow(RangeError);
  });

  it("does not compute a rate on a budget of zero", () => {
    expect(executionLight(0, 50_000, 7, X15)).toEqual({
      light: "none",
      rate: null,
      timeProgress: "58.33",
      gapPoints: null,
      reason: "全年预算数为 0，不计算执行率",
    });
    expect(executionLight(-100, 0, 7, X15)).toMatchObject({ light: "none", rate: null });
  });

  it("refuses amounts that are not integer fen", () => {
    expect(() => executionLight(100.5, 0, 7, X15)).toThrow(RangeError);
    expect(() => executionLight(100, Number.NaN, 7, X15)).toThrow(RangeError);
  });
});

const RANK: Record<Light, number> = { red: 0, yellow: 1, green: 2, none: -1 };
const budgetArb = fc.integer({ min: 1, max: 1e13 });
const monthArb = fc.integer({ min: 1, max: 12 });
const xArb = fc.integer({ min: 1, max: 10_000 }).map((h) => h / 100);

describe("executionLight properties", () => {
  it("never improves when execution falls", () => {
    fc.assert(
      fc.property(
        budgetArb,
        fc.integer({ min: -1e13, max: 2e13 }),
        fc.integer({ min: -1e13, max: 2e13 }),
        monthArb,
        xArb,
        (budget, a, b, n, x) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const rules = { redGapPoints: x };
          return (
            RANK[executionLight(budget, low, n, rules).light] <= RANK[executionLight(budget, high, n, rules).light]
          );
        },
      ),
    );
  });

  it("shows a gap that agrees with its light", () => {
    fc.assert(
      fc.property(budgetArb, fc.integer({ min: 0, max: 2e13 }), monthArb, xArb, (budget, executed, n, x) => {
        const r = executionLight(budget, executed, n, { redGapPoints: x });
        const gap = Math.round(Number(r.gapPoints) * 100);
        const xh = Math.round(x * 100);
        if (r.light === "green") return gap >= 0;
        if (r.light === "red") return gap <= -xh;
        return r.light === "yellow" && gap < 0 && (xh === 1 || gap > -xh);
      }),
    );
  });
});

describe("indicatorLight", () => {
  it("maps each likelihood to a light and names the indicator", () => {
    expect(indicatorLight("impossible", "受益学生人数")).toEqual({
      light: "red",
      reason: "指标“受益学生人数”预计完全不可能完成",
    });
    expect(indicatorLight("possible").light).toBe("yellow");
    expect(indicatorLight("certain").light).toBe("green");
    expect(indicatorLight(null, "满意度")).toEqual({ light: "none", reason: "指标“满意度”尚未填写完成目标可能性" });
  });
});

describe("reportLight", () => {
  const rules = DEFAULT_MONITORING_RULES;
  const base = { budget: BUDGET, cutoffMonth: 6 };
  const item = (name: string, likelihood: Likelihood | null) => ({ name, likelihood });

  it("is red when an indicator is impossible, even with execution on time, and lists every cause", () => {
    const r = reportLight(
      { ...base, executed: 500_000, items: [item("A", "certain"), item("B", "impossible"), item("C", "impossible")] },
      rules,
    );
    expect(r.light).toBe("red");
    expect(r.execution.light).toBe("yellow");
    expect(r.reasons).toEqual([
      "指标“B”预计完全不可能完成",
      "指标“C”预计完全不可能完成",
      "执行率 41.67%，低于时间进度 50.00%，差 8.33 个百分点",
    ]);
  });

  it("is red on red execution alone", () => {
    const r = reportLight({ ...base, executed: 0, items: [item("A", "certain")] }, rules);
    expect(r.light).toBe("red");
    expect(r.reasons).toEqual(["执行率 0.00%，低于时间进度 50.00%，差 50.00 个百分点，达到红灯线 15 个百分点"]);
  });

  it("makes a 有可能 indicator yellow only when the rules say so", () => {
    const input = { ...base, executed: 600_000, items: [item("A", "possible")] };
    expect(reportLight(input, rules)).toMatchObject({
      light: "green",
      reasons: ["执行率 50.00%，不低于时间进度 50.00%"],
    });
    expect(reportLight(input, { ...rules, possibleMakesYellow: true })).toMatchObject({
      light: "yellow",
      reasons: ["指标“A”预计有可能完成"],
    });
  });

  it("is yellow on yellow execution", () => {
    const r = reportLight({ ...base, executed: 500_000, items: [item("A", "certain")] }, rules);
    expect(r.light).toBe("yellow");
    expect(r.reasons).toHaveLength(1);
  });

  it("lets the indicators decide alone when the budget is zero", () => {
    const zero = { budget: 0, executed: 0, cutoffMonth: 7 };
    const none = "全年预算数为 0，不计算执行率";
    expect(reportLight({ ...zero, items: [item("A", "certain"), item("B", null)] }, rules)).toMatchObject({
      light: "none",
      reasons: [none, "尚有指标未填写完成目标可能性"],
    });
    expect(reportLight({ ...zero, items: [] }, rules).light).toBe("none");
    expect(reportLight({ ...zero, items: [item("A", "certain")] }, rules)).toMatchObject({
      light: "green",
      reasons: [none, "各指标均预计确定能完成"],
    });
    expect(reportLight({ ...zero, items: [item("A", "impossible"), item("B", null)] }, rules)).toMatchObject({
      light: "red",
      reasons: ["指标“A”预计完全不可能完成"],
    });
    const possible = { ...zero, items: [item("A", "possible"), item("B", "certain")] };
    expect(reportLight(possible, { ...rules, possibleMakesYellow: true }).light).toBe("yellow");
    expect(reportLight(possible, rules).light).toBe("green");
  });

  it("is red whenever an indicator is impossible (property)", () => {
    const likelihood = fc.constantFrom<Likelihood | null>(...LIKELIHOODS, null);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.integer({ min: 0, max: 2e13 }),
        monthArb,
        xArb,
        fc.boolean(),
        fc.array(likelihood, { maxLength: 6 }),
        fc.nat(6),
        (budget, executed, n, x, possibleMakesYellow, others, at) => {
          const likelihoods = [...others];
          likelihoods.splice(Math.min(at, others.length), 0, "impossible");
          const r = reportLight(
            { budget, executed, cutoffMonth: n, items: likelihoods.map((l, i) => item(`指标${i}`, l)) },
            { ...rules, redGapPoints: x, possibleMakesYellow },
          );
          return r.light === "red" && r.reasons.some((s) => s.includes("完全不可能"));
        },
      ),
    );
  });
});
