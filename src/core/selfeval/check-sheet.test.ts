import { describe, expect, it } from "vitest";
import { checkSelfEvalSheet, sheetHasProblems } from "./check-sheet";
import { DEFAULT_SELFEVAL_RULES, type SelfEvalRules } from "./rules";
import type { CellAt, SelfEvalSheet } from "./sheet";
import { row, sampleSelfEvalSheet } from "./test-sheets";

const rules = DEFAULT_SELFEVAL_RULES;
const check = (s: SelfEvalSheet, r: SelfEvalRules = rules) => checkSelfEvalSheet(s, r);
const codes = (list: { code: string }[]) => list.map((f) => f.code);
const at = (letter: string, r: number, header = ""): CellAt => ({ row: r, column: { letter, header } });

function edit(change: (s: SelfEvalSheet) => void): SelfEvalSheet {
  const s = sampleSelfEvalSheet();
  change(s);
  return s;
}

describe("checkSelfEvalSheet: a sheet whose figures agree", () => {
  it("recomputes every score on the stated 分值 and finds nothing", () => {
    const c = check(sampleSelfEvalSheet());
    expect(c.differences).toEqual([]);
    expect(c.contradictions).toEqual([]);
    expect(c.unscorable).toEqual([]);
    expect(c).toMatchObject({ statedTotal: 95.2, computedTotal: 95.2, grade: "excellent" });
    expect(c.score.execution).toMatchObject({ points: 9.5, rate: "95.00" });
    expect(c.score.indicators.map((i) => i.points)).toEqual([19.2, 15, 10, 5, 13.5, 13, 10]);
    expect(sheetHasProblems(c)).toBe(false);
  });

  it("treats differences under 0.01 as the same figure, and 0.01 as a difference", () => {
    const close = edit((s) => {
      s.rows[0]!.points = 19.204;
      s.statedTotal = 95.204;
    });
    expect(check(close).differences).toEqual([]);
    const off = edit((s) => {
      s.rows[0]!.points = 19.21;
      s.statedTotal = 95.21;
    });
    expect(codes(check(off).differences)).toEqual(["SELFEVAL_POINTS_DIFFER", "SELFEVAL_TOTAL_DIFFERS"]);
  });
});

describe("differences: the stated figure against the computed one", () => {
  it("names the cell, the stated and computed points and how they came out", () => {
    const s = edit((x) => {
      x.rows[0]!.points = 20;
      x.rows[0]!.at = {
        row: 14,
        name: null,
        target: null,
        actual: null,
        weight: null,
        points: at("H", 14, "得分"),
        deviationNote: null,
      };
      x.statedTotal = 96;
    });
    const c = check(s);
    expect(c.differences[0]).toMatchObject({
      code: "SELFEVAL_POINTS_DIFFER",
      cell: "H14",
      item: "三级指标“改造校舍面积”得分",
      stated: 20,
      computed: 19.2,
      unit: "分",
    });
    expect(c.differences[0]!.message).toContain("实际 4800 ÷ 目标 5000 × 分值 20.00 = 19.20");
    expect(c.differences[1]).toMatchObject({ code: "SELFEVAL_TOTAL_DIFFERS", stated: 96, computed: 95.2 });
    // 96 is also what the stated points add up to: no contradiction between the sheet's own figures.
    expect(c.contradictions).toEqual([]);
  });

  it("checks the execution rate against the amounts, and says when it was computed on 年初预算数", () => {
    const onInitial = edit((s) => {
      s.funds.rate = { percent: 91.2, decimals: 2 };
    });
    const c = check(onInitial);
    expect(c.differences).toHaveLength(1);
    expect(c.differences[0]).toMatchObject({ code: "SELFEVAL_RATE_DIFFERS", stated: 91.2, computed: 95, unit: "%" });
    expect(c.differences[0]!.message).toContain("按年初预算数计算");
    // "95%" written without decimals agrees with 95.43%; a percent cell holding 0.9543 too.
    const rounded = edit((s) => {
      s.funds.total.executed = 458_064_000; // 458.064 万元 / 480 = 95.43%
      s.funds.rate = { percent: 95, decimals: 0 };
      s.funds.points = 9.54;
      s.statedTotal = 95.24;
    });
    expect(check(rounded).differences).toEqual([]);
    const exact = edit((s) => {
      s.funds.rate = { percent: 95.43, decimals: null };
    });
    expect(codes(check(exact).differences)).toEqual(["SELFEVAL_RATE_DIFFERS"]);
  });

  it("checks the execution points with the year's method (bands)", () => {
    const banded: SelfEvalRules = {
      ...rules,
      project: {
        ...rules.project,
        execution: {
          kind: "bands",
          bands: [
            { minRatePercent: 100, percentOfWeight: 100 },
            { minRatePercent: 90, percentOfWeight: 80 },
            { minRatePercent: 0, percentOfWeight: 0 },
          ],
        },
      },
    };
    const c = check(sampleSelfEvalSheet(), banded);
    expect(c.differences[0]).toMatchObject({ code: "SELFEVAL_EXECUTION_POINTS_DIFFER", stated: 9.5, computed: 8 });
    expect(c.computedTotal).toBe(93.7);
  });

  it("reports a blank 得分 with the points it should hold", () => {
    const c = check(
      edit((s) => {
        s.rows[2]!.points = null;
        s.funds.points = null;
        s.statedTotal = null;
      }),
    );
    expect(c.differences.map((d) => [d.code, d.item, d.stated, d.computed])).toEqual([
      ["SELFEVAL_POINTS_MISSING", "预算执行得分", null, 9.5],
      ["SELFEVAL_POINTS_MISSING", "三级指标“按期完工率”得分", null, 10],
      ["SELFEVAL_POINTS_MISSING", "总分", null, 95.2],
    ]);
  });
});

describe("contradictions: the sheet's figures against each other", () => {
  it("row scores that do not add up to the stated total", () => {
    const c = check(edit((s) => (s.statedTotal = 97.2)));
    expect(c.contradictions).toHaveLength(1);
    expect(c.contradictions[0]).toMatchObject({ code: "SELFEVAL_TOTAL_NOT_SUM", stated: 97.2, computed: 95.2 });
    expect(codes(c.differences)).toEqual(["SELFEVAL_TOTAL_DIFFERS"]);
  });

  it("weights that do not add up to 100, and a 分值 total that is not their sum", () => {
    const c = check(
      edit((s) => {
        s.rows[1]!.weight = 10;
        s.rows[1]!.points = 10;
        s.statedTotal = 90.2;
      }),
    );
    expect(c.contradictions.map((x) => [x.code, x.stated, x.computed])).toEqual([
      ["SELFEVAL_WEIGHTS_NOT_100", 95, 100],
      ["SELFEVAL_WEIGHT_TOTAL_NOT_SUM", 100, 95],
    ]);
  });

  it("a score above its weight, for a row and for the execution", () => {
    const c = check(
      edit((s) => {
        s.rows[5]!.points = 16;
        s.funds.points = 11;
        s.statedTotal = 99.7;
      }),
    );
    expect(c.contradictions.map((x) => [x.code, x.item, x.stated, x.computed])).toEqual([
      ["SELFEVAL_POINTS_ABOVE_WEIGHT", "预算执行得分", 11, 10],
      ["SELFEVAL_POINTS_ABOVE_WEIGHT", "三级指标“校舍长期安全使用”得分", 16, 15],
    ]);
    // A qualitative score above its weight is no score at all: the total stays open.
    expect(c.unscorable.map((u) => u.reason)).toEqual(["得分 16.00 超过分值 15.00"]);
    expect(c.computedTotal).toBeNull();
  });

  it("funds parts that do not add up to 年度资金总额", () => {
    const c = check(
      edit((s) => {
        s.funds.parts[0]!.executed = 400_000_000;
      }),
    );
    expect(c.contradictions).toHaveLength(1);
    expect(c.contradictions[0]).toMatchObject({
      code: "SELFEVAL_FUNDS_PARTS_NOT_TOTAL",
      stated: 456,
      computed: 446,
      unit: "万元",
    });
  });

  it("accepts a total rescaled over indicators marked 不适用", () => {
    const c = check(
      edit((s) => {
        s.rows.push({ ...row("效益指标", "生态效益指标", "节能减排", "/", null, 5, null), notApplicable: true });
        s.rows[4]!.weight = 10;
        s.rows[4]!.points = 9; // 1080 / 1200 × 10
        // 90.70 of the 95 points that count, rescaled to 100: 95.47.
        s.statedTotal = 95.47;
      }),
    );
    expect(c.contradictions).toEqual([]);
    expect(c.differences).toEqual([]);
    expect(c.computedTotal).toBe(95.47);
  });
});

describe("what cannot be scored is said so, never counted as 0 or as full points", () => {
  it("a row without an actual value, target or 分值, and a qualitative row without its points", () => {
    const c = check(
      edit((s) => {
        s.rows[0]!.actual = null;
        s.rows[1]!.target = "";
        s.rows[2]!.weight = null;
        s.rows[5]!.points = null;
      }),
    );
    expect(c.unscorable.map((u) => [u.item, u.reason])).toEqual([
      ["三级指标“改造校舍面积”", "未填写实际完成值，无法计分"],
      ["三级指标“工程验收合格率”", "未填写年度指标值，无法计分"],
      ["三级指标“按期完工率”", "未填写分值（或分值不是数字），无法计分"],
      ["三级指标“校舍长期安全使用”", "定性指标未填写得分（由评价人在分值内评定），无法计分"],
    ]);
    expect(c).toMatchObject({ computedTotal: null, grade: null });
    // Nothing compares a stated figure with a guess: no row and no total is called wrong.
    expect(c.differences).toEqual([]);
    expect(sheetHasProblems(c)).toBe(true);
  });

  it("an actual value in another unit, or without amounts for the execution", () => {
    const c = check(
      edit((s) => {
        s.rows[3]!.actual = "0.095万元";
        s.funds.total.executed = null;
      }),
    );
    expect(c.unscorable.map((u) => [u.item, u.reason])).toEqual([
      ["预算执行率", "缺少全年预算数或全年执行数"],
      ["三级指标“每平方米改造成本”", "实际完成值的单位“万元”与指标单位“元”不一致"],
    ]);
    expect(c.computedTotal).toBeNull();
  });

  it("takes the execution's 分值 from the rules when the sheet leaves it blank, and says so", () => {
    const c = check(edit((s) => (s.funds.weight = null)));
    expect(c.notes).toEqual(["预算执行率未填分值，按本年度规则的 10 分计算"]);
    expect(c.computedTotal).toBe(95.2);
  });
});
