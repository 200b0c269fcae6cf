import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema";

/** The ORM handle both drivers share; repositories take it (or a transaction of it). */
export type Orm = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Orm["transaction"]>[0]>[0];
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Orm | Tx;

export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  kind: DatabaseKind;
  orm: Orm;
  /** The PGlite instance when embedded (for dumps and COPY), else undefined. */
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations", import.meta.url));

// bigint columns come back as strings from pg; numeric ids and counts are cast in SQL instead.
pg.types.setTypeParser(20, (v) => Number(v));

export interface DbConfig {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** A dump of an already migrated data dir (tests clone one template instead of running initdb). */
  loadDataDir?: Blob | File | undefined;
}

export async function createDb(config: DbConfig): Promise<Database> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    // An idle connection closed by the server (restart, admin termination) must not crash the process;
    // the pool replaces it on next use.
    pool.on("error", (err) => console.warn(`PostgreSQL 连接中断：${err.message}`));
    const orm = drizzlePg(pool, { schema }) as unknown as Orm;
    return { kind: "postgres", orm, pool, close: () => pool.end() };
  }
  if (config.dataDir && config.dataDir !== "memory://") mkdirSync(config.dataDir, { recursive: true });
  const instance = await PGlite.create({
    dataDir: config.dataDir,
    ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
  });
  const orm = drizzlePglite(instance, { schema }) as unknown as Orm;
  return { kind: "pglite", orm, pglite: instance, close: () => instance.close() };
}

export async function migrateDb(db: Database): Promise<void> {
  if (db.kind === "postgres") {
    await migratePg(db.orm as never, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    await migratePglite(db.orm as never, { migrationsFolder: MIGRATIONS_DIR });
  }
}
