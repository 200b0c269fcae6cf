import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../support/app";

let t: TestApp;
let staff: string;
let unit: string;
beforeAll(async () => {
  t = await testApp();
  [staff, unit] = [await t.login("staff"), await t.login("unit")];
});
afterAll(() => t.close());

const rulesOf = async (cookie: string, year: number) =>
  (await t.as(cookie, "GET", `/api/v1/goals/rules?year=${year}`)).json();

describe("the year's indicator template and check policy", () => {
  it("serves the demo year's rules to everyone who declares", async () => {
    const r = await rulesOf(unit, 2024);
    expect(r).toMatchObject({ fiscalYear: 2024, version: "2024.1", setForYear: 2024 });
    expect(r.template.levels.map((l: { level1: string }) => l.level1)).toEqual(["产出指标", "效益指标", "满意度指标"]);
    expect(r.history.map((h: { version: string }) => h.version)).toEqual(["2024.1"]);
  });

  it("lets finance set a new version; tables are checked against it and later years inherit it", async () => {
    const current = await rulesOf(staff, 2024);
    const body = {
      fiscalYear: 2024,
      reason: "成本指标单列为一级指标",
      template: {
        totalWeight: 100,
        levels: [
          { level1: "产出指标", level2: ["数量指标", "质量指标", "时效指标"] },
          { level1: "成本指标", level2: ["经济成本指标", "社会成本指标"] },
          ...current.template.levels.slice(1),
        ],
      },
      policy: { ...current.policy, minIndicators: 4 },
    };
    expect((await t.as(unit, "PUT", "/api/v1/goals/rules", body)).statusCode).toBe(403);
    const saved = await t.as(staff, "PUT", "/api/v1/goals/rules", body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: "2024.2", template: { version: "2024.2" } });

    // A table with an indicator under 产出指标/成本指标 now has it outside the template.
    const list = (await t.as(staff, "GET", "/api/v1/goals/tables?year=2024&pageSize=200")).json();
    let hit = null;
    for (const row of list.rows) {
      const table = (await t.as(staff, "GET", `/api/v1/goals/tables/${row.id}`)).json();
      if (table.table.indicators.some((i: { level2: string }) => i.level2 === "成本指标")) {
        hit = table;
        break;
      }
    }
    expect(hit).not.toBeNull();
    expect(hit.rulesVersion).toBe("2024.2");
    expect(hit.quality.findings.map((f: { code: string }) => f.code)).toContain("GOAL_UNKNOWN_LEVEL");

    expect(await rulesOf(unit, 2025)).toMatchObject({ version: "2024.2", setForYear: 2024, history: [] });

    // A table saved from now on is declared against the new version, and records it.
    const mine = (await t.as(unit, "GET", "/api/v1/goals/tables?year=2024&pageSize=1")).json().rows[0];
    expect(mine.templateVersion).toBe("2024.1");
    const revised = (
      await t.as(unit, "POST", `/api/v1/goals/tables/${mine.id}/actions`, {
        version: mine.version,
        action: "revise",
        comment: "按新指标体系调整",
      })
    ).json();
    const draft = (await t.as(unit, "GET", `/api/v1/goals/tables/${revised.id}`)).json();
    const save = await t.as(unit, "PUT", `/api/v1/goals/tables/${draft.id}`, {
      version: draft.version,
      overallGoal: draft.table.overallGoal,
      indicators: draft.table.indicators,
    });
    expect(save.statusCode).toBe(200);
    expect((await t.as(unit, "GET", `/api/v1/goals/tables/${draft.id}`)).json().templateVersion).toBe("2024.2");
    const audit = (await t.as(await t.login("finance"), "GET", "/api/v1/audit?entity=goal_rules")).json();
    expect(audit.rows[0]).toMatchObject({ entityId: "2024:2024.2", reason: "成本指标单列为一级指标" });
  });

  it("refuses rules with repeated or empty names and writes nothing", async () => {
    const current = await rulesOf(staff, 2024);
    const bad = await t.as(staff, "PUT", "/api/v1/goals/rules", {
      fiscalYear: 2024,
      reason: "试图保存重复的二级指标",
      template: { totalWeight: 100, levels: [{ level1: "产出指标", level2: ["数量指标", "数量指标"] }] },
      policy: current.policy,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: "GOAL_RULES_INVALID",
      message: "“产出指标”下二级指标“数量指标”重复",
      details: { field: "template.levels.0.level2.1" },
    });
    expect((await rulesOf(staff, 2024)).history.length).toBe(current.history.length);
  });

  it("keeps the benefits expected by sector as policy: a repeated sector is refused, a new one checks the tables", async () => {
    const current = await rulesOf(staff, 2024);
    expect(current.policy.expectedBenefits).toContainEqual({ sector: "", level2: ["社会效益指标"] });
    const repeated = await t.as(staff, "PUT", "/api/v1/goals/rules", {
      fiscalYear: 2024,
      reason: "教育行业写了两次",
      template: { totalWeight: current.template.totalWeight, levels: current.template.levels },
      policy: {
        ...current.policy,
        expectedBenefits: [
          ...current.policy.expectedBenefits,
          { sector: "教育", level2: [] },
          { sector: " 教育", level2: [] },
        ],
      },
    });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().error).toMatchObject({ message: "行业“教育”重复" });
    expect((await rulesOf(staff, 2024)).history.length).toBe(current.history.length);

    const before = (await t.as(staff, "GET", "/api/v1/goals/lint?year=2024")).json().summary;
    const count = (s: { byRule: { code: string; count: number }[] }) =>
      s.byRule.find((r) => r.code === "GOAL_BENEFIT_EXPECTED")?.count ?? 0;
    const saved = await t.as(staff, "PUT", "/api/v1/goals/rules", {
      fiscalYear: 2024,
      reason: "教育项目还应有可持续影响",
      template: { totalWeight: current.template.totalWeight, levels: current.template.levels },
      policy: {
        ...current.policy,
        expectedBenefits: [
          ...current.policy.expectedBenefits,
          { sector: "教育", level2: ["社会效益指标", "经济效益指标"] },
        ],
      },
    });
    expect(saved.statusCode).toBe(200);
    const after = (await t.as(staff, "GET", "/api/v1/goals/lint?year=2024")).json().summary;
    // The demo's education tables have no 经济效益 indicator: each of them now has the finding.
    expect(count(after)).toBeGreaterThan(count(before) + 100);
  });
});
