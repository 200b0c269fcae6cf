import { describe, expect, it } from "vitest";
import { StampedMemo } from "./memo";

describe("the stamped memo", () => {
  it("computes once per stamp, again when the stamp changes, and shares a computation in flight", async () => {
    const memo = new StampedMemo();
    let runs = 0;
    const compute = async () => ++runs;
    const [a, b] = await Promise.all([memo.remember("k", "s1", compute), memo.remember("k", "s1", compute)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    expect(await memo.remember("k", "s2", compute)).toBe(2);
    expect(await memo.remember("k", "s2", compute)).toBe(2);
    expect(await memo.remember("other", "s2", compute)).toBe(3);
  });

  it("hands the value kept under an older stamp to the next computation", async () => {
    const memo = new StampedMemo();
    expect(await memo.remember<number>("n", "1", async (prev) => (prev?.value ?? 0) + 10)).toBe(10);
    expect(await memo.remember<number>("n", "2", async (prev) => (prev?.value ?? 0) + 5)).toBe(15);
  });

  it("forgets a failed computation and the least recently used entries beyond its capacity", async () => {
    const memo = new StampedMemo(2);
    await expect(memo.remember("k", "s", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await memo.remember("k", "s", async () => "ok")).toBe("ok");
    await memo.remember("a", "s", async () => "a");
    await memo.remember("k", "s", async () => "recomputed?"); // a hit: k becomes most recent
    await memo.remember("b", "s", async () => "b"); // a is dropped
    expect(await memo.remember("k", "s", async () => "again")).toBe("ok");
    expect(await memo.remember("a", "s", async () => "a2")).toBe("a2");
  });
});
