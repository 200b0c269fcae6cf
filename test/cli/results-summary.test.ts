import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb } from "../../src/db/client";
import { runCli } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "jixiao-results-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], dataDir: string) => runCli(["results", ...args], dataDir);

describe("jixiao results summary", () => {
  it("prints the adopted rule set, the projects adjusted and the total cut from the frozen list", async () => {
    const dataDir = join(dir, "data");
    const db = await createDb({ dataDir, loadDataDir: new Blob([readFileSync(inject("pgliteTemplates").demo)]) });
    await db.close();
    const json = await run(["summary", "--year", "2024", "--json"], dataDir);
    expect(json.code, json.stderr).toBe(0);
    const s = JSON.parse(json.stdout);
    expect(s).toMatchObject({
      fiscalYear: 2024,
      budgetYear: 2025,
      adoption: { ruleSet: { name: "低于全区平均分核减", version: 1 }, seq: 1 },
      projectsAdjusted: 61,
      totalCut: 4366,
    });
    const perDepartment = s.byDepartment.reduce((a: number, d: { cut: number }) => a + d.cut, 0);
    expect(perDepartment).toBe(s.fen.cut);
    const text = await run(["summary", "--year", "2024"], dataDir);
    expect(text.stdout).toContain("调整项目 61 个");
    expect(text.stdout).toContain("核减 4366.00 万元");
    const none = await run(["summary", "--year", "2023"], dataDir);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain("2023年度尚未采纳");
    const bad = await run(["summary", "--year", "24"], dataDir);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("年度无效：24");
  });
});
