import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GRADES } from "../selfeval/grade";
import { GRADE_SOURCES, type SimulationInputs } from "./inputs";
import type { ResultRule, ResultRuleSet } from "./rules";
import { simulate } from "./simulate";
import { validateRuleSet } from "./validate-rules";

const percent = fc.integer({ min: 0, max: 10_000 }).map((h) => h / 100);
const codes = ["A", "B", "C", "D", "E", "F", "G", "H"];

const rule: fc.Arbitrary<ResultRule> = fc.oneof(
  fc.record({
    kind: fc.constant("grade" as const),
    priority: fc.integer({ min: 1, max: 20 }),
    grade: fc.constantFrom(...GRADES),
    action: fc.constantFrom("cut" as const, "keep" as const, "suspend" as const, "cancel" as const),
    percent,
  }),
  fc.record({
    kind: fc.constant("grade" as const),
    priority: fc.integer({ min: 1, max: 20 }),
    grade: fc.constant("excellent" as const),
    action: fc.constant("raise" as const),
    percent,
    capFen: fc.integer({ min: 1, max: 1_000_000_00 }),
  }),
  fc.record({ kind: fc.constant("departmentScore" as const), priority: fc.integer({ min: 1, max: 20 }), percent }),
  fc.record({
    kind: fc.constant("rectification" as const),
    priority: fc.integer({ min: 1, max: 20 }),
    trigger: fc.constantFrom("unrectified" as const, "overdue" as const),
    action: fc.constant("cut" as const),
    percent,
  }),
  fc.record({
    kind: fc.constant("monitoring" as const),
    priority: fc.integer({ min: 1, max: 20 }),
    action: fc.constant("suspend" as const),
  }),
  fc.record({
    kind: fc.constant("exemption" as const),
    exempt: fc.constantFrom("rigid" as const, "keyProject" as const),
  }),
);

/** Normalises generated rules into a valid set: percentages only where needed, one of each, distinct priorities. */
function toSet(rules: ResultRule[]): ResultRuleSet {
  const clean = rules.map((r, i) => {
    if (r.kind === "exemption") return r;
    const withP = { ...r, priority: i + 1 };
    if (
      (withP.kind === "grade" || withP.kind === "rectification" || withP.kind === "monitoring") &&
      withP.action !== "cut" &&
      withP.action !== "raise"
    )
      delete withP.percent;
    return withP;
  });
  const s: ResultRuleSet = { budgetYear: 2025, name: "随机", rules: clean };
  const v = validateRuleSet(s);
  if (v.ok) return v.ruleSet;
  // Repeats are refused by validation: keep the first of each.
  const bad = new Set(v.issues.map((i) => Number(i.field.split(".")[1])));
  return { ...s, rules: clean.filter((_, i) => !bad.has(i)) };
}

const inputs: fc.Arbitrary<SimulationInputs> = fc
  .record({
    amounts: fc.array(fc.integer({ min: 0, max: 9_000_000_000_000 }), {
      minLength: 1,
      maxLength: codes.length,
    }),
    flags: fc.array(fc.tuple(fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 3 })), {
      minLength: codes.length,
      maxLength: codes.length,
    }),
    results: fc.array(
      fc.record({
        projectCode: fc.constantFrom(...codes),
        source: fc.constantFrom(...GRADE_SOURCES),
        score: fc.bigInt({ min: 0n, max: 10_000n }),
      }),
    ),
    dept: fc.array(fc.bigInt({ min: 0n, max: 10_000n }), { minLength: 3, maxLength: 3 }),
    rect: fc.array(
      fc.record({
        projectCode: fc.constantFrom(...codes),
        open: fc.integer({ min: 0, max: 5 }),
        overdue: fc.integer({ min: 0, max: 5 }),
      }),
    ),
    reds: fc.array(
      fc.record({
        projectCode: fc.constantFrom(...codes),
        month: fc.integer({ min: 1, max: 12 }),
        corrected: fc.boolean(),
      }),
    ),
  })
  .map(({ amounts, flags, results, dept, rect, reds }) => ({
    requests: amounts.map((amount, i) => {
      const [rigid, keyProject, departmentId] = flags[i]!;
      return {
        projectCode: codes[i]!,
        projectName: codes[i]!,
        departmentId,
        departmentName: `部门${departmentId}`,
        amount,
        rigid,
        keyProject,
      };
    }),
    results,
    departmentScores: dept.map((score, i) => ({ departmentId: i + 1, score })),
    rectification: [...new Map(rect.map((r) => [r.projectCode, r])).values()],
    monitoringReds: reds,
  }));

describe("simulate, for any rule set and inputs", () => {
  it("never cuts more than the request, never leaves a negative amount, raises within p% and the cap, and totals the rows exactly", () => {
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 8 }).map(toSet), inputs, (ruleSet, data) => {
        fc.pre(ruleSet.rules.length > 0);
        const s = simulate(ruleSet, data);
        for (const r of s.rows) {
          expect(Number.isSafeInteger(r.cut) && Number.isSafeInteger(r.raise)).toBe(true);
          expect(r.cut).toBeGreaterThanOrEqual(0);
          expect(r.cut).toBeLessThanOrEqual(r.request);
          expect(r.newAmount).toBeGreaterThanOrEqual(0);
          expect(r.newAmount).toBe(r.request - r.cut + r.raise);
          expect(r.cut > 0 && r.raise > 0).toBe(false);
          const rule = r.rule ? ruleSet.rules[r.rule.index]! : null;
          if (r.raise > 0) {
            expect(rule?.kind === "grade" && rule.action === "raise").toBe(true);
            if (rule?.kind === "grade") {
              expect(r.raise).toBeLessThanOrEqual(rule.capFen ?? Number.POSITIVE_INFINITY);
              expect(BigInt(r.raise) * 10_000n).toBeLessThanOrEqual(
                BigInt(r.request) * BigInt(Math.round((rule.percent ?? 0) * 100)) + 5_000n,
              );
            }
          }
          if (rule?.kind === "exemption") expect(r.cut + r.raise).toBe(0);
        }
        const sum = (k: "request" | "cut" | "raise" | "newAmount") => s.rows.reduce((a, r) => a + r[k], 0);
        expect([s.totals.request, s.totals.cut, s.totals.raise, s.totals.newAmount]).toEqual([
          sum("request"),
          sum("cut"),
          sum("raise"),
          sum("newAmount"),
        ]);
        expect(s.totals.byDepartment.reduce((a, d) => a + d.cut, 0)).toBe(s.totals.cut);
        expect(s.totals.byRule.reduce((a, d) => a + d.cut, 0)).toBe(s.totals.cut);
        expect(s.totals.byRule.reduce((a, d) => a + d.projects, 0)).toBe(s.rows.filter((r) => r.rule).length);
      }),
      { numRuns: 300, seed: 20_250_101 },
    );
  });
});
