import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { KEY_REASONS, type KeyReason } from "../monitoring/key-candidates";
import { Rng, seedFromString } from "../random";
import {
  allocateToBands,
  bandLabel,
  bandOf,
  DEFAULT_BUDGET_BANDS,
  drawKeyProjects,
  type KeyDrawCandidate,
  type KeyDrawParams,
  type KeyDrawResult,
  replayKeyDraw,
} from "./key-draw";

const WAN = 1_000_000; // fen in 1万元

/** 16 projects of 4 departments, budgets in every default band, with and without reasons. */
const district: KeyDrawCandidate[] = [
  { code: "101-01", name: "义务教育均衡", departmentCode: "101", budget: 800 * WAN, reasons: ["large_budget"] },
  { code: "101-02", name: "校舍维修", departmentCode: "101", budget: 120 * WAN, reasons: ["lagging"] },
  { code: "101-03", name: "教师培训", departmentCode: "101", budget: 30 * WAN, reasons: [] },
  { code: "101-04", name: "学生资助", departmentCode: "101", budget: 60 * WAN, reasons: ["key_project"] },
  { code: "102-01", name: "医疗救助", departmentCode: "102", budget: 650 * WAN, reasons: ["large_budget", "lagging"] },
  { code: "102-02", name: "公共卫生", departmentCode: "102", budget: 90 * WAN, reasons: [] },
  { code: "102-03", name: "疾病预防", departmentCode: "102", budget: 200 * WAN, reasons: ["poor_results"] },
  { code: "102-04", name: "卫生监督", departmentCode: "102", budget: 15 * WAN, reasons: [] },
  { code: "103-01", name: "河道整治", departmentCode: "103", budget: 1200 * WAN, reasons: ["large_budget"] },
  { code: "103-02", name: "农村供水", departmentCode: "103", budget: 300 * WAN, reasons: ["lagging", "key_project"] },
  { code: "103-03", name: "防汛物资", departmentCode: "103", budget: 40 * WAN, reasons: [] },
  { code: "103-04", name: "水质监测", departmentCode: "103", budget: 25 * WAN, reasons: ["poor_results"] },
  { code: "104-01", name: "城市道路养护", departmentCode: "104", budget: 450 * WAN, reasons: [] },
  { code: "104-02", name: "垃圾分类", departmentCode: "104", budget: 80 * WAN, reasons: ["lagging"] },
  { code: "104-03", name: "绿化管护", departmentCode: "104", budget: 100 * WAN, reasons: [] },
  { code: "104-04", name: "智慧城管", departmentCode: "104", budget: 500 * WAN, reasons: ["key_project"] },
];
const base: KeyDrawParams = {
  year: 2024,
  count: 6,
  seed: "2024-key-monitoring",
  forced: [],
  excluded: [],
  onlyWithReasons: [],
  stratify: "none",
};
const codes = (r: KeyDrawResult) => r.picks.map((p) => p.code);
const sampled = (r: KeyDrawResult) => r.picks.filter((p) => p.reason === "sampled");

/** The steps of the file's comment, done the plain way someone re-running a record by hand would. */
function byHand(population: readonly KeyDrawCandidate[], p: KeyDrawParams): string[] {
  const find = (code: string) => population.find((c) => c.code === code)!;
  const sorted = population.map((c) => c.code).sort();
  const kept = sorted.filter((code) => !p.excluded.includes(code));
  const eligible = kept.filter(
    (code) => p.onlyWithReasons.length === 0 || find(code).reasons.some((r) => p.onlyWithReasons.includes(r)),
  );
  const forced = [...new Set(p.forced)].filter((code) => kept.includes(code)).slice(0, p.count);
  const rest = eligible.filter((code) => !p.forced.includes(code));
  const rng = new Rng(seedFromString(`${p.seed}:${p.year}`));
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  const seats = p.count - forced.length;
  let taken: string[] = [];
  if (p.stratify === "none") taken = rest.slice(0, seats);
  else if (p.stratify === "department") {
    const departments = [...new Set(rest.map((code) => find(code).departmentCode))];
    const lists = departments.map((d) => rest.filter((code) => find(code).departmentCode === d));
    for (let pass = 0; pass < rest.length; pass++) for (const list of lists) if (list[pass]) taken.push(list[pass]!);
    taken = taken.slice(0, seats);
  } else if (rest.length > 0) {
    const edges = p.budgetBands ?? DEFAULT_BUDGET_BANDS;
    const band = (code: string) =>
      Math.max(
        0,
        edges.findLastIndex((e) => e <= find(code).budget),
      );
    const sizes = edges.map((_, i) => rest.filter((code) => band(code) === i).length);
    const total = rest.length;
    // proportional quotas by exact fractions, largest remainder, lower band first on ties
    const quotas = sizes.map((s) => Math.floor((seats * s) / total));
    const order = sizes.map((s, i) => ({ i, rem: (seats * s) % total })).sort((a, b) => b.rem - a.rem || a.i - b.i);
    const free = seats - quotas.reduce((a, b) => a + b, 0);
    for (let k = 0; k < free; k++) quotas[order[k]!.i]! += 1;
    let excess = 0;
    for (const [i, s] of sizes.entries())
      if (quotas[i]! > s) {
        excess += quotas[i]! - s;
        quotas[i] = s;
      }
    sizes.forEach((s, i) => {
      const add = Math.min(s - quotas[i]!, excess);
      quotas[i]! += add;
      excess -= add;
    });
    for (const code of rest)
      if (quotas[band(code)]! > 0) {
        quotas[band(code)]! -= 1;
        taken.push(code);
      }
  }
  return [...forced, ...taken];
}

const reasonArb = fc.subarray([...KEY_REASONS]) as fc.Arbitrary<KeyReason[]>;

/** Any population with unique codes, and any parameters (forced and excluded may overlap or be unknown). */
const drawArb = fc
  .uniqueArray(fc.stringMatching(/^[0-9A-Z]{2,5}$/), { minLength: 0, maxLength: 40 })
  .chain((cs) =>
    fc.record({
      population: fc.tuple(
        ...cs.map((code) =>
          fc.record({
            code: fc.constant(code),
            name: fc.string({ maxLength: 6 }),
            departmentCode: fc.constantFrom("101", "102", "103", "104", "105"),
            budget: fc.oneof(fc.integer({ min: 0, max: 20 * 500 * WAN }), fc.constantFrom(0, 100 * WAN, 500 * WAN)),
            reasons: reasonArb,
          }),
        ),
      ),
      forced: fc.array(fc.oneof(fc.constantFrom(...cs, "X1"), fc.constant("X2")), { maxLength: 6 }),
      excluded: fc.array(fc.oneof(fc.constantFrom(...cs, "X3")), { maxLength: 8 }),
      onlyWithReasons: reasonArb,
      stratify: fc.constantFrom("none", "department", "budget") as fc.Arbitrary<KeyDrawParams["stratify"]>,
      budgetBands: fc.option(
        fc
          .uniqueArray(fc.integer({ min: 0, max: 2_000 * WAN }), { minLength: 1, maxLength: 4 })
          .map((b) => b.sort((x, y) => x - y)),
        { nil: undefined },
      ),
      year: fc.integer({ min: 2018, max: 2030 }),
      seed: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ""),
      count: fc.integer({ min: 1, max: 45 }),
    }),
  )
  .map(({ population, ...params }) => ({
    population: population as KeyDrawCandidate[],
    params: params as KeyDrawParams,
  }));

describe("drawKeyProjects", () => {
  it("records the algorithm, the parameters and the population", () => {
    const result = drawKeyProjects(district, base);
    expect(result.algorithm).toBe("key-monitoring-v1");
    expect(result.params).toEqual({ ...base, budgetBands: DEFAULT_BUDGET_BANDS });
    expect(result.population).toEqual([...district].sort((a, b) => (a.code < b.code ? -1 : 1)));
    expect(result.eligibleSize).toBe(16);
    expect(result.picks).toHaveLength(6);
    expect(result.picks.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(result.picks.every((p) => p.reason === "sampled" && p.stratum === null)).toBe(true);
    expect(result.notes).toEqual([
      "总体 16 个项目，排除 0 个，可抽取 16 个；必抽 0 个，随机抽取 6 个，共抽取 6 个。",
      "随机顺序由种子“2024-key-monitoring”与年度 2024 确定。",
    ]);
  });

  it("gives the same picks for the same input, and others for another seed or year", () => {
    const a = drawKeyProjects(district, base);
    expect(drawKeyProjects(structuredClone(district), { ...base })).toEqual(a);
    expect(codes(drawKeyProjects(district, { ...base, seed: "another" }))).not.toEqual(codes(a));
    expect(codes(drawKeyProjects(district, { ...base, year: 2025 }))).not.toEqual(codes(a));
  });

  it("does not depend on the order the population is listed in", () => {
    for (const stratify of ["none", "department", "budget"] as const)
      expect(drawKeyProjects([...district].reverse(), { ...base, stratify })).toEqual(
        drawKeyProjects(district, { ...base, stratify }),
      );
    fc.assert(
      fc.property(drawArb, fc.integer(), ({ population, params }, s) => {
        const shuffled = new Rng(s).shuffle(population);
        expect(drawKeyProjects(shuffled, params)).toEqual(drawKeyProjects(population, params));
      }),
    );
  });

  it("does exactly what the documented steps say", () => {
    for (const stratify of ["none", "department", "budget"] as const)
      for (const count of [1, 5, 9, 16, 20])
        expect(codes(drawKeyProjects(district, { ...base, stratify, count }))).toEqual(
          byHand(district, { ...base, stratify, count }),
        );
    fc.assert(
      fc.property(drawArb, ({ population, params }) => {
        expect(codes(drawKeyProjects(population, params))).toEqual(byHand(population, params));
      }),
    );
  });

  it("puts forced picks first, in the order given, and never picks an excluded project", () => {
    const params = { ...base, forced: ["104-04", "101-03"], excluded: ["102-01", "103-01", "101-01"] };
    for (const stratify of ["none", "department", "budget"] as const) {
      const result = drawKeyProjects(district, { ...params, stratify });
      expect(codes(result).slice(0, 2)).toEqual(["104-04", "101-03"]);
      expect(result.picks.slice(0, 2).map((p) => [p.reason, p.stratum])).toEqual([
        ["forced", null],
        ["forced", null],
      ]);
      expect(sampled(result)).toHaveLength(4);
      for (const code of params.excluded) expect(codes(result)).not.toContain(code);
    }
  });

  it("notes forced or excluded codes it cannot honour, and forced picks beyond the count", () => {
    const result = drawKeyProjects(district, {
      ...base,
      forced: ["999", "102-01", "104-04", "104-04"],
      excluded: ["102-01", "888"],
    });
    expect(result.picks.filter((p) => p.reason === "forced").map((p) => p.code)).toEqual(["104-04"]);
    expect(codes(result)).not.toContain("102-01");
    expect(result.notes).toEqual(
      expect.arrayContaining([
        "排除名单中的 888 不在抽取范围内，已忽略。",
        "必抽项目 999 不在抽取范围内，已忽略。",
        "102-01（医疗救助） 同时列为必抽和排除，按排除处理。",
      ]),
    );
    const tooMany = drawKeyProjects(district, { ...base, count: 2, forced: ["103-03", "101-01", "104-01"] });
    expect(codes(tooMany)).toEqual(["103-03", "101-01"]);
    expect(tooMany.notes).toContain("必抽项目 3 个，超过抽取数量 2，按所列顺序保留前 2 个；104-01 未抽中。");
  });

  it("draws at random only among projects with one of the reasons asked for, forced picks aside", () => {
    const only: KeyReason[] = ["lagging", "poor_results"];
    const result = drawKeyProjects(district, { ...base, count: 5, onlyWithReasons: only, forced: ["101-03"] });
    // 101-02, 102-01, 102-03, 103-02, 103-04, 104-02 have one of them
    expect(result.eligibleSize).toBe(6);
    expect(codes(result)[0]).toBe("101-03");
    expect(sampled(result)).toHaveLength(4);
    for (const p of sampled(result)) expect(p.reasons.some((r) => only.includes(r))).toBe(true);
    expect(result.notes).toEqual(
      expect.arrayContaining([
        "总体 16 个项目，排除 0 个，不具有限定理由（执行滞后、以往绩效较差）的 10 个，可抽取 6 个；" +
          "必抽 1 个，随机抽取 4 个，共抽取 5 个。",
        "101-03（教师培训） 不具有限定的重点监控理由，因列为必抽仍予抽取。",
      ]),
    );
    const all = drawKeyProjects(district, { ...base, count: 10, onlyWithReasons: only });
    expect(codes(all).sort()).toEqual(["101-02", "102-01", "102-03", "103-02", "103-04", "104-02"]);
    expect(all.notes).toContain("抽取数量 10 超过可抽取的项目数 6，已全部抽取。");
  });

  it("by department, takes one per department per pass", () => {
    for (const count of [1, 4, 6, 8, 11, 16]) {
      const result = drawKeyProjects(district, { ...base, count, stratify: "department" });
      expect(result.picks).toHaveLength(count);
      const per = new Map<string, number>();
      for (const p of result.picks) per.set(p.departmentCode, (per.get(p.departmentCode) ?? 0) + 1);
      for (const n of per.values()) expect(n).toBeLessThanOrEqual(Math.ceil(count / 4));
      if (count >= 4) expect(per.size).toBe(4);
      expect(result.picks.every((p) => p.stratum === p.departmentCode)).toBe(true);
    }
    // passes: the first four picks are four different departments, and so are the next four
    const eight = drawKeyProjects(district, { ...base, count: 8, stratify: "department" });
    expect(new Set(eight.picks.slice(0, 4).map((p) => p.departmentCode)).size).toBe(4);
    expect(new Set(eight.picks.slice(4).map((p) => p.departmentCode)).size).toBe(4);
    expect(eight.notes).toContain("按主管部门分层：4 个部门按随机顺序轮流抽取，每轮每个部门 1 个，共抽取 8 个。");
  });

  it("by department, gives a department two more than another only once the other has run out", () => {
    fc.assert(
      fc.property(drawArb, ({ population, params }) => {
        const p = { ...params, stratify: "department" as const, forced: [] };
        const result = drawKeyProjects(population, p);
        const eligible = population.filter(
          (c) =>
            !p.excluded.includes(c.code) &&
            (p.onlyWithReasons.length === 0 || c.reasons.some((r) => p.onlyWithReasons.includes(r))),
        );
        const picked = (d: string) => result.picks.filter((x) => x.departmentCode === d).length;
        const size = (d: string) => eligible.filter((c) => c.departmentCode === d).length;
        const departments = [...new Set(eligible.map((c) => c.departmentCode))];
        for (const a of departments)
          for (const b of departments) if (picked(a) > picked(b) + 1) expect(picked(b)).toBe(size(b));
      }),
    );
  });

  it("by budget, allocates the seats in proportion to the bands (a case worked by hand)", () => {
    // 6 under 100万元, 3 from 100万元 to under 500万元, 1 of 500万元 or more; 5 seats:
    // 5·6/10 = 3, 5·3/10 = 1.5, 5·1/10 = 0.5 → floors 3, 1, 0; one seat left; remainders 0, 0.5, 0.5
    // → the tie goes to the lower band: 3, 2, 0.
    const budgets = [10, 20, 30, 40, 50, 99.99, 100, 250, 499.99, 500].map((w) => Math.round(w * WAN));
    const population = budgets.map(
      (budget, i): KeyDrawCandidate => ({
        code: `P${String(i).padStart(2, "0")}`,
        name: `项目${i}`,
        departmentCode: "101",
        budget,
        reasons: [],
      }),
    );
    const result = drawKeyProjects(population, { ...base, count: 5, stratify: "budget" });
    const inBand = (label: string) => result.picks.filter((p) => p.stratum === label).length;
    expect(inBand("不足100万元")).toBe(3);
    expect(inBand("100万元至不足500万元")).toBe(2);
    expect(inBand("500万元及以上")).toBe(0);
    expect(result.notes).toContain(
      "按预算规模分层（按各层项目数比例分配，最大余数法）：不足100万元 6 个中抽 3 个；" +
        "100万元至不足500万元 3 个中抽 2 个；500万元及以上 1 个中抽 0 个。",
    );
    // forced picks take seats first; the rest is allocated over what remains: 4 seats over 5, 3, 1
    const forced = drawKeyProjects(population, { ...base, count: 5, stratify: "budget", forced: ["P00"] });
    expect(codes(forced)[0]).toBe("P00");
    expect(forced.notes).toContain(
      "按预算规模分层（按各层项目数比例分配，最大余数法）：不足100万元 5 个中抽 2 个；" +
        "100万元至不足500万元 3 个中抽 1 个；500万元及以上 1 个中抽 1 个。",
    );
  });

  it("refuses bad parameters with KEY_DRAW_INVALID, naming the field", () => {
    const refused = (p: Partial<KeyDrawParams>, population = district) => {
      try {
        drawKeyProjects(population, { ...base, ...p });
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        const e = error as AppError;
        expect(e.code).toBe("KEY_DRAW_INVALID");
        expect(e.kind).toBe("validation");
        return (e.details as { issues: { field: string; message: string }[] }).issues;
      }
      throw new Error("not refused");
    };
    const countIssue = [{ field: "count", message: "抽取数量须为 1 至 1000 之间的整数" }];
    expect(refused({ count: 0 })).toEqual(countIssue);
    expect(refused({ count: 1001 })).toEqual(countIssue);
    expect(refused({ count: 2.5 })).toEqual(countIssue);
    expect(drawKeyProjects(district, { ...base, count: 1000 }).picks).toHaveLength(16);
    expect(refused({ seed: " \t" })).toEqual([
      { field: "seed", message: "请填写抽取种子（任意文字，如“2024-key-monitoring”），凭它可重新抽取得到同样的结果" },
    ]);
    expect(refused({ year: 24 })).toEqual([{ field: "year", message: "年度须为四位数的年份" }]);
    expect(refused({ stratify: "budget", budgetBands: [0, 500 * WAN, 100 * WAN] })).toEqual([
      { field: "budgetBands", message: "预算规模分层的下限须为至少一个、从小到大排列且互不相同的整数（分）" },
    ]);
    expect(refused({ stratify: "budget", budgetBands: [] })).toHaveLength(1);
    expect(refused({ stratify: "random" as KeyDrawParams["stratify"] })[0]?.field).toBe("stratify");
    expect(refused({ onlyWithReasons: ["late" as KeyReason] })).toEqual([
      { field: "onlyWithReasons", message: "限定理由无法识别：late" },
    ]);
    expect(refused({}, [...district, { ...district[0]!, name: "重复" }])).toEqual([
      { field: "population", message: "抽取范围中项目编码重复：101-01" },
    ]);
  });

  it("keeps its invariants for any draw", () => {
    fc.assert(
      fc.property(drawArb, ({ population, params }) => {
        const result = drawKeyProjects(population, params);
        const picked = codes(result);
        const known = new Set(population.map((c) => c.code));
        const eligible = population
          .filter(
            (c) =>
              !params.excluded.includes(c.code) &&
              (params.onlyWithReasons.length === 0 || c.reasons.some((r) => params.onlyWithReasons.includes(r))),
          )
          .map((c) => c.code);
        const forced = [...new Set(params.forced)].filter((c) => known.has(c) && !params.excluded.includes(c));
        const allowed = new Set([...eligible, ...forced]);
        // picks ⊆ eligible ∪ forced, no duplicates, as many as asked or all there are
        for (const code of picked) expect(allowed.has(code)).toBe(true);
        expect(new Set(picked).size).toBe(picked.length);
        expect(picked.length).toBe(Math.min(params.count, allowed.size));
        // forced first, in the given order; exclusions never
        expect(picked.slice(0, Math.min(forced.length, params.count))).toEqual(forced.slice(0, params.count));
        for (const code of params.excluded) expect(picked).not.toContain(code);
        expect(result.picks.map((p) => p.rank)).toEqual(picked.map((_, i) => i + 1));
        // and the record replays
        expect(replayKeyDraw(structuredClone(result))).toEqual({ matches: true, differences: [] });
      }),
    );
  });
});

describe("allocateToBands", () => {
  it("allocates proportionally with the largest remainder, ties to the lower band", () => {
    expect(allocateToBands(5, [6, 3, 1])).toEqual([3, 2, 0]);
    expect(allocateToBands(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocateToBands(4, [0, 5, 5])).toEqual([0, 2, 2]);
    expect(allocateToBands(7, [3, 3, 1])).toEqual([3, 3, 1]);
    expect(allocateToBands(3, [10, 1, 1])).toEqual([3, 0, 0]);
    // 9 over 1, 4, 6: 0.82, 3.27, 4.91 → floors 0, 3, 4 and the two free seats to bands 2 and 0
    expect(allocateToBands(9, [1, 4, 6])).toEqual([1, 3, 5]);
    expect(allocateToBands(0, [4, 4])).toEqual([0, 0]);
    expect(allocateToBands(3, [0, 0])).toEqual([0, 0]);
  });

  it("gives the excess of a band that is short to the others in band order", () => {
    // 10 seats over 2 + 3: 4 and 6 capped at 2 and 3, nothing left to give
    expect(allocateToBands(10, [2, 3])).toEqual([2, 3]);
    // 7 seats over 1 + 2 + 2: 1.4, 2.8, 2.8 → 1, 3, 3 (ties to the lower band) → capped at 1, 2, 2
    expect(allocateToBands(7, [1, 2, 2])).toEqual([1, 2, 2]);
  });

  it("never gives a band more than it holds, and uses every seat it can", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.array(fc.nat(20), { minLength: 1, maxLength: 5 }), (n, sizes) => {
        const seats = allocateToBands(n, sizes);
        for (const [i, s] of seats.entries()) expect(s).toBeLessThanOrEqual(sizes[i]!);
        expect(seats.reduce((a, b) => a + b, 0)).toBe(
          Math.min(
            n,
            sizes.reduce((a, b) => a + b, 0),
          ),
        );
      }),
    );
  });
});

describe("bands", () => {
  it("puts a budget in the last band whose lower edge it reaches, and names the bands", () => {
    expect(bandOf(DEFAULT_BUDGET_BANDS, 0)).toBe(0);
    expect(bandOf(DEFAULT_BUDGET_BANDS, 100 * WAN - 1)).toBe(0);
    expect(bandOf(DEFAULT_BUDGET_BANDS, 100 * WAN)).toBe(1);
    expect(bandOf(DEFAULT_BUDGET_BANDS, 500 * WAN)).toBe(2);
    expect(bandOf([50 * WAN, 200 * WAN], 10 * WAN)).toBe(0);
    expect([0, 1, 2].map((i) => bandLabel(DEFAULT_BUDGET_BANDS, i))).toEqual([
      "不足100万元",
      "100万元至不足500万元",
      "500万元及以上",
    ]);
    expect(bandLabel([0], 0)).toBe("全部");
    expect(bandLabel([0, 150 * WAN + 50], 1)).toBe("150.00万元及以上");
  });
});

describe("replayKeyDraw", () => {
  const result = drawKeyProjects(district, {
    ...base,
    stratify: "department",
    forced: ["103-01"],
    excluded: ["101-01"],
  });

  it("confirms an untouched record", () => {
    expect(replayKeyDraw(structuredClone(result))).toEqual({ matches: true, differences: [] });
  });

  it("detects a tampered result, parameters or population", () => {
    const swapped = structuredClone(result);
    const outside = district.find((c) => !codes(result).includes(c.code) && c.code !== "101-01")!;
    const original = swapped.picks[5]!;
    swapped.picks[5] = { ...original, code: outside.code, name: outside.name };
    expect(replayKeyDraw(swapped).differences).toEqual([
      `第 6 个抽中：记录为 ${outside.code}（${outside.name}，随机抽取，分层 ${original.stratum}，第 6 名），` +
        `重新抽取为 ${original.code}（${original.name}，随机抽取，分层 ${original.stratum}，第 6 名）`,
    ]);

    const reseeded = structuredClone(result);
    reseeded.params.seed = "b";
    expect(replayKeyDraw(reseeded).matches).toBe(false);

    const edited = structuredClone(result);
    edited.population = edited.population.filter((c) => c.code !== codes(result)[3]);
    expect(replayKeyDraw(edited).matches).toBe(false);

    const renoted = structuredClone(result);
    renoted.notes.pop();
    expect(replayKeyDraw(renoted).matches).toBe(false);

    const otherAlgorithm = { ...structuredClone(result), algorithm: "key-monitoring-v0" };
    expect(replayKeyDraw(otherAlgorithm).differences).toEqual([
      "抽取算法不同：记录为“key-monitoring-v0”，本系统为“key-monitoring-v1”",
    ]);

    const broken = structuredClone(result);
    broken.params.count = 0;
    expect(replayKeyDraw(broken)).toEqual({
      matches: false,
      differences: ["无法按记录重新抽取：抽取数量须为 1 至 1000 之间的整数"],
    });
  });
});
