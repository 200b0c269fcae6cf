/**
 * Scoring, grading and the statistics of a district's self-evaluation (design.md §5: ≤ 1 s for all 1,713
 * self-evaluations). The demo district's 2024 self-evaluation is opened by `openSelfEvaluation` (1,713
 * project forms and 54 department-wide forms, prefilled from the approved goal tables), every item is
 * answered and every form approved (set-based, not timed), the review sample is drawn by
 * `drawReviewSample` and every review confirmed. Timed, as finance reads them:
 * - the pure scoring of every form (`scoreForm` through `formScoreOf`) and the grade counts, in memory;
 * - `formRows`: the year's forms read (two statements) and scored;
 * - `listSelfEvalForms`: page 1 sorted by total, with the district's grade counts;
 * - `reviewStats`: the grade distribution of the confirmed reviews, self against review by department,
 *   the overrated self-evaluations.
 * Baselines in the same run: one hand-written SQL statement that scores the same item rows (execution rate,
 * each item by its formula, not-applicable items rescaled) and counts the grades; and one that does the same
 * for the review scores and aggregates them by department and grade. The benchmark checks that both give
 * the system's grades.
 */
import { type SQL, sql } from "drizzle-orm";
import { actorOf } from "../src/app/auth/actor";
import { type Deps, systemClock } from "../src/app/context";
import { loadDemo } from "../src/app/demo/load-demo";
import { selfEvalCoverage } from "../src/app/selfeval/coverage";
import { drawReviewSample } from "../src/app/selfeval/draw-sample";
import { formRows, listSelfEvalForms } from "../src/app/selfeval/list-forms";
import { openSelfEvaluation } from "../src/app/selfeval/open-selfeval";
import { formScoreOf } from "../src/app/selfeval/present-form";
import { reviewStats } from "../src/app/selfeval/review-stats";
import { selfEvalRulesFor } from "../src/app/selfeval/selfeval-rules";
import type { ChecklistItem, DeptWideBand, DeptWideFormula } from "../src/core/selfeval/dept-template";
import { GRADES, type Grade } from "../src/core/selfeval/grade";
import { microText, readQuantity } from "../src/core/selfeval/quantity";
import { createDb, type Database, migrateDb } from "../src/db/client";
import { createUnitOfWork } from "../src/db/repos";
import { rows } from "../src/db/repos/rows";
import { FIGURES_SQL } from "../src/db/repos/selfeval/selfeval-sql";
import { generateDemoDistrict } from "../src/demo/generate";
import { argon2Hasher } from "../src/server/auth/password";
import { type BenchRow, log, median, min, ms, now, ratio, verdict } from "./stats";

const REPETITIONS = 11;
const YEAR = 2024;
/** The review sample of the seed's district: 97 projects, and every department-wide self-evaluation. */
const SAMPLE = 97;

const deps = (db: Database): Deps => ({ uow: createUnitOfWork(db), clock: systemClock, hasher: argon2Hasher });

interface ItemToFill {
  id: number;
  subject_kind: "project" | "deptWide";
  kind: string;
  operator: ">=" | "<=" | "=" | null;
  target: string;
  unit: string | null;
  weight: number | string;
  formula: (DeptWideFormula & { source?: string | null }) | null;
}

interface Answer {
  id: number;
  actual: string | null;
  tier: string | null;
  points: number | null;
  notApplicable: boolean;
  failed: string[] | null;
  note: string | null;
}

/** A tier and points inside it, as an assessor gives them: mostly 达成, some 部分达成, a few 未达成. */
function tierAnswer(id: number, weight: number): Pick<Answer, "tier" | "points"> {
  const w = Math.round(weight * 100);
  // Hundredths of the weight × percent, floored; kept only when they fall inside the tier's band.
  const pick = (tier: string, percent: number, lo: number, hi: number) => {
    const h = Math.floor((w * percent) / 100);
    const inside = h * 100 >= lo * w && (hi >= 100 ? h <= w : h * 100 < hi * w);
    return inside ? { tier, points: h / 100 } : null;
  };
  return (
    (id % 31 === 0 ? pick("notAchieved", 50, 0, 60) : null) ??
    (id % 11 === 0 ? pick("partly", 70, 60, 80) : null) ??
    (id % 3 === 0 ? pick("achieved", 90, 80, 100) : null) ?? { tier: "achieved", points: weight }
  );
}

/** A value against its target: met for most items, 85 % or 40 % of the way for some (by the item's id). */
function quantitativeActual(id: number, item: ItemToFill): string | null {
  const target = readQuantity(item.target);
  if (!target) return null;
  const unit = item.unit && item.unit.trim() !== "" ? item.unit : target.unit;
  const pct = id % 13 === 0 ? 40n : id % 5 === 0 ? 85n : 100n;
  const t = target.micro;
  const value = item.operator === "<=" ? (t * 100n) / pct : (t * pct) / 100n;
  return `${microText(value)}${unit}`;
}

/** What a unit answers for one item (the answers differ by the item's id, so the grades spread). */
function answerOf(item: ItemToFill): Answer {
  const id = item.id;
  const weight = Number(item.weight);
  const blank: Answer = { id, actual: null, tier: null, points: null, notApplicable: false, failed: null, note: null };
  if (item.subject_kind === "project") {
    if (id % 97 === 0) return { ...blank, notApplicable: true, note: "本年度未实施该项内容" };
    if (item.kind === "qualitative") return { ...blank, ...tierAnswer(id, weight) };
    return { ...blank, actual: quantitativeActual(id, item) };
  }
  const f = item.formula!;
  switch (f.kind) {
    case "tiers":
      return { ...blank, ...tierAnswer(id, weight) };
    case "checklist":
      return { ...blank, failed: id % 4 === 0 ? [(f.items[0] as ChecklistItem).key] : [] };
    case "deductPerPoint": {
      const off = id % 3 === 0 ? 2.5 : 0;
      return { ...blank, actual: `${f.direction === "over" ? f.limitPercent + off : f.limitPercent - off}%` };
    }
    case "bands": {
      const band = f.bands[id % 2 === 0 ? 0 : Math.min(1, f.bands.length - 1)] as DeptWideBand;
      return { ...blank, actual: `${band.min ?? (band.max ?? 1) - 1}${f.unit}` };
    }
    case "ratio":
      // A row sourced from the execution rate takes the rate from the figures.
      return f.source === "executionRate"
        ? blank
        : { ...blank, actual: `${id % 3 === 0 ? f.target * 0.9 : f.target}${f.unit}` };
  }
}

/**
 * The demo district with the 2024 self-evaluation opened, every item answered, every form approved with its
 * figures kept, the review sample drawn and every review confirmed by the demo firm's reviewer.
 */
async function state() {
  const db = await createDb({ dataDir: "memory://" });
  await migrateDb(db);
  const demo = generateDemoDistrict();
  await loadDemo(deps(db), demo);
  const d = deps(db);
  const finance = actorOf((await d.uow.read.users.withOrg((await d.uow.read.users.byUsername("finance"))!.id))!);
  const regionCode = finance.regionCode;
  let start = now();
  const opened = await openSelfEvaluation(d, finance, { fiscalYear: YEAR, dueOn: `${YEAR + 1}-02-28` });
  const openMs = now() - start;
  log(`opened: ${opened.forms} forms, ${opened.tasks} tasks in ${ms(openMs)} ms`);

  const items = await rows<ItemToFill>(
    db.orm,
    sql`select i.id, f.subject_kind, i.kind, i.operator, i.target, i.unit, i.weight, i.formula
        from selfeval_items i join selfeval_forms f on f.id = i.form_id and f.region_code = i.region_code
        where f.region_code = ${regionCode} and f.fiscal_year = ${YEAR}`,
  );
  const answers = items.map(answerOf);
  await db.orm.execute(sql`
    update selfeval_items i set actual = x.actual, tier = x.tier, points = x.points, not_applicable = x."notApplicable",
           failed = x.failed, note = x.note
    from jsonb_to_recordset(${JSON.stringify(answers)}::jsonb)
      as x(id int, actual text, tier text, points numeric, "notApplicable" boolean, failed jsonb, note text)
    where i.region_code = ${regionCode} and i.id = x.id`);
  // Submitted and approved: the figures are kept as they were at submission, as the desks do.
  await db.orm.execute(sql`
    update selfeval_forms t set status = 'approved', overall_actual = '年度绩效目标基本完成',
           start_budget = s.start_budget, adjusted_budget = s.adjusted_budget, executed = s.executed,
           version = t.version + 1, updated_at = app_now()
    from (select f.id, ${FIGURES_SQL} from selfeval_forms f
          left join projects p on p.id = f.project_id and p.region_code = f.region_code
          left join dept_budgets b on b.id = f.dept_budget_id and b.region_code = f.region_code
          where f.region_code = ${regionCode} and f.fiscal_year = ${YEAR}) s
    where t.region_code = ${regionCode} and t.id = s.id`);
  const formIds = (
    await rows<{ id: number }>(
      db.orm,
      sql`select id from selfeval_forms where region_code = ${regionCode} and fiscal_year = ${YEAR}`,
    )
  ).map((r) => r.id);
  await d.uow.transaction((repos) => repos.selfeval.followForms(regionCode, formIds, new Date()));

  start = now();
  const drawn = await drawReviewSample(d, finance, {
    fiscalYear: YEAR,
    count: SAMPLE,
    forced: [],
    excluded: [],
    stratify: { department: true, budget: true },
    includeDeptWide: true,
  });
  const drawMs = now() - start;
  log(`drawn: ${drawn.reviews} reviews in ${ms(drawMs)} ms`);
  await confirmReviews(db, d, regionCode);
  await db.orm.execute(sql`analyze`);
  return { db, finance, regionCode, forms: opened.forms, items: items.length, reviews: drawn.reviews, openMs, drawMs };
}

/**
 * Every review scored by the demo firm's reviewer and confirmed by finance: the self points kept for most
 * items; every fourth review takes 30 % off each item (an overrated self-evaluation), every fourth plus
 * one takes its first item to 0, with a comment.
 */
async function confirmReviews(db: Database, d: Deps, regionCode: string) {
  const [reviewer] = await rows<{ id: number; org_id: number }>(
    db.orm,
    sql`select u.id, u.org_id from users u where u.username = 'firm'`,
  );
  const region = { kind: "region", regionCode } as const;
  const reviews = await d.uow.read.selfevalReviews.reviews({ scope: region, userId: null }, { fiscalYear: YEAR });
  const rules = await selfEvalRulesFor(d.uow.read, regionCode, YEAR);
  const forms = new Map(
    (await d.uow.read.selfeval.details(region, { fiscalYear: YEAR, ids: reviews.map((r) => r.formId) })).map((f) => [
      f.id,
      f,
    ]),
  );
  const scored = reviews.flatMap((r) => {
    const form = forms.get(r.formId)!;
    const self = formScoreOf(form, rules);
    return self.items.map((s, n) => {
      const base = s.points ?? Math.floor(s.weight * 80) / 100;
      const points = r.id % 4 === 0 ? Math.floor(base * 70) / 100 : r.id % 4 === 1 && n === 0 ? 0 : base;
      return {
        reviewId: r.id,
        uid: s.uid,
        points: s.status === "notApplicable" ? null : points,
        notApplicable: s.status === "notApplicable",
        comment: points === s.points ? null : "佐证材料不足以支撑自评得分",
      };
    });
  });
  await db.orm.execute(sql`
    insert into selfeval_review_items (region_code, review_id, uid, points, not_applicable, comment)
    select ${regionCode}, x."reviewId", x.uid, x.points, x."notApplicable", x.comment
    from jsonb_to_recordset(${JSON.stringify(scored)}::jsonb)
      as x("reviewId" int, uid text, points numeric, "notApplicable" boolean, comment text)`);
  await db.orm.execute(sql`
    update selfeval_reviews set firm_id = ${reviewer!.org_id}, reviewer_id = ${reviewer!.id}, status = 'confirmed',
           guidance = '请按复核意见完善绩效目标和佐证材料', assigned_at = app_now(), submitted_at = app_now(),
           confirmed_at = app_now(), version = version + 1, updated_at = app_now()
    where region_code = ${regionCode} and fiscal_year = ${YEAR}`);
}

/** A number written in a text cell ("≥95%", "1,200人"), as the baseline reads it. */
const number = (column: SQL) => sql`nullif(regexp_replace(${column}, '[^0-9.]', '', 'g'), '')::numeric`;

/**
 * Each form's total by hand: the execution rate (projects), each item by its kind or formula, the points of
 * not-applicable items and missing levels dropped and the rest rescaled; no total while any item is unscored.
 * `forms` selects the forms (alias f).
 */
function totalsSql(regionCode: string, forms: SQL): SQL {
  return sql`
    fm as (
      select f.id, f.subject_kind, f.department_id, f.execution_weight as ew, f.missing_weight as mw,
             coalesce(f.adjusted_budget, 0) as budget, coalesce(f.executed, 0) as executed
      from selfeval_forms f where f.region_code = ${regionCode} and f.fiscal_year = ${YEAR} and ${forms}),
    it as (
      select i.form_id, i.weight as w, i.not_applicable as na, i.kind, i.operator, i.formula, i.points, i.failed,
             ${number(sql`i.target`)} as t,
             case when i.formula->>'source' = 'executionRate'
                  then case when fm.budget > 0 then round(fm.executed * 100.0 / fm.budget, 2) end
                  else ${number(sql`i.actual`)} end as a
      from selfeval_items i join fm on fm.id = i.form_id
      where i.region_code = ${regionCode}),
    sc as (
      select form_id, w, na, case
        when na then null
        when kind in ('qualitative', 'tiers') then points
        when kind = 'checklist' then case when failed is not null then greatest(w - coalesce(
          (select sum((c->>'deduction')::numeric) from jsonb_array_elements(formula->'items') c
           where failed ? (c->>'key')), 0), 0) end
        when kind = 'deductPerPoint' then greatest(w - round(greatest(case when formula->>'direction' = 'over'
          then a - (formula->>'limitPercent')::numeric else (formula->>'limitPercent')::numeric - a end, 0)
          * (formula->>'perPoint')::numeric, 2), 0)
        when kind = 'bands' then (select case when formula->>'scale' = 'points' then least((b->>'value')::numeric, w)
                                              else least(round(w * (b->>'value')::numeric / 100, 2), w) end
          from jsonb_array_elements(formula->'bands') b
          where (b->>'min' is null or a >= (b->>'min')::numeric) and (b->>'max' is null or a < (b->>'max')::numeric)
          limit 1)
        when a is null then null
        when coalesce(operator, '>=') = '>=' then
          case when a >= t or t <= 0 then w when a <= 0 then 0 else least(round(a * w / t, 2), w) end
        when operator = '<=' then case when a <= t then w when t <= 0 then 0 else least(round(t * w / a, 2), w) end
        else case when a = t then w when a <= 0 or t <= 0 then 0 else round(least(a, t) * w / greatest(a, t), 2) end
      end as pts, false as ex
      from it
      union all
      select id, ew, budget <= 0,
             case when budget > 0 then least(round(least(greatest(executed, 0), budget) * ew / budget, 2), ew) end, true
      from fm where subject_kind = 'project'),
    tot as (
      select fm.id, fm.subject_kind, fm.department_id,
             sum(sc.pts) filter (where not sc.na) as s,
             sum(sc.w) filter (where not sc.na and sc.pts is not null) as app,
             coalesce(sum(sc.w) filter (where sc.na), 0) + fm.mw as dropped,
             count(*) filter (where not sc.na and sc.pts is null) as unscorable
      from fm join sc on sc.form_id = fm.id
      group by fm.id, fm.subject_kind, fm.department_id, fm.mw),
    totals as (
      select id, subject_kind, department_id,
             case when unscorable > 0 or coalesce(app, 0) = 0 then null when dropped = 0 then s
                  else least(round(s * (app + dropped) / app, 2), app + dropped) end as total
      from tot)`;
}

const GRADE_SQL = (total: SQL) =>
  sql`case when ${total} is null then 'none' when ${total} >= 90 then 'excellent' when ${total} >= 80 then 'good'
           when ${total} >= 60 then 'fair' else 'poor' end`;

/** The floor of the list's figures: every form's total and grade by hand, counted by grade. */
function formsBaseline(db: Database, regionCode: string) {
  return rows<{ grade: Grade | "none"; n: number }>(
    db.orm,
    sql`with ${totalsSql(regionCode, sql`true`)}
        select ${GRADE_SQL(sql`total`)} as grade, count(*)::int as n from totals group by 1 order by 1`,
  );
}

/**
 * The floor of the review statistics: the self total of each reviewed form and its review total (the
 * reviewer's points, the execution rate as the self-evaluation computed it, the same rescaling), aggregated
 * by department, kind and review grade.
 */
function reviewBaseline(db: Database, regionCode: string) {
  return rows<{
    department_id: number;
    subject_kind: string;
    grade: Grade | "none";
    n: number;
    self_sum: string | null;
    review_sum: string | null;
    overrated: number;
  }>(
    db.orm,
    sql`with ${totalsSql(
      regionCode,
      sql`f.id in (select r.form_id from selfeval_reviews r where r.region_code = ${regionCode}
                   and r.fiscal_year = ${YEAR} and r.status = 'confirmed')`,
    )},
        rv as (
          select r.id, r.form_id from selfeval_reviews r
          where r.region_code = ${regionCode} and r.fiscal_year = ${YEAR} and r.status = 'confirmed'),
        rsc as (
          select rv.id, i.weight as w, coalesce(ri.not_applicable, false) as na,
                 case when ri.not_applicable then null else ri.points end as pts
          from rv join selfeval_items i on i.form_id = rv.form_id and i.region_code = ${regionCode}
          left join selfeval_review_items ri on ri.review_id = rv.id and ri.uid = i.uid and ri.region_code = ${regionCode}
          union all
          select rv.id, sc.w, sc.na, sc.pts from rv
          join fm on fm.id = rv.form_id and fm.subject_kind = 'project'
          join sc on sc.form_id = fm.id and sc.ex),
        rtot as (
          select rv.id, rv.form_id, sum(rsc.pts) filter (where not rsc.na) as s,
                 sum(rsc.w) filter (where not rsc.na and rsc.pts is not null) as app,
                 coalesce(sum(rsc.w) filter (where rsc.na), 0) + fm.mw as dropped,
                 count(*) filter (where not rsc.na and rsc.pts is null) as unscorable
          from rv join rsc on rsc.id = rv.id join fm on fm.id = rv.form_id
          group by rv.id, rv.form_id, fm.mw),
        both_totals as (
          select t.department_id, t.subject_kind, t.total as self,
                 case when unscorable > 0 or coalesce(app, 0) = 0 then null when dropped = 0 then s
                      else least(round(s * (app + dropped) / app, 2), app + dropped) end as review
          from rtot join totals t on t.id = rtot.form_id)
        select department_id, subject_kind, ${GRADE_SQL(sql`review`)} as grade, count(*)::int as n,
               sum(self)::text as self_sum, sum(review)::text as review_sum,
               count(*) filter (where self - review > 10)::int as overrated
        from both_totals group by 1, 2, 3 order by 1, 2, 3`,
  );
}

async function timed<T>(samples: number[], work: () => Promise<T>): Promise<T> {
  const start = now();
  const result = await work();
  samples.push(now() - start);
  return result;
}

const countsText = (c: Record<string, number>) =>
  [...GRADES, "none" as const]
    .filter((g) => (c[g] ?? 0) > 0)
    .map((g) => `${g} ${c[g]}`)
    .join(" · ");

export async function selfEvalBench(): Promise<{ rows: BenchRow[]; notes: string[] }> {
  return measure(await state());
}

async function measure(s: Awaited<ReturnType<typeof state>>): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const { db, finance, regionCode } = s;
  const d = deps(db);
  const region = { kind: "region", regionCode } as const;
  const rules = await selfEvalRulesFor(d.uow.read, regionCode, YEAR);
  const loaded = await d.uow.read.selfeval.details(region, { fiscalYear: YEAR });
  const t = {
    pure: [] as number[],
    read: [] as number[],
    rows: [] as number[],
    list: [] as number[],
    coverage: [] as number[],
    base: [] as number[],
    stats: [] as number[],
    statsBase: [] as number[],
  };
  let grades: Record<string, number> = {};
  let baseGrades: Record<string, number> = {};
  let stats: Awaited<ReturnType<typeof reviewStats>> | null = null;
  let statsBase: Awaited<ReturnType<typeof reviewBaseline>> = [];
  let listed = 0;
  const actor = finance;
  for (let rep = 0; rep < REPETITIONS; rep++) {
    const b = await timed(t.base, () => formsBaseline(db, regionCode));
    baseGrades = Object.fromEntries(b.map((r) => [r.grade, r.n]));
    await timed(t.pure, async () => {
      const counts: Record<string, number> = {};
      for (const form of loaded) {
        const g = formScoreOf(form, rules).grade ?? "none";
        counts[g] = (counts[g] ?? 0) + 1;
      }
      return counts;
    });
    await timed(t.read, () => d.uow.read.selfeval.details(region, { fiscalYear: YEAR }));
    await timed(t.rows, () => formRows(d, actor, { fiscalYear: YEAR }));
    const list = await timed(t.list, () =>
      listSelfEvalForms(d, actor, { fiscalYear: YEAR, sort: "total", order: "desc", page: 1, pageSize: 20 }),
    );
    listed = list.total;
    grades = { ...list.grades, none: list.total - GRADES.reduce((n, g) => n + list.grades[g], 0) };
    await timed(t.coverage, () => selfEvalCoverage(d, actor, YEAR));
    statsBase = await timed(t.statsBase, () => reviewBaseline(db, regionCode));
    stats = await timed(t.stats, () => reviewStats(d, actor, YEAR));
  }
  await db.close();

  const same = [...GRADES, "none"].every((g) => (grades[g] ?? 0) === (baseGrades[g] ?? 0));
  const statsGrades: Record<string, number> = {};
  for (const kind of ["project", "deptWide"] as const)
    for (const g of stats![kind].grades) statsGrades[`${kind} ${g.grade}`] = g.count;
  const baseStatsGrades: Record<string, number> = {};
  for (const r of statsBase)
    baseStatsGrades[`${r.subject_kind} ${r.grade}`] = (baseStatsGrades[`${r.subject_kind} ${r.grade}`] ?? 0) + r.n;
  const baseOverrated = statsBase.reduce((n, r) => n + r.overrated, 0);
  const statsSame =
    Object.entries(statsGrades).every(([k, n]) => (baseStatsGrades[k] ?? 0) === n) &&
    Object.entries(baseStatsGrades).every(([k, n]) => (statsGrades[k] ?? 0) === n) &&
    baseOverrated === stats!.overrated.length;

  const listRatio = median(t.list) / median(t.base);
  const statsRatio = median(t.stats) / median(t.statsBase);
  log(
    `list ${ms(median(t.list))} ms vs baseline ${ms(median(t.base))} ms (${ratio(listRatio)}); grades agree: ${same}; ` +
      `stats ${ms(median(t.stats))} ms vs ${ms(median(t.statsBase))} ms (${ratio(statsRatio)}); agree: ${statsSame}`,
  );
  const mm = (xs: number[]) => `${ms(median(xs))} / ${ms(min(xs))} ms`;
  const row = (metric: string, value: string, target = "", status: BenchRow["status"] = ""): BenchRow => ({
    benchmark: "self-evaluation (PGlite)",
    metric,
    value,
    target,
    status,
  });
  const reviewed = stats!.project.total + stats!.deptWide.total;
  return {
    rows: [
      row(`forms opened (openSelfEvaluation, once): ${s.forms} forms, ${s.items} items`, `${ms(s.openMs)} ms`),
      row(`review sample drawn (drawReviewSample, once): ${s.reviews} reviews`, `${ms(s.drawMs)} ms`),
      row("grades of all forms: system vs baseline", countsText(grades), "equal", verdict(same)),
      row(`pure scoring + grade counts, ${loaded.length} forms in memory (median / min of ${REPETITIONS})`, mm(t.pure)),
      row("read of the year's forms with their items (2 statements)", mm(t.read)),
      row("formRows: read + score every form", mm(t.rows)),
      row(
        `listSelfEvalForms: page 1 by total + grade counts, ${listed} forms`,
        mm(t.list),
        "≤ 1 s",
        verdict(median(t.list) <= 1000),
      ),
      row("baseline: one hand-written SQL scoring the same rows, counted by grade", mm(t.base)),
      row("ratio list / baseline", ratio(listRatio), "≤ 2×", verdict(listRatio <= 2)),
      row("selfEvalCoverage (no scores)", mm(t.coverage)),
      row(
        `review statistics: system vs baseline (${reviewed} confirmed, ${stats!.overrated.length} overrated)`,
        JSON.stringify(statsGrades),
        "equal",
        verdict(statsSame),
      ),
      row("reviewStats", mm(t.stats), "≤ 1 s", verdict(median(t.stats) <= 1000)),
      row("baseline: one hand-written SQL aggregate of self and review totals", mm(t.statsBase)),
      row("ratio reviewStats / baseline", ratio(statsRatio), "≤ 2×", verdict(statsRatio <= 2)),
    ],
    notes: [],
  };
}
