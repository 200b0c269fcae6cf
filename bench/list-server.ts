/**
 * The API server of the list benchmark, run in a child process so that the load generator
 * (autocannon, in the parent) does not share the server's event loop. Embedded PGlite in memory,
 * the full demo district, the real buildServer. Talks to the parent over IPC:
 *   → { type: "ready", port, departmentIds }   once listening
 *   ← { type: "sql", runs }  → { type: "sql", timings }   the hand-written SQL baseline
 *   ← { type: "stop" }       closes the server and the database, then exits
 */
import { systemClock } from "../src/app/context";
import { loadDemo } from "../src/app/demo/load-demo";
import { createDb, migrateDb } from "../src/db/client";
import { createUnitOfWork } from "../src/db/repos";
import { generateDemoDistrict } from "../src/demo/generate";
import { buildServer } from "../src/server/app";
import { argon2Hasher } from "../src/server/auth/password";

export type ParentMessage = { type: "sql"; runs: number } | { type: "stop" };
export type ChildMessage =
  | { type: "ready"; port: number; departmentIds: number[]; regionCode: string; fiscalYear: number; setupMs: number }
  | { type: "sql"; timings: number[]; rows: number }
  | { type: "error"; message: string };

/**
 * The same page as `GET /api/v1/projects?year=…&page=1&pageSize=20&sort=code&order=asc` for the
 * finance bureau (whole region), written by hand: the rows with their departments, units and
 * execution sums, plus the totals the pager and the sum line need.
 */
export const BASELINE_SQL = `
  select p.id, p.code, p.name, p.fiscal_year, d.id as department_id, d.code as department_code, d.name as department_name,
         u.id as unit_id, u.code as unit_code, u.name as unit_name, p.category, p.is_key, p.sector,
         p.initial_budget::float8 as initial_budget, p.adjusted_budget::float8 as adjusted_budget,
         p.fiscal_funds::float8 as fiscal_funds, p.other_funds::float8 as other_funds,
         coalesce(e.executed, 0)::float8 as executed,
         count(*) over ()::int as total, sum(p.adjusted_budget) over ()::float8 as sum_adjusted,
         sum(coalesce(e.executed, 0)) over ()::float8 as sum_executed
  from projects p
  join orgs d on d.id = p.department_id
  join orgs u on u.id = p.unit_id
  left join (select x.project_id, sum(x.executed) as executed from project_execution x group by x.project_id) e
    on e.project_id = p.id
  where p.region_code = $1 and p.fiscal_year = $2
  order by p.code
  limit 20 offset 0`;

function send(message: ChildMessage): void {
  process.send?.(message);
}

async function main() {
  const started = performance.now();
  const demo = generateDemoDistrict();
  const db = await createDb({ dataDir: "memory://" });
  await migrateDb(db);
  await loadDemo({ uow: createUnitOfWork(db), clock: systemClock, hasher: argon2Hasher }, demo);
  const pglite = db.pglite;
  if (!pglite) throw new Error("the list benchmark runs on PGlite");
  const departments = await pglite.query<{ id: number }>(
    "select id from orgs where region_code = $1 and kind = 'department' order by code",
    [demo.region.code],
  );
  const { app } = await buildServer({ db, logLevel: "silent" });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (address === null || typeof address === "string") throw new Error("server has no TCP address");

  process.on("message", (message: ParentMessage) => {
    if (message.type === "sql") {
      void (async () => {
        const timings: number[] = [];
        let rows = 0;
        for (let i = 0; i < message.runs; i++) {
          const t0 = performance.now();
          const res = await pglite.query(BASELINE_SQL, [demo.region.code, demo.fiscalYear]);
          timings.push(performance.now() - t0);
          rows = res.rows.length;
        }
        send({ type: "sql", timings, rows });
      })().catch((e: unknown) => send({ type: "error", message: String(e) }));
    } else if (message.type === "stop") {
      void (async () => {
        await app.close();
        await db.close();
        process.exit(0);
      })();
    }
  });
  // Never outlive the parent (a killed benchmark must not leave a server behind).
  process.on("disconnect", () => process.exit(0));

  send({
    type: "ready",
    port: address.port,
    departmentIds: departments.rows.map((r) => r.id),
    regionCode: demo.region.code,
    fiscalYear: demo.fiscalYear,
    setupMs: performance.now() - started,
  });
}

main().catch((e: unknown) => {
  send({ type: "error", message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  process.exit(1);
});
