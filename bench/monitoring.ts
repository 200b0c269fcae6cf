/**
 * Lights and the summary of a monitoring round that covers every project and department-wide budget of the
 * demo district (1,767 reports, about 19,600 indicators answered), as finance's dashboard reads them:
 * `getMonitoringRound` (one statement for the figures, lights computed in core, counts) and the first page
 * of the report list sorted by light. Baseline in the same run: one hand-written SQL aggregate of the same
 * execution rows and answers that computes the lights with CASE and counts them.
 */
import { sql } from "drizzle-orm";
import { systemActor } from "../src/app/auth/actor";
import { type Deps, systemClock } from "../src/app/context";
import { loadDemo } from "../src/app/demo/load-demo";
import { listMonitoringReports } from "../src/app/monitoring/list-reports";
import { openMonitoringRound } from "../src/app/monitoring/open-round";
import { getMonitoringRound } from "../src/app/monitoring/round-summary";
import { createDb, type Database, migrateDb } from "../src/db/client";
import { createUnitOfWork } from "../src/db/repos";
import { rows } from "../src/db/repos/rows";
import { generateDemoDistrict } from "../src/demo/generate";
import { argon2Hasher } from "../src/server/auth/password";
import { type BenchRow, log, median, min, ms, now, ratio, verdict } from "./stats";

const REPETITIONS = 15;
const CUTOFF = 9;

const deps = (db: Database): Deps => ({ uow: createUnitOfWork(db), clock: systemClock, hasher: argon2Hasher });

/** The demo district with a second 2024 round (as of September) monitoring every subject, every item answered. */
async function state() {
  const db = await createDb({ dataDir: "memory://" });
  await migrateDb(db);
  const demo = generateDemoDistrict();
  await loadDemo(deps(db), demo);
  const actor = { ...systemActor(demo.region.code), displayName: "基准测试" };
  const { round } = await openMonitoringRound(deps(db), actor, {
    fiscalYear: 2024,
    cutoffMonth: CUTOFF,
    dueOn: "2024-10-20",
    selectionDueOn: "2024-10-10",
  });
  const region = { kind: "region", regionCode: demo.region.code } as const;
  const subjects = (await deps(db).uow.read.monitoring.candidates(region, round.id, {}))
    .filter((c) => c.goalTableId !== null)
    .map((c) => ({ subjectKind: c.subjectKind, id: c.id }));
  await deps(db).uow.transaction((repos) =>
    repos.monitoring.issueReports(demo.region.code, round.id, subjects, "department", "finance"),
  );
  // Answers as units give them: mostly 确定能, some 有可能, a few 完全不可能 (by a hash of the item's id).
  await db.orm.execute(sql`
    update monitoring_items i set progress = '1', expected = '1',
      likelihood = case when i.id % 97 = 0 then 'impossible' when i.id % 11 = 0 then 'possible' else 'certain' end,
      cause = case when i.id % 11 = 0 or i.id % 97 = 0 then '其他' end,
      measures = case when i.id % 11 = 0 or i.id % 97 = 0 then '加快推进' end
    from monitoring_reports r where r.id = i.report_id and r.round_id = ${round.id}`);
  await db.orm.execute(sql`analyze`);
  return { db, actor, roundId: round.id, reports: subjects.length };
}

/** The floor: one statement computing every report's light with CASE over the same rows, counted by light. */
async function baseline(db: Database, roundId: number) {
  return rows<{ light: string; n: number }>(
    db.orm,
    sql`with x as (
          select r.id, coalesce(p.adjusted_budget, b.adjusted_budget) as budget,
                 coalesce((select sum(e.executed) from project_execution e where e.project_id = r.project_id
                             and e.region_code = r.region_code and e.month <= ${CUTOFF}), 0)
               + coalesce((select sum(e.executed) from dept_execution e where e.dept_budget_id = r.dept_budget_id
                             and e.region_code = r.region_code and e.month <= ${CUTOFF}), 0) as executed,
                 exists (select 1 from monitoring_items i where i.report_id = r.id and i.region_code = r.region_code
                           and i.likelihood = 'impossible') as impossible
          from monitoring_reports r
          left join projects p on p.id = r.project_id and p.region_code = r.region_code
          left join dept_budgets b on b.id = r.dept_budget_id and b.region_code = r.region_code
          where r.round_id = ${roundId})
        select case when impossible then 'red'
                    when budget <= 0 then 'none'
                    when 12 * executed >= ${CUTOFF} * budget then 'green'
                    when 10000 * (12 * executed - ${CUTOFF} * budget) + 12 * 1500 * budget <= 0 then 'red'
                    else 'yellow' end as light, count(*)::int as n
        from x group by 1 order by 1`,
  );
}

export async function monitoringBench(): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const { db, actor, roundId, reports } = await state();
  const d = deps(db);
  const summary: number[] = [];
  const list: number[] = [];
  const base: number[] = [];
  let counts: Record<string, number> = {};
  let baseCounts: Record<string, number> = {};
  for (let rep = 0; rep < REPETITIONS; rep++) {
    let start = now();
    const b = await baseline(db, roundId);
    base.push(now() - start);
    baseCounts = Object.fromEntries(b.map((r) => [r.light, r.n]));
    start = now();
    const s = await getMonitoringRound(d, actor, roundId);
    summary.push(now() - start);
    counts = s.summary.lights;
    start = now();
    await listMonitoringReports(d, actor, { roundId, sort: "light", order: "asc", page: 1, pageSize: 20 });
    list.push(now() - start);
  }
  await db.close();
  const same = Object.entries(counts).every(([light, n]) => (baseCounts[light] ?? 0) === n);
  const r = median(summary) / median(base);
  log(
    `round summary ${ms(median(summary))} ms vs baseline ${ms(median(base))} ms (${ratio(r)}); lights agree: ${same}`,
  );
  const row = (metric: string, value: string, target = "", status: BenchRow["status"] = ""): BenchRow => ({
    benchmark: "monitoring lights (PGlite)",
    metric,
    value,
    target,
    status,
  });
  return {
    rows: [
      row(`reports in the round (every subject of the district)`, String(reports)),
      row("lights: system vs baseline", JSON.stringify(counts), "equal", verdict(same)),
      row(
        `getMonitoringRound: lights + summary (median / min of ${REPETITIONS})`,
        `${ms(median(summary))} / ${ms(min(summary))} ms`,
        "≤ 1 s",
        verdict(median(summary) <= 1000),
      ),
      row("list page sorted by light (median / min)", `${ms(median(list))} / ${ms(min(list))} ms`),
      row("baseline: one hand-written SQL aggregate (median / min)", `${ms(median(base))} / ${ms(min(base))} ms`),
      row("ratio summary / baseline", ratio(r), "≤ 2×", verdict(r <= 2)),
    ],
    notes: [],
  };
}
