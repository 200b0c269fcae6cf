import { describe, expect, it } from "vitest";
import type { ResultRule, ResultRuleSet } from "./rules";
import { validateRuleSet } from "./validate-rules";

const set = (...rules: ResultRule[]): ResultRuleSet => ({ budgetYear: 2025, name: " 2024年结果应用 ", rules });
const messages = (s: ResultRuleSet) => {
  const v = validateRuleSet(s);
  return v.ok ? [] : v.issues.map((i) => `${i.field} ${i.message}`);
};

describe("validateRuleSet", () => {
  it("accepts the seed's rule and a full set by grade, trimmed", () => {
    const v = validateRuleSet(
      set(
        { kind: "exemption", exempt: "rigid" },
        { kind: "exemption", exempt: "codes", codes: [" P001 "], note: " 区委确定的民生项目 " },
        { kind: "departmentScore", priority: 5, percent: 10 },
        { kind: "grade", priority: 1, grade: "poor", action: "cancel" },
        { kind: "grade", priority: 1, grade: "fair", action: "cut", percent: 12.5 },
        { kind: "grade", priority: 1, grade: "good", action: "keep" },
        { kind: "grade", priority: 9, grade: "excellent", action: "raise", percent: 5, capFen: 50_000_000 },
        { kind: "rectification", priority: 2, trigger: "overdue", action: "suspend" },
        { kind: "rectification", priority: 3, trigger: "unrectified", action: "cut", percent: 0 },
        { kind: "monitoring", priority: 4, action: "cut", percent: 100 },
      ),
    );
    expect(v.ok).toBe(true);
    if (v.ok) {
      expect(v.ruleSet.name).toBe("2024年结果应用");
      expect(v.ruleSet.rules[1]).toEqual({
        kind: "exemption",
        exempt: "codes",
        codes: ["P001"],
        note: "区委确定的民生项目",
      });
    }
  });

  it("refuses a percentage outside 0–100 or with more than two decimals, naming the rule and field", () => {
    expect(
      messages(
        set(
          { kind: "departmentScore", priority: 1, percent: 100.01 },
          { kind: "grade", priority: 2, grade: "fair", action: "cut", percent: -1 },
          { kind: "monitoring", priority: 3, action: "cut", percent: 10.005 },
        ),
      ),
    ).toEqual([
      "rules.0.percent 第1条规则（按部门得分）：比例须在 0 到 100 之间、最多两位小数（现为 100.01）",
      "rules.1.percent 第2条规则（按评价等级）：比例须在 0 到 100 之间、最多两位小数（现为 -1）",
      "rules.2.percent 第3条规则（按监控结果）：比例须在 0 到 100 之间、最多两位小数（现为 10.005）",
    ]);
  });

  it("refuses an unknown grade, kind, action or trigger", () => {
    const bad = set(
      { kind: "grade", priority: 1, grade: "甲" as never, action: "cut", percent: 5 },
      { kind: "grade", priority: 2, grade: "fair", action: "halve" as never },
      { kind: "rectification", priority: 3, trigger: "late" as never, action: "cut", percent: 5 },
      { kind: "bonus" } as never,
    );
    expect(messages(bad)).toEqual([
      "rules.0.grade 第1条规则（按评价等级）：未知的等级“甲”，应为优、良、中、差之一",
      "rules.1.action 第2条规则（按评价等级）：未知的处理方式“halve”",
      "rules.2.trigger 第3条规则（按整改情况）：未知的整改情形“late”",
      "rules.3.kind 第4条规则（未知）：未知的规则类型“bonus”",
    ]);
  });

  it("asks for a percentage where the action needs one, and refuses one where it does not", () => {
    expect(
      messages(
        set(
          { kind: "grade", priority: 1, grade: "fair", action: "cut" },
          { kind: "grade", priority: 1, grade: "poor", action: "cancel", percent: 10 },
        ),
      ),
    ).toEqual([
      "rules.0.percent 第1条规则（按评价等级）：须填写比例",
      "rules.1.percent 第2条规则（按评价等级）：该处理方式不需要比例",
    ]);
  });

  it("lets only 优 be raised, and only a raise carry a cap", () => {
    expect(
      messages(
        set(
          { kind: "grade", priority: 1, grade: "good", action: "raise", percent: 5 },
          { kind: "grade", priority: 1, grade: "fair", action: "cut", percent: 5, capFen: 100 },
          { kind: "grade", priority: 1, grade: "excellent", action: "raise", percent: 5, capFen: 0.5 },
        ),
      ),
    ).toEqual([
      "rules.0.action 第1条规则（按评价等级）：只有“优”等级可以增加预算，“良”不可以",
      "rules.1.capFen 第2条规则（按评价等级）：只有增加预算的规则可以设上限金额",
      "rules.2.capFen 第3条规则（按评价等级）：上限金额须为正的整数分",
    ]);
  });

  it("refuses a shared priority where two rules could meet one project, and allows it for grade rules of different grades", () => {
    expect(
      messages(
        set(
          { kind: "grade", priority: 1, grade: "fair", action: "cut", percent: 5 },
          { kind: "grade", priority: 1, grade: "poor", action: "suspend" },
          { kind: "departmentScore", priority: 1, percent: 10 },
          { kind: "monitoring", priority: 0, action: "suspend" },
        ),
      ),
    ).toEqual([
      "rules.3.priority 第4条规则（按监控结果）：优先级须为 1 到 999 的整数（1 最先适用）",
      "rules.2.priority 第3条规则（按部门得分）：优先级 1 与第1条规则相同，两条规则可能适用于同一项目，须定不同的优先级",
      "rules.2.priority 第3条规则（按部门得分）：优先级 1 与第2条规则相同，两条规则可能适用于同一项目，须定不同的优先级",
    ]);
  });

  it("refuses a repeated rule and an exempted code listed twice or without a note", () => {
    expect(
      messages(
        set(
          { kind: "departmentScore", priority: 1, percent: 10 },
          { kind: "departmentScore", priority: 2, percent: 5 },
          { kind: "grade", priority: 3, grade: "fair", action: "cut", percent: 5 },
          { kind: "grade", priority: 4, grade: "fair", action: "keep" },
          { kind: "exemption", exempt: "rigid" },
          { kind: "exemption", exempt: "rigid" },
          { kind: "exemption", exempt: "codes", codes: ["P1", " "], note: "民生" },
          { kind: "exemption", exempt: "codes", codes: ["P1"] },
        ),
      ),
    ).toEqual([
      "rules.1.kind 第2条规则（按部门得分）：与第1条规则重复",
      "rules.3.kind 第4条规则（按评价等级）：与第3条规则重复",
      "rules.5.kind 第6条规则（豁免）：与第5条规则重复",
      "rules.6.codes.1 第7条规则（豁免）：第2个项目编码为空",
      "rules.7.codes.0 第8条规则（豁免）：项目编码 P1 已在第7条规则中列明",
      "rules.7.note 第8条规则（豁免）：须写明豁免理由",
    ]);
  });

  it("refuses an empty set, a blank name and a year out of range", () => {
    expect(messages({ budgetYear: 1999, name: " ", rules: [] })).toEqual([
      "budgetYear 预算年度须为 2000 到 2100 之间的年份",
      "name 规则集名称为空",
      "rules 规则集至少要有一条规则",
    ]);
  });
});
