import { describe, expect, it } from "vitest";
import { rowSpans } from "./spans";

describe("rowSpans", () => {
  it("merges runs of equal keys and leaves the covered rows at 0", () => {
    expect(rowSpans(["产出", "产出", "产出", "效益", "满意度", "满意度"])).toEqual([3, 0, 0, 1, 2, 0]);
  });

  it("starts a new cell when a key comes back after another", () => {
    expect(rowSpans(["a", "b", "a"])).toEqual([1, 1, 1]);
  });

  it("spans nothing in an empty column", () => {
    expect(rowSpans([])).toEqual([]);
  });

  it("covers every row exactly once", () => {
    const keys = ["x", "x", "y", "y", "y", "z", "x"];
    const spans = rowSpans(keys);
    expect(spans.reduce((a, b) => a + b, 0)).toBe(keys.length);
  });
});
