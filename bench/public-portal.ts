/**
 * The public portal under load, without login: 50 concurrent connections for 10 s (after a 2 s warm-up)
 * rotating over the pages a visitor or a search engine reads (the region, the year, each publication, its
 * earlier versions, a CSV and the data package), with the server's short-lived cache revalidated by nobody
 * (autocannon sends no If-None-Match, so every request is served in full). The server is the list
 * benchmark's child (real buildServer, embedded PGlite, the full demo district with its publications).
 * Baseline in the same run: the same load on /api/health, the HTTP floor of the same process.
 */
import autocannon from "autocannon";
import { startServer } from "./list";
import { type BenchRow, log, ms, percentile, ratio, verdict } from "./stats";

const CONNECTIONS = 50;
const WARMUP_S = 2;
const DURATION_S = 10;
const TARGET_P95_MS = 100;

async function run(base: string, paths: readonly string[], label: string) {
  const requests = paths.map((path) => ({ method: "GET" as const, path }));
  const options = { url: base, connections: CONNECTIONS, requests, timeout: 10 };
  await autocannon({ ...options, duration: WARMUP_S });
  const latencies: number[] = [];
  const instance = autocannon({ ...options, duration: DURATION_S });
  instance.on("response", (_c, _s, _b, responseMs) => {
    latencies.push(responseMs);
  });
  const result = await instance;
  const out = {
    requests: latencies.length,
    rps: latencies.length / result.duration,
    bad: result.non2xx + result.errors + result.timeouts,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
  log(`portal: ${label}: ${out.requests} responses, p50 ${ms(out.p50)} ms, p95 ${ms(out.p95)} ms, bad ${out.bad}`);
  return out;
}

/** Every public page of the demo district, found by following the portal's own links from its index. */
async function portalPaths(base: string): Promise<string[]> {
  const links = async (path: string) =>
    [...(await (await fetch(`${base}${path}`)).text()).matchAll(/href="(\/public\/[^"#]*)"/g)].map((m) => m[1]!);
  const seen = new Set<string>(["/public/"]);
  const queue = ["/public/"];
  while (queue.length > 0 && seen.size < 200) {
    for (const next of await links(queue.shift()!))
      if (!seen.has(next)) {
        seen.add(next);
        if (!/\.(csv|json)/.test(next)) queue.push(next);
      }
  }
  return [...seen];
}

export async function publicPortalBench(): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const server = await startServer();
  try {
    const base = `http://127.0.0.1:${server.ready.port}`;
    const paths = await portalPaths(base);
    log(`portal: ${paths.length} public addresses: ${paths.slice(0, 6).join(" ")} …`);
    const pages = await run(base, paths, "portal pages");
    const floor = await run(base, ["/api/health"], "health");
    return {
      rows: [
        {
          benchmark: "public portal",
          metric: `p95 at ${CONNECTIONS} connections, no login, ${paths.length} addresses (${pages.rps.toFixed(0)} req/s, ${pages.bad} bad)`,
          value: `${ms(pages.p95)} ms (p50 ${ms(pages.p50)})`,
          target: `≤ ${TARGET_P95_MS} ms`,
          status: verdict(pages.p95 <= TARGET_P95_MS && pages.bad === 0),
        },
        {
          benchmark: "public portal",
          metric: `baseline: /api/health at ${CONNECTIONS} connections (${floor.rps.toFixed(0)} req/s)`,
          value: `${ms(floor.p95)} ms (p50 ${ms(floor.p50)})`,
          target: "",
          status: "",
        },
        {
          benchmark: "public portal",
          metric: "ratio p95 portal / health",
          value: ratio(pages.p95 / floor.p95),
          target: "",
          status: "",
        },
      ],
      notes: [],
    };
  } finally {
    await server.stop();
  }
}
