import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createDb, migrateDb } from "../../src/db/client";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplateDb: string;
  }
}

/**
 * initdb takes seconds per PGlite instance: migrate one database once, dump it, and let every test
 * file clone the dump. On PostgreSQL (TEST_DATABASE_URL) the template is a database used as TEMPLATE.
 */
export async function setup(project: TestProject) {
  const db = await createDb({ dataDir: "memory://" });
  await migrateDb(db);
  const dump = await db.pglite!.dumpDataDir("none");
  const path = join(tmpdir(), `jixiao-template-${process.pid}.tar`);
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide("pgliteTemplate", path);

  const url = process.env.TEST_DATABASE_URL;
  let templateName = "";
  if (url) {
    templateName = `jixiao_tpl_${process.pid}`;
    const admin = await createDb({ databaseUrl: url });
    await admin.pool!.query(`DROP DATABASE IF EXISTS ${templateName}`);
    await admin.pool!.query(`CREATE DATABASE ${templateName}`);
    await admin.close();
    const tpl = await createDb({ databaseUrl: withDatabase(url, templateName) });
    await migrateDb(tpl);
    await tpl.close();
  }
  project.provide("pgTemplateDb", templateName);
  return async () => {
    if (url && templateName) {
      const admin = await createDb({ databaseUrl: url });
      await admin.pool!.query(`DROP DATABASE IF EXISTS ${templateName} WITH (FORCE)`);
      await admin.close();
    }
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
