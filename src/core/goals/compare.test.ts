import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareGoalTables, indicatorChanges, rollYear } from "./compare";
import { goodTable } from "./test-tables";
import type { GoalIndicator, GoalTable } from "./types";

const lastYear = (): GoalTable => ({
  ...goodTable(),
  fiscalYear: 2023,
  funds: { total: 400_000_000, fiscal: 400_000_000, other: 0 },
  overallGoal: "2023年完成3所学校校舍改造5000平方米，师生满意度达到90%以上。",
});
const thisYear = (): GoalTable => ({
  ...goodTable(),
  overallGoal: "2024年完成3所学校校舍改造5000平方米，师生满意度达到90%以上。",
});

describe("compareGoalTables", () => {
  it("finds nothing changed when only the year moved on", () => {
    const c = compareGoalTables(lastYear(), thisYear());
    expect(c.counts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 7 });
    expect(c.overallGoal.changed).toBe(false);
    expect(c.indicators.every((d) => d.status === "unchanged" && d.matchedBy === "name")).toBe(true);
    expect(c.funds).toMatchObject({ change: 100_000_000, changeRate: "25.00" });
  });

  it("names added, removed and adjusted indicators with the fields that changed", () => {
    const now = thisYear();
    now.indicators[0]!.target = "6000"; // raised
    now.indicators[4]!.weight = 15;
    now.indicators[6]!.weight = 15;
    now.indicators.splice(5, 1); // dropped: 校舍设计使用年限
    now.indicators.push({ ...now.indicators[0]!, name: "新增学位校舍面积", target: "800" });
    now.overallGoal = "2024年完成4所学校校舍改造。";
    const c = compareGoalTables(lastYear(), now);
    expect(c.counts).toEqual({ added: 1, removed: 1, changed: 3, unchanged: 3 });
    expect(c.overallGoal.changed).toBe(true);
    const raised = c.indicators.find((d) => d.status === "changed" && d.current.name === "改造校舍面积");
    expect(raised?.status === "changed" && raised.changes).toEqual([
      { field: "target", before: "5000", after: "6000", trend: "up" },
    ]);
    const shifted = c.indicators.find((d) => d.status === "changed" && d.current.name === "新增学位数");
    expect(shifted?.status === "changed" && shifted.changes).toEqual([
      { field: "weight", before: 20, after: 15, trend: "down" },
    ]);
    expect(c.indicators.at(-1)).toMatchObject({ status: "removed", previousIndex: 5 });
    expect(c.indicators.find((d) => d.status === "added")).toMatchObject({ currentIndex: 6 });
  });

  it("pairs by uid first, so a renamed carried-over indicator is adjusted, not dropped and added", () => {
    const before = lastYear();
    before.indicators = before.indicators.map((i, n) => ({ ...i, uid: `u${n}` }));
    const after = thisYear();
    after.indicators = before.indicators.map((i) => ({ ...i }));
    after.indicators[1] = { ...after.indicators[1]!, name: "工程一次验收合格率", unit: " % " };
    const c = compareGoalTables(before, after);
    expect(c.counts).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 6 });
    const renamed = c.indicators[1]!;
    expect(renamed).toMatchObject({ status: "changed", matchedBy: "uid" });
    expect(renamed.status === "changed" && renamed.changes.map((x) => x.field)).toEqual(["name"]);
  });

  it("pairs repeated names in order and treats thousands separators, blank units and blank notes as equal", () => {
    const a: GoalIndicator = {
      level1: "产出指标",
      level2: "数量指标",
      name: "培训人次",
      kind: "quantitative",
      operator: ">=",
      target: "1,200",
      unit: "人次",
      weight: 10,
      explanation: null,
    };
    expect(indicatorChanges(a, { ...a, target: "1200", explanation: "  " })).toEqual([]);
    expect(indicatorChanges(a, { ...a, operator: "=", kind: "quantitative", weight: 10.004 })).toEqual([
      { field: "operator", before: ">=", after: "=", trend: null },
    ]);
    const before = { ...lastYear(), indicators: [a, { ...a, target: "50" }] };
    const after = { ...thisYear(), indicators: [{ ...a, target: "1200" }, { ...a, target: "60" }, { ...a }] };
    const c = compareGoalTables(before, after);
    expect(c.indicators.map((d) => d.status)).toEqual(["unchanged", "changed", "added"]);
  });

  it("reports no funds change when either year has no funds", () => {
    const c = compareGoalTables({ ...lastYear(), funds: null }, thisYear());
    expect(c.funds).toMatchObject({ before: null, change: null, changeRate: null });
    expect(
      compareGoalTables({ ...lastYear(), funds: { total: 0, fiscal: 0, other: 0 } }, thisYear()).funds,
    ).toMatchObject({ change: 500_000_000, changeRate: null });
  });

  it("moves year mentions on", () => {
    expect(rollYear("2023年底前完成，2023年度任务", 2023, 2024)).toBe("2024年底前完成，2024年度任务");
  });
});

// Tables of indicators with distinct names, some sharing uids with the base, edited at random.
const indicatorArb = fc.record({
  level1: fc.constantFrom("产出指标", "效益指标", "满意度指标"),
  level2: fc.constantFrom("数量指标", "质量指标", "社会效益指标"),
  kind: fc.constantFrom("quantitative" as const, "qualitative" as const),
  operator: fc.constantFrom(">=" as const, "<=" as const, "=" as const, null),
  target: fc.oneof(fc.integer({ min: 0, max: 500 }).map(String), fc.constantFrom("按期完成", "有效运行")),
  unit: fc.constantFrom("%", "个", null),
  weight: fc.integer({ min: 1, max: 3000 }).map((h) => h / 100),
  explanation: fc.constantFrom(null, "口径：年末数"),
});
const tableArb = fc
  .array(indicatorArb, { minLength: 0, maxLength: 14 })
  .map((list) => list.map((i, n): GoalIndicator => ({ ...i, name: `指标${n}`, uid: `u${n}` })));

type Edit = { kind: "keep" } | { kind: "drop" } | { kind: "retarget"; target: string } | { kind: "reweigh"; w: number };
const editArb = fc.oneof(
  fc.constant<Edit>({ kind: "keep" }),
  fc.constant<Edit>({ kind: "drop" }),
  fc.integer({ min: 501, max: 900 }).map((n): Edit => ({ kind: "retarget", target: String(n) })),
  fc.integer({ min: 3001, max: 4000 }).map((h): Edit => ({ kind: "reweigh", w: h / 100 })),
);

describe("compareGoalTables, properties", () => {
  const asTable = (fiscalYear: number, indicators: GoalIndicator[]): GoalTable => ({
    ...goodTable(),
    fiscalYear,
    indicators,
  });

  it("accounts for every indicator of both years exactly once", () => {
    fc.assert(
      fc.property(tableArb, tableArb, fc.boolean(), (a, b, withUids) => {
        const strip = (l: GoalIndicator[]) => (withUids ? l : l.map(({ uid: _u, ...i }) => i));
        const prev = asTable(2023, strip(a));
        const cur = asTable(2024, strip(b));
        const c = compareGoalTables(prev, cur);
        const paired = c.counts.unchanged + c.counts.changed;
        expect(paired + c.counts.removed).toBe(prev.indicators.length);
        expect(paired + c.counts.added).toBe(cur.indicators.length);
        const curIdx = c.indicators.flatMap((d) => ("currentIndex" in d ? [d.currentIndex] : []));
        const prevIdx = c.indicators.flatMap((d) => ("previousIndex" in d ? [d.previousIndex] : []));
        expect(curIdx).toEqual(cur.indicators.map((_, i) => i));
        expect([...prevIdx].sort((x, y) => x - y)).toEqual(prev.indicators.map((_, i) => i));
        // Swapping the years swaps added and removed.
        const back = compareGoalTables(cur, prev);
        expect(back.counts).toEqual({ ...c.counts, added: c.counts.removed, removed: c.counts.added });
        // A table compared with itself has nothing to report.
        expect(compareGoalTables(prev, { ...prev }).counts).toEqual({
          added: 0,
          removed: 0,
          changed: 0,
          unchanged: prev.indicators.length,
        });
      }),
      { numRuns: 300 },
    );
  });

  it("reports exactly the edits made to last year's table, whether paired by uid or by name", () => {
    fc.assert(
      fc.property(
        tableArb.chain((base) =>
          fc.tuple(fc.constant(base), fc.array(editArb, { minLength: base.length, maxLength: base.length })),
        ),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        fc.boolean(),
        ([base, edits], wanted, withUids, shuffle) => {
          // New indicators copy the first one under a new name (none when last year's table was empty).
          const added = base[0] ? wanted : 0;
          const next: GoalIndicator[] = [];
          const expected = { added, removed: 0, changed: 0, unchanged: 0 };
          for (const [n, ind] of base.entries()) {
            const e = edits[n]!;
            if (e.kind === "drop") expected.removed++;
            else if (e.kind === "keep") {
              expected.unchanged++;
              next.push({ ...ind });
            } else {
              expected.changed++;
              next.push(e.kind === "retarget" ? { ...ind, target: e.target } : { ...ind, weight: e.w });
            }
          }
          for (let k = 0; k < added; k++) next.push({ ...base[0]!, name: `新指标${k}`, uid: `n${k}` });
          const cur = shuffle ? [...next].reverse() : next;
          const strip = (l: GoalIndicator[]) => (withUids ? l : l.map(({ uid: _u, ...i }) => i));
          const c = compareGoalTables(asTable(2023, strip(base)), asTable(2024, strip(cur)));
          expect(c.counts).toEqual(expected);
          for (const d of c.indicators)
            if (d.status === "changed") expect(d.changes.map((x) => x.field)).toHaveLength(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
