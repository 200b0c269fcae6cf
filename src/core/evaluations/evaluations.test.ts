import { describe, expect, it } from "vitest";
import { conflictMessage, conflictsFor, type Tie } from "./conflicts";
import { departmentCoverage, keyProjectsDue } from "./coverage";
import { DEFAULT_EVALUATION_FRAMEWORK, type EvaluationFramework, validateFramework } from "./framework";
import { countRectification, isOverdue, nextRectificationStatus } from "./rectification";
import { checkOverride, checkScores, evaluationScore, expertMean, expertTotal, isComplete } from "./scores";
import { summariseEvaluations } from "./summary";
import { canSeeOthersScores, nextEvaluationStatus } from "./workflow";

const F = DEFAULT_EVALUATION_FRAMEWORK;
const withPoints = (changes: Record<string, number>): EvaluationFramework => ({
  ...F,
  rows: F.rows.map((r) => (changes[r.uid] === undefined ? r : { ...r, points: changes[r.uid]! })),
});

describe("evaluation framework", () => {
  it("the default is 100 points with output + benefit 65", () => {
    expect(validateFramework(F)).toEqual([]);
  });
  it("refuses weights that do not sum to 100, naming the total", () => {
    const issues = validateFramework(withPoints({ D1: 4 }));
    expect(issues.map((i) => i.message)).toContain("各指标分值合计应为100分，现为101.00分");
  });
  it("refuses output + benefit below 60 even when the whole is 100", () => {
    // Move 6 points from 产出 (O1 10 → 4) to 决策 (D1 3 → 9): 产出 29 + 效益 30 = 59.
    const issues = validateFramework(withPoints({ O1: 4, D1: 9 }));
    expect(issues).toEqual([
      { field: "rows", message: "产出和效益指标分值合计不得低于60分，现为59.00分（产出29.00、效益30.00）" },
    ]);
  });
  it("accepts exactly 60 for output + benefit", () => {
    expect(validateFramework(withPoints({ O1: 5, D1: 8 }))).toEqual([]);
  });
  it("names the row of a bad or duplicate indicator", () => {
    const f = { ...F, rows: [...F.rows, { ...F.rows[0]!, points: 0.001 }] };
    const messages = validateFramework(f).map((i) => i.message);
    expect(messages).toContain("第20行：指标编号 D1 重复");
    expect(messages).toContain("第20行：分值须大于0、不超过100，最多两位小数");
  });
  it("refuses policy numbers out of range", () => {
    expect(validateFramework({ ...F, conflictYears: -1 }).map((i) => i.field)).toEqual(["conflictYears"]);
  });
});

describe("expert scores", () => {
  const full = Object.fromEntries(F.rows.map((r) => [r.uid, r.points]));
  it("checks each point against its weight", () => {
    expect(checkScores(F.rows, { D1: 3.5, XX: 1, O1: 9.999 }).map((i) => i.uid)).toEqual(["D1", "XX", "O1"]);
    expect(checkScores(F.rows, full)).toEqual([]);
    expect(isComplete(F.rows, full)).toBe(true);
    expect(isComplete(F.rows, { D1: 3 })).toBe(false);
  });
  it("totals exactly in hundredths", () => {
    expect(expertTotal(F.rows, full)).toBe(10000n);
    expect(expertTotal(F.rows, { D1: 0.1, D2: 0.2 })).toBe(30n);
  });
  it("the mean rounds half up to 2 decimals", () => {
    expect(expertMean([8033n, 8034n])).toBe(8034n); // 80.335 → 80.34
    expect(expertMean([8033n, 8033n, 8034n])).toBe(8033n); // 80.3333 → 80.33
    expect(expertMean([8000n, 8001n, 8001n])).toBe(8001n); // 80.00667 → 80.01
    expect(expertMean([])).toBeNull();
  });
  it("an override replaces the mean and keeps it, with the reason", () => {
    const s = evaluationScore([8000n, 8100n], 7800n, "专家未考虑资金挪用问题");
    expect(s).toMatchObject({ mean: 8050n, override: 7800n, score: 7800n, reason: "专家未考虑资金挪用问题" });
    expect(evaluationScore([8000n, 8100n], null, null)).toMatchObject({ mean: 8050n, score: 8050n, override: null });
  });
  it("an override needs a reason and a score within 0–100 of two decimals", () => {
    expect(checkOverride(78, "")).toBe("调整得分须写明理由（至少4个字）");
    expect(checkOverride(100.5, "理由充分的说明")).toBe("调整后的得分须在0至100分之间，最多两位小数");
    expect(checkOverride(78.125, "理由充分的说明")).toBe("调整后的得分须在0至100分之间，最多两位小数");
    expect(checkOverride(78.12, "理由充分的说明")).toBeNull();
    expect(checkOverride(null, null)).toBeNull();
  });
});

describe("blind scoring", () => {
  it("an expert sees others only after submitting their own", () => {
    expect(canSeeOthersScores({ isFinance: false, ownSubmitted: false }, "scoring")).toBe(false);
    expect(canSeeOthersScores({ isFinance: false, ownSubmitted: true }, "scoring")).toBe(true);
    expect(canSeeOthersScores({ isFinance: true, ownSubmitted: false }, "scoring")).toBe(true);
    expect(canSeeOthersScores({ isFinance: false, ownSubmitted: false }, "final")).toBe(true);
  });
});

describe("evaluation workflow", () => {
  it("a department evaluation goes draft → submitted → returned → submitted → final", () => {
    expect(nextEvaluationStatus("department", "draft", "submit")).toBe("submitted");
    expect(nextEvaluationStatus("department", "submitted", "return")).toBe("returned");
    expect(nextEvaluationStatus("department", "returned", "submit")).toBe("submitted");
    expect(nextEvaluationStatus("department", "submitted", "finalise")).toBe("final");
    expect(nextEvaluationStatus("department", "final", "return")).toBeNull();
    expect(nextEvaluationStatus("department", "draft", "open")).toBeNull();
  });
  it("a key evaluation goes draft → scoring → final", () => {
    expect(nextEvaluationStatus("key", "draft", "open")).toBe("scoring");
    expect(nextEvaluationStatus("key", "scoring", "finalise")).toBe("final");
    expect(nextEvaluationStatus("key", "draft", "finalise")).toBeNull();
    expect(nextEvaluationStatus("key", "scoring", "submit")).toBeNull();
  });
});

describe("rectification", () => {
  it("issued → answered → returned → answered → accepted; nothing else", () => {
    expect(nextRectificationStatus("issued", "answer")).toBe("answered");
    expect(nextRectificationStatus("answered", "return")).toBe("returned");
    expect(nextRectificationStatus("returned", "answer")).toBe("answered");
    expect(nextRectificationStatus("answered", "accept")).toBe("accepted");
    expect(nextRectificationStatus("issued", "accept")).toBeNull();
    expect(nextRectificationStatus("accepted", "answer")).toBeNull();
    expect(nextRectificationStatus("accepted", "return")).toBeNull();
  });
  it("is overdue from the day after the deadline, unless answered or accepted", () => {
    const item = { status: "issued" as const, deadline: "2025-06-30" };
    expect(isOverdue(item, "2025-06-30")).toBe(false);
    expect(isOverdue(item, "2025-07-01")).toBe(true);
    expect(isOverdue({ ...item, status: "returned" }, "2025-07-01")).toBe(true);
    expect(isOverdue({ ...item, status: "answered" }, "2025-07-01")).toBe(false);
    expect(isOverdue({ ...item, status: "accepted" }, "2026-01-01")).toBe(false);
  });
  it("counts by status and overdue", () => {
    const c = countRectification(
      [
        { status: "issued", deadline: "2025-06-30" },
        { status: "issued", deadline: "2025-12-31" },
        { status: "answered", deadline: "2025-06-30" },
        { status: "accepted", deadline: "2025-06-30" },
      ],
      "2025-07-01",
    );
    expect(c).toEqual({ items: 4, issued: 2, answered: 1, accepted: 1, returned: 0, overdue: 1 });
  });
});

describe("coverage", () => {
  const dept = (id: number, projects: number, evaluations: number) => ({
    departmentId: id,
    departmentCode: String(100 + id),
    departmentName: `部门${id}`,
    projects,
    evaluations,
    finalised: evaluations,
  });
  it("rates departments meeting the requirement; a department with fewer projects than required meets it with all", () => {
    const c = departmentCoverage([dept(1, 5, 1), dept(2, 5, 0), dept(3, 1, 1), dept(4, 0, 0)], 2);
    expect(c.departments).toBe(3);
    expect(c.covered).toBe(1); // dept 3: 1 of 1; dept 1 has 1 of the 2 required
    expect(c.participating).toBe(2);
    expect(c.rate).toBe("33.33");
  });
  it("54 of 54 is 100.00", () => {
    const all = Array.from({ length: 54 }, (_, i) => dept(i + 1, 10, 1));
    expect(departmentCoverage(all, 1).rate).toBe("100.00");
  });
  it("key projects not evaluated in the cycle are due", () => {
    const p = (code: string, fen: number, years: number[]) => ({
      projectCode: code,
      name: code,
      adjustedFen: fen,
      evaluatedYears: years,
    });
    const due = keyProjectsDue(
      [p("A", 600_0000_00, [2019]), p("B", 600_0000_00, [2020]), p("C", 100, [])],
      2024,
      5,
      500_0000_00,
    );
    expect(due.map((d) => d.projectCode)).toEqual(["A"]);
  });
});

describe("conflicts of interest", () => {
  const ties: Tie[] = [
    { orgPath: "120", kind: "own", year: null, what: "区教育局" },
    { orgPath: "130/130002", kind: "evaluated", year: 2021, what: "2021年评价" },
    { orgPath: "140", kind: "advised", year: 2024, what: "咨询" },
  ];
  it("own organisation covers its units; past work counts within N years, the evaluation year included", () => {
    expect(conflictsFor(ties, "120/120003", 2024, 3).map((t) => t.kind)).toEqual(["own"]);
    expect(conflictsFor(ties, "130/130002", 2024, 3)).toEqual([]); // 2021 is outside 2022–2024
    expect(conflictsFor(ties, "130/130002", 2023, 3).map((t) => t.kind)).toEqual(["evaluated"]);
    expect(conflictsFor(ties, "140/140001", 2024, 3).map((t) => t.kind)).toEqual(["advised"]);
    expect(conflictsFor(ties, "130/130001", 2023, 3)).toEqual([]); // a sibling unit
    expect(conflictsFor(ties, "1200/1", 2024, 3)).toEqual([]); // a prefix that is not the path
  });

  it("a 回避 declared for the spot-check review bars whatever its year, and says so", () => {
    const declared: Tie = { orgPath: "150", kind: "declared", year: null, what: "区卫健局：曾为其审计" };
    expect(conflictsFor([declared], "150/150001", 2030, 0)).toEqual([declared]);
    expect(conflictMessage("测试事务所", declared)).toBe("测试事务所已声明与该单位回避（区卫健局：曾为其审计）");
  });
});

describe("summary", () => {
  it("counts finalised evaluations, sums their amounts in 万元 and averages their scores half up", () => {
    const key = (amount: number, score: bigint, status: "final" | "scoring" = "final") => ({
      kind: "key" as const,
      status,
      amount,
      score,
    });
    const rows = [
      key(6_200_000_00, 8215n),
      key(186_400_00, 7860n),
      key(4_980_000_00, 8120n),
      key(2_000_000_00, 7941n),
      key(1_00, 9900n, "scoring"),
      { kind: "department" as const, status: "final" as const, amount: 100_00, score: 9000n },
    ];
    const coverage = departmentCoverage([], 1);
    const s = summariseEvaluations(2024, rows, coverage, countRectification([], "2025-01-01"));
    expect(s.key.count).toBe(4);
    expect(s.key.amountWan).toBe("1336.64");
    expect(s.key.meanScore).toBe("80.34");
    expect(s.key.byStatus.scoring).toBe(1);
    expect(s.key.grades.map((g) => [g.grade, g.count, g.percent])).toEqual([
      ["excellent", 0, "0.00"],
      ["good", 2, "50.00"],
      ["fair", 2, "50.00"],
      ["poor", 0, "0.00"],
    ]);
    expect(s.department.meanScore).toBe("90.00");
    expect(s.department.grades[0]).toEqual({ grade: "excellent", count: 1, percent: "100.00" });
  });
});
