/**
 * Project list API under load: 20 concurrent connections for 10 s (after a 2 s warm-up) against a
 * rotating set of realistic list URLs, signed in as the finance bureau. The server (real
 * buildServer, embedded PGlite with the full demo district) runs in a child process; the baselines
 * are the same load on /api/health (the HTTP floor) and one hand-written SQL query for the same
 * page, run 200 times in a row on the same PGlite. The same load then reads goal table details (the
 * largest response the web reads often), to compare serialisation through the contracts with before.
 */
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { PROJECT_SORTS } from "../src/app/projects/ports";
import { PROJECT_CATEGORIES, SIZE_BANDS } from "../src/core/project";
import type { ChildMessage, ParentMessage } from "./list-server";
import { type BenchRow, log, ms, percentile, ratio, verdict } from "./stats";

const CONNECTIONS = 20;
const WARMUP_S = 2;
const DURATION_S = 10;
const SINGLE_S = 5;
const SQL_RUNS = 200;
const TARGET_P95_MS = 50;
const SETUP_TIMEOUT_MS = 600_000;
const SESSION_COOKIE = "jixiao_session";
/** Words that occur in the demo district's project names (经费 in most, 学校 in a few dozen). */
const SEARCH_TERMS = ["经费", "改造", "社区", "学校", "补助", "维修", "4502022401"];

// ---------------------------------------------------------------- the server child

interface Server {
  child: ChildProcess;
  ready: Extract<ChildMessage, { type: "ready" }>;
  request(message: ParentMessage): Promise<ChildMessage>;
  stop(): Promise<void>;
}

function nextMessage(child: ChildProcess, timeoutMs: number): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`benchmark server: no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const onMessage = (m: ChildMessage) => {
      cleanup();
      if (m.type === "error") reject(new Error(`benchmark server: ${m.message}`));
      else resolve(m);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`benchmark server exited with code ${code}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
}

export async function startServer(): Promise<Server> {
  const entry = fileURLToPath(new URL("./list-server.ts", import.meta.url));
  // tsx runs this process; the child gets the same loader through the inherited execArgv.
  const child = fork(entry, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  try {
    const ready = await nextMessage(child, SETUP_TIMEOUT_MS);
    if (ready.type !== "ready") throw new Error(`benchmark server: unexpected message ${ready.type}`);
    return {
      child,
      ready,
      request(message) {
        const answer = nextMessage(child, 120_000);
        child.send(message);
        return answer;
      },
      async stop() {
        if (child.exitCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.send({ type: "stop" } satisfies ParentMessage);
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      },
    };
  } catch (e) {
    child.kill("SIGKILL");
    throw e;
  }
}

// ---------------------------------------------------------------- requests

async function login(base: string, username = "finance"): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "jixiao-demo" }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error("login answered without a session cookie");
  return session;
}

/**
 * What the project library screen asks for: pages of the whole list under every sort, and the
 * filters a clerk uses (department, category, size band, key projects, a search word).
 */
function listUrls(year: number, departmentIds: readonly number[]): string[] {
  const urls: string[] = [];
  for (let i = 0; i < 60; i++) {
    const sort = PROJECT_SORTS[i % PROJECT_SORTS.length] ?? "code";
    const order = Math.floor(i / PROJECT_SORTS.length) % 2 === 0 ? "asc" : "desc";
    const params = new URLSearchParams({ year: String(year) });
    let pages = 5;
    switch (i % 6) {
      case 1:
        params.set("departmentId", String(departmentIds[(i * 7) % departmentIds.length] ?? 1));
        pages = 1;
        break;
      case 2:
        params.set("category", PROJECT_CATEGORIES[i % PROJECT_CATEGORIES.length] ?? "recurring");
        pages = 3;
        break;
      case 3:
        params.set("size", SIZE_BANDS[i % SIZE_BANDS.length]?.key ?? "lt50w");
        pages = 2;
        break;
      case 4:
        params.set("isKey", "true");
        pages = 1;
        break;
      case 5:
        params.set("q", SEARCH_TERMS[i % SEARCH_TERMS.length] ?? "经费");
        pages = 2;
        break;
    }
    params.set("page", String(1 + (i % pages)));
    params.set("pageSize", i % 10 === 9 ? "50" : "20");
    params.set("sort", sort);
    params.set("order", order);
    urls.push(`/api/v1/projects?${params}`);
  }
  return urls;
}

interface LoadResult {
  requests: number;
  rps: number;
  non2xx: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  /** autocannon's own histogram figures (1 ms resolution), for comparison. */
  acP90: number;
  acP97_5: number;
  acP99: number;
}

/** A warm-up, then the measured run; latencies of every response of the measured run are kept. */
async function load(
  base: string,
  paths: readonly string[],
  cookie: string,
  label: string,
  connections = CONNECTIONS,
  duration = DURATION_S,
): Promise<LoadResult> {
  const requests = paths.map((path) => ({ method: "GET", path }));
  const options = { url: base, connections, headers: { cookie }, requests, timeout: 10 };
  if (connections === CONNECTIONS) {
    log(`list: ${label}: warm-up ${WARMUP_S} s`);
    await autocannon({ ...options, duration: WARMUP_S });
  }
  log(`list: ${label}: ${connections} connection(s) for ${duration} s`);
  const latencies: number[] = [];
  const instance = autocannon({ ...options, duration });
  instance.on("response", (_client, _status, _bytes, responseMs) => {
    latencies.push(responseMs);
  });
  const result = await instance;
  const out: LoadResult = {
    requests: latencies.length,
    rps: latencies.length / result.duration,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    acP90: result.latency.p90,
    acP97_5: result.latency.p97_5,
    acP99: result.latency.p99,
  };
  log(
    `list: ${label}: ${out.requests} responses, ${out.rps.toFixed(0)} req/s, p50 ${ms(out.p50)} ms, ` +
      `p95 ${ms(out.p95)} ms, p99 ${ms(out.p99)} ms, non-2xx ${out.non2xx}, errors ${out.errors}`,
  );
  return out;
}

/** The detail URLs of the year's 50 largest goal tables by indicators (as finance sees them). */
async function goalTableUrls(base: string, cookie: string, fiscalYear: number): Promise<string[]> {
  const res = await fetch(`${base}/api/v1/goals/tables?year=${fiscalYear}&pageSize=200`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`goal table list: ${res.status} ${await res.text()}`);
  const page = (await res.json()) as { rows: { id: number; indicators: number }[] };
  const ids = page.rows
    .sort((a, b) => b.indicators - a.indicators)
    .slice(0, 50)
    .map((r) => r.id);
  if (ids.length === 0) throw new Error("goal table list: no tables");
  return ids.map((id) => `/api/v1/goals/tables/${id}`);
}

// ---------------------------------------------------------------- the benchmark

export async function listBench(): Promise<{ rows: BenchRow[]; notes: string[] }> {
  log("list: starting the server (PGlite in memory, full demo district) in a child process");
  const server = await startServer();
  try {
    const { port, departmentIds, fiscalYear } = server.ready;
    const base = `http://127.0.0.1:${port}`;
    log(`list: server ready on ${base} after ${(server.ready.setupMs / 1000).toFixed(1)} s`);
    const cookie = await login(base);
    const urls = listUrls(fiscalYear, departmentIds);
    // Every URL answers 200 with rows before the load starts (a 4xx under load would be a bench bug).
    for (const path of urls) {
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }

    const list = await load(base, urls, cookie, `${urls.length} project list URLs`);
    const health = await load(base, ["/api/health"], cookie, "/api/health");
    // One connection: no queueing, so its latency is the time the server spends on one request.
    const single = await load(base, urls, cookie, "project list URLs, service time", 1, SINGLE_S);
    // The largest response the web reads often: a goal table with its findings and history.
    const tableUrls = await goalTableUrls(base, cookie, fiscalYear);
    const table = await load(base, tableUrls, cookie, `${tableUrls.length} goal table URLs`);
    const tableSingle = await load(base, tableUrls, cookie, "goal table URLs, service time", 1, SINGLE_S);

    // Every user's home page starts with the inbox: a unit's (its own tasks) and finance's (the region's counts).
    const inboxUrls = ["/api/v1/tasks/inbox"];
    const inboxUnit = await load(base, inboxUrls, await login(base, "unit"), "inbox as a unit");
    const inboxFinance = await load(base, inboxUrls, cookie, "inbox as finance");

    log(`list: hand-written SQL for page 1, ${SQL_RUNS} sequential runs on the same PGlite`);
    const answer = await server.request({ type: "sql", runs: SQL_RUNS });
    if (answer.type !== "sql") throw new Error(`benchmark server: unexpected message ${answer.type}`);
    const sqlP50 = percentile(answer.timings, 50);
    const sqlP95 = percentile(answer.timings, 95);
    log(`list: SQL baseline ${answer.rows} rows, p50 ${ms(sqlP50)} ms, p95 ${ms(sqlP95)} ms`);

    const bench = "list (PGlite)";
    const rows: BenchRow[] = [
      {
        benchmark: bench,
        metric: `GET /api/v1/projects p95, ${CONNECTIONS} connections, ${DURATION_S} s`,
        value: `${ms(list.p95)} ms`,
        target: `≤ ${TARGET_P95_MS} ms`,
        status: verdict(list.p95 <= TARGET_P95_MS),
      },
      {
        benchmark: bench,
        metric: "… p50 / p99",
        value: `${ms(list.p50)} / ${ms(list.p99)} ms`,
        target: "",
        status: "",
      },
      {
        benchmark: bench,
        metric: "… autocannon histogram p90 / p97.5 / p99",
        value: `${list.acP90} / ${list.acP97_5} / ${list.acP99} ms`,
        target: "",
        status: "",
      },
      {
        benchmark: bench,
        metric: "… throughput",
        value: `${list.rps.toFixed(0)} req/s (${list.requests} responses)`,
        target: "",
        status: "",
      },
      {
        benchmark: bench,
        metric: "… non-2xx responses / errors + timeouts",
        value: `${list.non2xx} / ${list.errors}`,
        target: "0 / 0",
        status: verdict(list.non2xx === 0 && list.errors === 0),
      },
      {
        benchmark: bench,
        metric: `… 1 connection, ${SINGLE_S} s (service time, no queueing): p50 / p95, req/s`,
        value: `${ms(single.p50)} / ${ms(single.p95)} ms, ${single.rps.toFixed(0)} req/s`,
        target: "",
        status: "",
      },
      {
        benchmark: bench,
        metric: "HTTP floor: GET /api/health (runs `select 1`) p50 / p95",
        value: `${ms(health.p50)} / ${ms(health.p95)} ms`,
        target: "",
        status: "",
      },
      {
        benchmark: bench,
        metric: "… throughput, non-2xx",
        value: `${health.rps.toFixed(0)} req/s, ${health.non2xx}`,
        target: "",
        status: "",
      },
      {
        benchmark: bench,
        metric: `baseline: hand-written SQL, page 1, ${SQL_RUNS} sequential runs, p50 / p95`,
        value: `${ms(sqlP50)} / ${ms(sqlP95)} ms`,
        target: "",
        status: "",
      },
      {
        benchmark: bench,
        metric: "ratio list p95 / health p95 (HTTP floor)",
        value: ratio(list.p95 / health.p95),
        target: "",
        status: "",
      },
      {
        benchmark: bench,
        metric: `GET /api/v1/goals/tables/:id (${tableUrls.length} tables) p50 / p95, ${CONNECTIONS} connections`,
        value: `${ms(table.p50)} / ${ms(table.p95)} ms, ${table.rps.toFixed(0)} req/s`,
        target: "",
        status: "",
      },
      {
        benchmark: bench,
        metric: "… 1 connection (service time): p50 / p95",
        value: `${ms(tableSingle.p50)} / ${ms(tableSingle.p95)} ms`,
        target: "",
        status: "",
      },
      {
        benchmark: bench,
        metric: "… non-2xx responses / errors + timeouts",
        value: `${table.non2xx} / ${table.errors}`,
        target: "0 / 0",
        status: verdict(table.non2xx === 0 && table.errors === 0),
      },
      ...(
        [
          ["a unit", inboxUnit],
          ["finance", inboxFinance],
        ] as const
      ).map(
        ([who, r]): BenchRow => ({
          benchmark: bench,
          metric: `GET /api/v1/tasks/inbox as ${who} p50 / p95, ${CONNECTIONS} connections (non-2xx / errors)`,
          value: `${ms(r.p50)} / ${ms(r.p95)} ms, ${r.rps.toFixed(0)} req/s (${r.non2xx} / ${r.errors})`,
          target: `≤ ${TARGET_P95_MS} ms, 0 / 0`,
          status: verdict(r.p95 <= TARGET_P95_MS && r.non2xx === 0 && r.errors === 0),
        }),
      ),
    ];
    return { rows, notes: [] };
  } finally {
    await server.stop();
  }
}
