import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDepartmentRanking } from "../../src/app/results/department-ranking";
import { regionAverage } from "../../src/core/results/department-score";
import { createUnitOfWork } from "../../src/db/repos";
import { rows } from "../../src/db/repos/rows";
import { freshDb, type TestDb } from "../support/db";

/**
 * 部门绩效考核 of the demo district's 2024, read as the result rules read it: every one of its 54 departments has
 * a score from its reviews, department evaluation and tasks (key evaluations and rectification only where the
 * year had them), and the average is the mean of those scores. Read after every 2024 deadline had passed.
 */
let db: TestDb;
beforeAll(async () => {
  db = await freshDb("demo");
});
afterAll(async () => {
  await db?.close();
});

describe("the demo district's department scores", () => {
  it("scores and ranks every department of 2024", async () => {
    const [region] = await rows<{ code: string }>(db.orm, sql`select code from regions`);
    const { template, components, ranking } = await loadDepartmentRanking(
      createUnitOfWork(db).read,
      region!.code,
      2024,
      "2026-01-01",
    );
    expect(template.version).toBe("default");
    expect(ranking.rows).toHaveLength(54);
    expect(ranking.rows.every((r) => r.score !== null && r.rank !== null && r.grade !== null)).toBe(true);
    for (const key of ["selfEvalQuality", "deptEval", "taskTimeliness"] as const)
      expect(
        components.every((c) => c.values[key] !== undefined),
        key,
      ).toBe(true);
    expect(components.filter((c) => c.values.keyEval !== undefined).length).toBeGreaterThan(0);
    expect(components.filter((c) => c.values.rectification !== undefined).length).toBeGreaterThan(0);
    expect(ranking.average).toBe(regionAverage(ranking.rows.map((r) => r.score!)));
    const below = ranking.rows.filter((r) => r.belowAverage);
    expect(below.length).toBeGreaterThan(0);
    expect(below.every((r) => r.score! < ranking.average!)).toBe(true);
    expect(ranking.rows.filter((r) => !r.belowAverage).every((r) => r.score! >= ranking.average!)).toBe(true);
  });
});
