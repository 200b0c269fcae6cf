import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb } from "../../src/db/client";

const dir = mkdtempSync(join(tmpdir(), "jixiao-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function totals(dataDir: string) {
  const db = await createDb({ dataDir });
  const r = (await db.orm.execute(
    sql`select (select sum(e.executed) from project_execution e join projects p on p.id = e.project_id
                        where p.fiscal_year = 2024)::float8 as paid, (select count(*) from audit_log)::int as audit,
               (select count(*) from import_batches)::int as batches`,
  )) as unknown as { rows: { paid: number; audit: number; batches: number }[] };
  await db.close();
  return r.rows[0]!;
}

describe("a crash during an import", () => {
  it("leaves the embedded database either as before or fully imported, never half-written", async () => {
    const dataDir = join(dir, "data");
    // A copy of the migrated demo database as a data directory on disk.
    const seed = await createDb({ dataDir, loadDataDir: new Blob([readFileSync(inject("pgliteTemplates").demo)]) });
    const codes = (await seed.orm.execute(
      sql`select code from projects where fiscal_year = 2024 order by code`,
    )) as unknown as {
      rows: { code: string }[];
    };
    await seed.close();
    const before = await totals(dataDir);

    // Every month of every project paid 1 元: 20,556 changed rows, a long transaction.
    const lines = ["预算年度,项目编码,月份,支付数（元）"];
    for (const { code } of codes.rows) for (let m = 1; m <= 12; m++) lines.push(`2024,${code},${m},1.00`);
    const file = join(dir, "execution.csv");
    writeFileSync(file, lines.join("\n"));

    const child = spawn(process.execPath, ["bin/jixiao.mjs", "import", "execution", file], {
      env: { ...process.env, JIXIAO_DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        // The write phase runs the transaction (COPY, upserts, audit) for about a second: kill inside it.
        if (chunk.toString().includes("write")) {
          setTimeout(() => {
            child.kill("SIGKILL");
            resolve();
          }, 300);
        }
      });
      child.on("exit", () => resolve());
      child.on("error", reject);
    });
    await new Promise((r) => child.once("exit", r).once("close", r));
    const after = await totals(dataDir);
    const imported = {
      paid: codes.rows.length * 12 * 100,
      audit: before.audit + codes.rows.length + 1,
      batches: before.batches + 1,
    };
    expect([before, imported]).toContainEqual(after);
  }, 120_000);
});
