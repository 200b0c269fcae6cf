import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradeOf } from "./grade";
import { readQuantity } from "./quantity";
import { DEFAULT_TIERS } from "./rules";
import { type IndicatorInput, type ScoreInput, scoreProject } from "./score-project";

const exec = (adjusted: number | null, executed: number | null, weight = 10): ScoreInput["execution"] => ({
  adjustedBudget: adjusted,
  executed,
  weight,
  method: { kind: "linear" },
});

const q = (over: Partial<IndicatorInput>): IndicatorInput => ({
  key: over.key ?? over.name ?? "k",
  level1: "产出指标",
  name: "数量",
  kind: "quantitative",
  operator: ">=",
  target: "50",
  unit: "个",
  weight: 10,
  actual: null,
  notApplicable: false,
  tier: null,
  points: null,
  ...over,
});

const one = (i: Partial<IndicatorInput>) => {
  const [first] = scoreProject({ execution: exec(100, 100), indicators: [q(i)], tiers: DEFAULT_TIERS }).indicators;
  if (!first) throw new Error("no indicator scored");
  return first;
};

describe("grades (domain.md §5: half-open bands)", () => {
  it.each([
    [9000, "excellent"],
    [8999, "good"],
    [8000, "good"],
    [7999, "fair"],
    [6000, "fair"],
    [5999, "poor"],
    [8950, "good"],
    [10000, "excellent"],
    [0, "poor"],
  ])("%i hundredths is %s", (h, grade) => {
    expect(gradeOf(h)).toBe(grade);
  });
});

describe("execution rate", () => {
  it("is executed over the adjusted budget, times its points", () => {
    const s = scoreProject({ execution: exec(2_000_000, 1_900_000), indicators: [], tiers: DEFAULT_TIERS });
    expect(s.execution).toMatchObject({ status: "scored", points: 9.5, rate: "95.00" });
    expect(s.execution.how).toContain("95.00%");
  });
  it("is capped at 100%", () => {
    const s = scoreProject({ execution: exec(100, 130), indicators: [], tiers: DEFAULT_TIERS });
    expect(s.execution).toMatchObject({ points: 10, full: true, rate: "130.00" });
    expect(s.execution.how).toContain("按100%计");
  });
  it("rounds half up to the hundredth", () => {
    // 1/3 × 10 = 3.333… → 3.33; 2/3 × 10 = 6.666… → 6.67
    expect(scoreProject({ execution: exec(3, 1), indicators: [], tiers: DEFAULT_TIERS }).execution.points).toBe(3.33);
    expect(scoreProject({ execution: exec(3, 2), indicators: [], tiers: DEFAULT_TIERS }).execution.points).toBe(6.67);
  });
  it("drops out without a budget, and cannot be scored without figures", () => {
    expect(scoreProject({ execution: exec(0, 0), indicators: [], tiers: DEFAULT_TIERS }).execution.status).toBe(
      "notApplicable",
    );
    expect(scoreProject({ execution: exec(null, 5), indicators: [], tiers: DEFAULT_TIERS }).execution.status).toBe(
      "unscorable",
    );
  });
  it("bands: the first band reached", () => {
    const bands = {
      kind: "bands" as const,
      bands: [
        { minRatePercent: 90, percentOfWeight: 100 },
        { minRatePercent: 80, percentOfWeight: 80 },
        { minRatePercent: 60, percentOfWeight: 50 },
      ],
    };
    const run = (executed: number) =>
      scoreProject({ execution: { ...exec(10_000, executed), method: bands }, indicators: [], tiers: DEFAULT_TIERS })
        .execution.points;
    expect(run(9000)).toBe(10);
    expect(run(8999)).toBe(8);
    expect(run(6000)).toBe(5);
    expect(run(5999)).toBe(0);
  });
});

describe("quantitative indicators", () => {
  it("≥: full when met, else actual / target × w", () => {
    expect(one({ actual: "50" })).toMatchObject({ points: 10, full: true });
    expect(one({ actual: "60" })).toMatchObject({ points: 10 });
    expect(one({ actual: "40" })).toMatchObject({ points: 8, full: false });
    expect(one({ actual: "0" }).points).toBe(0);
  });
  it("≤ (lower is better): full when met, else target / actual × w", () => {
    expect(one({ operator: "<=", target: "90", unit: "万元", actual: "85" }).points).toBe(10);
    expect(one({ operator: "<=", target: "90", unit: "万元", actual: "100" }).points).toBe(9);
    expect(one({ operator: "<=", target: "0", unit: "起", actual: "2" }).points).toBe(0);
    expect(one({ operator: "<=", target: "0", unit: "起", actual: "0" }).points).toBe(10);
  });
  it("=: full when equal, else the smaller over the larger", () => {
    expect(one({ operator: "=", target: "100", unit: "%", actual: "100%" }).points).toBe(10);
    expect(one({ operator: "=", target: "100", unit: "%", actual: "98" }).points).toBe(9.8);
    expect(one({ operator: "=", target: "100", unit: "%", actual: "125" }).points).toBe(8);
  });
  it("reads values as tables carry them", () => {
    expect(one({ target: "≥95%", unit: null, actual: "９８％" }).points).toBe(10);
    expect(one({ target: "75", unit: "元", actual: "60元", weight: 5 }).points).toBe(4);
    expect(one({ target: "1,200", unit: "人", actual: "1,080人" }).points).toBe(9);
  });
  it("never guesses: no actual, no number, or another unit is unscorable", () => {
    expect(one({ actual: null }).status).toBe("unscorable");
    expect(one({ actual: "约50" })).toMatchObject({ status: "unscorable", how: expect.stringContaining("不是数值") });
    expect(one({ target: "按期", actual: "50" }).status).toBe("unscorable");
    expect(one({ target: "90", unit: "万元", actual: "900000元" })).toMatchObject({
      status: "unscorable",
      how: expect.stringContaining("单位"),
    });
  });
  it("a table without an operator is read as ≥, and says so", () => {
    expect(one({ operator: null, actual: "55" })).toMatchObject({
      points: 10,
      how: expect.stringContaining("按“≥”计"),
    });
  });
});

describe("qualitative indicators", () => {
  const ql = (tier: IndicatorInput["tier"], points: number | null) =>
    one({ kind: "qualitative", operator: null, target: "按期完成", unit: null, tier, points });
  it("takes the assessor's points inside the tier", () => {
    expect(ql("achieved", 9)).toMatchObject({ status: "scored", points: 9, tier: "achieved" });
    expect(ql("achieved", 8)).toMatchObject({ status: "scored", points: 8 });
    expect(ql("partly", 7.99)).toMatchObject({ status: "scored", tier: "partly" });
    expect(ql("partly", 6)).toMatchObject({ status: "scored" });
    expect(ql("notAchieved", 0)).toMatchObject({ status: "scored", points: 0 });
  });
  it("refuses points outside the tier or above the weight", () => {
    expect(ql("achieved", 7.99).status).toBe("unscorable");
    expect(ql("partly", 8).status).toBe("unscorable");
    expect(ql("notAchieved", 6).status).toBe("unscorable");
    expect(ql("achieved", 10.01)).toMatchObject({ status: "unscorable", how: expect.stringContaining("超过分值") });
    expect(ql("achieved", null).status).toBe("unscorable");
    expect(ql(null, null).status).toBe("unscorable");
  });
  it("without a tier (a table from elsewhere) takes the stated points and names their tier", () => {
    expect(ql(null, 6.5)).toMatchObject({ status: "scored", tier: "partly" });
  });
});

describe("the total", () => {
  const full: IndicatorInput[] = [
    q({ key: "a", level1: "产出指标", weight: 50, actual: "50" }),
    q({ key: "b", level1: "效益指标", weight: 30, actual: "45" }),
    q({ key: "c", level1: "满意度指标", weight: 10, target: "90", unit: "%", actual: "81%" }),
  ];
  it("adds the rounded items and grades the sum", () => {
    const s = scoreProject({ execution: exec(1000, 950), indicators: full, tiers: DEFAULT_TIERS });
    // 9.5 + 50 + 27 + 9 = 95.5
    expect(s).toMatchObject({ total: 95.5, grade: "excellent", sum: 95.5, unscorable: 0 });
  });
  it("exactly 90 is 优 and 89.99 is 良", () => {
    const at = (actualC: string) =>
      scoreProject({
        execution: exec(100, 100),
        indicators: [
          q({ key: "a", weight: 50, actual: "50" }),
          q({ key: "b", level1: "效益指标", weight: 30, actual: "50" }),
          q({ key: "c", level1: "满意度指标", weight: 10, target: "10000", unit: "人", actual: actualC }),
        ],
        tiers: DEFAULT_TIERS,
      });
    expect(at("0")).toMatchObject({ total: 90, grade: "excellent" });
    expect(at("1")).toMatchObject({ total: 90, grade: "excellent" }); // 0.001 rounds to 0.00
    const below = scoreProject({
      execution: exec(10_000, 9_990),
      indicators: [q({ key: "a", weight: 90, actual: "50" })],
      tiers: DEFAULT_TIERS,
    });
    expect(below).toMatchObject({ total: 99.99, grade: "excellent" });
    const s = scoreProject({
      execution: exec(10_000, 9_990),
      indicators: [q({ key: "a", weight: 80, actual: "50" })],
      tiers: DEFAULT_TIERS,
    });
    expect(s).toMatchObject({ total: 89.99, grade: "good" });
  });
  it("not-applicable indicators drop out and the rest is rescaled to 100", () => {
    const s = scoreProject({
      execution: exec(100, 100),
      indicators: [
        q({ key: "a", weight: 50, actual: "25" }),
        q({ key: "b", level1: "效益指标", weight: 30, actual: "50" }),
        q({ key: "c", level1: "满意度指标", weight: 10, notApplicable: true }),
      ],
      tiers: DEFAULT_TIERS,
    });
    // (10 + 25 + 30) / 90 × 100 = 72.222… → 72.22
    expect(s).toMatchObject({ sum: 65, applicableWeight: 90, total: 72.22, grade: "fair" });
    expect(s.indicators[2]?.status).toBe("notApplicable");
  });
  it("one unscorable item leaves the total unknown, not 0", () => {
    const s = scoreProject({
      execution: exec(100, 100),
      indicators: [q({ weight: 90, actual: null })],
      tiers: DEFAULT_TIERS,
    });
    expect(s).toMatchObject({ total: null, grade: null, unscorable: 1 });
  });
});

describe("properties", () => {
  const indicator = fc.record({
    kind: fc.constantFrom("quantitative" as const, "qualitative" as const),
    operator: fc.constantFrom(">=" as const, "<=" as const, "=" as const, null),
    target: fc.integer({ min: 0, max: 100_000 }),
    actual: fc.integer({ min: -100, max: 200_000 }),
    weightH: fc.integer({ min: 0, max: 5000 }),
    share: fc.integer({ min: 0, max: 100 }),
    notApplicable: fc.boolean(),
  });
  it("a score is within 0–100 and each item within its weight", () => {
    fc.assert(
      fc.property(
        fc.array(indicator, { maxLength: 12 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: -1000, max: 2e9 }),
        (rows, budget, executed) => {
          const total = rows.reduce((s, r) => s + r.weightH, 0);
          const scale = total > 9000 ? 9000 / total : 1;
          const inputs = rows.map((r, n) => {
            const w = Math.floor(r.weightH * scale) / 100;
            return q({
              key: String(n),
              kind: r.kind,
              operator: r.kind === "qualitative" ? null : r.operator,
              target: String(r.target),
              unit: null,
              weight: w,
              actual: String(r.actual),
              notApplicable: r.notApplicable,
              points: Math.floor(((w * r.share) / 100) * 100) / 100,
            });
          });
          const s = scoreProject({ execution: exec(budget, executed), indicators: inputs, tiers: DEFAULT_TIERS });
          for (const item of [s.execution, ...s.indicators]) {
            if (item.points === null) continue;
            expect(item.points).toBeGreaterThanOrEqual(0);
            expect(item.points).toBeLessThanOrEqual(item.weight);
          }
          if (s.total !== null) {
            expect(s.total).toBeGreaterThanOrEqual(0);
            expect(s.total).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});

describe("readQuantity", () => {
  it.each([
    ["52", 52_000_000n, ""],
    ["≥95%", 95_000_000n, "%"],
    ["≤ 90万元", 90_000_000n, "万元"],
    ["1,200人", 1_200_000_000n, "人"],
    ["１００.５０％", 100_500_000n, "%"],
    ["大于等于3次", 3_000_000n, "次"],
  ])("%s", (raw, micro, unit) => {
    expect(readQuantity(raw)).toEqual({ micro, unit });
  });
  it.each(["约50", "", "按期完成", "1,2", "50-60"])("%s is not a number", (raw) => {
    expect(readQuantity(raw)).toBeNull();
    expect(readQuantity(raw)).toBeNull();
  });
  it("a text read again gives the same reading, which nobody can change (it is kept and shared)", () => {
    const first = readQuantity("≥98.5%")!;
    expect(readQuantity("≥98.5%")).toEqual({ micro: 98_500_000n, unit: "%" });
    expect(() => {
      (first as { micro: bigint }).micro = 1n;
    }).toThrow(TypeError);
    expect(readQuantity("≥98.5%")).toEqual({ micro: 98_500_000n, unit: "%" });
    expect(readQuantity("98.5 %")).toEqual({ micro: 98_500_000n, unit: "%" });
  });
});
