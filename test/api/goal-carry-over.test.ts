import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareGoalTables } from "../../src/core/goals/compare";
import type { GoalTable } from "../../src/core/goals/types";
import { type TestApp, testApp } from "../support/app";

let t: TestApp;
let unit: string;
let dept: string;
let finance: string;
beforeAll(async () => {
  t = await testApp();
  [unit, dept, finance] = [await t.login("unit"), await t.login("dept"), await t.login("finance")];
});
afterAll(() => t.close());

interface Detail {
  id: number;
  version: number;
  status: string;
  revision: number;
  editable: boolean;
  table: GoalTable;
}

const get = async (cookie: string, id: number): Promise<Detail> =>
  (await t.as(cookie, "GET", `/api/v1/goals/tables/${id}`)).json();
const previousOf = (cookie: string, id: number) => t.as(cookie, "GET", `/api/v1/goals/tables/${id}/previous`);
const carryOver = (cookie: string, id: number, body: unknown) =>
  t.as(cookie, "POST", `/api/v1/goals/tables/${id}/carry-over`, body);
const revise = async (cookie: string, id: number): Promise<number> => {
  const d = await get(cookie, id);
  const res = await t.as(cookie, "POST", `/api/v1/goals/tables/${id}/actions`, {
    version: d.version,
    action: "revise",
    comment: "按上年目标调整",
  });
  expect(res.statusCode).toBe(200);
  return res.json().id;
};
/** The unit's 2024 table of a project of the given category. */
async function tableOf(category: "continuing" | "recurring" | "one_off"): Promise<number> {
  const projects = (await t.as(unit, "GET", `/api/v1/projects?year=2024&category=${category}&pageSize=1`)).json();
  const code = projects.rows[0].code;
  const tables = (await t.as(unit, "GET", `/api/v1/goals/tables?year=2024&q=${code}`)).json();
  expect(tables.rows).toHaveLength(1);
  return tables.rows[0].id;
}
const carryOverAudits = async (id: number) =>
  (await t.as(finance, "GET", `/api/v1/audit?entity=goal_table&entityId=${id}&action=carry_over`)).json().total;

describe("与上年对比: last year's goal table next to this year's", () => {
  it("shows a continuing project's 2023 table and the comparison the core computes", async () => {
    const id = await tableOf("continuing");
    const current = await get(unit, id);
    const res = await previousOf(unit, id);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.previous).toMatchObject({
      status: "approved",
      table: { fiscalYear: 2023, subjectKind: "project", subjectCode: current.table.subjectCode },
    });
    // The demo's 2024 tables were carried over from 2023.
    expect(body.carriedFromId).toBe(body.previous.id);
    const expected = compareGoalTables(body.previous.table, current.table);
    expect(body.comparison.counts).toEqual(expected.counts);
    expect(body.comparison.indicators.map((d: { status: string }) => d.status)).toEqual(
      expected.indicators.map((d) => d.status),
    );
    expect(body.comparison.funds.before.total).toBe(body.previous.table.funds.total);
    expect(body.comparison.funds.after.total).toBe(current.table.funds!.total);
    // The cost ceiling follows each year's budget, so something always changed.
    expect(body.comparison.counts.changed).toBeGreaterThan(0);
  });

  it("answers null, not 404, for a one-off project, and shows a department its department-wide 2023 table", async () => {
    const id = await tableOf("one_off");
    const none = await previousOf(unit, id);
    expect(none.statusCode).toBe(200);
    expect(none.json()).toMatchObject({ id, previous: null, comparison: null, carriedFromId: null });

    const own = (await t.as(dept, "GET", "/api/v1/goals/tables?year=2024&subjectKind=deptWide")).json();
    expect(own.rows).toHaveLength(1);
    const deptWide = (await previousOf(dept, own.rows[0].id)).json();
    expect(deptWide.previous.table).toMatchObject({ fiscalYear: 2023, subjectKind: "deptWide" });
    expect(deptWide.comparison.counts.unchanged).toBeGreaterThan(0);
  });

  it("answers 404 for another unit's table, and 401 without a session", async () => {
    const all = (await t.as(finance, "GET", "/api/v1/goals/tables?year=2024&pageSize=200&subjectKind=project")).json();
    const mine = (await t.as(unit, "GET", "/api/v1/goals/tables?year=2024&pageSize=200")).json();
    const foreign = all.rows.find((r: { id: number }) => !mine.rows.some((m: { id: number }) => m.id === r.id));
    expect((await previousOf(unit, foreign.id)).statusCode).toBe(404);
    const refused = await carryOver(unit, foreign.id, { version: 1 });
    expect(refused.statusCode).toBe(404);
    expect((await get(finance, foreign.id)).version).toBe(foreign.version);
    expect((await t.as(null, "GET", `/api/v1/goals/tables/${foreign.id}/previous`)).statusCode).toBe(401);
  });
});

describe("从上年结转: carry-over into a draft", () => {
  it("replaces a revised draft's goal and indicators by last year's, keeping their uids, and audits it", async () => {
    const approved = await tableOf("recurring");
    const draftId = await revise(unit, approved);
    let draft = await get(unit, draftId);
    expect(draft).toMatchObject({ status: "draft", editable: true });
    const last = (await previousOf(unit, draftId)).json().previous;
    expect(last.table.fiscalYear).toBe(2023);

    // Stale version: 409 and nothing written.
    const stale = await carryOver(unit, draftId, { version: draft.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect((await get(unit, draftId)).version).toBe(draft.version);
    expect(await carryOverAudits(draftId)).toBe(0);

    const res = await carryOver(unit, draftId, { version: draft.version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: draftId, carriedFromId: last.id, version: draft.version + 1 });
    draft = await get(unit, draftId);
    expect(draft.table.indicators).toEqual(last.table.indicators);
    expect(draft.table.indicators.every((i) => typeof i.uid === "string")).toBe(true);
    expect(draft.table.overallGoal).toBe(last.table.overallGoal.replaceAll("2023年", "2024年"));

    const after = (await previousOf(unit, draftId)).json();
    expect(after.carriedFromId).toBe(last.id);
    expect(after.comparison.counts).toEqual({
      added: 0,
      removed: 0,
      changed: 0,
      unchanged: last.table.indicators.length,
    });
    expect(after.comparison.indicators.every((d: { matchedBy: string }) => d.matchedBy === "uid")).toBe(true);
    expect(after.comparison.overallGoal.changed).toBe(false);

    const audit = (
      await t.as(finance, "GET", `/api/v1/audit?entity=goal_table&entityId=${draftId}&action=carry_over`)
    ).json();
    expect(audit.total).toBe(1);
    expect(audit.rows[0]).toMatchObject({
      actorName: expect.stringContaining("unit"),
      after: { carriedFromId: last.id },
      reason: expect.stringContaining("2023年度"),
    });

    // The carried-over indicators are edited like any others, and the comparison follows by uid.
    const edited = draft.table.indicators.map((i, n) => (n === 0 ? { ...i, name: `${i.name}（本年）` } : i));
    const saved = await t.as(unit, "PUT", `/api/v1/goals/tables/${draftId}`, {
      version: draft.version,
      overallGoal: draft.table.overallGoal,
      indicators: edited,
    });
    expect(saved.statusCode).toBe(200);
    const renamed = (await previousOf(unit, draftId)).json().comparison;
    expect(renamed.counts).toMatchObject({ added: 0, removed: 0, changed: 1 });
    expect(renamed.indicators[0].changes.map((c: { field: string }) => c.field)).toEqual(["name"]);
  });

  it("lets a department carry its department-wide table over", async () => {
    const own = (await t.as(dept, "GET", "/api/v1/goals/tables?year=2024&subjectKind=deptWide")).json().rows[0];
    const draftId = await revise(dept, own.id);
    const draft = await get(dept, draftId);
    const res = await carryOver(dept, draftId, { version: draft.version });
    expect(res.statusCode).toBe(200);
    const last = (await previousOf(dept, draftId)).json();
    expect(last.previous.table).toMatchObject({ fiscalYear: 2023, subjectKind: "deptWide", subjectCode: "120" });
    expect(res.json().carriedFromId).toBe(last.previous.id);
    expect((await get(dept, draftId)).table.indicators).toEqual(last.previous.table.indicators);
    expect(await carryOverAudits(draftId)).toBe(1);
  });

  it("refuses a draft with no last-year table with a clear message and writes nothing", async () => {
    const draftId = await revise(unit, await tableOf("one_off"));
    const before = await get(unit, draftId);
    const res = await carryOver(unit, draftId, { version: before.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "GOAL_NO_PREVIOUS_YEAR" });
    expect(res.json().error.message).toContain("没有2023年度的绩效目标表");
    const after = await get(unit, draftId);
    expect(after.version).toBe(before.version);
    expect(after.table.indicators).toEqual(before.table.indicators);
    expect(await carryOverAudits(draftId)).toBe(0);
  });

  it("refuses a table that is not editable by the caller, and a body without version", async () => {
    const approved = await tableOf("continuing");
    const before = await get(unit, approved);
    const refused = await carryOver(unit, approved, { version: before.version });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("GOAL_NOT_EDITABLE");

    const draftId = await revise(unit, approved);
    const draft = await get(unit, draftId);
    // The department reviews project tables; it does not declare them.
    const byDept = await carryOver(dept, draftId, { version: draft.version });
    expect(byDept.statusCode).toBe(403);
    expect(byDept.json().error.code).toBe("GOAL_NOT_EDITABLE");
    // Finance has goal.write too, but project tables are the unit's to declare.
    expect((await carryOver(finance, draftId, { version: draft.version })).statusCode).toBe(403);

    const bad = await carryOver(unit, draftId, {});
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("version");
    expect((await get(unit, draftId)).version).toBe(draft.version);
    expect(await carryOverAudits(draftId)).toBe(0);
    expect(await carryOverAudits(approved)).toBe(0);
  });
});

describe("two fiscal years in the demo", () => {
  let earlierCode: string | undefined;
  it("keeps 2024 the year of every figure: 1,713 projects, 941,026,800 元, 1,767 goal tables", async () => {
    const meta = (await t.as(finance, "GET", "/api/v1/meta")).json();
    expect(meta.years).toEqual([2024, 2023]);
    const projects = (await t.as(finance, "GET", "/api/v1/projects?year=2024&pageSize=1")).json();
    expect(projects.total).toBe(1713);
    expect(projects.sums.adjustedBudget).toBe(94_102_680_000);
    const home = (await t.as(finance, "GET", "/api/v1/home?year=2024")).json();
    expect(home.cards.find((c: { key: string }) => c.key === "projects").value).toBe(1713);
    const tables = (await t.as(finance, "GET", "/api/v1/goals/tables?year=2024&pageSize=1")).json();
    expect(tables.total).toBe(1767);
    const lint = (await t.as(finance, "GET", "/api/v1/goals/lint?year=2024")).json();
    expect(lint.summary.totals.tables).toBe(1767);
    // 2023 holds the continuing projects only, and its own tables.
    const earlier = (await t.as(finance, "GET", "/api/v1/projects?year=2023&pageSize=1")).json();
    expect(earlier.total).toBeGreaterThan(1300);
    expect(earlier.total).toBeLessThan(1713);
    expect(earlier.sums.adjustedBudget).not.toBe(94_102_680_000);
    earlierCode = earlier.rows[0].code;
    const earlierTables = (await t.as(finance, "GET", "/api/v1/goals/tables?year=2023&pageSize=1")).json();
    expect(earlierTables.total).toBe(earlier.total + 54);
  });

  it("keeps a continuing project's change history per year although its code is the same", async () => {
    const code = earlierCode ?? "";
    const ids = await Promise.all(
      [2024, 2023].map(
        async (y) => (await t.as(finance, "GET", `/api/v1/projects?year=${y}&q=${code}`)).json().rows[0].id as number,
      ),
    );
    for (const [n, year] of [2024, 2023].entries()) {
      const detail = (await t.as(finance, "GET", `/api/v1/projects/${ids[n]}`)).json();
      expect(detail.project.fiscalYear).toBe(year);
      // 2024's execution came in two loads (months 1–7 for the monitoring round, then 8–12); 2023's in one.
      const executionLoads = year === 2024 ? 2 : 1;
      expect(detail.history.map((e: { entity: string }) => e.entity).sort()).toEqual([
        "project",
        ...Array(executionLoads).fill("project_execution"),
      ]);
      for (const e of detail.history) expect(e.after.fiscalYear).toBe(year);
    }
  });
});
