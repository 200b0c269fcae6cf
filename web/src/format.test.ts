import { describe, expect, it } from "vitest";
import { percent } from "../../src/core/percent";
import { rateOf } from "./format";

describe("rates on screen", () => {
  it("are rounded once, from the exact amounts: 12,344.99 元 of 100,000 元 is 12.34%", () => {
    const executed = 1_234_499; // fen
    const budget = 10_000_000;
    expect(rateOf(executed, budget)).toBe("12.34%");
    // The float fraction, rounded to six places and then to two, would have said 12.35%.
    expect(`${percent(executed / budget, 1)}%`).toBe("12.35%");
  });

  it("shows a dash without a budget", () => {
    expect(rateOf(0, 0)).toBe("—");
  });
});
