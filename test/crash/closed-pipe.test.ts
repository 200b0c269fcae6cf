import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb } from "../../src/db/client";

const dir = mkdtempSync(join(tmpdir(), "jixiao-pipe-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a reader that closes the pipe early (| grep -q, | head)", () => {
  it("does not crash the command: the import still commits and exits 0", async () => {
    const dataDir = join(dir, "data");
    const seed = await createDb({ dataDir, loadDataDir: new Blob([readFileSync(inject("pgliteTemplates").demo)]) });
    await seed.close();
    const file = join(dir, "p.csv");
    writeFileSync(
      file,
      "预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）\n" +
        "2024,45020224990002,城中区管道关闭测试项目,120,120001,一次性,否,1000.00,1000.00,1000.00,0\n",
    );
    const child = spawn(process.execPath, ["bin/jixiao.mjs", "import", "projects", file], {
      env: { ...process.env, JIXIAO_DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    // Leave at the first output, as `grep -q` does once it has its match.
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
    expect(stderr).not.toContain("EPIPE");
    expect(code).toBe(0);
    const db = await createDb({ dataDir });
    const r = (await db.orm.execute(
      sql`select count(*)::int as n from projects where code = '45020224990002'`,
    )) as unknown as { rows: { n: number }[] };
    await db.close();
    expect(r.rows[0]?.n).toBe(1);
  }, 120_000);
});
