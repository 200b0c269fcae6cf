import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDepartmentRanking } from "../../src/app/results/department-ranking";
import { createUnitOfWork } from "../../src/db/repos";
import { rows } from "../../src/db/repos/rows";
import { DEMO_BELOW_AVERAGE, DEMO_REQUESTS } from "../../src/demo/requests";
import { type TestApp, testApp } from "../support/app";

/** The demo district's 2024 ran through the plan, the declaration and the workflow on its own days. */
let t: TestApp;
let finance: string;
beforeAll(async () => {
  t = await testApp();
  finance = await t.login("finance");
});
afterAll(() => t.close());

const day = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe("the demo's 2024 goal declaration", () => {
  it("has its plan stored and its declaration opened in the autumn of 2023, by finance", async () => {
    const plan = (await t.as(finance, "GET", "/api/v1/plan?year=2024")).json();
    expect(plan.stored).toBe(true);
    const declaration = plan.phases.find((p: { phase: string }) => p.phase === "goal_declaration");
    expect(declaration).toMatchObject({ startsOn: "2023-09-01", endsOn: "2023-10-31", dueOn: "2023-10-31" });
    expect(day(declaration.openedAt)).toBe("2023-09-01");
  });

  it("shows every task done, four of them late after a return by finance", async () => {
    const progress = (await t.as(finance, "GET", "/api/v1/tasks/progress?year=2024")).json();
    expect(progress.total).toMatchObject({ total: 205, done: 205, overdue: 0, doneLate: 4, approvalRate: 1 });
    const [late] = await rows<{ id: number }>(
      t.db.orm,
      sql`select g.id from goal_tables g join goal_transitions r on r.goal_table_id = g.id
          where g.fiscal_year = 2024 and r.action = 'return' order by g.id limit 1`,
    );
    const table = (await t.as(finance, "GET", `/api/v1/goals/tables/${late!.id}`)).json();
    const steps = table.transitions.map((s: { action: string; at: string; actorName: string }) => [
      s.action,
      day(s.at),
      s.actorName,
    ]);
    // Submitted and approved by the department before the due day, returned by finance, resubmitted after it.
    expect(steps.map((s: string[]) => s[0])).toEqual(["submit", "approve", "return", "submit", "approve", "approve"]);
    expect(steps[0]![1]! <= "2023-10-31" && steps[3]![1]! > "2023-10-31").toBe(true);
    expect(steps[2]![2]).toBe("财政局管理员");
    expect(steps.every((s: string[]) => s[1]?.startsWith("2023-"))).toBe(true);
  });

  it("dates the on-site review draws inside their year", async () => {
    const draws = await rows<{ fiscal_year: number; created_at: Date | string }>(
      t.db.orm,
      sql`select fiscal_year, created_at from review_draws order by fiscal_year`,
    );
    expect(draws.map((d) => [d.fiscal_year, day(String(new Date(d.created_at).toISOString()))])).toEqual([
      [2022, "2022-03-01"],
      [2023, "2023-03-01"],
      [2024, "2024-03-01"],
    ]);
  });
});

describe("the demo's 2024 self-evaluation and spot-check review", () => {
  it("self-evaluated every project and department, each form approved by finance in 2025", async () => {
    const coverage = (await t.as(finance, "GET", "/api/v1/selfeval/coverage?year=2024")).json();
    expect([coverage.project.subjects, coverage.project.approved]).toEqual([1713, 1713]);
    expect([coverage.deptWide.subjects, coverage.deptWide.approved]).toEqual([54, 54]);
    const [dates] = await rows<{ first: string; last: string; open: number }>(
      t.db.orm,
      sql`select min(updated_at)::date::text as first, max(updated_at)::date::text as last,
                 count(*) filter (where status <> 'approved')::int as open
          from selfeval_forms where fiscal_year = 2024`,
    );
    expect(dates!.open).toBe(0);
    expect(dates!.first >= "2025-01-01" && dates!.last <= "2025-04-30").toBe(true);
  });

  it("drew 97 projects and every department on a recorded seed, and the confirmed reviews grade as the report says", async () => {
    const { draw, replay } = (await t.as(finance, "GET", "/api/v1/review/draws?year=2024")).json();
    expect(draw.params).toMatchObject({ count: 97 });
    expect(draw.picks).toHaveLength(97);
    expect(replay.matches).toBe(true);
    const stats = (await t.as(finance, "GET", "/api/v1/review/stats?year=2024")).json();
    const counts = (d: { grades: { count: number; percent: string }[] }) => d.grades.map((g) => [g.count, g.percent]);
    expect(stats.deptWide.total).toBe(54);
    expect(counts(stats.deptWide)).toEqual([
      [5, "9.26"],
      [44, "81.48"],
      [5, "9.26"],
      [0, "0.00"],
    ]);
    expect(stats.project.total).toBe(97);
    expect(counts(stats.project)).toEqual([
      [7, "7.22"],
      [57, "58.76"],
      [33, "34.02"],
      [0, "0.00"],
    ]);
  });
});

describe("the demo's 2024 results applied to the 2025 requests", () => {
  it("adopted the seed's rule: 61 projects of the departments below the average cut, 4,366万元 in all", async () => {
    const summary = (await t.as(finance, "GET", "/api/v1/results/summary?year=2024")).json();
    expect(summary).toMatchObject({
      budgetYear: 2025,
      adoption: { seq: 1, ruleSet: { name: "低于全区平均分核减", version: 1 } },
      projectsAdjusted: 61,
      totalCut: 4366,
    });
    expect(summary.fen.cut).toBe(DEMO_REQUESTS.cutFen);
    // The departments cut are the ones the live ranking of the adoption day puts below its average.
    const [adopted] = await rows<{ average: string }>(
      t.db.orm,
      sql`select average::text as average from result_adoptions where fiscal_year = 2024 and status = 'current'`,
    );
    const cut = summary.byDepartment.filter((d: { cut: number }) => d.cut > 0);
    const codes = await rows<{ id: number; code: string }>(t.db.orm, sql`select id, code from orgs`);
    const code = new Map(codes.map((c) => [c.id, c.code]));
    const ranking = await loadDepartmentRanking(createUnitOfWork(t.db).read, "450202", 2024, "2025-11-10");
    expect(ranking.ranking.average?.toString()).toBe(adopted!.average);
    const below = ranking.ranking.rows
      .filter((d) => d.belowAverage)
      .map((d) => code.get(d.departmentId))
      .sort();
    expect(below).toEqual([...DEMO_BELOW_AVERAGE]);
    for (const d of cut) expect(below).toContain(code.get(d.departmentId));
    // Each cut is 30% of its request half up to the fen; rigid and key projects kept.
    const lines = await rows<{ request: string; cut: string; action: string }>(
      t.db.orm,
      sql`select j.request::text as request, j.cut::text as cut, j.action from result_adjustments j
          join result_adoptions a on a.id = j.adoption_id where a.status = 'current' and j.cut > 0`,
    );
    expect(lines).toHaveLength(61);
    for (const l of lines) expect(BigInt(l.cut)).toBe((BigInt(l.request) * 3000n + 5000n) / 10_000n);
  });

  it("simulated a rule by grade beside it and did not adopt it", async () => {
    const sets = (await t.as(finance, "GET", "/api/v1/results/rule-sets?year=2024")).json();
    expect(sets.ruleSets.map((r: { name: string }) => r.name).sort()).toEqual(["低于全区平均分核减", "按评价等级调整"]);
    const adoptions = (await t.as(finance, "GET", "/api/v1/results/adoptions?year=2024")).json();
    expect(adoptions.adoptions).toHaveLength(1);
  });
});
