import { describe, expect, it } from "vitest";
import { listChanges, valueChange } from "./changes";

describe("configuration changes", () => {
  it("a value: one change with old and new, nothing when equal", () => {
    expect(valueChange("审核规则", "最少三级指标数", 3, 4)).toEqual([
      { kind: "changed", section: "审核规则", item: "最少三级指标数", before: "3", after: "4" },
    ]);
    expect(valueChange("审核规则", "最少三级指标数", 3, "3")).toEqual([]);
  });

  it("a list: each name added or removed, and the order only when nothing else changed", () => {
    expect(listChanges("s", "用语", ["a", "b", "c"], ["b", "d", "c"])).toEqual([
      { kind: "removed", section: "s", item: "用语", before: "a", after: null },
      { kind: "added", section: "s", item: "用语", before: null, after: "d" },
    ]);
    expect(listChanges("s", "用语", ["a", "b"], ["b", "a"])).toEqual([
      { kind: "changed", section: "s", item: "用语的顺序", before: "a、b", after: "b、a" },
    ]);
    expect(listChanges("s", "用语", ["a", "b"], ["a", "b"])).toEqual([]);
  });
});
