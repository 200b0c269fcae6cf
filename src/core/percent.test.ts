import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { largestRemainderPercents, percent } from "./percent";

describe("percent", () => {
  it("matches the seed's shares, rounded half up to 2 decimals", () => {
    expect(percent(5, 54)).toBe("9.26");
    expect(percent(44, 54)).toBe("81.48");
    expect(percent(7, 97)).toBe("7.22");
    expect(percent(57, 97)).toBe("58.76");
    expect(percent(33, 97)).toBe("34.02");
    expect(percent(0, 97)).toBe("0.00");
    expect(percent(1, 0)).toBe("0.00");
    expect(percent(1, 8)).toBe("12.50");
  });

  it("splits a distribution into shares that add up to exactly 100.00", () => {
    expect(largestRemainderPercents([7, 57, 33, 0])).toEqual(["7.22", "58.76", "34.02", "0.00"]);
    expect(largestRemainderPercents([1, 1, 1])).toEqual(["33.34", "33.33", "33.33"]);
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { minLength: 1, maxLength: 8 }), (counts) => {
        const shares = largestRemainderPercents(counts);
        const total = shares.reduce((s, x) => s + Math.round(Number(x) * 100), 0);
        return counts.every((c) => c === 0) ? total === 0 : total === 10_000;
      }),
    );
  });
});

describe("percent of large money sums", () => {
  it("stays exact for fen totals beyond 2^53 / 1e6", () => {
    expect(percent(85_234_567_891, 94_100_000_000)).toBe("90.58");
    expect(percent(1, 3)).toBe("33.33");
  });
});
