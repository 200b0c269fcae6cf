/**
 * The year's evaluation summary (issue 13) on the demo district as `npm start` loads it: 2024 with its 54
 * department evaluations, four key evaluations scored by their experts and the rectification notices, all
 * replayed through the use cases. Timed, as finance reads them: `evaluationSummary` (the framework, the
 * evaluations with their submitted sheet totals, the department counts and the rectification items, then the
 * scores, grades, coverage and counts in core), and the same plus its workbook (`evaluationSummaryWorkbook`).
 * Baseline in the same run: one hand-written SQL statement that computes the headline figures (department
 * evaluations, coverage, key count, amount, mean score, rectification by status and overdue) straight from
 * the tables. The benchmark checks that both give the same figures.
 */
import { sql } from "drizzle-orm";
import { actorOf } from "../src/app/auth/actor";
import { type Deps, systemClock } from "../src/app/context";
import { loadDemo } from "../src/app/demo/load-demo";
import { frameworkFor } from "../src/app/evaluations/framework-rules";
import { evaluationSummary } from "../src/app/evaluations/summary";
import { dateInChina } from "../src/core/calendar";
import { createDb, type Database, migrateDb } from "../src/db/client";
import { createUnitOfWork } from "../src/db/repos";
import { one } from "../src/db/repos/rows";
import { generateDemoDistrict } from "../src/demo/generate";
import { evaluationSummaryWorkbook } from "../src/io/evaluation-summary-xlsx";
import { argon2Hasher } from "../src/server/auth/password";
import { type BenchRow, log, median, min, ms, now, ratio } from "./stats";

const RUNS = 31;
const YEAR = 2024;

const deps = (db: Database): Deps => ({ uow: createUnitOfWork(db), clock: systemClock, hasher: argon2Hasher });

interface Headline {
  departmentEvaluations: number;
  departmentCoverage: number;
  keyEvaluations: number;
  keyAmount: number;
  keyMeanScore: number | null;
  rectification: {
    items: number;
    issued: number;
    answered: number;
    accepted: number;
    returned: number;
    overdue: number;
  };
}

/**
 * The headline figures in one statement: an evaluation's score is the override or the half-up mean of its
 * submitted sheets' totals (each total rounded to hundredths), the key mean the half-up mean of the key scores.
 */
async function baseline(db: Database, regionCode: string, minProjects: number, today: string): Promise<Headline> {
  const r = await one<{
    dept: number;
    departments: number;
    covered: number;
    key_count: number;
    key_fen: string;
    key_mean: string | null;
    items: number;
    issued: number;
    answered: number;
    accepted: number;
    returned: number;
    overdue: number;
  }>(
    db.orm,
    sql`with scored as (
          select e.kind, e.status, e.amount,
                 coalesce(round(e.override_points * 100),
                   (select round(avg(t.total)) from (
                      select round(sum(s.points) * 100) as total from evaluation_members m
                      join evaluation_scores s on s.member_id = m.id and s.region_code = m.region_code
                      where m.evaluation_id = e.id and m.region_code = e.region_code and m.submitted_at is not null
                      group by m.id) t)) as score
          from evaluations e where e.region_code = ${regionCode} and e.fiscal_year = ${YEAR}),
        depts as (
          select o.id,
                 (select count(*) from projects p where p.region_code = o.region_code and p.fiscal_year = ${YEAR}
                    and p.department_id = o.id) as projects,
                 (select count(*) from evaluations e join projects p on p.id = e.project_id and p.region_code = e.region_code
                    where e.region_code = o.region_code and e.fiscal_year = ${YEAR} and e.kind = 'department'
                      and p.department_id = o.id) as evaluations
          from orgs o where o.region_code = ${regionCode} and o.kind = 'department'),
        items as (
          select i.status, i.deadline from rectification_items i
          join rectification_notices n on n.id = i.notice_id and n.region_code = i.region_code
          where i.region_code = ${regionCode} and n.fiscal_year = ${YEAR})
        select
          (select count(*)::int from scored where kind = 'department' and status = 'final') as dept,
          (select count(*)::int from depts where projects > 0) as departments,
          (select count(*)::int from depts where projects > 0 and evaluations >= least(${minProjects}, projects)) as covered,
          (select count(*)::int from scored where kind = 'key' and status = 'final') as key_count,
          (select coalesce(sum(amount), 0)::text from scored where kind = 'key' and status = 'final') as key_fen,
          (select round(avg(score))::text from scored where kind = 'key' and status = 'final' and score is not null) as key_mean,
          (select count(*)::int from items) as items,
          (select count(*)::int from items where status = 'issued') as issued,
          (select count(*)::int from items where status = 'answered') as answered,
          (select count(*)::int from items where status = 'accepted') as accepted,
          (select count(*)::int from items where status = 'returned') as returned,
          (select count(*)::int from items where status in ('issued', 'returned') and deadline < ${today}::date) as overdue`,
  );
  if (!r) throw new Error("the baseline statement returned no row");
  return {
    departmentEvaluations: r.dept,
    departmentCoverage: r.departments === 0 ? 0 : Math.round((r.covered * 10000) / r.departments) / 100,
    keyEvaluations: r.key_count,
    keyAmount: Math.round(Number(r.key_fen) / 10_000) / 100,
    keyMeanScore: r.key_mean === null ? null : Number(r.key_mean) / 100,
    rectification: {
      items: r.items,
      issued: r.issued,
      answered: r.answered,
      accepted: r.accepted,
      returned: r.returned,
      overdue: r.overdue,
    },
  };
}

const headline = (s: Awaited<ReturnType<typeof evaluationSummary>>): Headline => ({
  departmentEvaluations: s.departmentEvaluations,
  departmentCoverage: s.departmentCoverage,
  keyEvaluations: s.keyEvaluations,
  keyAmount: s.keyAmount,
  keyMeanScore: s.keyMeanScore,
  rectification: s.rectification,
});

export async function evaluationSummaryBench(): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const db = await createDb({ dataDir: "memory://" });
  await migrateDb(db);
  const started = now();
  await loadDemo(deps(db), generateDemoDistrict());
  log(`demo loaded in ${(Math.round(now() - started) / 1000).toFixed(0)} s`);
  const d = deps(db);
  const finance = actorOf((await d.uow.read.users.withOrg((await d.uow.read.users.byUsername("finance"))!.id))!);
  const framework = await frameworkFor(d.uow.read, finance.regionCode, YEAR);
  const today = dateInChina(systemClock.now());

  const t = { summary: [] as number[], workbook: [] as number[], base: [] as number[] };
  let ours: Headline | null = null;
  let theirs: Headline | null = null;
  let bytes = 0;
  // Warm both paths once, then alternate so the machine's noise hits all three alike.
  await evaluationSummaryWorkbook(await evaluationSummary(d, finance, YEAR));
  await baseline(db, finance.regionCode, framework.minProjectsPerDepartment, today);
  for (let i = 0; i < RUNS; i++) {
    let start = now();
    const s = await evaluationSummary(d, finance, YEAR);
    t.summary.push(now() - start);
    ours = headline(s);
    start = now();
    bytes = (await evaluationSummaryWorkbook(await evaluationSummary(d, finance, YEAR))).length;
    t.workbook.push(now() - start);
    start = now();
    theirs = await baseline(db, finance.regionCode, framework.minProjectsPerDepartment, today);
    t.base.push(now() - start);
  }
  await db.close();
  const same = JSON.stringify(ours) === JSON.stringify(theirs);
  log(`summary ${JSON.stringify(ours)}`);
  if (!same) log(`baseline ${JSON.stringify(theirs)}`);
  const figures = ours
    ? `${ours.departmentEvaluations} department + ${ours.keyEvaluations} key evaluations, ${ours.rectification.items} rectification items`
    : "";
  const row = (metric: string, samples: number[]): BenchRow => ({
    benchmark: "evaluation summary",
    metric,
    value: `${ms(median(samples))} / ${ms(min(samples))} ms`,
    target: "",
    status: "",
  });
  return {
    rows: [
      row(`evaluationSummary ${YEAR} (${figures}), median / min of ${RUNS}`, t.summary),
      row(`evaluationSummary + evaluationSummaryWorkbook (${(bytes / 1024).toFixed(0)} KB)`, t.workbook),
      row("baseline: one hand-written SQL statement for the headline figures", t.base),
      {
        benchmark: "evaluation summary",
        metric: `ratio summary / baseline (medians); same figures: ${same ? "yes" : "NO"}`,
        value: ratio(median(t.summary) / median(t.base)),
        target: "",
        status: "",
      },
    ],
    notes: [],
  };
}
