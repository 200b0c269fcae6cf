import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEFAULT_SELFEVAL_RULES, SELFEVAL_RULES_MODULE } from "../../src/core/selfeval/rules";
import { sampleSelfEvalSheet } from "../../src/core/selfeval/test-sheets";
import { createDb } from "../../src/db/client";
import { createUnitOfWork } from "../../src/db/repos";
import { writeSelfEvalWorkbook } from "../../src/io/selfeval-xlsx";
import { runCli } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "jixiao-selfeval-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `jixiao selfeval check …` as a user would, on the given data dir. */
const run = (args: string[], dataDir: string) => runCli(["selfeval", "check", ...args], dataDir);

async function files() {
  const good = join(dir, "good.xlsx");
  writeFileSync(good, await writeSelfEvalWorkbook([sampleSelfEvalSheet()], { title: "自评表" }));
  const wrong = sampleSelfEvalSheet();
  wrong.sheet = "wrong";
  wrong.rows[0]!.points = 20;
  wrong.rows[2]!.actual = null;
  const bad = join(dir, "bad.xlsx");
  writeFileSync(bad, await writeSelfEvalWorkbook([sampleSelfEvalSheet(), wrong], { title: "自评表" }));
  return { good, bad };
}

describe("jixiao selfeval check", () => {
  it("without a database: the default rules, said so; exit 0 when sound, 1 with findings, 2 when unreadable", async () => {
    const { good, bad } = await files();
    const noData = join(dir, "no-data");

    const ok = await run([good, "--json"], noData);
    expect(ok.code).toBe(0);
    const json = JSON.parse(ok.stdout);
    expect(json.rules).toEqual([
      {
        fiscalYear: 2024,
        source: "default",
        version: DEFAULT_SELFEVAL_RULES.version,
        text: `内置默认评分规则 ${DEFAULT_SELFEVAL_RULES.version} 版（没有数据库）`,
      },
    ]);
    expect(json.sheets).toEqual([
      expect.objectContaining({
        sheet: "120001-2024-001",
        statedTotal: 95.2,
        computedTotal: 95.2,
        grade: "excellent",
        differences: [],
        contradictions: [],
        unscorable: [],
      }),
    ]);
    // The check never creates a data dir.
    expect(existsSync(noData)).toBe(false);

    const found = await run([bad], noData);
    expect(found.code).toBe(1);
    expect(found.stdout).toContain("【wrong】城区学校校舍改造项目（2024年度）");
    expect(found.stdout).toContain("H14   三级指标“改造校舍面积”得分：得分填 20，应为 19.20");
    expect(found.stdout).toContain("F16   三级指标“按期完工率”：未填写实际完成值，无法计分");
    expect(found.stdout).toContain(
      "合计：2 张表，1 张未发现问题，1 张有问题（与核算不符 1 处，自相矛盾 0 处，无法计分 1 处）",
    );

    const junk = join(dir, "junk.xlsx");
    writeFileSync(junk, "不是表格");
    const unreadable = await run([junk, "--json"], noData);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stdout).toBe("");
    expect(unreadable.stderr).toContain("文件不是 Excel（.xlsx）工作簿");
  }, 60_000);

  it("with a database: the region's rules for the sheet's year", async () => {
    const { good } = await files();
    const dataDir = join(dir, "data");
    const db = await createDb({ dataDir, loadDataDir: new Blob([readFileSync(inject("pgliteTemplates").demo)]) });
    const uow = createUnitOfWork(db);
    const [region] = await uow.read.orgs.listRegions();
    // Execution scored by bands: 95% earns 80% of its 10 points.
    const bands = [
      { minRatePercent: 100, percentOfWeight: 100 },
      { minRatePercent: 90, percentOfWeight: 80 },
      { minRatePercent: 0, percentOfWeight: 0 },
    ];
    await uow.transaction((repos) =>
      repos.ruleSets.insert(
        region!.code,
        2024,
        SELFEVAL_RULES_MODULE,
        "2024.2",
        { project: { ...DEFAULT_SELFEVAL_RULES.project, execution: { kind: "bands", bands } } },
        null,
      ),
    );
    await db.close();

    const r = await run([good, "--json"], dataDir);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.rules).toEqual([
      {
        fiscalYear: 2024,
        source: "database",
        version: "2024.2",
        text: `区划 ${region!.code} 2024年度自评规则 2024.2 版`,
      },
    ]);
    const [sheet] = json.sheets;
    expect(sheet.computedTotal).toBe(93.7);
    expect(
      sheet.differences.map((d: { code: string; cell: string; computed: number }) => [d.code, d.cell, d.computed]),
    ).toEqual([
      ["SELFEVAL_EXECUTION_POINTS_DIFFER", "I7", 8],
      ["SELFEVAL_TOTAL_DIFFERS", "H21", 93.7],
    ]);

    // Another year without rules of its own takes the latest earlier one, and says so.
    const later = await run([good, "--year", "2025"], dataDir);
    expect(later.stdout).toContain(
      `评分规则（2025年度）：区划 ${region!.code} 2024年度（沿用到2025年度）自评规则 2024.2 版`,
    );
  }, 120_000);
});
