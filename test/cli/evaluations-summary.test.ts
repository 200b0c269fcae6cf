import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb } from "../../src/db/client";
import { runCli } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "jixiao-evaluations-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], dataDir: string) => runCli(["evaluations", ...args], dataDir);

describe("jixiao evaluations summary", () => {
  it("prints the year's figures as JSON with the seed's names, and refuses a year that is not one", async () => {
    const dataDir = join(dir, "data");
    const db = await createDb({ dataDir, loadDataDir: new Blob([readFileSync(inject("pgliteTemplates").demo)]) });
    await db.close();
    const json = await run(["summary", "--year", "2024", "--json"], dataDir);
    expect(json.code, json.stderr).toBe(0);
    const s = JSON.parse(json.stdout);
    // The seed's 2024 evaluations, as the demo replayed them: every figure computed from the item scores and
    // the projects' amounts. The notices' items end accepted, answered, and one still open past its deadline.
    expect(s).toMatchObject({
      fiscalYear: 2024,
      departmentEvaluations: 54,
      departmentCoverage: 100,
      keyEvaluations: 4,
      keyAmount: 1336.64,
      keyMeanScore: 80.34,
      rectification: { items: 12, issued: 1, answered: 3, accepted: 8, returned: 0, overdue: 1 },
    });
    expect(s.coverage.departments).toBe(54);
    expect(s).not.toHaveProperty("rows");
    const text = await run(["summary", "--year", "2024"], dataDir);
    expect(text.stdout).toContain("2024年度绩效评价（只计已定稿的评价）");
    expect(text.stdout).toContain("覆盖率 100.00%");
    const bad = await run(["summary", "--year", "24"], dataDir);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("年度无效：24");
  });
});
