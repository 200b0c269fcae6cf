import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_DEPT_TEMPLATE, type DeptWideFormula, type DeptWideRow, type DeptWideTemplate } from "./dept-template";
import { DEFAULT_SELFEVAL_RULES, DEFAULT_TIERS } from "./rules";
import { type DeptWideAnswer, scoreDeptWide } from "./score-dept-wide";
import { validateDeptTemplate } from "./validate-dept-template";
import { splitHundredths } from "./weights";

const row = (over: Partial<DeptWideRow> & { formula: DeptWideFormula }): DeptWideRow => ({
  key: "r",
  level1: "过程",
  level2: "预算执行",
  name: "测试指标",
  weight: 10,
  explanation: "评分标准",
  source: null,
  ...over,
});

/** The row under test plus a not-applicable filler so the weights sum to 100. */
function one(formula: DeptWideFormula, weight: number, answer: DeptWideAnswer | undefined) {
  const template: DeptWideTemplate = {
    rows: [row({ key: "r", formula, weight }), row({ key: "fill", formula: { kind: "tiers" }, weight: 100 - weight })],
  };
  const answers: Record<string, DeptWideAnswer> = { fill: { notApplicable: true } };
  if (answer) answers.r = answer;
  const s = scoreDeptWide({ template, answers, tiers: DEFAULT_TIERS });
  const [first] = s.rows;
  if (!first) throw new Error(`no row scored: ${s.how}`);
  return first;
}

const formulaOf = (key: string): DeptWideFormula => {
  const r = DEFAULT_DEPT_TEMPLATE.rows.find((x) => x.key === key);
  if (!r) throw new Error(`no default row ${key}`);
  return r.formula;
};

describe("ratio to a target", () => {
  const atLeast: DeptWideFormula = { kind: "ratio", operator: ">=", target: 100, unit: "%" };
  it("≥: full when met, else actual / target × w, capped", () => {
    expect(one(atLeast, 10, { value: "100%" })).toMatchObject({ status: "scored", points: 10, full: true });
    expect(one(atLeast, 10, { value: "112.5%" })).toMatchObject({ points: 10 });
    expect(one(atLeast, 10, { value: "92.5%" })).toMatchObject({ points: 9.25, full: false });
    expect(one(atLeast, 10, { value: "99.999" }).points).toBe(10); // 9.9999 rounds half up
    expect(one(atLeast, 10, { value: "0" }).points).toBe(0);
  });
  it("≤: target / actual × w", () => {
    const atMost: DeptWideFormula = { kind: "ratio", operator: "<=", target: 5, unit: "%" };
    expect(one(atMost, 4, { value: "5%" }).points).toBe(4);
    expect(one(atMost, 4, { value: "8%" })).toMatchObject({ points: 2.5, how: expect.stringContaining("越低越好") });
  });
  it("never guesses", () => {
    expect(one(atLeast, 10, { value: null }).status).toBe("unscorable");
    expect(one(atLeast, 10, { value: "约90%" }).status).toBe("unscorable");
    expect(one(atLeast, 10, { value: "90万元" }).how).toContain("单位");
    expect(one(atLeast, 10, undefined)).toMatchObject({ status: "unscorable", how: "未填写" });
  });
});

describe("deduction per percentage point", () => {
  const adjust = formulaOf("budgetAdjust"); // over 5%, 0.5 per point, 3 points
  it("exactly at the limit is full; one hundredth over already costs (half up)", () => {
    expect(one(adjust, 3, { value: "5%" })).toMatchObject({ points: 3, full: true });
    // 0.01 point over × 0.5 = 0.005 → 0.01 off
    expect(one(adjust, 3, { value: "5.01%" })).toMatchObject({ points: 2.99, full: false });
    expect(one(adjust, 3, { value: "4.99%" }).points).toBe(3);
    expect(one(adjust, 3, { value: "-2%" }).points).toBe(3);
  });
  it("part-points count in proportion", () => {
    const s = one(adjust, 3, { value: "7.5%" });
    expect(s.points).toBe(1.75);
    expect(s.how).toContain("超出 2.5 个百分点");
    expect(s.how).toContain("扣 1.25 分");
  });
  it("floors at 0 (扣完为止)", () => {
    expect(one(adjust, 3, { value: "11%" }).points).toBe(0);
    expect(one(adjust, 3, { value: "40%" })).toMatchObject({ points: 0, how: expect.stringContaining("扣完为止") });
  });
  it("under a floor: 满意度 below 90%", () => {
    const sat = formulaOf("satisfaction"); // under 90%, 0.5 per point, 10 points
    expect(one(sat, 10, { value: "90%" }).points).toBe(10);
    expect(one(sat, 10, { value: "96%" }).points).toBe(10);
    expect(one(sat, 10, { value: "89.99%" }).points).toBe(9.99);
    expect(one(sat, 10, { value: "87.4%" })).toMatchObject({ points: 8.7, how: expect.stringContaining("低于下限") });
    expect(one(sat, 10, { value: "70" }).points).toBe(0);
  });
  it("one point per point at 100%: 100.01% is 0.01 off", () => {
    expect(one(formulaOf("threePublic"), 3, { value: "100.01%" }).points).toBe(2.99);
  });
  it("reads only percentages", () => {
    expect(one(adjust, 3, { value: "6个" }).status).toBe("unscorable");
    expect(one(adjust, 3, { value: "" })).toMatchObject({ status: "unscorable", how: "未填写实际值" });
  });
});

describe("band table", () => {
  const carry = formulaOf("carryover"); // share of 4 points: <5 100%, 5–10 75%, 10–20 50%, 20–30 25%, ≥30 0
  it.each([
    ["0%", 4],
    ["4.99%", 4],
    ["5%", 3],
    ["9.99", 3],
    ["10%", 2],
    ["29.99%", 1],
    ["30%", 0],
    ["250%", 0],
  ])("%s scores %d (min inclusive, max exclusive)", (value, points) => {
    expect(one(carry, 4, { value }).points).toBe(points);
  });
  it("says which band", () => {
    expect(one(carry, 4, { value: "6.83%" }).how).toBe("实际 6.83% 在“5%（含）—10%”档，得分值的 75%，3.00 分");
  });
  it("a value below every band cannot be scored", () => {
    expect(one(carry, 4, { value: "-1%" })).toMatchObject({
      status: "unscorable",
      how: expect.stringContaining("档次"),
    });
  });
  it("bands in points, open at both ends", () => {
    const f: DeptWideFormula = {
      kind: "bands",
      unit: "%",
      scale: "points",
      bands: [
        { min: null, max: 60, value: 0 },
        { min: 60, max: 80, value: 2.5 },
        { min: 80, max: null, value: 5 },
      ],
    };
    expect(one(f, 5, { value: "-10" }).points).toBe(0);
    expect(one(f, 5, { value: "59.99" }).points).toBe(0);
    expect(one(f, 5, { value: "60" }).points).toBe(2.5);
    expect(one(f, 5, { value: "80" })).toMatchObject({ points: 5, full: true });
  });
});

describe("checklist deduction", () => {
  const compliance = formulaOf("compliance"); // 4 points, 5 items of 1 point
  it("full when nothing failed, else the weight less the deductions", () => {
    expect(one(compliance, 4, { failed: [] })).toMatchObject({ points: 4, full: true });
    expect(one(compliance, 4, { failed: ["approval"] })).toMatchObject({
      points: 3,
      how: expect.stringContaining("资金拨付有完整的审批程序和手续"),
    });
    expect(one(compliance, 4, { failed: ["approval", "approval"] }).points).toBe(3);
  });
  it("all items failed is 0, not negative", () => {
    const all = ["lawful", "approval", "purpose", "noMisuse", "collective"];
    expect(one(compliance, 4, { failed: all })).toMatchObject({ points: 0, how: expect.stringContaining("扣完为止") });
  });
  it("an item the checklist lacks, or no answer, is unscorable", () => {
    expect(one(compliance, 4, { failed: ["approval", "bogus"] })).toMatchObject({
      status: "unscorable",
      how: expect.stringContaining("“bogus”"),
    });
    expect(one(compliance, 4, { value: "1" })).toMatchObject({ status: "unscorable", how: "未填写检查结果" });
  });
  it("failed items on a row that is not a checklist are not ignored", () => {
    expect(one(formulaOf("budgetAdjust"), 3, { value: "5%", failed: ["x"] }).status).toBe("unscorable");
  });
});

describe("qualitative tiers", () => {
  it("as for a project: points inside the tier picked", () => {
    expect(one({ kind: "tiers" }, 5, { tier: "achieved", points: 4.5 })).toMatchObject({
      points: 4.5,
      tier: "achieved",
    });
    expect(one({ kind: "tiers" }, 5, { tier: "partly", points: 3 })).toMatchObject({ points: 3, tier: "partly" });
    expect(one({ kind: "tiers" }, 5, { tier: "achieved", points: 3.99 }).status).toBe("unscorable");
    expect(one({ kind: "tiers" }, 5, { tier: "achieved" }).status).toBe("unscorable");
  });
});

describe("the default template", () => {
  const answers: Record<string, DeptWideAnswer> = {
    goalReasonable: { tier: "achieved", points: 5 },
    goalClear: { tier: "achieved", points: 4.5 },
    staffControl: { value: "102%" }, // 2 points over × 0.5 → 4
    executionRate: { value: "93.17%" }, // 9.317 → 9.32
    budgetAdjust: { value: "6.4%" }, // 1.4 over × 0.5 → 2.30
    carryover: { value: "6.83%" }, // 75% of 4 → 3
    threePublic: { value: "98.5%" }, // 3
    procurement: { value: "100%" }, // 2
    systems: { failed: [] }, // 3
    compliance: { failed: ["collective"] }, // 3
    disclosure: { failed: ["performancePublic"], note: "绩效自评结果未随决算公开" }, // 2
    assets: { failed: [] }, // 3
    keyWork: { value: "95%" }, // 9.5
    onTime: { value: "90%" }, // 6.3
    dutyQuality: { tier: "achieved", points: 7 },
    dutyEffect: { tier: "achieved", points: 13 },
    satisfaction: { value: "87.4%" }, // 2.6 under × 0.5 → 8.7
  };
  it("is valid, and its rules carry it", () => {
    expect(validateDeptTemplate(DEFAULT_DEPT_TEMPLATE)).toEqual({ ok: true, template: DEFAULT_DEPT_TEMPLATE });
    expect(DEFAULT_SELFEVAL_RULES.deptWide).toBe(DEFAULT_DEPT_TEMPLATE);
  });
  it("a worked self-evaluation: 88.62, 良", () => {
    const s = scoreDeptWide({ template: DEFAULT_DEPT_TEMPLATE, answers, tiers: DEFAULT_TIERS });
    expect(s.rows.map((r) => r.points)).toEqual([5, 4.5, 4, 9.32, 2.3, 3, 3, 2, 3, 3, 2, 3, 9.5, 6.3, 7, 13, 8.7]);
    expect(s).toMatchObject({ sum: 88.62, applicableWeight: 100, total: 88.62, grade: "good", unscorable: 0 });
  });
  it("a not-applicable row drops out and the rest is rescaled to 100", () => {
    const s = scoreDeptWide({
      template: DEFAULT_DEPT_TEMPLATE,
      answers: { ...answers, procurement: { notApplicable: true } },
      tiers: DEFAULT_TIERS,
    });
    // 86.62 of the 98 points that count → 86.62 × 100 / 98 = 88.387… → 88.39
    expect(s).toMatchObject({ sum: 86.62, applicableWeight: 98, total: 88.39, grade: "good" });
    expect(s.how).toContain("不适用分值 2.00 剔除");
  });
  it("an unanswered row or an answer to a row the template lacks leaves no total", () => {
    const { keyWork: _gone, ...fewer } = answers;
    const missing = scoreDeptWide({ template: DEFAULT_DEPT_TEMPLATE, answers: fewer, tiers: DEFAULT_TIERS });
    expect(missing).toMatchObject({ total: null, grade: null, unscorable: 1 });
    const stray = scoreDeptWide({
      template: DEFAULT_DEPT_TEMPLATE,
      answers: { ...answers, bogusRow: { value: "1" } },
      tiers: DEFAULT_TIERS,
    });
    expect(stray).toMatchObject({ total: null, unscorable: 1 });
    expect(stray.rows.at(-1)).toMatchObject({
      key: "bogusRow",
      status: "unscorable",
      how: expect.stringContaining("没有指标"),
    });
  });
  it("an invalid template is not scored", () => {
    const broken = { rows: DEFAULT_DEPT_TEMPLATE.rows.slice(1) };
    const s = scoreDeptWide({ template: broken, answers, tiers: DEFAULT_TIERS });
    expect(s).toMatchObject({ rows: [], total: null, how: expect.stringContaining("评分模板") });
  });
});

describe("validateDeptTemplate", () => {
  const withRow = (r: unknown, rest = 90): unknown => ({
    rows: [r, row({ key: "rest", weight: rest, formula: { kind: "tiers" } })],
  });
  const fieldsOf = (t: unknown): string[] => {
    const v = validateDeptTemplate(t);
    return v.ok ? [] : v.issues.map((i) => i.field);
  };
  const issuesOf = (t: unknown) => {
    const v = validateDeptTemplate(t);
    return v.ok ? [] : v.issues;
  };

  it("weights must sum to exactly 100.00", () => {
    expect(issuesOf(withRow(row({ formula: { kind: "tiers" } }), 89.99))).toEqual([
      { field: "rows", message: "各指标分值合计须为 100 分，现为 99.99 分" },
    ]);
    expect(fieldsOf(withRow(row({ formula: { kind: "tiers" }, weight: 3.333 }), 96.667))).toEqual([
      "rows.0.weight",
      "rows.1.weight",
    ]);
    expect(fieldsOf(withRow(row({ formula: { kind: "tiers" }, weight: 0 }), 100))).toEqual(["rows.0.weight"]);
  });
  it("keys unique and well formed, names present", () => {
    expect(fieldsOf(withRow(row({ key: "rest", formula: { kind: "tiers" } })))).toEqual(["rows.1.key"]);
    expect(issuesOf(withRow(row({ key: "rest", formula: { kind: "tiers" } })))[0]?.message).toContain("与第 1 行重复");
    expect(fieldsOf(withRow(row({ key: "预算 x", formula: { kind: "tiers" } })))).toEqual(["rows.0.key"]);
    expect(fieldsOf(withRow(row({ key: "k".repeat(41), formula: { kind: "tiers" } })))).toEqual(["rows.0.key"]);
    expect(fieldsOf(withRow(row({ name: "  ", formula: { kind: "tiers" } })))).toEqual(["rows.0.name"]);
    expect(fieldsOf(withRow(row({ explanation: "", formula: { kind: "tiers" } })))).toEqual(["rows.0.explanation"]);
  });
  it("trims names in the cleaned template and drops unknown fields", () => {
    const v = validateDeptTemplate(withRow({ ...row({ name: " 预算执行率 ", formula: { kind: "tiers" } }), extra: 1 }));
    expect(v.ok && v.template.rows[0]).toEqual(row({ name: "预算执行率", formula: { kind: "tiers" } }));
  });
  it("ratio parameters", () => {
    expect(fieldsOf(withRow(row({ formula: { kind: "ratio", operator: ">" as "=", target: 1, unit: "%" } })))).toEqual([
      "rows.0.formula.operator",
    ]);
    expect(fieldsOf(withRow(row({ formula: { kind: "ratio", operator: ">=", target: 0, unit: "%" } })))).toEqual([
      "rows.0.formula.target",
    ]);
    expect(fieldsOf(withRow(row({ formula: { kind: "ratio", operator: "<=", target: 0, unit: "起" } })))).toEqual([]);
    expect(fieldsOf(withRow(row({ formula: { kind: "ratio", operator: "=", target: 1e-7, unit: "" } })))).toEqual([
      "rows.0.formula.target",
    ]);
  });
  it("deduction per point parameters", () => {
    const f = (over: object) => withRow(row({ formula: { ...formulaOf("budgetAdjust"), ...over } as DeptWideFormula }));
    expect(fieldsOf(f({}))).toEqual([]);
    expect(fieldsOf(f({ limitPercent: -1 }))).toEqual(["rows.0.formula.limitPercent"]);
    expect(fieldsOf(f({ limitPercent: 1001 }))).toEqual(["rows.0.formula.limitPercent"]);
    expect(fieldsOf(f({ perPoint: 0 }))).toEqual(["rows.0.formula.perPoint"]);
    expect(fieldsOf(f({ perPoint: 10.01 }))).toEqual(["rows.0.formula.perPoint"]);
    expect(fieldsOf(f({ direction: "sideways" }))).toEqual(["rows.0.formula.direction"]);
  });
  it("bands ascending, edge to edge, not overlapping", () => {
    const bands = (b: unknown[]) =>
      withRow(row({ formula: { kind: "bands", unit: "%", scale: "points", bands: b } as DeptWideFormula }));
    expect(
      fieldsOf(
        bands([
          { min: 0, max: 50, value: 5 },
          { min: 50, max: null, value: 10 },
        ]),
      ),
    ).toEqual([]);
    // a gap
    expect(
      issuesOf(
        bands([
          { min: 0, max: 50, value: 5 },
          { min: 60, max: null, value: 10 },
        ]),
      ),
    ).toEqual([
      {
        field: "rows.0.formula.bands.1.min",
        message: "第 2 档的下限 60 须等于上一档的上限 50（各档从低到高排列、首尾相接，下限含、上限不含）",
      },
    ]);
    // an overlap
    expect(
      fieldsOf(
        bands([
          { min: 0, max: 50, value: 5 },
          { min: 40, max: null, value: 10 },
        ]),
      ),
    ).toEqual(["rows.0.formula.bands.1.min"]);
    expect(fieldsOf(bands([{ min: 50, max: 50, value: 5 }]))).toEqual(["rows.0.formula.bands.0.max"]);
    expect(
      fieldsOf(
        bands([
          { min: 0, max: null, value: 5 },
          { min: null, max: 9, value: 5 },
        ]),
      ),
    ).toEqual(["rows.0.formula.bands.0.max", "rows.0.formula.bands.1.min"]);
    expect(fieldsOf(bands([{ min: 0, max: null, value: 10.5 }]))).toEqual(["rows.0.formula.bands.0.value"]);
    expect(fieldsOf(bands([]))).toEqual(["rows.0.formula.bands"]);
    const many = Array.from({ length: 21 }, (_, n) => ({ min: n, max: n + 1, value: 1 }));
    expect(issuesOf(bands(many))).toEqual([
      { field: "rows.0.formula.bands", message: "评分档次最多 20 项，现有 21 项" },
    ]);
  });
  it("a checklist non-empty with unique keys and deductions ≥ 0", () => {
    const list = (items: unknown) => withRow(row({ formula: { kind: "checklist", items } as DeptWideFormula }));
    expect(fieldsOf(list([{ key: "a", text: "制度健全", deduction: 0 }]))).toEqual([]);
    expect(fieldsOf(list([]))).toEqual(["rows.0.formula.items"]);
    expect(
      fieldsOf(
        list([
          { key: "a", text: "甲", deduction: 1 },
          { key: "a", text: "乙", deduction: 1 },
        ]),
      ),
    ).toEqual(["rows.0.formula.items.1.key"]);
    expect(fieldsOf(list([{ key: "a", text: "甲", deduction: -1 }]))).toEqual(["rows.0.formula.items.0.deduction"]);
    expect(fieldsOf(list([{ key: "a", text: "", deduction: 1 }]))).toEqual(["rows.0.formula.items.0.text"]);
    const many = Array.from({ length: 31 }, (_, n) => ({ key: `k${n}`, text: "项", deduction: 1 }));
    expect(fieldsOf(list(many))).toEqual(["rows.0.formula.items"]);
  });
  it("the execution-rate source only on a numeric row; formula kinds known", () => {
    expect(fieldsOf(withRow(row({ formula: formulaOf("compliance"), source: "executionRate" })))).toEqual([
      "rows.0.source",
    ]);
    expect(fieldsOf(withRow(row({ formula: formulaOf("carryover"), source: "executionRate" })))).toEqual([]);
    expect(fieldsOf(withRow({ ...row({ formula: { kind: "tiers" } }), source: "budget" }))).toEqual(["rows.0.source"]);
    expect(fieldsOf(withRow(row({ formula: { kind: "guess" } as unknown as DeptWideFormula })))).toEqual([
      "rows.0.formula.kind",
    ]);
  });
  it("hostile input is refused without walking it", () => {
    expect(fieldsOf(null)).toEqual(["rows"]);
    expect(fieldsOf("rows")).toEqual(["rows"]);
    expect(fieldsOf({ rows: "x" })).toEqual(["rows"]);
    expect(fieldsOf({ rows: [] })).toEqual(["rows"]);
    expect(fieldsOf({ rows: [null, 5] })).toEqual(["rows.0", "rows.1"]);
    const huge = { rows: new Array(1_000_000).fill(DEFAULT_DEPT_TEMPLATE.rows[0]) };
    expect(issuesOf(huge)).toEqual([{ field: "rows", message: "评分模板的指标最多 60 项，现有 1000000 项" }]);
  });
});

describe("properties", () => {
  const numberText = fc.oneof(
    fc.integer({ min: -5000, max: 20000 }).map((h) => `${h / 100}%`),
    fc.integer({ min: 0, max: 200 }).map(String),
    fc.constantFrom("约90%", "", "5万元"),
  );
  const rowSpec = fc.record({
    kind: fc.constantFrom("ratio", "deductPerPoint", "bands", "checklist", "tiers"),
    share: fc.integer({ min: 1, max: 100 }),
    a: fc.integer({ min: 1, max: 10000 }),
    b: fc.integer({ min: 1, max: 10000 }),
    cuts: fc.uniqueArray(fc.integer({ min: -100, max: 300 }), { minLength: 1, maxLength: 6 }),
    openLow: fc.boolean(),
    value: numberText,
    failed: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 6 }),
    share2: fc.integer({ min: 0, max: 100 }),
    notApplicable: fc.boolean(),
  });

  it("a total is within 0–100 and each row within its weight", () => {
    fc.assert(
      fc.property(fc.array(rowSpec, { minLength: 1, maxLength: 12 }), (specs) => {
        const weightsH = splitHundredths(
          10_000n,
          specs.map((s) => BigInt(s.share)),
        );
        const answers: Record<string, DeptWideAnswer> = {};
        const rows = specs.map((s, n): DeptWideRow => {
          const wH = Number(weightsH[n] ?? 0n);
          const key = `r${n}`;
          const cap = (h: number) => Math.min(h, wH) / 100;
          const cuts = [...s.cuts].sort((x, y) => x - y);
          const formula: DeptWideFormula =
            s.kind === "ratio"
              ? { kind: "ratio", operator: ([">=", "<=", "="] as const)[s.a % 3] ?? ">=", target: s.b / 100, unit: "%" }
              : s.kind === "deductPerPoint"
                ? {
                    kind: "deductPerPoint",
                    direction: s.a % 2 ? "over" : "under",
                    limitPercent: s.b / 100,
                    perPoint: cap(s.a),
                  }
                : s.kind === "bands"
                  ? {
                      kind: "bands",
                      unit: "%",
                      scale: s.a % 2 ? "points" : "percentOfWeight",
                      bands: cuts.map((c, j) => ({
                        min: j === 0 && s.openLow ? null : c,
                        max: cuts[j + 1] ?? null,
                        value: s.a % 2 ? cap((s.b * (j + 1)) % 10000) : (s.b * (j + 1)) % 101,
                      })),
                    }
                  : s.kind === "checklist"
                    ? {
                        kind: "checklist",
                        items: Array.from({ length: (s.a % 5) + 1 }, (_, j) => ({
                          key: `i${j}`,
                          text: `检查项${j}`,
                          deduction: cap((s.b * (j + 1)) % 10000),
                        })),
                      }
                    : { kind: "tiers" };
          answers[key] = {
            value: s.value,
            failed: s.kind === "checklist" ? s.failed.map((j) => `i${j}`) : [],
            tier: null,
            points: Math.floor((wH * s.share2) / 100) / 100,
            notApplicable: s.notApplicable && n > 0,
          };
          return row({ key, weight: wH / 100, formula });
        });
        const template = { rows };
        expect(validateDeptTemplate(template).ok).toBe(true);
        const s = scoreDeptWide({ template, answers, tiers: DEFAULT_TIERS });
        expect(s.rows).toHaveLength(rows.length);
        for (const r of s.rows) {
          if (r.points === null) continue;
          expect(r.points).toBeGreaterThanOrEqual(0);
          expect(r.points).toBeLessThanOrEqual(r.weight);
        }
        if (s.total !== null) {
          expect(s.total).toBeGreaterThanOrEqual(0);
          expect(s.total).toBeLessThanOrEqual(100);
        }
        const unscorable = s.rows.filter((r) => r.status === "unscorable").length;
        expect(s.unscorable).toBe(unscorable);
        expect(s.total === null).toBe(unscorable > 0 || s.rows.every((r) => r.status !== "scored"));
      }),
    );
  });
});
