import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  divRoundHalfUp,
  fenToWan,
  fenToWanExact,
  fenToYi,
  fenToYuan,
  groupThousands,
  parseWan,
  parseYuan,
  yuanNumberToFen,
} from "./money";

describe("money", () => {
  it("parses yuan text into exact fen", () => {
    expect(parseYuan("1234.56")).toBe(123456);
    expect(parseYuan("1,234.5")).toBe(123450);
    expect(parseYuan(" ¥3 ")).toBe(300);
    expect(parseYuan("-0.01")).toBe(-1);
    expect(parseYuan("12.345")).toBeNull();
    expect(parseYuan("一百")).toBeNull();
    expect(parseYuan("1e5")).toBeNull();
    expect(parseYuan("")).toBeNull();
  });

  it("accepts Excel floats that are whole fen and refuses sub-fen amounts", () => {
    expect(yuanNumberToFen(0.1)).toBe(10);
    expect(yuanNumberToFen(1336.64)).toBe(133664);
    expect(yuanNumberToFen(1.005)).toBeNull();
    expect(yuanNumberToFen(Number.NaN)).toBeNull();
  });

  it("shows 万元 and 亿元 rounded half up", () => {
    expect(fenToWan(13_366_400_00)).toBe("1336.64");
    expect(fenToWan(5_000)).toBe("0.01");
    expect(fenToWan(4_999)).toBe("0.00");
    expect(fenToYi(941_234_567_89)).toBe("9.41");
    expect(fenToYi(940_500_000_00)).toBe("9.41");
    expect(fenToYuan(-5)).toBe("-0.05");
    expect(groupThousands("1234567.89")).toBe("1,234,567.89");
    expect(groupThousands("-1000.00")).toBe("-1,000.00");
  });

  it("rounds half away from zero for any sign", () => {
    expect(divRoundHalfUp(5n, 10n)).toBe(1n);
    expect(divRoundHalfUp(-5n, 10n)).toBe(-1n);
    expect(divRoundHalfUp(4n, 10n)).toBe(0n);
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (a, b) => {
          const q = divRoundHalfUp(a, b);
          // |a/b − q| ≤ 1/2  ⇔  |2a − 2qb| ≤ b
          const diff = 2n * a - 2n * q * b;
          return (diff < 0n ? -diff : diff) <= b;
        },
      ),
    );
  });

  it("round-trips any fen amount through its yuan text", () => {
    fc.assert(fc.property(fc.integer({ min: -(10 ** 13), max: 10 ** 13 }), (fen) => parseYuan(fenToYuan(fen)) === fen));
  });

  it("reads 万元 exactly into fen and writes fen back as exact 万元", () => {
    expect(parseWan("500")).toBe(500_000_000);
    expect(parseWan("1,336.64")).toBe(1_336_640_000);
    expect(parseWan("0.000001")).toBe(1);
    expect(parseWan("0.0000001")).toBeNull();
    expect(parseWan("-5")).toBeNull();
    expect(parseWan("5万")).toBeNull();
    expect(parseWan("")).toBeNull();
    expect(fenToWanExact(500_000_000)).toBe("500");
    expect(fenToWanExact(1_336_640_000)).toBe("1336.64");
    expect(fenToWanExact(1)).toBe("0.000001");
    expect(fenToWanExact(0)).toBe("0");
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 15 }), (fen) => parseWan(fenToWanExact(fen)) === fen));
  });
});
