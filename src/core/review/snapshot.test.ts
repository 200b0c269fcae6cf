import { describe, expect, it } from "vitest";
import { diffSnapshots, isEmptyDiff, type ReviewSnapshot } from "./snapshot";

const item = (key: string, target: string | number | null, name = key) => ({
  key,
  label: name,
  group: "产出指标/数量指标",
  values: { name, target },
});
const snap = (overallGoal: string, ...items: ReturnType<typeof item>[]): ReviewSnapshot => ({
  fields: { overallGoal },
  items,
});

describe("diffSnapshots", () => {
  it("finds nothing between equal snapshots, trimming text and treating empty text as null", () => {
    const a = snap("完成改造", item("a", "50"), item("b", null));
    const b = snap(" 完成改造 ", item("a", "50 "), item("b", ""));
    expect(isEmptyDiff(diffSnapshots(a, b))).toBe(true);
  });

  it("reports added, removed and changed items with old and new values, and changed fields", () => {
    const before = snap("完成改造", item("a", "50"), item("b", "90"), item("c", "1"));
    const after = snap("完成 3 所学校改造", item("a", "60"), item("c", "1"), item("d", "100"));
    const d = diffSnapshots(before, after);
    expect(d.counts).toEqual({ added: 1, removed: 1, changed: 1, fields: 1 });
    expect(d.fields).toEqual([{ field: "overallGoal", before: "完成改造", after: "完成 3 所学校改造" }]);
    expect(d.items.map((i) => [i.status, i.key])).toEqual([
      ["changed", "a"],
      ["removed", "b"],
      ["added", "d"],
    ]);
    expect(d.items[0]).toMatchObject({ changes: [{ field: "target", before: "50", after: "60" }] });
    expect(d.items[1]).toMatchObject({ before: { target: "90" } });
  });

  it("matches by key, so a renamed item is a change, not a removal and an addition", () => {
    const d = diffSnapshots(snap("", item("a", "1", "旧名")), snap("", item("a", "1", "新名")));
    expect(d.items).toEqual([
      {
        status: "changed",
        key: "a",
        label: "新名",
        group: "产出指标/数量指标",
        changes: [{ field: "name", before: "旧名", after: "新名" }],
      },
    ]);
  });

  it("puts items removed at the end after the surviving ones, and compares numbers by value", () => {
    const d = diffSnapshots(snap("", item("a", 1), item("z", 2)), snap("", item("a", 1.0)));
    expect(d.items.map((i) => [i.status, i.key])).toEqual([["removed", "z"]]);
  });
});
