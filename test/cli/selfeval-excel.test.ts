import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, inject, it } from "vitest";
import { systemActor } from "../../src/app/auth/actor";
import { openSelfEvaluation } from "../../src/app/selfeval/open-selfeval";
import { createDb } from "../../src/db/client";
import { createUnitOfWork } from "../../src/db/repos";
import { rows } from "../../src/db/repos/rows";
import { argon2Hasher } from "../../src/server/auth/password";
import { runCli } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "jixiao-selfeval-excel-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `jixiao selfeval …` as a user would, on the given data dir. */
const run = (args: string[], dataDir: string) => runCli(["selfeval", ...args], dataDir);

async function edit(file: string, out: string, change: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  // The first form's sheet (a 目录 comes first when there are several).
  change(wb.worksheets.find((ws) => ws.name !== "目录" && ws.name !== "_jixiao")!);
  await wb.xlsx.writeFile(out);
}

describe("jixiao selfeval export | import", () => {
  it("exports a department's forms, previews the filled file, commits it on the declarer's behalf, and takes it again as unchanged", async () => {
    const dataDir = join(dir, "data");
    const db = await createDb({ dataDir, loadDataDir: new Blob([readFileSync(inject("pgliteTemplates").demo)]) });
    const uow = createUnitOfWork(db);
    const [region] = await uow.read.orgs.listRegions();
    const clock = { now: () => new Date("2024-01-10T02:00:00Z") };
    await openSelfEvaluation({ uow, clock, hasher: argon2Hasher }, systemActor(region!.code), {
      fiscalYear: 2023,
      dueOn: "2024-02-28",
    });
    // The department with the fewest project forms keeps the file small.
    const [dept] = await rows<{ code: string; n: number }>(
      db.orm,
      sql`select d.code, count(*)::int as n from selfeval_forms f join orgs d on d.id = f.department_id
          where f.subject_kind = 'project' and f.fiscal_year = 2023 group by d.code order by count(*), d.code limit 1`,
    );
    await db.close();

    const file = join(dir, "forms.xlsx");
    const exported = await run(["export", "--year", "2023", "--department", dept!.code, "--out", file], dataDir);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(`已导出 ${dept!.n} 张2023年度项目支出绩效自评表到 ${file}`);

    let code = "";
    const filled = join(dir, "filled.xlsx");
    await edit(file, filled, (ws) => {
      code = ws.name;
      ws.getCell("F12").value = "年度目标基本完成。";
      ws.getCell("I14").value = "部分工作延至次年";
    });
    const preview = await run(["import", filled], dataDir);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toContain(`变更 1，未变 ${dept!.n - 1}，跳过 0，有错误 0（0 处）`);
    expect(preview.stdout).toContain(`  ${code} `);
    expect(preview.stdout).toContain("预览，未写入（加 --commit 写入）。");

    const commit = await run(["import", filled, "--commit", "--json"], dataDir);
    expect(commit.code, commit.stderr).toBe(0);
    const result = JSON.parse(commit.stdout);
    expect(result).toMatchObject({ committed: true, fiscalYear: 2023, counts: { changed: 1, errors: 0 } });
    const again = await run(["import", filled, "--commit"], dataDir);
    expect(again.stdout).toContain(`变更 0，未变 ${dept!.n}`);

    const broken = join(dir, "broken.xlsx");
    await edit(file, broken, (ws) => {
      ws.getCell("D14").value = "改过的指标名称";
    });
    const refused = await run(["import", broken, "--commit"], dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("D14（三级指标）");
    expect(refused.stdout).toContain("有错误，未写入任何数据。");

    const check = await createDb({ dataDir });
    const [form] = await rows<{ overall_actual: string; version: number }>(
      check.orm,
      sql`select overall_actual, version from selfeval_forms where subject_code = ${code} and fiscal_year = 2023`,
    );
    await check.close();
    expect(form).toEqual({ overall_actual: "年度目标基本完成。", version: result.sheets[0].version });
  }, 600_000);
});
