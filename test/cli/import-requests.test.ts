import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb } from "../../src/db/client";
import { rows } from "../../src/db/repos/rows";
import { runCli } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "jixiao-requests-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `jixiao import …` as a user would, on the given data dir. */
const run = (args: string[], dataDir: string) => runCli(["import", ...args], dataDir);

describe("jixiao import requests", () => {
  it("imports next year's requests from a file; a code that is no project of the year before fails whole", async () => {
    const dataDir = join(dir, "data");
    const db = await createDb({ dataDir, loadDataDir: new Blob([readFileSync(inject("pgliteTemplates").demo)]) });
    const codes = (
      await rows<{ code: string }>(
        db.orm,
        // One-off projects: the demo's own 2025 requests are of the projects that continue.
        sql`select code from projects where fiscal_year = 2024 and category = 'one_off' order by code collate "C" limit 2`,
      )
    ).map((r) => r.code);
    await db.close();

    const good = join(dir, "申请.csv");
    writeFileSync(good, `预算年度,项目编码,申报金额,刚性支出\n2025,${codes[0]},100000,是\n2025,${codes[1]},2500.5,\n`);
    const ok = await run(["requests", good, "--json"], dataDir);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      kind: "requests",
      committed: true,
      counts: { total: 2, new: 2, changed: 0, errors: 0 },
    });

    const bad = join(dir, "错误.csv");
    writeFileSync(bad, `预算年度,项目编码,申报金额,刚性支出\n2025,${codes[0]},110000,是\n2025,NEW-2025,1,否\n`);
    const refused = await run(["requests", bad], dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("第3行“项目编码”：“NEW-2025”不是2024年度的项目");
    expect(refused.stdout).toContain("有错误，未写入任何数据。");

    const again = await run(["requests", good, "--dry-run", "--json"], dataDir);
    expect(JSON.parse(again.stdout).counts).toMatchObject({ new: 0, changed: 0, unchanged: 2 });
  });
});
