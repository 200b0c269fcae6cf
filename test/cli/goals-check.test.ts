import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEFAULT_GOAL_POLICY } from "../../src/core/goals/quality-policy";
import { createDb } from "../../src/db/client";
import { createUnitOfWork } from "../../src/db/repos";
import { JINGYAN, QINGSHAN, WELL_FORMED, workbook } from "../../src/io/goal-check-samples";
import { runCli } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "jixiao-goals-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `jixiao goals check …` as a user would, on the given data dir. */
const run = (args: string[], dataDir: string) => runCli(["goals", "check", ...args], dataDir);

describe("jixiao goals check", () => {
  it("without a database: the built-in rules, said so; exit 0 without errors, 1 with, 2 when unreadable", async () => {
    const good = join(dir, "good.xlsx");
    writeFileSync(good, await workbook(WELL_FORMED));
    const bad = join(dir, "bad.xlsx");
    writeFileSync(bad, await workbook(WELL_FORMED, QINGSHAN, JINGYAN));
    const noData = join(dir, "no-data");

    const ok = await run([good, "--json"], noData);
    expect(ok.code).toBe(0);
    const json = JSON.parse(ok.stdout);
    expect(json.rulesSource).toBe("内置默认指标体系与审核规则 2024.1 版（没有数据库）");
    expect(json.counts).toEqual({ sheets: 1, tables: 1, errors: 0, warnings: 0, issues: 0 });
    expect(json.sheets[0].tables[0].table.subjectName).toBe("城区学校校舍改造");
    // The check never creates a data dir.
    expect(existsSync(noData)).toBe(false);

    const found = await run([bad], noData);
    expect(found.code).toBe(1);
    expect(found.stdout).toContain("【青山区】农村义务教育薄弱学校改造补助资金（2020年度）");
    expect(found.stdout).toContain(
      "D10   提示  数量指标写成比率：第1个指标“产出指标/数量指标/农村义务教育学校改造覆盖率”",
    );
    expect(found.stdout).toContain("C14   提示  成本指标不是金额");
    expect(found.stdout).toContain("合计：4 张表，错误 1 处，提示 7 处，无法读取之处 0 处；未写入任何数据。");

    const junk = join(dir, "junk.xlsx");
    writeFileSync(junk, "不是表格");
    const unreadable = await run([junk, "--json"], noData);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stdout).toBe("");
    expect(unreadable.stderr).toContain("文件不是 Excel（.xlsx）工作簿");

    const huge = join(dir, "huge.xlsx");
    writeFileSync(huge, "");
    truncateSync(huge, 10 * 1024 * 1024 + 1);
    const tooLarge = await run([huge], noData);
    expect(tooLarge.code).toBe(2);
    expect(tooLarge.stderr).toContain("文件超过 10 MB 上限（10.0 MB），请把工作表分成几个文件再检查");
  }, 60_000);

  it("with a database: the region's rules for the table's year, and nothing written", async () => {
    const file = join(dir, "qingshan.xlsx");
    writeFileSync(file, await workbook(QINGSHAN));
    const dataDir = join(dir, "data");
    const db = await createDb({ dataDir, loadDataDir: new Blob([readFileSync(inject("pgliteTemplates").demo)]) });
    const uow = createUnitOfWork(db);
    const [region] = await uow.read.orgs.listRegions();
    // 2020's rules: 成本 as a level 1 of its own, and "稳步" no longer a vague word.
    const template = {
      version: "2020.1",
      totalWeight: 100,
      levels: [
        { level1: "产出指标", level2: ["数量指标", "质量指标", "时效指标"] },
        { level1: "成本指标", level2: ["经济成本指标"] },
        { level1: "效益指标", level2: ["社会效益指标", "可持续影响指标"] },
        { level1: "满意度指标", level2: ["服务对象满意度指标"] },
      ],
    };
    const policy = { ...DEFAULT_GOAL_POLICY, version: "2020.1", vagueWords: ["进一步"] };
    await uow.transaction((repos) =>
      repos.ruleSets.insert(region!.code, 2020, "goals", "2020.1", { template, policy }, null),
    );
    const count = async (on: typeof db) =>
      (
        await on.pglite!.query<{ n: number }>(
          "SELECT (SELECT count(*) FROM goal_tables) + (SELECT count(*) FROM audit_log) AS n",
        )
      ).rows[0]!.n;
    const before = await count(db);
    await db.close();

    const r = await run([file, "--json"], dataDir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.rulesSource).toBe(`区划 ${region!.code} 的指标体系与审核规则`);
    expect(json.rules).toEqual([{ fiscalYear: 2020, version: "2020.1", setForYear: 2020 }]);
    const t = json.sheets[0].tables[0];
    expect(t.table.indicators[4]).toMatchObject({ level1: "成本指标", level2: "经济成本指标" });
    expect(t.findings.map((f: { code: string; cell: string }) => `${f.cell} ${f.code}`)).toEqual([
      "A9 GOAL_BENEFIT_EXPECTED",
      "C7 GOAL_VAGUE",
      "D10 GOAL_QUANTITY_IS_RATE",
      "C12 GOAL_PROCESS_AS_OUTPUT",
      "C14 GOAL_COST_NOT_AMOUNT",
    ]);

    const again = await createDb({ dataDir });
    expect(await count(again)).toBe(before);
    await again.close();
  }, 120_000);
});
