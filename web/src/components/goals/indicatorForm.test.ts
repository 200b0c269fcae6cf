import { describe, expect, it } from "vitest";
import type { GoalIndicator } from "../../../../src/core/goals/types";
import { spreadRemaining, weightHundredths } from "./indicatorForm";

const row = (weight: number): GoalIndicator => ({
  level1: "产出指标",
  level2: "数量指标",
  name: "x",
  kind: "quantitative",
  operator: ">=",
  target: "1",
  unit: "个",
  weight,
  explanation: null,
});

describe("spreadRemaining", () => {
  it("gives the weight still missing to the rows without one, to the hundredth", () => {
    const spread = spreadRemaining([row(50), row(0), row(0), row(0)], 10_000);
    expect(spread.map((r) => r.weight)).toEqual([50, 16.67, 16.67, 16.66]);
    expect(weightHundredths(spread)).toBe(10_000);
  });

  it("changes nothing when the total is already reached or no row waits for a weight", () => {
    expect(spreadRemaining([row(100), row(0)], 10_000).map((r) => r.weight)).toEqual([100, 0]);
    expect(spreadRemaining([row(60), row(20)], 10_000).map((r) => r.weight)).toEqual([60, 20]);
  });
});
