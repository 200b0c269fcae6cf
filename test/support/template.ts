import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { systemClock } from "../../src/app/context";
import { loadDemo } from "../../src/app/demo/load-demo";
import { createDb, type Database, migrateDb } from "../../src/db/client";
import { createUnitOfWork } from "../../src/db/repos";
import { generateDemoDistrict } from "../../src/demo/generate";
import { argon2Hasher } from "../../src/server/auth/password";

export type TemplateName = "empty" | "demo";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplates: Record<TemplateName, string>;
    pgTemplates: Record<TemplateName, string> | null;
  }
}

async function loadDemoInto(db: Database) {
  await loadDemo({ uow: createUnitOfWork(db), clock: systemClock, hasher: argon2Hasher }, generateDemoDistrict());
}

/**
 * initdb takes seconds per PGlite instance: build two migrated databases once (empty, and with the
 * demo district), dump them, and let every test file clone a dump. On PostgreSQL
 * (TEST_DATABASE_URL) the templates are databases that each test file copies with CREATE … TEMPLATE.
 */
export async function setup(project: TestProject) {
  const paths = {} as Record<TemplateName, string>;
  for (const name of ["empty", "demo"] as const) {
    const db = await createDb({ dataDir: "memory://" });
    await migrateDb(db);
    if (name === "demo") await loadDemoInto(db);
    const dump = await db.pglite!.dumpDataDir("none");
    paths[name] = join(tmpdir(), `jixiao-template-${name}-${process.pid}.tar`);
    await writeFile(paths[name], Buffer.from(await dump.arrayBuffer()));
    await db.close();
  }
  project.provide("pgliteTemplates", paths);

  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    project.provide("pgTemplates", null);
    return;
  }
  const names = { empty: `jixiao_tpl_empty_${process.pid}`, demo: `jixiao_tpl_demo_${process.pid}` };
  const admin = await createDb({ databaseUrl: url });
  for (const [kind, name] of Object.entries(names)) {
    await admin.pool!.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.pool!.query(`CREATE DATABASE ${name}`);
    const tpl = await createDb({ databaseUrl: withDatabase(url, name) });
    await migrateDb(tpl);
    if (kind === "demo") await loadDemoInto(tpl);
    await tpl.close();
  }
  await admin.close();
  project.provide("pgTemplates", names);
  return async () => {
    const again = await createDb({ databaseUrl: url });
    for (const name of Object.values(names)) await again.pool!.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await again.close();
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
