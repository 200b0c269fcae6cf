import { describe, expect, it } from "vitest";
import { fenToWanText, wanTextToFen } from "./reportForm";

describe("预计全年执行数 typed in 万元", () => {
  it("reads up to six decimals exactly, as fen", () => {
    expect(wanTextToFen("92.64")).toBe(92_640_000);
    expect(wanTextToFen("0.000001")).toBe(1);
    expect(wanTextToFen("1,234.5")).toBe(1_234_500_000);
    expect(wanTextToFen(" ")).toBeNull();
  });
  it("refuses what is not an amount", () => {
    for (const bad of ["-1", "1.0000001", "十万", "1e3", "1.2.3"]) expect(wanTextToFen(bad)).toBeNaN();
  });
  it("writes fen back without trailing zeros, and round-trips", () => {
    expect(fenToWanText(92_640_000)).toBe("92.64");
    expect(fenToWanText(1)).toBe("0.000001");
    expect(fenToWanText(50_000_000)).toBe("50");
    expect(fenToWanText(null)).toBe("");
    for (const fen of [0, 1, 99, 123_456_789, 9_000_000_000_001]) expect(wanTextToFen(fenToWanText(fen))).toBe(fen);
  });
});
