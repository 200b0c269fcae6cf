import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Deps, systemClock } from "../app/context";
import { createDb, type Database, migrateDb } from "../db/client";
import { createUnitOfWork } from "../db/repos";
import { argon2Hasher } from "../server/auth/password";
import { type Config, loadConfig } from "../server/config";
import { lockDataDir } from "./data-dir-lock";

export interface Runtime {
  config: Config;
  db: Database;
  deps: Deps;
  /** True when the embedded data dir did not exist before this start. */
  freshDataDir: boolean;
  close(): Promise<void>;
}

/**
 * Opens the configured database and applies pending migrations. The embedded database allows one
 * process per data dir: the lock is taken atomically before the database is opened (data-dir-lock.ts),
 * so a second process is refused clearly and never opens the files.
 */
export async function openRuntime(): Promise<Runtime> {
  const config = loadConfig();
  let freshDataDir = false;
  let unlock: (() => void) | null = null;
  if (!config.databaseUrl) {
    const dir = resolve(config.dataDir);
    freshDataDir = !existsSync(join(dir, "PG_VERSION"));
    unlock = lockDataDir(dir);
  }
  let db: Database;
  try {
    db = await createDb({ databaseUrl: config.databaseUrl, dataDir: resolve(config.dataDir) });
    await migrateDb(db);
  } catch (e) {
    unlock?.();
    throw e;
  }
  const deps: Deps = { uow: createUnitOfWork(db), clock: systemClock, hasher: argon2Hasher };
  return {
    config,
    db,
    deps,
    freshDataDir,
    async close() {
      await db.close();
      unlock?.();
    },
  };
}

/** The region the command acts on: --region, else the only one in the database. */
export async function resolveRegion(rt: Runtime, wanted?: string): Promise<string> {
  const rows = await rt.deps.uow.read.orgs.listRegions();
  if (wanted) {
    if (!rows.some((r) => r.code === wanted)) throw new Error(`区划 ${wanted} 不存在`);
    return wanted;
  }
  if (rows.length === 1) return rows[0]!.code;
  if (rows.length === 0)
    throw new Error("数据库中还没有区划：先载入演示数据（jixiao demo）或创建管理员（jixiao user create … --region）");
  throw new Error(`数据库中有多个区划（${rows.map((r) => r.code).join("、")}），请用 --region 指定`);
}
