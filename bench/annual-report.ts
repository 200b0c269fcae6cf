/**
 * Drafting the district's annual work report (issue 15) on the demo district as `npm start` loads it. Timed, as
 * finance opens the report page or the CLI writes it:
 * - `draftAnnualReport`: every figure computed by its module's summary (self-evaluation coverage, the review's
 *   grade distributions from item scores, evaluations, monitoring over all rounds, the adopted list, goal
 *   tables and the on-site review), the template rendered, and the consistency check of the whole text;
 * - the Word file of that draft (docx packing);
 * - the check alone on the drafted text.
 * Baseline in the same run: one hand-written SQL statement for the headline counts and amounts the seed prints
 * (self-evaluations and their money, key evaluations and their amount, monitoring tasks by kind, adjusted
 * projects and the cut). The benchmark checks that both give the same values.
 */
import { sql } from "drizzle-orm";
import { actorOf } from "../src/app/auth/actor";
import { type Deps, systemClock } from "../src/app/context";
import { loadDemo } from "../src/app/demo/load-demo";
import { draftAnnualReport } from "../src/app/report/draft-annual-report";
import { checkText } from "../src/core/report/check-text";
import { decimalText } from "../src/core/report/numbers";
import { documentText } from "../src/core/report/render";
import { createDb, type Database, migrateDb } from "../src/db/client";
import { createUnitOfWork } from "../src/db/repos";
import { one } from "../src/db/repos/rows";
import { generateDemoDistrict } from "../src/demo/generate";
import { annualReportDocx } from "../src/io/annual-report-docx";
import { argon2Hasher } from "../src/server/auth/password";
import { type BenchRow, log, median, min, ms, now, ratio } from "./stats";

const RUNS = 15;
const YEAR = 2024;

const deps = (db: Database): Deps => ({ uow: createUnitOfWork(db), clock: systemClock, hasher: argon2Hasher });

/** The headline figures in one statement, as a reader with SQL would get them. */
async function baseline(db: Database, regionCode: string) {
  const r = await one<Record<string, string>>(
    db.orm,
    sql`select
          (select count(*) from selfeval_forms f where f.region_code = ${regionCode} and f.fiscal_year = ${YEAR}
             and f.subject_kind = 'deptWide' and f.status = 'approved')::text as "selfeval.deptWide",
          (select count(*) from selfeval_forms f where f.region_code = ${regionCode} and f.fiscal_year = ${YEAR}
             and f.subject_kind = 'project' and f.status = 'approved')::text as "selfeval.projects",
          (select coalesce(sum(p.adjusted_budget), 0) from selfeval_forms f
             join projects p on p.region_code = f.region_code and p.fiscal_year = f.fiscal_year and p.code = f.subject_code
             where f.region_code = ${regionCode} and f.fiscal_year = ${YEAR} and f.subject_kind = 'project'
             and f.status = 'approved')::text as "selfeval.budgetFen",
          (select count(*) from evaluations e where e.region_code = ${regionCode} and e.fiscal_year = ${YEAR}
             and e.kind = 'key' and e.status = 'final')::text as "keyEval.count",
          (select coalesce(sum(e.amount), 0) from evaluations e where e.region_code = ${regionCode}
             and e.fiscal_year = ${YEAR} and e.kind = 'key' and e.status = 'final')::text as "keyEval.amountFen",
          (select count(*) from monitoring_reports m where m.region_code = ${regionCode} and m.fiscal_year = ${YEAR}
             and m.kind = 'department')::text as "monitoring.departmentTasks",
          (select count(*) from monitoring_reports m where m.region_code = ${regionCode} and m.fiscal_year = ${YEAR}
             and m.kind = 'key')::text as "monitoring.keyTasks",
          (select count(*) filter (where a.cut > 0 or a.raise > 0) from result_adjustments a
             join result_adoptions o on o.id = a.adoption_id and o.region_code = a.region_code
             where o.region_code = ${regionCode} and o.fiscal_year = ${YEAR} and o.status = 'current')::text
             as "results.projectsAdjusted",
          (select coalesce(sum(a.cut), 0) from result_adjustments a
             join result_adoptions o on o.id = a.adoption_id and o.region_code = a.region_code
             where o.region_code = ${regionCode} and o.fiscal_year = ${YEAR} and o.status = 'current')::text
             as "results.cutFen"`,
  );
  if (!r) throw new Error("the baseline statement returned no row");
  return {
    "selfeval.deptWide": r["selfeval.deptWide"],
    "selfeval.projects": r["selfeval.projects"],
    "selfeval.budgetYi": decimalText({ num: BigInt(r["selfeval.budgetFen"]!), den: 10_000_000_000n }, 2),
    "keyEval.count": r["keyEval.count"],
    "keyEval.amountWan": decimalText({ num: BigInt(r["keyEval.amountFen"]!), den: 1_000_000n }, 2),
    "monitoring.departmentTasks": r["monitoring.departmentTasks"],
    "monitoring.keyTasks": r["monitoring.keyTasks"],
    "results.projectsAdjusted": r["results.projectsAdjusted"],
    "results.totalCut": decimalText({ num: BigInt(r["results.cutFen"]!), den: 1_000_000n }, 2),
  } as Record<string, string | undefined>;
}

export async function annualReportBench(): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const db = await createDb({ dataDir: "memory://" });
  await migrateDb(db);
  const started = now();
  await loadDemo(deps(db), generateDemoDistrict());
  log(`demo loaded in ${(Math.round(now() - started) / 1000).toFixed(0)} s`);
  const d = deps(db);
  const finance = actorOf((await d.uow.read.users.withOrg((await d.uow.read.users.byUsername("finance"))!.id))!);

  const t = { draft: [] as number[], docx: [] as number[], check: [] as number[], base: [] as number[] };
  let draft = await draftAnnualReport(d, finance, { fiscalYear: YEAR });
  let theirs = await baseline(db, finance.regionCode);
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    let start = now();
    draft = await draftAnnualReport(d, finance, { fiscalYear: YEAR });
    t.draft.push(now() - start);
    start = now();
    bytes = (await annualReportDocx(draft.document, { header: draft.document.title })).length;
    t.docx.push(now() - start);
    const text = documentText(draft.document);
    start = now();
    checkText(text, draft.values);
    t.check.push(now() - start);
    start = now();
    theirs = await baseline(db, finance.regionCode);
    t.base.push(now() - start);
  }
  await db.close();
  const ours = Object.fromEntries(Object.keys(theirs).map((k) => [k, draft.figures.find((f) => f.key === k)?.value]));
  const same = JSON.stringify(ours) === JSON.stringify(theirs);
  log(`report ${JSON.stringify(ours)}; baseline ${JSON.stringify(theirs)}`);
  const row = (metric: string, samples: number[]): BenchRow => ({
    benchmark: "annual report",
    metric,
    value: `${ms(median(samples))} / ${ms(min(samples))} ms`,
    target: "",
    status: "",
  });
  return {
    rows: [
      row(
        `draftAnnualReport ${YEAR} (${draft.figures.length} figures, check included), median / min of ${RUNS}`,
        t.draft,
      ),
      row(`Word file of the draft (${Math.round(bytes / 1024)} KB)`, t.docx),
      row("consistency check alone on the drafted text", t.check),
      row("baseline: one hand-written SQL statement for the seed's headline counts and amounts", t.base),
      {
        benchmark: "annual report",
        metric: `ratio draft + Word / baseline (medians); same headline figures: ${same ? "yes" : "NO"}`,
        value: ratio((median(t.draft) + median(t.docx)) / median(t.base)),
        target: "",
        status: "",
      },
    ],
    notes: [],
  };
}
