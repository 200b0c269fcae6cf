import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { createDb, type Database } from "../../src/db/client";
import { withDatabase } from "./template";

/**
 * A fresh migrated database for one test file: a clone of the PGlite template, or on PostgreSQL
 * (TEST_DATABASE_URL set) a new database created from the migrated template database.
 */
export async function freshDb(): Promise<Database & { dispose(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `jixiao_t_${randomBytes(6).toString("hex")}`;
    const admin = await createDb({ databaseUrl: url });
    await admin.pool!.query(`CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplateDb")}`);
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
  const dump = await readFile(inject("pgliteTemplate"));
  const db = await createDb({ dataDir: "memory://", loadDataDir: new Blob([dump]) });
  return { ...db, dispose: () => db.close() };
}
