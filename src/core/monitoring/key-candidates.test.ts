import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_LARGE_BUDGET_FEN,
  executionLag,
  KEY_REASONS,
  type KeyCandidateInput,
  type KeyRankParams,
  rankKeyCandidates,
} from "./key-candidates";
import { DEFAULT_MONITORING_RULES } from "./types";

const project = (p: Partial<KeyCandidateInput> & { code: string }): KeyCandidateInput => ({
  projectId: 1,
  name: `项目${p.code}`,
  departmentCode: "101",
  departmentName: "区教育局",
  budget: 10_000_000,
  executed: 10_000_000,
  isKey: false,
  pastGrade: null,
  pastLight: null,
  ...p,
});
const params: KeyRankParams = { cutoffMonth: 7, rules: DEFAULT_MONITORING_RULES };
const one = (p: Partial<KeyCandidateInput>, q: Partial<KeyRankParams> = {}) =>
  rankKeyCandidates([project({ code: "P1", ...p })], { ...params, ...q })[0]!;

describe("executionLag", () => {
  it("is lagging at exactly −X and not one hundredth of a point above it", () => {
    // N = 6: time 50%; 35.00% lags by exactly 15 points, 35.01% by 14.99
    expect(executionLag(10_000, 3_500, 6, 15)).toEqual({ lagging: true, lagHundredths: 1500n });
    expect(executionLag(10_000, 3_501, 6, 15)).toEqual({ lagging: false, lagHundredths: 1499n });
    // X with two decimals is exact too
    expect(executionLag(10_000, 3_501, 6, 14.99).lagging).toBe(true);
    expect(executionLag(10_000, 3_502, 6, 14.99).lagging).toBe(false);
  });

  it("decides exactly where floating point would not (N = 8: 620 / 1200 − 8/12 = −0.15 exactly)", () => {
    expect(620 / 1200 - 8 / 12 <= -0.15).toBe(false); // the float slip this guards against
    expect(executionLag(1_200, 620, 8, 15)).toEqual({ lagging: true, lagHundredths: 1500n });
    expect(executionLag(1_200, 621, 8, 15).lagging).toBe(false);
    expect(executionLag(1_200, 520, 7, 15).lagging).toBe(true);
    expect(executionLag(1_200, 521, 7, 15).lagging).toBe(false);
  });

  it("never calls a budget of zero lagging", () => {
    expect(executionLag(0, 0, 12, 15)).toEqual({ lagging: false, lagHundredths: null });
    expect(executionLag(0, 5_000, 12, 0)).toEqual({ lagging: false, lagHundredths: null });
  });

  it("agrees with exact rational arithmetic for any figures", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e13 }),
        fc.integer({ min: -1e12, max: 2e13 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 10_000 }),
        (budget, executed, n, xh) => {
          // gap ≤ −X ⇔ e/b − n/12 ≤ −xh/10000, cross-multiplied by 120000·b
          const expected =
            120_000n * BigInt(executed) - 10_000n * BigInt(n) * BigInt(budget) <= -12n * BigInt(xh) * BigInt(budget);
          expect(executionLag(budget, executed, n, xh / 100).lagging).toBe(expected);
        },
      ),
    );
  });

  it("refuses a gap with more than two decimals", () => {
    expect(() => executionLag(100, 0, 6, 15.005)).toThrow(RangeError);
    expect(() => executionLag(100, 0, 6, -1)).toThrow(RangeError);
  });
});

describe("rankKeyCandidates", () => {
  it("explains a lagging project in figures", () => {
    const c = one({ budget: 1_000_000, executed: 200_000 });
    expect(c.reasons).toEqual(["lagging"]);
    expect(c.executionRate).toBe("20.00");
    expect(c.timeProgress).toBe("58.33");
    expect(c.lagPoints).toBe("38.33");
    expect(c.details).toEqual([
      { reason: "lagging", label: "执行滞后", text: "执行率 20.00%，低于时间进度 58.33% 达 38.33 个百分点" },
    ]);
    expect(c.reasonText).toBe("执行滞后：执行率 20.00%，低于时间进度 58.33% 达 38.33 个百分点");
  });

  it("follows the rules' X and the cut-off month", () => {
    // 45% executed: 13.33 points behind 58.33% (N = 7), 30 points behind 75% (N = 9)
    expect(one({ budget: 100, executed: 45 }).reasons).toEqual([]);
    expect(one({ budget: 100, executed: 45 }, { cutoffMonth: 9 }).reasons).toEqual(["lagging"]);
    const strict = { ...DEFAULT_MONITORING_RULES, redGapPoints: 10 };
    expect(one({ budget: 100, executed: 45 }, { rules: strict }).reasons).toEqual(["lagging"]);
    // at the exact edge, with the gap shown as exactly X
    expect(one({ budget: 1_200, executed: 520 }).lagPoints).toBe("15.00");
    expect(one({ budget: 1_200, executed: 520 }).reasons).toEqual(["lagging"]);
    expect(one({ budget: 1_200, executed: 521 }).reasons).toEqual([]);
  });

  it("does not compute a rate for a budget of zero", () => {
    const c = one({ budget: 0, executed: 0 }, { cutoffMonth: 12 });
    expect(c).toMatchObject({ reasons: [], executionRate: null, lagPoints: null, reasonText: "无", priority: 0 });
  });

  it("counts a budget of 500万元 (500,000,000 fen) or more as large, or the given threshold", () => {
    expect(DEFAULT_LARGE_BUDGET_FEN).toBe(500_000_000);
    const large = one({ budget: 500_000_000, executed: 500_000_000 });
    expect(large.reasons).toEqual(["large_budget"]);
    expect(large.reasonText).toBe("预算规模大：全年预算 500万元，不低于 500万元");
    expect(one({ budget: 499_999_999, executed: 499_999_999 }).reasons).toEqual([]);
    const custom = one({ budget: 123_456_789, executed: 123_456_789 }, { largeBudgetFen: 100_000_000 });
    expect(custom.details[0]?.text).toBe("全年预算 123.46万元，不低于 100万元");
  });

  it("counts last year's grade C or D, or a red light, as poor results", () => {
    expect(one({ pastGrade: "C" }).reasonText).toBe("以往绩效较差：上年自评等级为 C 级");
    expect(one({ pastGrade: "D", pastLight: "red" }).reasonText).toBe(
      "以往绩效较差：上年自评等级为 D 级，上年运行监控为红灯",
    );
    expect(one({ pastLight: "red" }).reasons).toEqual(["poor_results"]);
    for (const pastGrade of ["A", "B", null] as const)
      for (const pastLight of ["green", "yellow", "none", null] as const)
        expect(one({ pastGrade, pastLight }).reasons).toEqual([]);
  });

  it("lists a project flagged 重点项目, and every reason in a fixed order", () => {
    expect(one({ isKey: true }).reasonText).toBe("重点项目：一体化系统标记为重点项目");
    const all = one({ budget: 600_000_000, executed: 0, isKey: true, pastGrade: "D" });
    expect(all.reasons).toEqual(["lagging", "large_budget", "poor_results", "key_project"]);
    expect(all.details.map((d) => d.label)).toEqual(["执行滞后", "预算规模大", "以往绩效较差", "重点项目"]);
  });

  it("ranks by reasons, then lag, then budget, then code", () => {
    const list = [
      project({ code: "B2", isKey: true }), // 1 reason, on time, 10万元
      project({ code: "A9", budget: 600_000_000, executed: 0 }), // 2 reasons, 58.33 behind
      project({ code: "B1", isKey: true }), // same as B2: code decides
      project({ code: "C1", isKey: true, budget: 20_000_000, executed: 20_000_000 }), // 1 reason, larger budget
      project({ code: "C2", budget: 100, executed: 10 }), // 1 reason (lagging), 48.33 behind
      project({ code: "C3", budget: 100, executed: 50 }), // no reason, 8.33 behind
      project({ code: "C4" }), // no reason, on time
    ];
    const ranked = rankKeyCandidates(list, params);
    expect(ranked.map((c) => c.code)).toEqual(["A9", "C2", "C1", "B1", "B2", "C3", "C4"]);
    expect(ranked.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(ranked.map((c) => c.priority)).toEqual([205833, 104833, 100000, 100000, 100000, 833, 0]);
  });

  it("compares codes by UTF-16 code units, without locale rules", () => {
    const ranked = rankKeyCandidates([project({ code: "b" }), project({ code: "B" }), project({ code: "a" })], params);
    expect(ranked.map((c) => c.code)).toEqual(["B", "a", "b"]);
  });

  it("keeps its order whatever the input order, and keeps every project", () => {
    const arb = fc.uniqueArray(
      fc.record({
        code: fc.stringMatching(/^[A-C][0-9]{1,3}$/),
        budget: fc.integer({ min: 0, max: 1e10 }),
        executedShare: fc.integer({ min: 0, max: 120 }),
        isKey: fc.boolean(),
        pastGrade: fc.constantFrom("A", "B", "C", "D", null),
        pastLight: fc.constantFrom("green", "yellow", "red", "none", null),
      }),
      { selector: (r) => r.code, maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 12 }), (rows, cutoffMonth) => {
        const list = rows.map(({ executedShare, ...r }) =>
          project({ ...r, executed: Math.floor((r.budget * executedShare) / 100) }),
        );
        const ranked = rankKeyCandidates(list, { ...params, cutoffMonth });
        expect(rankKeyCandidates([...list].reverse(), { ...params, cutoffMonth })).toEqual(ranked);
        expect(ranked.map((c) => c.code).sort()).toEqual(list.map((c) => c.code).sort());
        for (let i = 1; i < ranked.length; i++) {
          const a = ranked[i - 1]!;
          const b = ranked[i]!;
          expect(a.reasons.length).toBeGreaterThanOrEqual(b.reasons.length);
          expect(a.priority).toBeGreaterThanOrEqual(b.priority);
          if (a.priority === b.priority) expect(a.budget).toBeGreaterThanOrEqual(b.budget);
        }
        for (const c of ranked) {
          expect(c.reasons).toEqual(KEY_REASONS.filter((r) => c.reasons.includes(r)));
          expect(Math.floor(c.priority / 100_000)).toBe(c.reasons.length);
        }
      }),
    );
  });

  it("refuses a cut-off month outside 1..12 and money that is not whole fen", () => {
    expect(() => rankKeyCandidates([], { ...params, cutoffMonth: 0 })).toThrow("截止月份须为 1 至 12 的整数：0");
    expect(() => rankKeyCandidates([], { ...params, cutoffMonth: 6.5 })).toThrow(RangeError);
    expect(() => rankKeyCandidates([project({ code: "P1", budget: 1.5 })], params)).toThrow(
      "项目 P1 的 budget 须为整数（分）：1.5",
    );
  });
});
