/**
 * Simulating a result rule set (issue 14) on the demo district as `npm start` loads it: the 2025 requests of the
 * 2024 projects that continue, and the seed's rule (exempt rigid spending and key projects; cut the projects of
 * the departments below the average department score by 30%). Timed, as finance runs it:
 * - `simulateRuleSet`: gathers everything a rule could need (requests, every project's self-evaluation, review
 *   and evaluation scores computed from their item points, the 部门绩效考核 ranking, rectification, monitoring
 *   lights), then applies the rules in core and builds the rows with their evidence;
 * - `simulate` alone (core) on inputs gathered once.
 * Baseline in the same run: one hand-written SQL statement that computes the same cuts from the requests and the
 * department scores (given as data: the statement does not rank departments). The benchmark checks that the
 * projects adjusted and the total cut are the same.
 */
import { sql } from "drizzle-orm";
import { actorOf } from "../src/app/auth/actor";
import { type Deps, systemClock } from "../src/app/context";
import { loadDemo } from "../src/app/demo/load-demo";
import { DEMO_DEPARTMENT_RULE_SET } from "../src/app/demo/replay-results";
import { simulateRuleSet } from "../src/app/results/simulate-rule-set";
import { gatherInputs, kindsOf } from "../src/app/results/simulation-inputs";
import { simulate } from "../src/core/results/simulate";
import { createDb, type Database, migrateDb } from "../src/db/client";
import { createUnitOfWork } from "../src/db/repos";
import { one } from "../src/db/repos/rows";
import { generateDemoDistrict } from "../src/demo/generate";
import { argon2Hasher } from "../src/server/auth/password";
import { type BenchRow, log, median, min, ms, now, ratio } from "./stats";

const RUNS = 21;
const YEAR = 2024;

const deps = (db: Database): Deps => ({ uow: createUnitOfWork(db), clock: systemClock, hasher: argon2Hasher });

interface Figures {
  adjusted: number;
  cut: number;
}

/** The seed's rule in one statement: rigid and key requests kept, the rest of a department strictly below the mean cut 30% half up. */
async function baseline(db: Database, regionCode: string, scores: { departmentId: number; score: string }[]) {
  const r = await one<{ adjusted: number; cut: string }>(
    db.orm,
    sql`with scores as (
          select x."departmentId" as department_id, x.score::bigint as score
          from jsonb_to_recordset(${JSON.stringify(scores)}::jsonb) as x("departmentId" int, score text)),
        average as (select round(avg(score))::bigint as average from scores),
        cuts as (
          select case when not r.rigid and not p.is_key and s.score < a.average
                      then (r.amount * 3000 + 5000) / 10000 else 0 end as cut
          from budget_requests r
          join projects p on p.id = r.project_id and p.region_code = r.region_code
          left join scores s on s.department_id = p.department_id
          cross join average a
          where r.region_code = ${regionCode} and r.budget_year = ${YEAR + 1})
        select count(*) filter (where cut > 0)::int as adjusted, sum(cut)::text as cut from cuts`,
  );
  if (!r) throw new Error("the baseline statement returned no row");
  return { adjusted: r.adjusted, cut: Number(r.cut) };
}

export async function resultsSimulationBench(): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const db = await createDb({ dataDir: "memory://" });
  await migrateDb(db);
  const started = now();
  await loadDemo(deps(db), generateDemoDistrict());
  log(`demo loaded in ${(Math.round(now() - started) / 1000).toFixed(0)} s`);
  const d = deps(db);
  const finance = actorOf((await d.uow.read.users.withOrg((await d.uow.read.users.byUsername("finance"))!.id))!);
  const sets = await d.uow.read.results.ruleSetVersions(finance.regionCode, YEAR);
  const seed = sets.find((s) => s.name === DEMO_DEPARTMENT_RULE_SET);
  if (!seed) throw new Error(`the demo has no rule set named ${DEMO_DEPARTMENT_RULE_SET}`);
  const gathered = await gatherInputs(d, finance, YEAR, kindsOf(seed));
  const scores = gathered.inputs.departmentScores.map((s) => ({
    departmentId: s.departmentId,
    score: s.score.toString(),
  }));
  const ruleSet = { budgetYear: YEAR + 1, name: seed.name, rules: seed.rules };

  const t = { full: [] as number[], core: [] as number[], base: [] as number[] };
  let ours: Figures | null = null;
  let pure: Figures | null = null;
  let theirs: Figures | null = null;
  await simulateRuleSet(d, finance, YEAR, seed.id);
  await baseline(db, finance.regionCode, scores);
  for (let i = 0; i < RUNS; i++) {
    let start = now();
    const s = await simulateRuleSet(d, finance, YEAR, seed.id);
    t.full.push(now() - start);
    ours = { adjusted: s.totals.adjusted, cut: s.totals.cut };
    start = now();
    const c = simulate(ruleSet, gathered.inputs, gathered.gradeLabels);
    t.core.push(now() - start);
    pure = { adjusted: c.totals.adjusted, cut: c.totals.cut };
    start = now();
    theirs = await baseline(db, finance.regionCode, scores);
    t.base.push(now() - start);
  }
  await db.close();
  const same = JSON.stringify(ours) === JSON.stringify(theirs) && JSON.stringify(pure) === JSON.stringify(theirs);
  log(`simulation ${JSON.stringify(ours)}; baseline ${JSON.stringify(theirs)}`);
  const requests = gathered.requests.length;
  const row = (metric: string, samples: number[]): BenchRow => ({
    benchmark: "result simulation",
    metric,
    value: `${ms(median(samples))} / ${ms(min(samples))} ms`,
    target: "",
    status: "",
  });
  return {
    rows: [
      row(`simulateRuleSet ${YEAR} (${requests} requests, gathering included), median / min of ${RUNS}`, t.full),
      row("simulate (core) on inputs gathered once", t.core),
      row("baseline: one hand-written SQL statement for the same cuts (department scores given)", t.base),
      {
        benchmark: "result simulation",
        metric: `ratio simulateRuleSet / baseline (medians); same projects and cut: ${same ? "yes" : "NO"}`,
        value: ratio(median(t.full) / median(t.base)),
        target: "",
        status: "",
      },
    ],
    notes: [],
  };
}
