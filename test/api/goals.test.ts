import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../support/app";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe("region-wide goal table quality check", () => {
  it("checks every project's and department's goal table and summarises by rule and department", async () => {
    const res = await t.as(await t.login("staff"), "GET", "/api/v1/goals/lint?year=2024");
    expect(res.statusCode).toBe(200);
    const { summary } = res.json();
    expect(summary.totals.tables).toBe(1713 + 54);
    // A realistic mix: most tables are sound, a sizeable minority has findings.
    const withFindings = summary.byDepartment.reduce(
      (n: number, d: { tables: number; tablesWithErrors: number }) => n + d.tablesWithErrors,
      0,
    );
    expect(withFindings).toBe(summary.totals.tablesWithErrors);
    expect(summary.totals.tablesWithErrors).toBeGreaterThan(50);
    expect(summary.totals.tablesWithErrors).toBeLessThan(1767 / 4);
    // Warnings are commoner: a third of the demo's tables promise 满意度达到90%以上 over an indicator of ≥85%.
    expect(summary.totals.tablesWithErrors + summary.totals.tablesWithWarnings).toBeLessThan((1767 * 2) / 3);
    const counts = summary.byRule.map((r: { count: number }) => r.count);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    expect(summary.byRule.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining([
        "GOAL_WEIGHTS_NOT_100",
        "GOAL_VAGUE",
        "GOAL_SATISFACTION_MISPLACED",
        "GOAL_OVERALL_FIGURE",
        "GOAL_PROCESS_AS_OUTPUT",
      ]),
    );
  });

  it("lists the findings filtered and paged on the server, naming the indicator, and exports them", async () => {
    const auditor = await t.login("auditor");
    const { summary } = (await t.as(auditor, "GET", "/api/v1/goals/lint?year=2024")).json();
    const vague = summary.byRule.find((r: { code: string }) => r.code === "GOAL_VAGUE");
    const page = (
      await t.as(auditor, "GET", "/api/v1/goals/lint/findings?year=2024&rule=GOAL_VAGUE&pageSize=7&page=2")
    ).json();
    expect(page).toMatchObject({ total: vague.count, tables: vague.tables });
    expect(page.rows).toHaveLength(7);
    for (const r of page.rows) {
      expect(r.finding.code).toBe("GOAL_VAGUE");
      expect(r.finding.indicatorIndex).toBeGreaterThanOrEqual(0);
      expect(r.finding.message).toMatch(/第\d+/);
    }

    // Filters combine: one department, errors only; the pages together are the whole list.
    const dept = summary.byDepartment[0];
    const errors = (
      await t.as(
        auditor,
        "GET",
        `/api/v1/goals/lint/findings?year=2024&department=${dept.departmentCode}&severity=error&pageSize=200`,
      )
    ).json();
    expect(errors.total).toBe(dept.errors);
    expect(
      errors.rows.every((r: { table: { departmentCode: string } }) => r.table.departmentCode === dept.departmentCode),
    ).toBe(true);
    const all = (await t.as(auditor, "GET", "/api/v1/goals/lint/findings?year=2024&pageSize=1")).json();
    expect(all.total).toBe(summary.totals.errors + summary.totals.warnings);

    const xlsx = await t.as(auditor, "GET", "/api/v1/goals/lint/findings.xlsx?year=2024&rule=GOAL_VAGUE");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("问题明细")!;
    // A title row and a header row above one row per finding.
    expect(sheet.actualRowCount).toBe(vague.count + 2);
  });

  it("is the finance bureau's tool: departments and units are refused", async () => {
    for (const u of ["dept", "unit", "firm"]) {
      expect((await t.as(await t.login(u), "GET", "/api/v1/goals/lint?year=2024")).statusCode).toBe(403);
    }
  });
});

describe("rolling on-site review of goal tables", () => {
  it("keeps the demo's 2022–2024 draws, each replayable, rotating through departments", async () => {
    const cookie = await t.login("auditor");
    const draws = (await t.as(cookie, "GET", "/api/v1/goals/review-draws")).json().rows;
    expect(draws.map((d: { fiscalYear: number }) => d.fiscalYear)).toEqual([2024, 2023, 2022]);
    const picked = draws.flatMap((d: { result: { picks: { code: string }[] } }) => d.result.picks.map((p) => p.code));
    expect(new Set(picked).size).toBe(8 + 9 + 10); // nobody twice while others wait
    for (const d of draws) {
      const replay = (await t.as(cookie, "GET", `/api/v1/goals/review-draws/${d.id}/replay`)).json();
      expect(replay).toMatchObject({ matches: true, differences: [] });
    }
    // The population a new draw would use: all 54 departments, each with the years it was drawn.
    const population = (await t.as(cookie, "GET", "/api/v1/goals/review-draws/population")).json().rows;
    expect(population).toHaveLength(54);
    for (const d of draws)
      for (const p of d.result.picks)
        expect(population.find((c: { code: string }) => c.code === p.code).reviewedYears).toContain(d.fiscalYear);
    expect(population.filter((c: { reviewedYears: number[] }) => c.reviewedYears.length === 0)).toHaveLength(54 - 27);
  });

  it("refuses bad parameters with a message per field and a second draw for the same year", async () => {
    const cookie = await t.login("staff");
    const bad = await t.as(cookie, "POST", "/api/v1/goals/review-draws", {
      year: 2025,
      count: 0,
      lookbackYears: 3,
      forced: ["999"],
      excluded: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("DRAW_PARAMS_INVALID");
    expect(bad.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(["count", "forced"]),
    );
    const again = await t.as(cookie, "POST", "/api/v1/goals/review-draws", {
      year: 2024,
      count: 5,
      lookbackYears: 3,
      forced: [],
      excluded: [],
    });
    expect(again.json().error.code).toBe("DRAW_EXISTS");
  });

  it("draws next year with forced picks first and exclusions left out, and records it", async () => {
    const cookie = await t.login("staff");
    const res = await t.as(cookie, "POST", "/api/v1/goals/review-draws", {
      year: 2025,
      count: 6,
      lookbackYears: 3,
      forced: ["120"],
      excluded: ["121"],
    });
    expect(res.statusCode).toBe(201);
    const picks = res.json().picks;
    expect(picks).toHaveLength(6);
    expect(picks[0]).toMatchObject({ code: "120", reason: "forced" });
    expect(picks.some((p: { code: string }) => p.code === "121")).toBe(false);
  });
});

describe("indicator library suggestions", () => {
  it("offers what approved tables of the same sector used, most used first, with typical targets", async () => {
    const cookie = await t.login("unit");
    const res = await t.as(
      cookie,
      "GET",
      `/api/v1/goals/library/suggestions?sector=${encodeURIComponent("教育")}&limit=5`,
    );
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows;
    expect(rows.length).toBe(5);
    const uses = rows.map((r: { uses: number }) => r.uses);
    expect(uses).toEqual([...uses].sort((a, b) => b - a));
    const rate = (
      await t.as(cookie, "GET", `/api/v1/goals/library/suggestions?q=${encodeURIComponent("验收合格率")}&limit=1`)
    ).json().rows[0];
    expect(rate).toMatchObject({ name: "验收合格率", unit: "%", operator: ">=", years: [2023, 2024] });
    expect(rate.minTarget).toBeGreaterThanOrEqual(90);
    expect(rate.maxTarget).toBeLessThanOrEqual(100);
  });
});

describe("on-site review findings and guidance", () => {
  it("records findings and guidance for a picked department and links its revised table as acted on", async () => {
    const staff = await t.login("staff");
    const draw = (await t.as(staff, "GET", "/api/v1/goals/review-draws?year=2024")).json().rows[0];
    const visits = (await t.as(staff, "GET", `/api/v1/goals/review-draws/${draw.id}/visits`)).json().rows;
    expect(visits).toHaveLength(10);
    const visit = visits[0];
    const saved = await t.as(staff, "PUT", `/api/v1/goals/review-visits/${visit.id}`, {
      version: visit.version,
      reviewedOn: "2024-03-15",
      findings: "部分项目满意度指标列在效益指标下；定性指标偏多。",
      guidance: "满意度指标单列；把“进一步提高”改为可衡量的目标值。",
    });
    expect(saved.statusCode).toBe(200);
    const stale = await t.as(staff, "PUT", `/api/v1/goals/review-visits/${visit.id}`, {
      version: visit.version,
      reviewedOn: null,
      findings: "x",
      guidance: "y",
    });
    expect(stale.statusCode).toBe(409);

    const tables = (
      await t.as(staff, "GET", `/api/v1/goals/tables?year=2024&departmentId=${visit.department.id}&pageSize=1`)
    ).json().rows;
    const linked = await t.as(staff, "POST", `/api/v1/goals/review-visits/${visit.id}/tables`, {
      goalTableId: tables[0].id,
      actedOn: true,
      note: "已按建议调整满意度指标",
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({
      guidance: "满意度指标单列；把“进一步提高”改为可衡量的目标值。",
      tables: [{ goalTableId: tables[0].id, actedOn: true }],
    });

    const other = (await t.as(staff, "GET", "/api/v1/goals/tables?year=2024&pageSize=200"))
      .json()
      .rows.find((r: { departmentCode: string }) => r.departmentCode !== visit.department.code);
    const wrong = await t.as(staff, "POST", `/api/v1/goals/review-visits/${visit.id}/tables`, {
      goalTableId: other.id,
      actedOn: true,
    });
    expect(wrong.json().error.code).toBe("VISIT_TABLE_OTHER_DEPARTMENT");
  });
});
