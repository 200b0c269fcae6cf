import { describe, expect, it } from "vitest";
import { DEFAULT_DEPT_TEMPLATE } from "./dept-template";
import { bandLabel, formulaText } from "./formula-text";
import { DEFAULT_TIERS } from "./rules";

const row = (key: string) => DEFAULT_DEPT_TEMPLATE.rows.find((r) => r.key === key)!.formula;

describe("formulas in words", () => {
  it("says what gives full points and how points are lost", () => {
    expect(formulaText(row("staffControl"))).toBe(
      "不超过100%得满分；每超过1个百分点扣0.50分（不足1个百分点按比例扣），扣完为止",
    );
    expect(formulaText(row("satisfaction"))).toContain("不低于90%得满分；每低1个百分点扣0.50分");
    expect(formulaText(row("executionRate"))).toBe("实际值≥100%得满分；未达到时得分 = 实际值 ÷ 目标值 × 分值");
    expect(formulaText({ kind: "ratio", operator: "<=", target: 5, unit: "天" })).toContain("目标值 ÷ 实际值");
  });

  it("lists every band and every checklist item with its deduction", () => {
    const bands = formulaText(row("carryover"));
    expect(bands).toContain("0%（含）—5%得分值的100%");
    expect(bands).toContain("30%及以上得分值的0%");
    const list = formulaText(row("systems"));
    expect(list.match(/扣1\.00分/g)).toHaveLength(3);
    expect(formulaText({ kind: "bands", unit: "个", scale: "points", bands: [{ min: null, max: 3, value: 2 }] })).toBe(
      "按实际值所在区间计分：低于3个得2.00分",
    );
    expect(bandLabel({ min: null, max: null, value: 1 }, "%")).toBe("任何值");
  });

  it("names the tiers of the rules for a qualitative row", () => {
    expect(formulaText({ kind: "tiers" }, DEFAULT_TIERS)).toContain("达成年度指标 80%—100%");
  });
});
