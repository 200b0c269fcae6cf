import { describe, expect, it } from "vitest";
import type { ResultRule } from "../../../../src/core/results/rules";
import { validateRuleSet } from "../../../../src/core/results/validate-rules";
import { newRule, placeIssues, prioritiesInOrder, ruleOf, sameRules, splitCodes, valuesOf } from "./ruleForm";

const stored: ResultRule[] = [
  { kind: "exemption", exempt: "codes", codes: ["P001", "P002"], note: "民生兜底" },
  { kind: "departmentScore", priority: 1, percent: 10 },
  { kind: "grade", priority: 2, grade: "excellent", action: "raise", percent: 5, capFen: 50_000_000 },
  { kind: "grade", priority: 2, grade: "poor", action: "suspend" },
  { kind: "rectification", priority: 3, trigger: "overdue", action: "cut", percent: 12.5 },
  { kind: "monitoring", priority: 4, action: "suspend" },
  { kind: "exemption", exempt: "rigid" },
];

describe("rule set form", () => {
  it("shows stored rules and sends them back unchanged", () => {
    const values = stored.map(valuesOf);
    expect(values[2]).toMatchObject({ capWan: "50", percent: 5 });
    expect(values[0]).toMatchObject({ codesText: "P001\nP002", note: "民生兜底" });
    expect(values.map(ruleOf)).toEqual(stored);
  });

  it("drops what the chosen action does not use", () => {
    const edited = { ...valuesOf(stored[2]!), action: "keep" as const };
    expect(ruleOf(edited)).toEqual({ kind: "grade", priority: 2, grade: "excellent", action: "keep" });
    const held = { ...valuesOf(stored[4]!), action: "suspend" as const };
    expect(ruleOf(held)).toEqual({ kind: "rectification", priority: 3, trigger: "overdue", action: "suspend" });
  });

  it("reads codes one a line or separated by commas and spaces", () => {
    expect(splitCodes(" P1\nP2，P3 P4,\n\n")).toEqual(["P1", "P2", "P3", "P4"]);
  });

  it("sends a cap that is not an amount so that the core names it", () => {
    const r = ruleOf({ ...valuesOf(stored[2]!), capWan: "五十" });
    const checked = validateRuleSet({ budgetYear: 2025, name: "x", rules: [r] });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(placeIssues(checked.issues).fields[0]?.name).toEqual(["rules", 0, "capWan"]);
  });

  it("gives a new rule the next priority and numbers priorities in the list's order", () => {
    const values = stored.map(valuesOf);
    expect(newRule("monitoring", values).priority).toBe(5);
    expect(prioritiesInOrder(values).map((r) => r.priority ?? null)).toEqual([null, 1, 2, 3, 4, 5, null]);
  });

  it("places the core's issues on the rule and field they name, without the rule's prefix", () => {
    const rules: ResultRule[] = [
      { kind: "grade", priority: 1, grade: "fair", action: "cut", percent: 120 },
      { kind: "departmentScore", priority: 1, percent: 10 },
      { kind: "exemption", exempt: "codes", codes: ["P1", " "], note: "" },
    ];
    const checked = validateRuleSet({ budgetYear: 2025, name: " ", rules });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const placed = placeIssues(checked.issues);
    expect(placed.general).toEqual([]);
    expect([...placed.rules].sort()).toEqual([0, 1, 2]);
    const at = Object.fromEntries(placed.fields.map((f) => [f.name.join("."), f.errors]));
    expect(at.name).toEqual(["规则集名称为空"]);
    expect(at["rules.0.percent"]?.[0]).toMatch(/^比例须在 0 到 100 之间/);
    expect(at["rules.1.priority"]?.[0]).toMatch(/^优先级 1 与第1条规则相同/);
    expect(at["rules.2.codesText"]).toEqual(["第2个项目编码为空"]);
    expect(at["rules.2.note"]).toEqual(["须写明豁免理由"]);
  });

  it("leaves issues of the whole rule set to the summary", () => {
    expect(placeIssues([{ field: "rules", message: "规则集至少要有一条规则" }]).general).toEqual([
      "规则集至少要有一条规则",
    ]);
  });
});

describe("sameRules", () => {
  it("ignores the order of keys, not the order of rules", () => {
    const a: ResultRule[] = [
      { kind: "departmentScore", priority: 1, percent: 10 },
      { kind: "exemption", exempt: "rigid" },
    ];
    const b = [
      { percent: 10, priority: 1, kind: "departmentScore" },
      { exempt: "rigid", kind: "exemption" },
    ] as ResultRule[];
    expect(sameRules(a, b)).toBe(true);
    expect(sameRules(a, [...b].reverse())).toBe(false);
  });
});
