/**
 * Reads that used to recompute everything on every request, measured in the same run without the
 * memo (as before) and with it, on the demo district (PGlite; PostgreSQL too with BENCH_DATABASE_URL):
 * - a page of the goal-check findings (was: the whole region's checks per page);
 * - a page of the indicator library with past targets (was: every year's approved tables per request);
 * - a page of the audit log (was: counting the whole log per page).
 * Baselines: the stamp query alone (what a cached read still costs), and one hand-written query each.
 */
import { sql } from "drizzle-orm";
import { listAudit } from "../src/app/audit/list-audit";
import { systemActor } from "../src/app/auth/actor";
import { type Deps, systemClock } from "../src/app/context";
import { loadDemo } from "../src/app/demo/load-demo";
import { listLibrary } from "../src/app/goals/library-list";
import { listFindings } from "../src/app/goals/list-findings";
import { noMemo } from "../src/app/memo";
import { createDb, type Database, migrateDb } from "../src/db/client";
import { createUnitOfWork } from "../src/db/repos";
import { generateDemoDistrict } from "../src/demo/generate";
import { argon2Hasher } from "../src/server/auth/password";
import { type BenchRow, log, median, ms, now, ratio } from "./stats";

const RUNS = 15;

async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    await work();
    samples.push(now() - start);
  }
  return median(samples);
}

async function measure(label: string, db: Database): Promise<BenchRow[]> {
  const cached: Deps = { uow: createUnitOfWork(db), clock: systemClock, hasher: argon2Hasher };
  const uncached: Deps = { ...cached, uow: { ...cached.uow, memo: noMemo } };
  const actor = systemActor("450202");
  const auditCount = (await db.orm.execute(sql`select count(*)::int as n from audit_log`)) as unknown as {
    rows: { n: number }[];
  };
  const entries = auditCount.rows[0]!.n;

  const findings = (deps: Deps) => () => listFindings(deps, actor, 2024, {}, 2, 20);
  const library = (deps: Deps) => () =>
    listLibrary(deps, actor, {}, { sort: "uses", order: "desc", page: 1, pageSize: 200 });
  const audit = (deps: Deps) => () => listAudit(deps, actor, {}, 2, 20);

  const rows: BenchRow[] = [];
  const pair = async (
    what: string,
    read: (d: Deps) => () => Promise<unknown>,
    baseline: [string, () => Promise<unknown>],
  ) => {
    const before = await timed(5, read(uncached));
    await read(cached)(); // the first read computes and keeps
    const after = await timed(RUNS, read(cached));
    const base = await timed(RUNS, baseline[1]);
    log(`${label} ${what}: uncached ${ms(before)} ms, cached ${ms(after)} ms, ${baseline[0]} ${ms(base)} ms`);
    rows.push(
      {
        benchmark: `cached reads (${label})`,
        metric: `${what}: every read recomputes (before), median`,
        value: `${ms(before)} ms`,
        target: "",
        status: "",
      },
      {
        benchmark: `cached reads (${label})`,
        metric: `${what}: kept while its data is unchanged (after), median`,
        value: `${ms(after)} ms`,
        target: "",
        status: "",
      },
      {
        benchmark: `cached reads (${label})`,
        metric: `${what}: baseline, ${baseline[0]}`,
        value: `${ms(base)} ms`,
        target: "",
        status: "",
      },
      {
        benchmark: `cached reads (${label})`,
        metric: `${what}: before ÷ after`,
        value: ratio(before / after),
        target: "",
        status: "",
      },
    );
  };
  await pair("findings page 2 (1,767 tables checked)", findings, [
    "the checks' stamp query alone",
    () => cached.uow.read.goals.checkStamp("450202", 2024),
  ]);
  await pair("library page of 200 entries with past targets", library, [
    "the past targets' stamp query alone",
    () => cached.uow.read.indicatorLibrary.targetStamp("450202"),
  ]);
  await pair(`audit page 2 (${entries.toLocaleString("en")} entries)`, audit, [
    "one count(*) of the whole log",
    () => db.orm.execute(sql`select count(*) from audit_log`),
  ]);
  // A log some years old: half a million entries (copies of the demo's, for timing only; the chain is
  // not recomputed), then one more appended, as a page flip after a write finds it.
  await db.orm.execute(
    sql`insert into audit_log (at, actor_id, actor_name, region_code, action, entity, entity_id, before, after, reason, prev_hash, hash)
        select a.at, a.actor_id, a.actor_name, a.region_code, a.action, a.entity, a.entity_id, a.before, a.after, a.reason, a.prev_hash, a.hash
        from audit_log a, generate_series(1, ${Math.ceil(500_000 / entries)}) n`,
  );
  await db.orm.execute(sql`analyze audit_log`);
  const grown = (
    (await db.orm.execute(sql`select count(*)::int as n from audit_log`)) as unknown as { rows: { n: number }[] }
  ).rows[0]!.n;
  await pair(`audit page 2 (${grown.toLocaleString("en")} entries)`, audit, [
    "one count(*) of the whole log",
    () => db.orm.execute(sql`select count(*) from audit_log`),
  ]);
  return rows;
}

export async function cachedReadsBench(): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const demo = generateDemoDistrict();
  const rows: BenchRow[] = [];
  const pglite = await createDb({ dataDir: "memory://" });
  await migrateDb(pglite);
  await loadDemo({ uow: createUnitOfWork(pglite), clock: systemClock, hasher: argon2Hasher }, demo);
  rows.push(...(await measure("PGlite", pglite)));
  await pglite.close();

  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = await createDb({ databaseUrl: url });
    await admin.pool!.query("DROP DATABASE IF EXISTS jixiao_bench_reads");
    await admin.pool!.query("CREATE DATABASE jixiao_bench_reads");
    const u = new URL(url);
    u.pathname = "/jixiao_bench_reads";
    const pg = await createDb({ databaseUrl: u.toString() });
    await migrateDb(pg);
    await loadDemo({ uow: createUnitOfWork(pg), clock: systemClock, hasher: argon2Hasher }, demo);
    rows.push(...(await measure("PostgreSQL", pg)));
    await pg.close();
    await admin.pool!.query("DROP DATABASE IF EXISTS jixiao_bench_reads WITH (FORCE)");
    await admin.close();
  } else log("cached reads PostgreSQL: skipped (no BENCH_DATABASE_URL)");
  return { rows, notes: [] };
}
