import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { Rng, seedFromString } from "../random";
import { DEFAULT_BUDGET_BANDS } from "./key-draw";
import {
  drawReview,
  type ReviewDrawCandidate,
  type ReviewDrawParams,
  type ReviewDrawResult,
  replayReviewDraw,
} from "./review-draw";

const WAN = 1_000_000; // fen in 1万元
const BAND_BUDGETS = [50 * WAN, 200 * WAN, 800 * WAN]; // one budget in each default band

/** `sizes[department][band]` projects, coded "<department>-<band 1…>-<nn>". */
function grid(sizes: Record<string, number[]>): ReviewDrawCandidate[] {
  return Object.entries(sizes).flatMap(([department, perBand]) =>
    perBand.flatMap((n, band) =>
      Array.from({ length: n }, (_, k) => ({
        code: `${department}-${band + 1}-${String(k + 1).padStart(2, "0")}`,
        name: `项目${department}${band + 1}${k + 1}`,
        departmentCode: department,
        budget: BAND_BUDGETS[band] as number,
      })),
    ),
  );
}

/** 3 departments × 3 bands, 45 projects; the sizes 1 … 9 give every stratum a different remainder below. */
const worked = grid({ "101": [9, 5, 1], "102": [6, 4, 2], "103": [8, 7, 3] });
const both = { department: true, budget: true };
const base: ReviewDrawParams = {
  year: 2024,
  count: 10,
  seed: "2024-review",
  forced: [],
  excluded: [],
  stratify: both,
};
const codes = (r: ReviewDrawResult) => r.picks.map((p) => p.code);
const seatsOf = (r: ReviewDrawResult) => Object.fromEntries(r.strata.map((s) => [s.key, s.seats]));

/** The steps of the file's comment, done the plain way someone re-running a record by hand would. */
function byHand(population: readonly ReviewDrawCandidate[], p: ReviewDrawParams): string[] {
  const bands = p.budgetBands ?? DEFAULT_BUDGET_BANDS;
  const eligible = [...population]
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .filter((c) => !p.excluded.includes(c.code));
  const forced = [...new Set(p.forced)].filter((code) => eligible.some((c) => c.code === code)).slice(0, p.count);
  const total = Math.min(p.count, eligible.length);
  const department = (c: ReviewDrawCandidate) => (p.stratify.department ? c.departmentCode : "");
  const band = (c: ReviewDrawCandidate) =>
    p.stratify.budget
      ? Math.max(
          0,
          bands.findLastIndex((e) => e <= c.budget),
        )
      : 0;
  const keyOf = (c: ReviewDrawCandidate) =>
    [p.stratify.department ? c.departmentCode : null, p.stratify.budget ? `B${band(c) + 1}` : null]
      .filter((x) => x !== null)
      .join("/") || "ALL";
  const keys = [...new Set(eligible.map(keyOf))].sort((a, b) => {
    const ca = eligible.find((c) => keyOf(c) === a)!;
    const cb = eligible.find((c) => keyOf(c) === b)!;
    return department(ca) < department(cb) ? -1 : department(ca) > department(cb) ? 1 : band(ca) - band(cb);
  });
  const n = (k: string) => eligible.filter((c) => keyOf(c) === k).length;
  const f = (k: string) => forced.filter((code) => keyOf(eligible.find((c) => c.code === code)!) === k).length;
  const shuffle = <T>(items: T[], label: string): T[] => {
    const rng = new Rng(seedFromString(`${p.seed}:${p.year}:${label}`));
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const tieOrder = shuffle(keys, "strata");
  const seats = new Map<string, number>();
  let active = [...keys];
  let left = total;
  for (;;) {
    const m = active.reduce((sum, k) => sum + n(k), 0);
    const share = new Map(active.map((k) => [k, Math.floor((left * n(k)) / m)]));
    const free = left - [...share.values()].reduce((a, b) => a + b, 0);
    const byRemainder = [...active].sort(
      (a, b) => ((left * n(b)) % m) - ((left * n(a)) % m) || tieOrder.indexOf(a) - tieOrder.indexOf(b),
    );
    for (const k of byRemainder.slice(0, free)) share.set(k, share.get(k)! + 1);
    const over = active.filter((k) => f(k) > share.get(k)!);
    if (over.length === 0) {
      for (const k of active) seats.set(k, share.get(k)!);
      break;
    }
    for (const k of over) {
      seats.set(k, f(k));
      left -= f(k);
    }
    active = active.filter((k) => !over.includes(k));
  }
  const taken = keys.flatMap((k) =>
    shuffle(
      eligible.filter((c) => keyOf(c) === k && !forced.includes(c.code)).map((c) => c.code),
      k,
    ).slice(0, seats.get(k)! - f(k)),
  );
  return [...forced, ...taken];
}

/** Any population with unique codes, and any parameters (forced and excluded may overlap or be unknown). */
const drawArb = fc
  .uniqueArray(fc.stringMatching(/^[0-9A-Z]{2,5}$/), { minLength: 0, maxLength: 60 })
  .chain((cs) =>
    fc.record({
      population: fc.tuple(
        ...cs.map((code) =>
          fc.record({
            code: fc.constant(code),
            name: fc.string({ maxLength: 6 }),
            departmentCode: fc.constantFrom("101", "102", "103", "104", "105"),
            budget: fc.oneof(fc.integer({ min: 0, max: 20 * 500 * WAN }), fc.constantFrom(0, 100 * WAN, 500 * WAN)),
          }),
        ),
      ),
      forced: fc.array(fc.oneof(fc.constantFrom(...cs, "X1"), fc.constant("X2")), { maxLength: 6 }),
      excluded: fc.array(fc.constantFrom(...cs, "X3"), { maxLength: 8 }),
      stratify: fc.record({ department: fc.boolean(), budget: fc.boolean() }),
      budgetBands: fc.option(
        fc
          .uniqueArray(fc.integer({ min: 0, max: 2_000 * WAN }), { minLength: 1, maxLength: 4 })
          .map((b) => b.sort((x, y) => x - y)),
        { nil: undefined },
      ),
      year: fc.integer({ min: 2018, max: 2030 }),
      seed: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ""),
      count: fc.integer({ min: 1, max: 70 }),
    }),
  )
  .map(({ population, ...params }) => ({ population: population as ReviewDrawCandidate[], params }));

describe("drawReview", () => {
  it("records the algorithm, the parameters, the population and the strata", () => {
    const result = drawReview([...worked].reverse(), base);
    expect(result.algorithm).toBe("selfeval-review-v1");
    expect(result.params).toEqual({ ...base, budgetBands: DEFAULT_BUDGET_BANDS });
    expect(result.population).toEqual(worked); // grid() lists them in code order
    expect(result.eligibleSize).toBe(45);
    expect(result.strata.map((s) => s.key)).toEqual([
      "101/B1",
      "101/B2",
      "101/B3",
      "102/B1",
      "102/B2",
      "102/B3",
      "103/B1",
      "103/B2",
      "103/B3",
    ]);
    expect(result.strata[0]).toEqual({ key: "101/B1", label: "部门 101·不足100万元", size: 9, seats: 2, forced: 0 });
    expect(result.picks.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const p of result.picks) expect(p.stratum).toBe(`${p.departmentCode}/B${p.code[4]}`);
  });

  it("allocates department × band seats in proportion to the strata (a case worked by hand)", () => {
    // N = 45, T = 10: stratum h gets 10·n/45. Exact remainders are 10·n mod 45:
    //   101/B1 n=9: 2      rem 0      102/B1 n=6: 1.33 rem 15     103/B1 n=8: 1.78 rem 35
    //   101/B2 n=5: 1.11   rem 5      102/B2 n=4: 0.89 rem 40     103/B2 n=7: 1.56 rem 25
    //   101/B3 n=1: 0.22   rem 10     102/B3 n=2: 0.44 rem 20     103/B3 n=3: 0.67 rem 30
    // Floors 2+1+0+1+0+0+1+1+0 = 6; the 4 seats left go to the remainders 40, 35, 30, 25:
    // 102/B2, 103/B1, 103/B3, 103/B2. (Departments get 3, 2, 5 of shares 3.33, 2.67, 4: each stratum is
    // within one seat of its share, a department within one seat per band.)
    const result = drawReview(worked, base);
    expect(seatsOf(result)).toEqual({
      "101/B1": 2,
      "101/B2": 1,
      "101/B3": 0,
      "102/B1": 1,
      "102/B2": 1,
      "102/B3": 0,
      "103/B1": 2,
      "103/B2": 2,
      "103/B3": 1,
    });
    for (const s of result.strata) expect(result.picks.filter((p) => p.stratum === s.key)).toHaveLength(s.seats);
    expect(result.notes).toEqual([
      "总体 45 个项目，排除 0 个，可抽取 45 个；必抽 0 个，随机抽取 10 个，共抽取 10 个。",
      "按主管部门和预算规模分层，共 9 层，名额按各层在可抽取项目中所占比例分配（最大余数法），必抽项目计入所在层：" +
        "部门 101·不足100万元 9 个中抽 2 个；部门 101·100万元至不足500万元 5 个中抽 1 个；" +
        "部门 101·500万元及以上 1 个中抽 0 个；部门 102·不足100万元 6 个中抽 1 个；" +
        "部门 102·100万元至不足500万元 4 个中抽 1 个；部门 102·500万元及以上 2 个中抽 0 个；" +
        "部门 103·不足100万元 8 个中抽 2 个；部门 103·100万元至不足500万元 7 个中抽 2 个；" +
        "部门 103·500万元及以上 3 个中抽 1 个。",
      "随机顺序由种子“2024-review”、年度 2024 与分层编码确定。",
    ]);
    // by department only: 15, 12, 18 of 45 → 3.33, 2.67, 4 → floors 3, 2, 4, the last seat to 102 (rem 30)
    expect(seatsOf(drawReview(worked, { ...base, stratify: { department: true, budget: false } }))).toEqual({
      "101": 3,
      "102": 3,
      "103": 4,
    });
    // by band only: 23, 16, 6 → 5.11, 3.56, 1.33 → floors 5, 3, 1, the last seat to B2 (rem 25)
    expect(seatsOf(drawReview(worked, { ...base, stratify: { department: false, budget: true } }))).toEqual({
      B1: 5,
      B2: 4,
      B3: 1,
    });
  });

  it("counts forced picks against their stratum, and re-shares the rest where they exceed its share", () => {
    // One forced pick in 103/B1 (share 2): it keeps 2 seats, one of them forced; nothing else changes.
    const inShare = drawReview(worked, { ...base, forced: ["103-1-05"] });
    expect(seatsOf(inShare)).toEqual(seatsOf(drawReview(worked, base)));
    expect(inShare.strata.find((s) => s.key === "103/B1")).toMatchObject({ seats: 2, forced: 1 });
    expect(inShare.picks[0]).toMatchObject({ code: "103-1-05", reason: "forced", stratum: "103/B1", rank: 1 });
    expect(inShare.picks.filter((p) => p.stratum === "103/B1" && p.reason === "sampled")).toHaveLength(1);

    // Forced picks in 101/B3 and 102/B3, whose shares are 0: both keep just their forced pick, and the
    // other 7 strata (42 projects) share 10 − 2 = 8 seats: 8·n/42, remainders 8·n mod 42:
    //   101/B1 n=9: 1.71 rem 30   101/B2 n=5: 0.95 rem 40   102/B1 n=6: 1.14 rem 6   102/B2 n=4: 0.76 rem 32
    //   103/B1 n=8: 1.52 rem 22   103/B2 n=7: 1.33 rem 14   103/B3 n=3: 0.57 rem 24
    // Floors 1+0+1+0+1+1+0 = 4; the 4 left go to the remainders 40, 32, 30, 24.
    const over = drawReview(worked, { ...base, forced: ["101-3-01", "102-3-02"] });
    expect(seatsOf(over)).toEqual({
      "101/B1": 2,
      "101/B2": 1,
      "101/B3": 1,
      "102/B1": 1,
      "102/B2": 1,
      "102/B3": 1,
      "103/B1": 1,
      "103/B2": 1,
      "103/B3": 1,
    });
    expect(codes(over).slice(0, 2)).toEqual(["101-3-01", "102-3-02"]);
    expect(over.picks.filter((p) => p.stratum === "102/B3")).toHaveLength(1);
    expect(over.notes).toContain(
      "部门 101·500万元及以上、部门 102·500万元及以上的必抽项目多于按比例应得的名额，只抽必抽项目；" +
        "其余 8 个名额在其他各层中按比例重新分配。",
    );
  });

  it("breaks equal remainders by the seeded tie order of the strata", () => {
    // 3 departments of 4: each share is 2·4/12 = 0.67, all remainders equal; the 2 seats go to the first
    // two departments of the tie order, which differs from seed to seed.
    const population = grid({ "201": [4], "202": [4], "203": [4] });
    const left = new Set<string>();
    for (const seed of ["a", "b", "c", "d", "e", "f", "g", "h"]) {
      const p = { ...base, seed, count: 2, stratify: { department: true, budget: false } };
      const tieOrder = new Rng(seedFromString(`${seed}:2024:strata`)).shuffle(["201", "202", "203"]);
      const result = drawReview(population, p);
      expect(result.picks.map((x) => x.departmentCode)).toEqual(tieOrder.slice(0, 2).sort());
      left.add(tieOrder[2]!);
    }
    expect(left.size).toBeGreaterThan(1);
  });

  it("shuffles each stratum with its own key, so that one stratum's projects do not move another's picks", () => {
    const p = { ...base, stratify: { department: true, budget: false }, count: 9 };
    const a = drawReview(worked, p);
    // a change inside 102 that keeps every share (one of its projects renamed) leaves 101's and 103's picks
    const renamed = worked.map((c) => (c.code === "102-1-01" ? { ...c, code: "102-1-00" } : c));
    const b = drawReview(renamed, p);
    expect(seatsOf(b)).toEqual(seatsOf(a));
    for (const d of ["101", "103"])
      expect(codes(b).filter((c) => c.startsWith(d))).toEqual(codes(a).filter((c) => c.startsWith(d)));
    // the stratum's order is the documented shuffle of its projects in code order
    const rest101 = worked.filter((c) => c.departmentCode === "101").map((c) => c.code);
    const shuffled = new Rng(seedFromString("2024-review:2024:101")).shuffle(rest101);
    expect(codes(a).filter((c) => c.startsWith("101"))).toEqual(shuffled.slice(0, seatsOf(a)["101"]));
  });

  it("without strata, draws from one shuffled list and names no stratum", () => {
    const result = drawReview(worked, { ...base, stratify: { department: false, budget: false }, count: 7 });
    expect(result.strata).toEqual([{ key: "ALL", label: "全部", size: 45, seats: 7, forced: 0 }]);
    expect(codes(result)).toEqual(
      new Rng(seedFromString("2024-review:2024:ALL")).shuffle(worked.map((c) => c.code)).slice(0, 7),
    );
    expect(result.picks.every((p) => p.stratum === null)).toBe(true);
    expect(result.notes).toEqual([
      "总体 45 个项目，排除 0 个，可抽取 45 个；必抽 0 个，随机抽取 7 个，共抽取 7 个。",
      "随机顺序由种子“2024-review”、年度 2024 与分层编码确定。",
    ]);
  });

  it("gives the same result for the same input in any order, and others for another seed or year", () => {
    const a = drawReview(worked, base);
    expect(drawReview(new Rng(7).shuffle(worked), structuredClone(base))).toEqual(a);
    expect(codes(drawReview(worked, { ...base, seed: "another" }))).not.toEqual(codes(a));
    expect(codes(drawReview(worked, { ...base, year: 2025 }))).not.toEqual(codes(a));
    fc.assert(
      fc.property(drawArb, fc.integer(), ({ population, params }, s) => {
        expect(drawReview(new Rng(s).shuffle(population), params)).toEqual(drawReview(population, params));
      }),
    );
  });

  it("does exactly what the documented steps say", () => {
    for (const stratify of [both, { department: true, budget: false }, { department: false, budget: true }])
      for (const count of [1, 4, 10, 30, 44, 45, 60])
        for (const forced of [[], ["101-3-01", "103-2-07", "102-3-01"]])
          expect(codes(drawReview(worked, { ...base, stratify, count, forced }))).toEqual(
            byHand(worked, { ...base, stratify, count, forced }),
          );
    fc.assert(
      fc.property(drawArb, ({ population, params }) => {
        expect(codes(drawReview(population, params))).toEqual(byHand(population, params));
      }),
    );
  });

  it("puts forced picks first, skips those it cannot honour, and never picks an excluded project", () => {
    const result = drawReview(worked, {
      ...base,
      forced: ["999", "103-3-02", "101-2-01", "103-3-02", "102-1-01"],
      excluded: ["102-1-01", "101-1-01", "101-1-02", "888"],
    });
    expect(result.eligibleSize).toBe(42);
    expect(result.picks.filter((p) => p.reason === "forced").map((p) => p.code)).toEqual(["103-3-02", "101-2-01"]);
    expect(codes(result).slice(0, 2)).toEqual(["103-3-02", "101-2-01"]);
    expect(result.picks).toHaveLength(10);
    for (const code of ["102-1-01", "101-1-01", "101-1-02"]) expect(codes(result)).not.toContain(code);
    expect(result.strata.find((s) => s.key === "101/B1")?.size).toBe(7);
    expect(result.notes.slice(0, 4)).toEqual([
      "总体 45 个项目，排除 3 个，可抽取 42 个；必抽 2 个，随机抽取 8 个，共抽取 10 个。",
      "排除名单中的 888 不在抽取范围内，已忽略。",
      "必抽项目 999 不在抽取范围内，已忽略。",
      "102-1-01（项目10211） 同时列为必抽和排除，按排除处理。",
    ]);
    const tooMany = drawReview(worked, { ...base, count: 2, forced: ["103-3-03", "101-1-01", "102-2-01"] });
    expect(codes(tooMany)).toEqual(["103-3-03", "101-1-01"]);
    expect(tooMany.notes).toContain("必抽项目 3 个，超过抽取数量 2，按所列顺序保留前 2 个；102-2-01 未抽中。");
  });

  it("takes every eligible project when the count reaches them, noting when it exceeds them", () => {
    const excluded = ["101-1-01", "103-2-01"];
    const all = drawReview(worked, { ...base, count: 50, excluded, forced: ["102-3-01"] });
    expect(codes(all).sort()).toEqual(worked.map((c) => c.code).filter((c) => !excluded.includes(c)));
    for (const s of all.strata) expect(s.seats).toBe(s.size);
    expect(all.notes).toContain("抽取数量 50 超过可抽取的项目数 43，已全部抽取。");
    const exact = drawReview(worked, { ...base, count: 43, excluded });
    expect(exact.picks).toHaveLength(43);
    expect(exact.notes.some((n) => n.includes("已全部抽取"))).toBe(false);
    const nothing = drawReview([], base);
    expect(nothing).toMatchObject({ eligibleSize: 0, strata: [], picks: [] });
    expect(nothing.notes).toEqual([
      "总体 0 个项目，排除 0 个，可抽取 0 个；必抽 0 个，随机抽取 0 个，共抽取 0 个。",
      "抽取数量 10 超过可抽取的项目数 0，已全部抽取。",
    ]);
  });

  it("never gives a stratum more seats than it has projects, even when small strata and forced picks crowd it", () => {
    // one-project strata, a stratum filled by its forced picks, and counts up to one short of everyone
    const crowded = grid({ "301": [1, 1, 1], "302": [2, 0, 1], "303": [12, 1, 0] });
    for (let count = 1; count <= 19; count++)
      for (const forced of [[], ["302-1-01", "302-1-02"], ["301-1-01", "301-2-01", "301-3-01", "303-2-01"]]) {
        const result = drawReview(crowded, { ...base, count, forced });
        expect(result.picks).toHaveLength(Math.min(count, 19));
        for (const s of result.strata) {
          expect(s.seats).toBeLessThanOrEqual(s.size);
          expect(s.seats).toBeGreaterThanOrEqual(s.forced);
          expect(result.picks.filter((p) => p.stratum === s.key)).toHaveLength(s.seats);
        }
      }
  });

  it("refuses bad parameters with REVIEW_DRAW_INVALID, naming the field", () => {
    const refused = (p: Partial<ReviewDrawParams>, population = worked) => {
      try {
        drawReview(population, { ...base, ...p });
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        const e = error as AppError;
        expect(e.code).toBe("REVIEW_DRAW_INVALID");
        expect(e.kind).toBe("validation");
        return (e.details as { issues: { field: string; message: string }[] }).issues;
      }
      throw new Error("not refused");
    };
    const countIssue = [{ field: "count", message: "抽取数量须为 1 至 2000 之间的整数" }];
    expect(refused({ count: 0 })).toEqual(countIssue);
    expect(refused({ count: 2001 })).toEqual(countIssue);
    expect(refused({ count: 2.5 })).toEqual(countIssue);
    expect(drawReview(worked, { ...base, count: 2000 }).picks).toHaveLength(45);
    expect(refused({ seed: " \t" })).toEqual([
      { field: "seed", message: "请填写抽取种子（任意文字，如“2024-review”），凭它可重新抽取得到同样的结果" },
    ]);
    expect(refused({ year: 24 })).toEqual([{ field: "year", message: "年度须为四位数的年份" }]);
    const bandsIssue = [
      { field: "budgetBands", message: "预算规模分层的下限须为至少一个、从小到大排列且互不相同的非负整数（分）" },
    ];
    expect(refused({ budgetBands: [0, 500 * WAN, 100 * WAN] })).toEqual(bandsIssue);
    expect(refused({ budgetBands: [0, 100 * WAN, 100 * WAN] })).toEqual(bandsIssue);
    expect(refused({ budgetBands: [-1, 100 * WAN] })).toEqual(bandsIssue);
    expect(refused({ budgetBands: [0, 0.5] })).toEqual(bandsIssue);
    expect(refused({ budgetBands: [] })).toEqual(bandsIssue);
    expect(refused({ stratify: { department: "yes" } as unknown as ReviewDrawParams["stratify"] })).toEqual([
      { field: "stratify", message: "分层方式须指明是否按主管部门分层、是否按预算规模分层" },
    ]);
    expect(refused({}, [...worked, { ...worked[0]!, name: "重复" }])).toEqual([
      { field: "population", message: "抽取范围中项目编码重复：101-1-01" },
    ]);
    expect(refused({}, [{ ...worked[0]!, budget: 1.5 }])).toEqual([
      { field: "population", message: "项目 101-1-01 的预算数须为整数（分）" },
    ]);
  });

  it("keeps its invariants for any draw", () => {
    fc.assert(
      fc.property(drawArb, ({ population, params }) => {
        const result = drawReview(population, params);
        const picked = codes(result);
        const known = new Set(population.map((c) => c.code));
        const eligible = population.filter((c) => !params.excluded.includes(c.code));
        const forced = [...new Set(params.forced)].filter((c) => known.has(c) && !params.excluded.includes(c));
        // as many as asked or all there are (forced picks are among the eligible), no duplicates
        expect(result.eligibleSize).toBe(eligible.length);
        expect(picked).toHaveLength(Math.min(params.count, eligible.length));
        expect(new Set(picked).size).toBe(picked.length);
        for (const code of picked) expect(known.has(code) && !params.excluded.includes(code)).toBe(true);
        expect(picked.slice(0, Math.min(forced.length, params.count))).toEqual(forced.slice(0, params.count));
        expect(result.picks.map((p) => p.rank)).toEqual(picked.map((_, i) => i + 1));
        // strata: sizes add up to the eligible, seats to the picks, each within its size and its forced picks
        expect(result.strata.reduce((a, s) => a + s.size, 0)).toBe(eligible.length);
        expect(result.strata.reduce((a, s) => a + s.seats, 0)).toBe(picked.length);
        for (const s of result.strata) {
          expect(s.seats).toBeLessThanOrEqual(s.size);
          expect(s.seats).toBeGreaterThanOrEqual(s.forced);
        }
        // without forced picks, every stratum is within one seat of its proportional share
        if (forced.length === 0)
          for (const s of result.strata)
            expect(Math.abs(s.seats - (picked.length * s.size) / eligible.length)).toBeLessThan(1);
        expect(replayReviewDraw(structuredClone(result))).toEqual({ matches: true, differences: [] });
      }),
    );
  });
});

/** 1,713 projects over 54 departments of 2 to 80 projects, budgets from a few 万元 to several 千万元. */
function districtLike(): ReviewDrawCandidate[] {
  const rng = new Rng(seedFromString("district-like"));
  const sizes = Array.from({ length: 54 }, () => rng.int(2, 60));
  while (sizes.reduce((a, b) => a + b, 0) !== 1713) {
    const i = rng.int(0, 53);
    const sum = sizes.reduce((a, b) => a + b, 0);
    if (sum < 1713 && sizes[i]! < 80) sizes[i]! += 1;
    if (sum > 1713 && sizes[i]! > 2) sizes[i]! -= 1;
  }
  return sizes.flatMap((n, d) =>
    Array.from({ length: n }, (_, k) => ({
      code: `${120 + d}${String(k + 1).padStart(3, "0")}`,
      name: `项目${d}-${k}`,
      departmentCode: String(120 + d),
      budget: Math.round(Math.exp(Math.log(60 * WAN) + 1.3 * rng.normal())),
    })),
  );
}

describe("a district-sized draw", () => {
  const population = districtLike();
  const sizeOf = (d: string) => population.filter((c) => c.departmentCode === d).length;
  const departments = [...new Set(population.map((c) => c.departmentCode))];

  // Its time is measured in bench/, not asserted here.
  it("draws 97 of 1,713 and the record replays", () => {
    expect(population).toHaveLength(1713);
    expect(departments).toHaveLength(54);
    const result = drawReview(population, { ...base, count: 97, excluded: population.slice(0, 40).map((c) => c.code) });
    expect(result.picks).toHaveLength(97);
    expect(replayReviewDraw(result).matches).toBe(true);
  });

  it("picks every department holding at least N/T projects (1,713/97 = 17.7, so 18) when stratified by department", () => {
    const result = drawReview(population, { ...base, count: 97, stratify: { department: true, budget: false } });
    const large = departments.filter((d) => sizeOf(d) >= 18);
    const small = departments.filter((d) => sizeOf(d) < 18);
    expect(large.length).toBeGreaterThan(30);
    expect(small.length).toBeGreaterThan(5);
    for (const d of large) expect(result.picks.some((p) => p.departmentCode === d)).toBe(true);
    // and nobody more than one seat off their share
    for (const d of departments) {
      const got = result.picks.filter((p) => p.departmentCode === d).length;
      expect(Math.abs(got - (97 * sizeOf(d)) / 1713)).toBeLessThan(1);
    }
  });

  it("by department × band, picks every department with 52 or more projects (one of its 3 bands holds 18)", () => {
    const result = drawReview(population, { ...base, count: 97 });
    expect(result.strata.length).toBeGreaterThan(100);
    const large = departments.filter((d) => sizeOf(d) >= 52);
    expect(large.length).toBeGreaterThan(0);
    for (const d of large) expect(result.picks.some((p) => p.departmentCode === d)).toBe(true);
    // each department within one seat per band of its share
    for (const d of departments) {
      const got = result.picks.filter((p) => p.departmentCode === d).length;
      expect(Math.abs(got - (97 * sizeOf(d)) / 1713)).toBeLessThan(3);
    }
  });
});

describe("replayReviewDraw", () => {
  const result = drawReview(worked, { ...base, forced: ["103-3-01"], excluded: ["101-1-01"] });

  it("confirms an untouched record", () => {
    expect(replayReviewDraw(structuredClone(result))).toEqual({ matches: true, differences: [] });
  });

  it("detects a tampered result, strata, parameters or population", () => {
    const swapped = structuredClone(result);
    const outside = worked.find((c) => !codes(result).includes(c.code) && c.code !== "101-1-01")!;
    const original = swapped.picks[5]!;
    swapped.picks[5] = { ...original, code: outside.code, name: outside.name };
    expect(replayReviewDraw(swapped).differences).toEqual([
      `第 6 个抽中：记录为 ${outside.code}（${outside.name}，随机抽取，分层 ${original.stratum}，第 6 名），` +
        `重新抽取为 ${original.code}（${original.name}，随机抽取，分层 ${original.stratum}，第 6 名）`,
    ]);

    const reseated = structuredClone(result);
    reseated.strata[0]!.seats += 1;
    expect(replayReviewDraw(reseated).differences).toEqual([
      "第 1 层不同：记录为 101/B1（部门 101·不足100万元，8 个中抽 3 个，含必抽 0 个），" +
        "重新抽取为 101/B1（部门 101·不足100万元，8 个中抽 2 个，含必抽 0 个）",
    ]);

    const reseeded = structuredClone(result);
    reseeded.params.seed = "b";
    expect(replayReviewDraw(reseeded).matches).toBe(false);

    const edited = structuredClone(result);
    edited.population = edited.population.filter((c) => c.code !== codes(result)[3]);
    expect(replayReviewDraw(edited).matches).toBe(false);

    const renoted = structuredClone(result);
    renoted.notes.pop();
    expect(replayReviewDraw(renoted).matches).toBe(false);

    expect(replayReviewDraw({ ...structuredClone(result), algorithm: "selfeval-review-v0" }).differences).toEqual([
      "抽取算法不同：记录为“selfeval-review-v0”，本系统为“selfeval-review-v1”",
    ]);

    const broken = structuredClone(result);
    broken.params.count = 0;
    expect(replayReviewDraw(broken)).toEqual({
      matches: false,
      differences: ["无法按记录重新抽取：抽取数量须为 1 至 2000 之间的整数"],
    });
  });
});
