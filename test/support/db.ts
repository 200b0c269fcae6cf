import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { createDb, type Database } from "../../src/db/client";
import { type TemplateName, withDatabase } from "./template";

export type TestDb = Database & { dispose(): Promise<void> };

/**
 * A fresh database for one test file, cloned from a template: the PGlite dump, or on PostgreSQL
 * (TEST_DATABASE_URL set) a new database created from the template database.
 */
export async function freshDb(template: TemplateName = "empty"): Promise<TestDb> {
  const url = process.env.TEST_DATABASE_URL;
  const pg = inject("pgTemplates");
  if (url && pg) {
    const name = `jixiao_t_${randomBytes(6).toString("hex")}`;
    const admin = await createDb({ databaseUrl: url });
    await admin.pool!.query(`CREATE DATABASE ${name} TEMPLATE ${pg[template]}`);
    await admin.close();
    const db = await createDb({ databaseUrl: withDatabase(url, name) });
    return {
      ...db,
      async dispose() {
        await db.close();
        const again = await createDb({ databaseUrl: url });
        await again.pool!.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await again.close();
      },
    };
  }
  const dump = await readFile(inject("pgliteTemplates")[template]);
  const db = await createDb({ dataDir: "memory://", loadDataDir: new Blob([dump]) });
  return { ...db, dispose: () => db.close() };
}
