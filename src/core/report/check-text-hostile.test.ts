import { describe, expect, it } from "vitest";
import { checkSums } from "./check-sums";
import { checkText } from "./check-text";
import { recognise } from "./recognise";

// The check reads whatever is pasted (up to 200,000 characters) or typed into a template: its time and its
// answer must grow with the text, not with the square of it. Each text below took from seconds to minutes, or
// answered hundreds of megabytes, before; the bounds leave room for a slow, busy machine.
const MAX = 200_000;
const fill = (unit: string) => unit.repeat(Math.ceil(MAX / unit.length)).slice(0, MAX);

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

describe("the check on hostile text", () => {
  it("reads a long run of digits or numerals before a counting word once", () => {
    for (const text of [`${"9".repeat(100_000)}个项目的绩效自评`, `${"一".repeat(MAX - 1)}个`]) {
      const { value, ms } = timed(() => checkText(text));
      expect(value).toEqual([]);
      expect(ms).toBeLessThan(5_000);
    }
  });

  it("finds the sentence of each figure without splitting the text again for each", () => {
    const text = fill("红灯预警1个。");
    const { value, ms } = timed(() => recognise(text));
    expect(value.length).toBeGreaterThan(20_000);
    expect(value[1]!.sentence).toBe("红灯预警1个。");
    expect(ms).toBeLessThan(5_000);
  });

  it("adds each figure into one total at most: “1个共1个共…” is no sum of everything before", () => {
    const { value, ms } = timed(() => checkText(fill("1个共")));
    expect(value).toEqual([]);
    expect(ms).toBeLessThan(5_000);
    // Totals in a row each add their own parts.
    expect(checkSums("甲1个、乙1个，合计2个，丙3个、丁4个，合计7个。")).toEqual([]);
    expect(checkSums("甲1个、乙1个，合计2个，丙3个、丁4个，合计8个。").map((f) => f.computed)).toEqual(["7"]);
    // "其中" lists run to the next "其中".
    expect(checkSums("甲类2个，其中A 1个、B 1个；乙类3个，其中C 2个、D 1个。")).toEqual([]);
  });

  it("quotes a very long sentence around the figure, so the answer stays in step with the text", () => {
    const text = fill("红灯预警1个，红灯预警2个，");
    const { value, ms } = timed(() => checkText(text));
    expect(value.length).toBeGreaterThan(10_000);
    expect(Math.max(...value.map((f) => f.sentence.length))).toBeLessThanOrEqual(202);
    expect(value[0]!.sentence).toContain(value[0]!.printed);
    expect(JSON.stringify(value).length).toBeLessThan(50 * MAX);
    expect(ms).toBeLessThan(5_000);
  });

  it("adds many amounts of mixed decimals over a small denominator", () => {
    const parts = "0.1万元、0.12万元、0.123万元、".repeat(3_000);
    const { value, ms } = timed(() => checkSums(`${parts}合计1万元。`));
    expect(value.map((f) => f.computed)).toEqual(["1029万元"]);
    expect(ms).toBeLessThan(5_000);
  });
});
