import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../support/app";

let t: TestApp;
let staff: string;
beforeAll(async () => {
  t = await testApp();
  staff = await t.login("staff");
});
afterAll(() => t.close());

const PREVIEW = "/api/v1/goals/rules/preview";

interface Rules {
  template: { totalWeight: number; levels: { level1: string; level2: string[] }[] };
  policy: {
    minIndicators: number;
    maxQualitativeShare: number;
    vagueWords: string[];
    moneyUnits: string[];
    inputWords: string[];
    satisfactionWords: string[];
  };
  history: unknown[];
}
const rulesOf = async (year: number): Promise<Rules> =>
  (await t.as(staff, "GET", `/api/v1/goals/rules?year=${year}`)).json();
/** The body of a preview or save: the rules as the page sends them (no version fields). */
const proposal = (r: Rules, year = 2024) => ({
  fiscalYear: year,
  template: { totalWeight: r.template.totalWeight, levels: r.template.levels },
  policy: {
    minIndicators: r.policy.minIndicators,
    maxQualitativeShare: r.policy.maxQualitativeShare,
    vagueWords: r.policy.vagueWords,
    moneyUnits: r.policy.moneyUnits,
    inputWords: r.policy.inputWords,
    satisfactionWords: r.policy.satisfactionWords,
  },
});
const lintOf = async (year: number) => (await t.as(staff, "GET", `/api/v1/goals/lint?year=${year}`)).json();

describe("试算: the impact of proposed goal rules on the year's tables", () => {
  it("with the rules in effect, changes nothing and counts what the region-wide check counts", async () => {
    const current = await rulesOf(2024);
    const res = await t.as(staff, "POST", PREVIEW, proposal(current));
    expect(res.statusCode).toBe(200);
    const p = res.json();
    const { summary } = await lintOf(2024);
    expect(p.tables).toBe(summary.totals.tables);
    expect(p.tables).toBeGreaterThan(1000);
    const { tables: _tables, ...totals } = summary.totals;
    expect(p.before).toEqual(totals);
    expect(p.after).toEqual(p.before);
    expect(p).toMatchObject({ rulesVersion: "2024.1", tablesGainingFindings: 0, tablesLosingFindings: 0, byRule: [] });
  });

  it("predicts exactly what the check finds once the proposed rules are saved, and writes nothing itself", async () => {
    const current = await rulesOf(2024);
    const before = await lintOf(2024);
    const tooFew = (s: { byRule: { code: string; count: number; tables: number }[] }) =>
      s.byRule.find((r) => r.code === "GOAL_TOO_FEW") ?? { count: 0, tables: 0 };
    const body = proposal(current);
    body.policy.minIndicators = 12;
    const p = (await t.as(staff, "POST", PREVIEW, body)).json();
    // Asking twice is read-only: no version, no audit entry, the same answer.
    expect((await t.as(staff, "POST", PREVIEW, body)).json()).toEqual(p);
    expect((await rulesOf(2024)).history.length).toBe(current.history.length);
    const audit = (await t.as(await t.login("finance"), "GET", "/api/v1/audit?entity=goal_rules")).json();
    expect(audit.rows.length).toBe(0);

    expect(p.after.warnings + p.after.errors).toBeGreaterThan(p.before.warnings + p.before.errors);
    expect(p.byRule).toEqual([
      expect.objectContaining({
        code: "GOAL_TOO_FEW",
        before: tooFew(before.summary).count,
        after: expect.any(Number),
      }),
    ]);
    const newlyShort = p.byRule[0].after - p.byRule[0].before;
    expect(newlyShort).toBeGreaterThan(0);
    // One such finding per table: the tables gaining one are exactly those now short of twelve.
    expect(p.tablesGainingFindings).toBe(newlyShort);
    expect(p.tablesLosingFindings).toBe(0);

    const saved = await t.as(staff, "PUT", "/api/v1/goals/rules", {
      ...body,
      reason: "每张目标表至少设 12 个三级指标",
    });
    expect(saved.statusCode).toBe(200);
    const after = await lintOf(2024);
    const { tables: _tables, ...totals } = after.summary.totals;
    expect(totals).toEqual(p.after);
    expect(tooFew(after.summary)).toMatchObject({ count: p.byRule[0].after, tables: p.byRule[0].after });

    // The note is kept with the version (rule_sets has no column for it: in its body) and in the audit entry.
    const history = (await rulesOf(2024)).history as { version: string; note: string | null }[];
    expect(history[0]).toMatchObject({ version: "2024.2", note: "每张目标表至少设 12 个三级指标" });
    expect(history[1]).toMatchObject({ version: "2024.1", note: null });
    const entry = (await t.as(await t.login("finance"), "GET", "/api/v1/audit?entity=goal_rules")).json().rows[0];
    expect(entry).toMatchObject({ entityId: "2024:2024.2", reason: "每张目标表至少设 12 个三级指标" });
  });

  it("is for those who may save the rules", async () => {
    const body = proposal(await rulesOf(2024));
    for (const who of ["unit", "dept", "auditor", "firm"]) {
      const res = await t.as(await t.login(who), "POST", PREVIEW, body);
      expect(res.statusCode, who).toBe(403);
      expect(res.json().error.code).toBe("FORBIDDEN");
    }
    expect((await t.as(null, "POST", PREVIEW, body)).statusCode).toBe(401);
  });

  it("refuses bad input with a Chinese message naming the field", async () => {
    const good = proposal(await rulesOf(2024));
    const cases: { body: unknown; field: string; code: string; message?: string }[] = [
      {
        body: {
          ...good,
          template: { ...good.template, levels: [{ level1: "产出指标", level2: ["数量指标", "数量指标"] }] },
        },
        field: "template.levels.0.level2.1",
        code: "GOAL_RULES_INVALID",
        message: "“产出指标”下二级指标“数量指标”重复",
      },
      {
        body: { ...good, policy: { ...good.policy, minIndicators: 0 } },
        field: "policy.minIndicators",
        code: "GOAL_RULES_INVALID",
        message: "最少指标数须为1到50的整数",
      },
      { body: { ...good, fiscalYear: "明年" }, field: "body.fiscalYear", code: "REQUEST_INVALID" },
      {
        body: {
          ...good,
          template: {
            ...good.template,
            levels: Array.from({ length: 11 }, (_, i) => ({ level1: `一级${i}`, level2: ["二级"] })),
          },
        },
        field: "body.template.levels",
        code: "REQUEST_INVALID",
      },
      {
        body: { ...good, policy: { ...good.policy, vagueWords: Array.from({ length: 201 }, (_, i) => `词${i}`) } },
        field: "body.policy.vagueWords",
        code: "REQUEST_INVALID",
      },
      {
        body: { ...good, policy: { ...good.policy, vagueWords: ["很长".repeat(11)] } },
        field: "body.policy.vagueWords.0",
        code: "REQUEST_INVALID",
      },
    ];
    for (const c of cases) {
      const res = await t.as(staff, "POST", PREVIEW, c.body);
      const where = `${c.field}: ${res.body.slice(0, 200)}`;
      expect(res.statusCode, where).toBe(400);
      const { error } = res.json();
      expect(error.code, where).toBe(c.code);
      if (c.message) expect(error.message).toBe(c.message);
      else expect(error.message, where).toContain(c.field);
      expect(error.message, where).toMatch(/[\u4e00-\u9fff]/);
      if (c.code === "GOAL_RULES_INVALID") expect(error.details.field).toBe(c.field);
    }
  });

  it("saving without a 修改说明 is refused, naming the field, and writes nothing", async () => {
    const current = await rulesOf(2024);
    for (const reason of [undefined, "   "]) {
      const res = await t.as(staff, "PUT", "/api/v1/goals/rules", { ...proposal(current), reason });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain("reason");
    }
    expect((await rulesOf(2024)).history.length).toBe(current.history.length);
  });
});
