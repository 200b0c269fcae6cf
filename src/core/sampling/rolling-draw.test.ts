import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rng, seedFromString } from "../random";
import {
  drawRolling,
  type RollingDrawCandidate,
  type RollingDrawParams,
  type RollingDrawResult,
  replayDraw,
  validateDrawParams,
} from "./rolling-draw";

const district: RollingDrawCandidate[] = [
  { code: "105", name: "区教育局", reviewedYears: [2021] },
  { code: "101", name: "区财政局", reviewedYears: [] },
  { code: "104", name: "区卫健委", reviewedYears: [2019, 2023] },
  { code: "102", name: "区民政局", reviewedYears: [2022] },
  { code: "103", name: "区水务局", reviewedYears: [] },
  { code: "106", name: "区文旅局", reviewedYears: [2018] },
  { code: "107", name: "区城管局", reviewedYears: [2021] },
  { code: "108", name: "区农业农村局", reviewedYears: [2020] },
];
const base: RollingDrawParams = {
  year: 2024,
  count: 6,
  lookbackYears: 3,
  seed: "2024-goal-review",
  forced: ["104"],
  excluded: ["102"],
};
const codes = (r: RollingDrawResult) => r.picks.map((p) => p.code);

/** Priority from the documented rule, written independently: last review before the year, none = earliest. */
function priority(c: RollingDrawCandidate, year: number): number {
  const before = c.reviewedYears.filter((y) => y < year);
  return before.length === 0 ? Number.NEGATIVE_INFINITY : Math.max(...before);
}

/** The steps of the file's comment, done the plain way an auditor would. */
function byHand(population: readonly RollingDrawCandidate[], p: RollingDrawParams): string[] {
  const sorted = population.map((c) => c.code).sort();
  const find = (code: string) => population.find((c) => c.code === code)!;
  const eligible = sorted.filter((code) => !p.excluded.includes(code));
  const forced = [...new Set(p.forced)].filter((code) => eligible.includes(code));
  const rest = eligible.filter((code) => !forced.includes(code));
  const rng = new Rng(seedFromString(`${p.seed}:${p.year}`));
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  const keyed = rest.map((code, i) => ({ code, i, k: priority(find(code), p.year) }));
  keyed.sort((a, b) => (a.k === b.k ? a.i - b.i : a.k < b.k ? -1 : 1));
  return [...forced, ...keyed.map((x) => x.code)].slice(0, p.count);
}

/** A population with unique codes, and valid forced/excluded lists (disjoint, forced ≤ count). */
const drawArb = fc
  .uniqueArray(fc.stringMatching(/^[0-9]{3,6}$/), { minLength: 1, maxLength: 40 })
  .chain((cs) =>
    fc.record({
      population: fc.tuple(
        ...cs.map((code) =>
          fc.record({
            code: fc.constant(code),
            name: fc.string({ maxLength: 6 }),
            reviewedYears: fc.uniqueArray(fc.integer({ min: 2012, max: 2026 }), { maxLength: 4 }),
          }),
        ),
      ),
      forced: fc.shuffledSubarray(cs, { maxLength: Math.min(cs.length, 5) }),
      excludedPick: fc.array(fc.boolean(), { minLength: cs.length, maxLength: cs.length }),
      year: fc.integer({ min: 2018, max: 2027 }),
      lookbackYears: fc.integer({ min: 1, max: 10 }),
      seed: fc.string({ maxLength: 12 }),
      extra: fc.integer({ min: 0, max: 45 }),
    }),
  )
  .map(({ population, forced, excludedPick, year, lookbackYears, seed, extra }) => {
    const excluded = population.map((c) => c.code).filter((c, i) => excludedPick[i] && !forced.includes(c));
    const params: RollingDrawParams = {
      year,
      lookbackYears,
      seed,
      forced,
      excluded,
      count: Math.max(1, forced.length + extra),
    };
    return { population: population as RollingDrawCandidate[], params };
  });

describe("drawRolling", () => {
  it("draws forced first, then never reviewed, then oldest review first (the worked example)", () => {
    const result = drawRolling(district, base);
    expect(result.algorithm).toBe("rolling-v1");
    expect(result.populationSize).toBe(8);
    expect(result.params).toEqual(base);
    expect(result.picks).toEqual([
      { code: "104", name: "区卫健委", reason: "forced", lastReviewed: 2023, rank: 1 },
      { code: "101", name: "区财政局", reason: "never_reviewed", lastReviewed: null, rank: 2 },
      { code: "103", name: "区水务局", reason: "never_reviewed", lastReviewed: null, rank: 3 },
      { code: "106", name: "区文旅局", reason: "not_recently", lastReviewed: 2018, rank: 4 },
      { code: "108", name: "区农业农村局", reason: "not_recently", lastReviewed: 2020, rank: 5 },
      { code: "107", name: "区城管局", reason: "rotation", lastReviewed: 2021, rank: 6 },
    ]);
    expect(result.notes).toEqual([
      "总体 8 个部门，排除 1 个，可抽取 7 个；必抽 1 个，按滚动规则抽取 5 个，共抽取 6 个。",
      "1 个部门近 3 年（2021–2023 年）内已会审，因其余部门均已抽中，按上次会审年份从早到晚再次抽取。",
      "最后 1 个名额在 2 个同等优先（上次会审为 2021 年）的部门中按种子“2024-goal-review”随机确定。",
    ]);
  });

  it("gives the same result for the same seed, and a different tie order for another seed", () => {
    expect(drawRolling(district, base)).toEqual(drawRolling(district, base));
    const fresh = Array.from({ length: 30 }, (_, i) => ({
      code: `2${i}`.padStart(4, "0"),
      name: `部门${i}`,
      reviewedYears: [],
    }));
    const params = { ...base, count: 30, forced: [], excluded: [] };
    const a = codes(drawRolling(fresh, params));
    expect(codes(drawRolling(fresh, params))).toEqual(a);
    expect(codes(drawRolling(fresh, { ...params, seed: "2024-goal-review-2" }))).not.toEqual(a);
    expect(codes(drawRolling(fresh, { ...params, year: 2025 }))).not.toEqual(a);
    // the tie at the cut of the worked example falls the other way under some seed
    const winners = new Set(
      ["a", "b", "c", "d", "e", "f", "g", "h"].map((seed) => codes(drawRolling(district, { ...base, seed }))[5]),
    );
    expect(winners).toEqual(new Set(["105", "107"]));
  });

  it("does not depend on the order the population is listed in", () => {
    expect(drawRolling([...district].reverse(), base)).toEqual(drawRolling(district, base));
    fc.assert(
      fc.property(drawArb, fc.integer(), ({ population, params }, s) => {
        const shuffled = new Rng(s).shuffle(population);
        expect(drawRolling(shuffled, params)).toEqual(drawRolling(population, params));
      }),
    );
  });

  it("does exactly what the documented steps say", () => {
    fc.assert(
      fc.property(drawArb, ({ population, params }) => {
        expect(codes(drawRolling(population, params))).toEqual(byHand(population, params));
      }),
    );
  });

  it("keeps its invariants for any valid draw", () => {
    fc.assert(
      fc.property(drawArb, ({ population, params }) => {
        const result = drawRolling(population, params);
        const picked = codes(result);
        const eligible = population.filter((c) => !params.excluded.includes(c.code));
        // no duplicates, ranks 1..n
        expect(new Set(picked).size).toBe(picked.length);
        expect(result.picks.map((p) => p.rank)).toEqual(picked.map((_, i) => i + 1));
        // forced picks always in, and first, in the given order
        expect(picked.slice(0, params.forced.length)).toEqual(params.forced);
        expect(result.picks.filter((p) => p.reason === "forced").length).toBe(params.forced.length);
        // exclusions never in
        for (const code of params.excluded) expect(picked).not.toContain(code);
        // as many as asked, or everyone eligible
        expect(picked.length).toBe(Math.min(params.count, eligible.length));
        // no non-picked eligible candidate has a higher priority than a non-forced pick
        const drawn = result.picks.filter((p) => p.reason !== "forced");
        const left = eligible.filter((c) => !picked.includes(c.code));
        const worstDrawn = Math.max(
          ...drawn.map((p) => priority(population.find((c) => c.code === p.code)!, params.year)),
        );
        for (const c of left) expect(priority(c, params.year)).toBeGreaterThanOrEqual(worstDrawn);
        // the reason and last year follow from the record and the window
        for (const p of result.picks) {
          const k = priority(population.find((c) => c.code === p.code)!, params.year);
          expect(p.lastReviewed).toBe(k === Number.NEGATIVE_INFINITY ? null : k);
          if (p.reason === "forced") continue;
          const expected =
            p.lastReviewed === null
              ? "never_reviewed"
              : p.lastReviewed < params.year - params.lookbackYears
                ? "not_recently"
                : "rotation";
          expect(p.reason).toBe(expected);
        }
        // valid parameters pass validation (count may exceed the eligible, which is reported)
        const issues = validateDrawParams(population, params);
        if (params.count <= eligible.length && params.seed.trim() !== "") expect(issues).toEqual([]);
        // and the record replays
        expect(replayDraw({ population, result })).toEqual({ matches: true, differences: [] });
      }),
    );
  });

  it("rotates: 54 departments, 10 a year, everyone once within 6 years and nobody twice before that", () => {
    for (const lookbackYears of [1, 3, 5, 10]) {
      const population: RollingDrawCandidate[] = Array.from({ length: 54 }, (_, i) => ({
        code: String(120001 + i),
        name: `部门${i + 1}`,
        reviewedYears: [],
      }));
      const firstYear = 2019;
      for (let year = firstYear; year < firstYear + 15; year++) {
        const result = drawRolling(population, {
          year,
          count: 10,
          lookbackYears,
          seed: `${year}-goal-review`,
          forced: [],
          excluded: [],
        });
        expect(result.picks).toHaveLength(10);
        for (const p of result.picks) {
          const picked = population.find((c) => c.code === p.code)!;
          // nobody a second time while someone has not had a first (picks in rank order)
          if (picked.reviewedYears.length > 0) expect(population.every((c) => c.reviewedYears.length > 0)).toBe(true);
          picked.reviewedYears.push(year);
        }
        if (year === firstYear + 5)
          for (const c of population) expect(c.reviewedYears.length).toBeGreaterThanOrEqual(1);
      }
      // and afterwards: every 6 consecutive years review every department (54 / 10 a year, rounded up)
      for (const c of population)
        for (let from = firstYear; from + 5 < firstYear + 15; from++)
          expect(c.reviewedYears.some((y) => y >= from && y <= from + 5)).toBe(true);
    }
  });

  it("notes a count larger than the eligible population and takes everyone", () => {
    const result = drawRolling(district, { ...base, count: 20 });
    expect(result.picks).toHaveLength(7);
    expect(result.notes).toContain("抽取数量 20 超过可抽取的部门数 7，已全部抽取。");
  });

  it("ignores, and notes, forced or excluded codes it cannot honour", () => {
    const result = drawRolling(district, { ...base, forced: ["999", "102", "104", "104"], excluded: ["102", "888"] });
    expect(codes(result)[0]).toBe("104");
    expect(codes(result)).not.toContain("102");
    expect(result.picks.filter((p) => p.reason === "forced")).toHaveLength(1);
    expect(result.notes).toEqual(
      expect.arrayContaining([
        "排除名单中的 888 不在抽取范围内，已忽略。",
        "必抽部门 999 不在抽取范围内，已忽略。",
        "102（区民政局） 同时列为必抽和排除，按排除处理。",
      ]),
    );
    const tooMany = drawRolling(district, { ...base, count: 2, forced: ["108", "101", "104"] });
    expect(codes(tooMany)).toEqual(["108", "101"]);
    expect(tooMany.notes).toContain("必抽部门 3 个，超过抽取数量 2，按所列顺序保留前 2 个；104 未抽中。");
  });

  it("ignores reviews recorded for the draw's year or later", () => {
    const later = district.map((c) => (c.code === "101" ? { ...c, reviewedYears: [2024, 2025] } : c));
    const result = drawRolling(later, base);
    expect(result.picks.find((p) => p.code === "101")).toMatchObject({ reason: "never_reviewed", lastReviewed: null });
    expect(result.notes).toContain("101 有 2024 年及以后的会审记录，本次抽取不计。");
  });

  it("refuses a population with a repeated code", () => {
    expect(() => drawRolling([...district, { code: "101", name: "重复", reviewedYears: [] }], base)).toThrow(
      "抽取范围中部门编码重复：101",
    );
  });
});

describe("validateDrawParams", () => {
  const issues = (p: Partial<RollingDrawParams>, population = district) =>
    validateDrawParams(population, { ...base, ...p });

  it("accepts good parameters", () => {
    expect(issues({})).toEqual([]);
    expect(issues({ count: 7 })).toEqual([]);
  });

  it("names each bad input in Chinese", () => {
    expect(issues({ count: 0 })).toEqual([{ field: "count", message: "抽取数量须为不小于 1 的整数" }]);
    expect(issues({ count: 2.5 })).toEqual([{ field: "count", message: "抽取数量须为不小于 1 的整数" }]);
    expect(issues({ count: 8 })).toEqual([
      { field: "count", message: "抽取数量 8 超过可抽取的部门数 7（共 8 个，排除 1 个）" },
    ]);
    expect(issues({ lookbackYears: 0 })).toEqual([
      { field: "lookbackYears", message: "回溯年限须为 1 至 10 之间的整数" },
    ]);
    expect(issues({ lookbackYears: 11 })).toHaveLength(1);
    expect(issues({ lookbackYears: 1.5 })).toHaveLength(1);
    expect(issues({ lookbackYears: 10 })).toEqual([]);
    expect(issues({ forced: ["104", "999"] })).toEqual([{ field: "forced", message: "必抽的部门 999 不在抽取范围内" }]);
    expect(issues({ excluded: ["777"] })).toEqual([{ field: "excluded", message: "排除的部门 777 不在抽取范围内" }]);
    expect(issues({ forced: ["104"], excluded: ["104"] })).toEqual([
      { field: "forced", message: "部门 104（区卫健委） 不能既列为必抽又列为排除" },
    ]);
    expect(issues({ count: 2, forced: ["101", "103", "104"] })).toEqual([
      { field: "forced", message: "必抽部门 3 个，超过抽取数量 2" },
    ]);
    expect(issues({ forced: ["104", "104"] })).toEqual([
      { field: "forced", message: "必抽的部门 104（区卫健委） 重复列出" },
    ]);
    expect(issues({ excluded: ["102", "102"] })).toEqual([
      { field: "excluded", message: "排除的部门 102（区民政局） 重复列出" },
    ]);
    expect(issues({ seed: "  " })).toEqual([
      { field: "seed", message: "请填写抽取种子（任意文字，如“2024-goal-review”），凭它可重新抽取得到同样的结果" },
    ]);
    expect(issues({ year: 24 })).toEqual([{ field: "year", message: "年度须为四位数的年份" }]);
    expect(issues({}, [...district, { code: "101", name: "重复", reviewedYears: [] }])).toEqual([
      { field: "population", message: "抽取范围中部门编码重复：101" },
    ]);
    expect(issues({ count: 1, forced: [], excluded: [] }, [])).toEqual([
      { field: "count", message: "抽取数量 1 超过可抽取的部门数 0（共 0 个，排除 0 个）" },
    ]);
  });
});

describe("replayDraw", () => {
  const result = drawRolling(district, base);
  const replay = (r: RollingDrawResult, population = district) => replayDraw({ population, result: r });

  it("confirms an untouched record", () => {
    expect(replay(structuredClone(result))).toEqual({ matches: true, differences: [] });
  });

  it("detects a tampered result", () => {
    const swapped = structuredClone(result);
    swapped.picks[5] = { code: "105", name: "区教育局", reason: "rotation", lastReviewed: 2021, rank: 6 };
    expect(replay(swapped)).toEqual({
      matches: false,
      differences: [
        "第 6 个抽中：记录为 105（区教育局，轮换再次抽中，上次会审 2021，第 6 名），" +
          "重新抽取为 107（区城管局，轮换再次抽中，上次会审 2021，第 6 名）",
      ],
    });

    const dropped = structuredClone(result);
    dropped.picks.pop();
    expect(replay(dropped).matches).toBe(false);
    expect(replay(dropped).differences).toContain("抽中数量不同：记录为 5 个，重新抽取为 6 个");

    const reseeded = structuredClone(result);
    reseeded.params.seed = "b";
    expect(replay(reseeded).matches).toBe(false);

    const relabelled = structuredClone(result);
    relabelled.picks[1]!.reason = "forced";
    expect(replay(relabelled).matches).toBe(false);

    const renoted = structuredClone(result);
    renoted.notes.pop();
    expect(replay(renoted).matches).toBe(false);

    const otherAlgorithm = { ...structuredClone(result), algorithm: "rolling-v0" };
    expect(replay(otherAlgorithm).differences).toEqual(["抽取算法不同：记录为“rolling-v0”，本系统为“rolling-v1”"]);

    const resized = { ...structuredClone(result), populationSize: 9 };
    expect(replay(resized).differences).toEqual(["总体数量不同：记录为 9 个，记录的名单实有 8 个"]);
  });

  it("detects a tampered population", () => {
    const edited = district.map((c) => (c.code === "106" ? { ...c, reviewedYears: [2023] } : c));
    expect(replay(result, edited).matches).toBe(false);
    const repeated = [...district, { code: "101", name: "重复", reviewedYears: [] }];
    expect(replay(result, repeated)).toEqual({
      matches: false,
      differences: ["无法按记录重新抽取：抽取范围中部门编码重复：101"],
    });
  });
});
