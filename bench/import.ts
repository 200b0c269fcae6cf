/**
 * The district import as a finance bureau runs it: the budget system's CSV files of projects
 * (1,713 rows) and monthly execution (20,556 rows) read, validated, compared and committed through
 * readTable + runImport, against a raw COPY of the same rows into the same tables.
 */
import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { systemActor } from "../src/app/auth/actor";
import { type Actor, type Deps, systemClock } from "../src/app/context";
import { type DemoData, loadDemo } from "../src/app/demo/load-demo";
import { runImport } from "../src/app/imports/run-import";
import type { Repos, UnitOfWork } from "../src/app/ports";
import { IMPORT_SPECS, type ImportKind } from "../src/core/imports/spec";
import { PROJECT_CATEGORY_LABELS, type ProjectCategory } from "../src/core/project";
import { copyRows, toCsv } from "../src/db/bulk";
import { createDb, type Database, migrateDb } from "../src/db/client";
import { createUnitOfWork } from "../src/db/repos";
import { rows } from "../src/db/repos/rows";
import { type DemoDistrict, generateDemoDistrict } from "../src/demo/generate";
import { readTable } from "../src/io/read-upload";
import { argon2Hasher } from "../src/server/auth/password";
import { type BenchRow, log, median, min, ms, now, ratio, verdict } from "./stats";

const REPETITIONS = 5;
const TARGET_MS = 3000;
const TARGET_RATIO = 3;

type FileKind = Extract<ImportKind, "projects" | "execution">;

// ---------------------------------------------------------------- the files

const yuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;

/** A CSV file as the budget system exports it: the template's Chinese headers, money in yuan with 2 decimals. */
function csvFile(kind: FileKind, rows: readonly object[]): Buffer {
  const spec = IMPORT_SPECS[kind];
  const cells = rows.map((row) =>
    spec.map((f) => {
      const v = (row as Record<string, unknown>)[f.key];
      if (v === null || v === undefined) return "";
      switch (f.type) {
        case "money":
          return yuan(v as number);
        case "bool":
          return v ? "是" : "否";
        case "category":
          return PROJECT_CATEGORY_LABELS[v as ProjectCategory];
        default:
          return String(v);
      }
    }),
  );
  return Buffer.from(toCsv([spec.map((f) => f.header), ...cells]), "utf8");
}

// ---------------------------------------------------------------- databases

interface Target {
  name: string;
  /** A database in the starting state: migrated, region, bureau, orgs and accounts loaded. */
  fresh(): Promise<{ db: Database; dispose(): Promise<void> }>;
  close(): Promise<void>;
}

/** The demo district without its yearly data (projects, budgets, execution, goal tables, 2023): only orgs and users. */
const orgsOnly = (demo: DemoDistrict): DemoData => ({
  ...demo,
  projects: [],
  execution: [],
  deptBudgets: [],
  deptExecution: [],
  goalTables: [],
  history: undefined,
});

async function loadOrgs(db: Database, demo: DemoDistrict): Promise<void> {
  await loadDemo({ uow: createUnitOfWork(db), clock: systemClock, hasher: argon2Hasher }, orgsOnly(demo));
}

/**
 * initdb + migrations + the orgs take seconds per PGlite instance: build that state once, dump it,
 * and give every repetition a new in-memory instance loaded from the dump (as the tests do).
 */
function pgliteTarget(demo: DemoDistrict): Target {
  let template: Blob | null = null;
  return {
    name: "PGlite",
    async fresh() {
      if (!template) {
        const db = await createDb({ dataDir: "memory://" });
        await migrateDb(db);
        await loadOrgs(db, demo);
        template = (await db.pglite?.dumpDataDir("none")) ?? null;
        await db.close();
        if (!template) throw new Error("benchmark setup: no PGlite dump");
      }
      const db = await createDb({ dataDir: "memory://", loadDataDir: template });
      return { db, dispose: () => db.close() };
    },
    close: async () => {
      template = null;
    },
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function postgresTarget(url: string, demo: DemoDistrict): Target {
  let admin: Database | null = null;
  return {
    name: "PostgreSQL",
    async fresh() {
      admin ??= await createDb({ databaseUrl: url });
      const name = `jixiao_bench_${randomBytes(6).toString("hex")}`;
      await admin.pool?.query(`CREATE DATABASE ${name}`);
      const db = await createDb({ databaseUrl: withDatabase(url, name) });
      // pg's pool.end() resolves before its sockets are closed, so DROP … WITH (FORCE) may still hit one:
      // that FATAL 57P01 arrives as an 'error' on the pool, which would crash the process unhandled.
      let closing = false;
      db.pool?.on("error", (e) => {
        if (!closing) log(`PostgreSQL pool error: ${e.message}`);
      });
      await migrateDb(db);
      await loadOrgs(db, demo);
      return {
        db,
        async dispose() {
          closing = true;
          await db.close();
          await admin?.pool?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        },
      };
    },
    async close() {
      await admin?.close();
      admin = null;
    },
  };
}

// ---------------------------------------------------------------- phase timing

type Phase = "readTable" | "validate" | "compare" | "write" | "done";

/** Time spent in repository calls, by the import phase they were made in (from runImport's onProgress). */
class PhaseClock {
  phase: Phase = "readTable";
  readonly spent = new Map<string, number>();
  readonly marks = new Map<Phase | "txBody" | "txBodyEnd", number>();

  mark(phase: Phase | "txBody" | "txBodyEnd"): void {
    this.marks.set(phase, now());
    if (phase !== "txBody" && phase !== "txBodyEnd") this.phase = phase;
  }

  add(key: string, ms: number): void {
    const k = `${this.phase}:${key}`;
    this.spent.set(k, (this.spent.get(k) ?? 0) + ms);
  }

  /** Sum of the calls made in `phase` whose method name starts with `prefix`. */
  sum(phase: Phase, prefix: string): number {
    let total = 0;
    for (const [k, v] of this.spent) if (k.startsWith(`${phase}:${prefix}`)) total += v;
    return total;
  }
}

/** Times the named async methods of a repository; everything else passes through untouched. */
function timed<T extends object>(target: T, methods: readonly string[], clock: PhaseClock): T {
  const wrapped: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  for (const m of methods) {
    const fn = (target as Record<string, unknown>)[m];
    if (typeof fn !== "function") continue;
    wrapped[m] = async (...args: unknown[]) => {
      const start = now();
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      } finally {
        clock.add(m, now() - start);
      }
    };
  }
  return wrapped as T;
}

const IMPORT_METHODS = [
  "snapshotOrgs",
  "snapshotProjects",
  "snapshotExecution",
  "writeProjects",
  "writeExecution",
  "recordBatch",
];

const timedRepos = (repos: Repos, clock: PhaseClock): Repos => ({
  ...repos,
  imports: timed(repos.imports, IMPORT_METHODS, clock),
  audit: timed(repos.audit, ["append"], clock),
});

/** The app's unit of work with timers around snapshots, upserts, the batch row, audit, and the commit. */
const timedUow = (inner: UnitOfWork, clock: PhaseClock): UnitOfWork => ({
  ...inner,
  read: timedRepos(inner.read, clock),
  transaction: (work) =>
    inner.transaction(async (repos) => {
      clock.mark("txBody");
      const result = await work(timedRepos(repos, clock));
      clock.mark("txBodyEnd");
      return result;
    }),
});

// ---------------------------------------------------------------- one import

/** Filled in after the import: ANALYZE of the loaded table, re-run on its own. */
const ANALYZE_KEY = "… of which ANALYZE (estimate: re-run afterwards)";

interface ImportRun {
  total: number;
  phases: Record<string, number>;
  counts: { new: number; changed: number; unchanged: number; errors: number };
}

async function importFile(deps: Deps, actor: Actor, kind: FileKind, bytes: Buffer): Promise<ImportRun> {
  const clock = new PhaseClock();
  const uow = timedUow(deps.uow, clock);
  const start = now();
  const fileName = `${kind}.csv`;
  const table = await readTable({ bytes, fileName }, IMPORT_SPECS[kind]);
  const read = now();
  const result = await runImport({ ...deps, uow }, actor, {
    kind,
    fileName,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    rows: table.rows,
    mode: "commit",
    onProgress: (phase) => clock.mark(phase),
  });
  const end = now();
  const at = (p: Parameters<PhaseClock["mark"]>[0]) => clock.marks.get(p) ?? end;
  const validate = at("compare") - at("validate");
  const validateQueries = clock.sum("validate", "snapshot");
  const compare = at("write") - at("compare");
  const compareQueries = clock.sum("compare", "snapshot");
  const body = at("txBodyEnd") - at("txBody");
  const txSnapshot = clock.sum("write", "snapshot");
  const upsert = clock.sum("write", "write");
  const audit = clock.sum("write", "append");
  const batch = clock.sum("write", "recordBatch");
  return {
    total: end - start,
    phases: {
      "readTable (CSV → rows)": read - start,
      "validate: org/project lookups (SQL)": validateQueries,
      "validate: cells (validateImport)": validate - validateQueries,
      "compare: snapshot (SQL)": compareQueries,
      "compare: diff": compare - compareQueries,
      "write: BEGIN": at("txBody") - at("write"),
      "write: snapshot again in tx (SQL)": txSnapshot,
      "write: diff + audit entries (JS)": body - txSnapshot - upsert - audit - batch,
      "write: rows (COPY new rows; staged upsert of changed ones; analyze)": upsert,
      [ANALYZE_KEY]: Number.NaN,
      "write: import batch row": batch,
      "write: audit append (hash chain + COPY)": audit,
      "write: COMMIT": at("done") - at("txBodyEnd"),
    },
    counts: result.counts,
  };
}

// ---------------------------------------------------------------- the raw COPY baseline

const PROJECT_COLUMNS = [
  "region_code",
  "fiscal_year",
  "code",
  "name",
  "department_id",
  "unit_id",
  "category",
  "is_key",
  "sector",
  "initial_budget",
  "adjusted_budget",
  "fiscal_funds",
  "other_funds",
] as const;

async function orgIds(db: Database, regionCode: string): Promise<Map<string, number>> {
  const found = await rows<{ id: number; code: string }>(
    db.orm,
    sql`select id, code from orgs where region_code = ${regionCode}`,
  );
  return new Map(found.map((r) => [r.code, Number(r.id)]));
}

function idOf(ids: Map<string, number>, code: string): number {
  const id = ids.get(code);
  if (id === undefined) throw new Error(`benchmark data: unknown code ${code}`);
  return id;
}

async function copyBaseline(db: Database, demo: DemoDistrict): Promise<{ projects: number; execution: number }> {
  const region = demo.region.code;
  const orgs = await orgIds(db, region);
  const projectRows = demo.projects.map((p) => [
    region,
    p.fiscalYear,
    p.code,
    p.name,
    idOf(orgs, p.departmentCode),
    idOf(orgs, p.unitCode),
    p.category,
    p.isKey,
    p.sector,
    p.initialBudget,
    p.adjustedBudget,
    p.fiscalFunds,
    p.otherFunds,
  ]);
  const t0 = now();
  await db.orm.transaction((tx) => copyRows(db, tx, "projects", PROJECT_COLUMNS, projectRows));
  const t1 = now();
  const found = await rows<{ id: number; code: string }>(
    db.orm,
    sql`select id, code from projects where region_code = ${region} and fiscal_year = ${demo.fiscalYear}`,
  );
  const projectIds = new Map(found.map((r) => [r.code, Number(r.id)]));
  const executionRows = demo.execution.map((e) => [region, idOf(projectIds, e.projectCode), e.month, e.executed]);
  await db.orm.transaction((tx) =>
    copyRows(db, tx, "project_execution", ["region_code", "project_id", "month", "executed"], executionRows),
  );
  const t2 = now();
  return { projects: t1 - t0, execution: t2 - t1 };
}

/** The WAL position in bytes: WAL written between two points is the volume a load makes the database log. */
async function walBytes(db: Database): Promise<number> {
  const [r] = await rows<{ lsn: string }>(db.orm, sql`select pg_current_wal_lsn()::text as lsn`);
  const [hi, lo] = (r?.lsn ?? "0/0").split("/").map((h) => Number.parseInt(h, 16));
  return (hi ?? 0) * 2 ** 32 + (lo ?? 0);
}

async function countRows(db: Database): Promise<string> {
  const [r] = await rows<{ p: number; e: number }>(
    db.orm,
    sql`select (select count(*) from projects)::int as p, (select count(*) from project_execution)::int as e`,
  );
  return `${r?.p ?? 0}/${r?.e ?? 0}`;
}

// ---------------------------------------------------------------- the benchmark on one database kind

interface TargetResult {
  importTotal: number[];
  importProjects: number[];
  importExecution: number[];
  copyTotal: number[];
  copyProjects: number[];
  copyExecution: number[];
  reimport: number[];
  phases: { projects: Record<string, number>[]; execution: Record<string, number>[] };
  reimportChanges: number;
  walCopy: number[];
  walImport: number[];
}

async function benchTarget(target: Target, demo: DemoDistrict, files: Record<FileKind, Buffer>): Promise<TargetResult> {
  const out: TargetResult = {
    importTotal: [],
    importProjects: [],
    importExecution: [],
    copyTotal: [],
    copyProjects: [],
    copyExecution: [],
    reimport: [],
    phases: { projects: [], execution: [] },
    reimportChanges: 0,
    walCopy: [],
    walImport: [],
  };
  const expected = `${demo.projects.length}/${demo.execution.length}`;
  for (let rep = 1; rep <= REPETITIONS; rep++) {
    // COPY and import alternate, each on its own fresh database, so that noise hits both alike.
    const a = await target.fresh();
    try {
      const wal0 = await walBytes(a.db);
      const copy = await copyBaseline(a.db, demo);
      out.walCopy.push((await walBytes(a.db)) - wal0);
      out.copyProjects.push(copy.projects);
      out.copyExecution.push(copy.execution);
      out.copyTotal.push(copy.projects + copy.execution);
      const got = await countRows(a.db);
      if (got !== expected) throw new Error(`COPY loaded ${got} rows, expected ${expected}`);
    } finally {
      await a.dispose();
    }

    const b = await target.fresh();
    try {
      const deps: Deps = { uow: createUnitOfWork(b.db), clock: systemClock, hasher: argon2Hasher };
      const bureau = (await deps.uow.read.orgs.allInRegion(demo.region.code)).find((o) => o.code === demo.bureau.code);
      if (!bureau) throw new Error("benchmark setup: the bureau is missing");
      const actor = systemActor(demo.region.code, bureau.id, bureau.path);
      const wal0 = await walBytes(b.db);
      const p = await importFile(deps, actor, "projects", files.projects);
      const e = await importFile(deps, actor, "execution", files.execution);
      out.walImport.push((await walBytes(b.db)) - wal0);
      for (const r of [p, e]) if (r.counts.errors > 0) throw new Error(`import reported ${r.counts.errors} errors`);
      const got = await countRows(b.db);
      if (got !== expected) throw new Error(`import loaded ${got} rows, expected ${expected}`);
      out.importProjects.push(p.total);
      out.importExecution.push(e.total);
      out.importTotal.push(p.total + e.total);
      out.phases.projects.push(p.phases);
      out.phases.execution.push(e.phases);

      const p2 = await importFile(deps, actor, "projects", files.projects);
      const e2 = await importFile(deps, actor, "execution", files.execution);
      out.reimport.push(p2.total + e2.total);
      out.reimportChanges += p2.counts.new + p2.counts.changed + e2.counts.new + e2.counts.changed;
      // The diff says nothing changed; the database must agree (an update would have bumped a version).
      const [bumped] = await rows<{ n: number }>(
        b.db.orm,
        sql`select count(*)::int as n from projects where version > 1`,
      );
      out.reimportChanges += bumped?.n ?? 0;

      // The upserts end with ANALYZE (a raw COPY does not): its cost on the loaded tables, for the phase table.
      for (const [table, phases] of [
        ["projects", p.phases],
        ["project_execution", e.phases],
      ] as const) {
        const t0 = now();
        await b.db.orm.execute(sql.raw(`analyze ${table}`));
        phases[ANALYZE_KEY] = now() - t0;
      }
    } finally {
      await b.dispose();
    }
    log(
      `import ${target.name} ${rep}/${REPETITIONS}: COPY ${ms(out.copyTotal.at(-1) ?? Number.NaN)} ms, ` +
        `import ${ms(out.importTotal.at(-1) ?? Number.NaN)} ms ` +
        `(projects ${ms(out.importProjects.at(-1) ?? Number.NaN)}, execution ${ms(out.importExecution.at(-1) ?? Number.NaN)}), ` +
        `re-import ${ms(out.reimport.at(-1) ?? Number.NaN)} ms`,
    );
  }
  return out;
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

function rowsFor(name: string, r: TargetResult, withTargets: boolean): BenchRow[] {
  const bench = `import (${name})`;
  const medImport = median(r.importTotal);
  const medCopy = median(r.copyTotal);
  const rat = medImport / medCopy;
  const both = (xs: number[]) => `${ms(median(xs))} ms (min ${ms(min(xs))})`;
  return [
    {
      benchmark: bench,
      metric: "projects + execution, readTable + runImport commit (median, min)",
      value: both(r.importTotal),
      target: withTargets ? `≤ ${TARGET_MS} ms` : "",
      status: withTargets ? verdict(medImport <= TARGET_MS) : "",
    },
    { benchmark: bench, metric: "… projects file (1,713 rows)", value: both(r.importProjects), target: "", status: "" },
    {
      benchmark: bench,
      metric: "… execution file (20,556 rows)",
      value: both(r.importExecution),
      target: "",
      status: "",
    },
    {
      benchmark: bench,
      metric: "baseline: raw COPY of the same rows",
      value: both(r.copyTotal),
      target: "",
      status: "",
    },
    { benchmark: bench, metric: "… COPY projects", value: both(r.copyProjects), target: "", status: "" },
    {
      benchmark: bench,
      metric: "… COPY execution (incl. project id lookup)",
      value: both(r.copyExecution),
      target: "",
      status: "",
    },
    {
      benchmark: bench,
      metric: "ratio import / COPY (medians; mins in brackets)",
      value: `${ratio(rat)} (${ratio(min(r.importTotal) / min(r.copyTotal))})`,
      target: `≤ ${TARGET_RATIO}×`,
      status: verdict(rat <= TARGET_RATIO),
    },
    {
      benchmark: bench,
      metric: "WAL written: import / COPY (median)",
      value: `${mb(median(r.walImport))} / ${mb(median(r.walCopy))} MB`,
      target: "",
      status: "",
    },
    {
      benchmark: bench,
      metric: `re-import of the same files (rows changed: ${r.reimportChanges})`,
      value: both(r.reimport),
      target: "changes nothing",
      status: verdict(r.reimportChanges === 0),
    },
  ];
}

function phaseTable(name: string, r: TargetResult): string {
  const keys = Object.keys(r.phases.projects[0] ?? {});
  const col = (runs: Record<string, number>[], k: string) => ms(median(runs.map((p) => p[k] ?? 0)));
  const lines = keys.map((k) => `| ${k} | ${col(r.phases.projects, k)} | ${col(r.phases.execution, k)} |`);
  return [
    `Import phases on ${name} (median ms over ${REPETITIONS} runs):`,
    "",
    "| phase | projects | execution |",
    "|---|---:|---:|",
    ...lines,
  ].join("\n");
}

export async function importBench(): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const demo = generateDemoDistrict();
  const files = { projects: csvFile("projects", demo.projects), execution: csvFile("execution", demo.execution) };
  log(
    `import: ${demo.projects.length} projects (${(files.projects.length / 1024).toFixed(0)} KB CSV), ` +
      `${demo.execution.length} execution rows (${(files.execution.length / 1024).toFixed(0)} KB CSV), ${REPETITIONS} repetitions`,
  );
  const table: BenchRow[] = [];
  const notes: string[] = [];

  const lite = pgliteTarget(demo);
  const liteResult = await benchTarget(lite, demo, files).finally(() => lite.close());
  table.push(...rowsFor("PGlite", liteResult, true));
  notes.push(phaseTable("PGlite", liteResult));

  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    log("import PostgreSQL: skipped (no BENCH_DATABASE_URL)");
    table.push({
      benchmark: "import (PostgreSQL)",
      metric: "all",
      value: "skipped (no BENCH_DATABASE_URL)",
      target: "",
      status: "",
    });
    return { rows: table, notes };
  }
  const pgTarget = postgresTarget(url, demo);
  try {
    const pgResult = await benchTarget(pgTarget, demo, files);
    table.push(...rowsFor("PostgreSQL", pgResult, false));
    notes.push(phaseTable("PostgreSQL", pgResult));
  } finally {
    await pgTarget.close();
  }
  return { rows: table, notes };
}
