import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forkRng, Rng, seedFromString } from "./random";

const take = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.next());

describe("Rng (mulberry32)", () => {
  it("keeps the stream the demo district was generated with", () => {
    expect(take(new Rng(20240101), 3)).toEqual([0.5047466824762523, 0.39312056615017354, 0.46913501154631376]);
    const orgs = forkRng(20240101, "orgs");
    expect(orgs.next()).toBe(0.22871169564314187);
    expect(orgs.int(1, 6)).toBe(1);
  });

  it("gives the same numbers for the same seed, different ones for another seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        expect(take(new Rng(seed), 20)).toEqual(take(new Rng(seed), 20));
        expect(take(new Rng(seed), 5)).not.toEqual(take(new Rng((seed + 1) >>> 0), 5));
      }),
    );
  });

  it("stays in range", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (seed, min, span) => {
          const rng = new Rng(seed);
          for (let i = 0; i < 50; i++) {
            const x = rng.next();
            expect(x >= 0 && x < 1).toBe(true);
            const k = rng.int(min, min + span);
            expect(Number.isInteger(k) && k >= min && k <= min + span).toBe(true);
            const b = rng.between(min, min + span + 1);
            expect(b >= min && b < min + span + 1).toBe(true);
          }
        },
      ),
    );
  });

  it("spreads int() over every value", () => {
    const rng = new Rng(7);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 6000; i++) counts[rng.int(0, 5)]! += 1;
    for (const c of counts) expect(c).toBeGreaterThan(850);
  });

  it("shuffles into a permutation, reproducibly, without touching the input", () => {
    expect(new Rng(1).shuffle([1, 2, 3, 4, 5, 6, 7, 8])).toEqual([3, 2, 7, 8, 5, 4, 1, 6]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.array(fc.integer()), (seed, items) => {
        const before = items.slice();
        const shuffled = new Rng(seed).shuffle(items);
        expect(items).toEqual(before);
        expect(shuffled.slice().sort()).toEqual(items.slice().sort());
        expect(new Rng(seed).shuffle(items)).toEqual(shuffled);
      }),
    );
  });

  it("refuses to pick from an empty list", () => {
    expect(() => new Rng(1).pick([])).toThrow(RangeError);
  });
});

describe("forkRng", () => {
  it("gives each label its own stream, independent of how much another stream drew", () => {
    const a = forkRng(42, "projects");
    const b = forkRng(42, "execution");
    expect(take(a, 5)).not.toEqual(take(b, 5));
    const fresh = take(forkRng(42, "execution"), 10);
    const other = forkRng(42, "projects");
    take(other, 1000);
    expect(take(forkRng(42, "execution"), 10)).toEqual(fresh);
    expect(take(forkRng(43, "execution"), 10)).not.toEqual(fresh);
  });
});

describe("seedFromString (FNV-1a 32 over UTF-8)", () => {
  it("matches the reference FNV-1a values", () => {
    expect(seedFromString("")).toBe(0x811c9dc5);
    expect(seedFromString("a")).toBe(0xe40c292c);
    expect(seedFromString("foobar")).toBe(0xbf9cf968);
    expect(seedFromString("2024-goal-review")).toBe(0xd752e616);
    expect(seedFromString("目标会审")).toBe(0x42e4e4ba);
  });

  it("is a stable unsigned 32-bit integer", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const h = seedFromString(text);
        expect(Number.isInteger(h) && h >= 0 && h <= 0xffffffff).toBe(true);
        expect(seedFromString(text)).toBe(h);
      }),
    );
    expect(seedFromString("2024-goal-review")).not.toBe(seedFromString("2025-goal-review"));
  });
});
