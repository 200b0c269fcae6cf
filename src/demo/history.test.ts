import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { compareGoalTables } from "../core/goals/compare";
import { generateDemoDistrict } from "./generate";

const district = generateDemoDistrict();
const { history, evaluations, requests, ...demoYear } = district;
// The evaluations came later with their expert pool (a firm-kind org and its accounts), and the next year's
// requests later still: the hash below is of the district without them, which must stay as it was.
const POOL = "900002";
const before = {
  ...demoYear,
  firms: demoYear.firms.filter((f) => f.code !== POOL),
  users: demoYear.users.filter((u) => u.orgCode !== POOL),
};
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const points = (t: { indicators: { weight: number }[] }) => sum(t.indicators.map((i) => Math.round(i.weight * 100)));

describe("the demo year next to its history", () => {
  it("is byte for byte the 2024 district it was before 2023 was added", () => {
    // SHA-256 of the 2024 part as JSON, recorded before the history existed: any change to a 2024
    // figure, name, indicator or account changes it.
    const hash = createHash("sha256").update(JSON.stringify(before)).digest("hex");
    expect(hash).toBe("b6aeb6b307f4bde0e1c2f2d754e3546d39739fddaec13519e2ae13e82bcac8a2");
    expect(demoYear.projects).toHaveLength(1713);
    expect(sum(demoYear.projects.map((p) => p.adjustedBudget))).toBe(94_102_680_000);
    expect(demoYear.goalTables).toHaveLength(1767);
  });
});

describe("fiscal 2023 of the demo district", () => {
  const continuing = district.projects.filter((p) => p.category !== "one_off");
  const byCode = new Map(district.projects.map((p) => [p.code, p]));

  it("holds exactly the 2024 projects that are 常年性 or 延续性, with their codes, department and unit", () => {
    expect(history.fiscalYear).toBe(2023);
    expect(history.projects.map((p) => p.code)).toEqual(continuing.map((p) => p.code));
    for (const p of history.projects) {
      const now = byCode.get(p.code)!;
      expect(p).toMatchObject({
        fiscalYear: 2023,
        departmentCode: now.departmentCode,
        unitCode: now.unitCode,
        category: now.category,
      });
      expect(p.name).not.toMatch(/^2024年/);
      expect(p.fiscalFunds + p.otherFunds).toBe(p.adjustedBudget);
      expect(p.adjustedBudget % 10_000).toBe(0);
    }
    const differ = history.projects.filter((p) => p.adjustedBudget !== byCode.get(p.code)!.adjustedBudget);
    expect(differ.length / history.projects.length).toBeGreaterThan(0.9);
    const ratio = sum(history.projects.map((p) => p.adjustedBudget)) / sum(continuing.map((p) => p.adjustedBudget));
    expect(ratio).toBeGreaterThan(0.85);
    expect(ratio).toBeLessThan(1.05);
  });

  it("pays each 2023 project within its budget over twelve months, and each department within its whole budget", () => {
    expect(history.execution).toHaveLength(history.projects.length * 12);
    const paid = new Map<string, number>();
    for (const e of history.execution) {
      expect(e.fiscalYear).toBe(2023);
      paid.set(e.projectCode, (paid.get(e.projectCode) ?? 0) + e.executed);
    }
    for (const p of history.projects) expect(paid.get(p.code)).toBeLessThanOrEqual(p.adjustedBudget);
    expect(history.deptBudgets).toHaveLength(54);
    expect(history.deptExecution).toHaveLength(54 * 12);
    for (const b of history.deptBudgets) {
      expect(b.fiscalYear).toBe(2023);
      const spent = sum(
        history.deptExecution.filter((e) => e.departmentCode === b.departmentCode).map((e) => e.executed),
      );
      expect(spent).toBeLessThanOrEqual(b.adjustedBudget);
    }
  });

  it("has an approved goal table per 2023 project and department, from which 2024's evolved", () => {
    const tables = history.goalTables;
    expect(tables.filter((t) => t.subjectKind === "project")).toHaveLength(history.projects.length);
    expect(tables.filter((t) => t.subjectKind === "deptWide")).toHaveLength(54);
    const now = new Map(district.goalTables.map((t) => [`${t.subjectKind}:${t.subjectCode}`, t]));
    const counts = { added: 0, removed: 0, changed: 0, unchanged: 0 };
    const fields = new Map<string, number>();
    let goalsChanged = 0;
    for (const before of tables) {
      expect(before.fiscalYear).toBe(2023);
      expect(before.overallGoal).not.toContain("2024年");
      const after = now.get(`${before.subjectKind}:${before.subjectCode}`)!;
      // A shift of points never changes a table's total.
      expect(points(before)).toBe(points(after));
      expect(before.indicators.every((i) => i.weight > 0)).toBe(true);
      const c = compareGoalTables(before, after);
      for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += c.counts[k];
      for (const d of c.indicators)
        if (d.status === "changed") for (const f of d.changes) fields.set(f.field, (fields.get(f.field) ?? 0) + 1);
      if (c.overallGoal.changed) goalsChanged++;
    }
    const total = counts.unchanged + counts.changed + counts.added;
    // Most targets stay, some are raised, a few indicators come and go, weights shift now and then.
    expect(counts.unchanged / total).toBeGreaterThan(0.7);
    expect(counts.added).toBeGreaterThan(100);
    expect(counts.removed).toBeGreaterThan(50);
    expect(fields.get("target")).toBeGreaterThan(tables.length);
    expect(fields.get("weight")).toBeGreaterThan(100);
    expect(goalsChanged).toBeGreaterThan(50);
    expect(goalsChanged).toBeLessThan(tables.length / 4);
  });
});
