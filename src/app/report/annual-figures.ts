import type { FigureValue, FigureValues } from "../../core/report/figures";
import { type Exact, exact } from "../../core/report/numbers";
import { GRADES } from "../../core/selfeval/grade";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { evaluationSummary } from "../evaluations/summary";
import { currentGoalTables } from "../goals/current-tables";
import { monitoringYearSummary } from "../monitoring/round-summary";
import { resultsSummary } from "../results/summary";
import { selfEvalCoverage } from "../selfeval/coverage";
import { reviewStats } from "../selfeval/review-stats";

const FEN_PER_YI = 10_000_000_000n;
const FEN_PER_WAN = 1_000_000n;
/** "80.34" → 8034/100: a figure the module already rounded (a mean score) stays as it printed it. */
const fromText = (t: string): Exact => {
  const [whole, frac = ""] = t.split(".");
  return exact(BigInt(`${whole}${frac}`), 10n ** BigInt(frac.length));
};

/**
 * The annual report's figures for a region and year, each computed now by the module that owns it (the
 * same use cases as its page, its API and its CLI summary) and linked to the list behind it. Nothing is
 * stored: the report and its check both read these.
 */
export async function annualFigures(deps: Deps, actor: Actor, fiscalYear: number): Promise<FigureValues> {
  const scope = authorize(actor, "report.read");
  const read = deps.uow.read;
  const y = fiscalYear;
  const [regionName, tables, draws, coverage, review, evaluations, monitoring, results, imports] = await Promise.all([
    read.orgs.regionName(actor.regionCode),
    currentGoalTables(deps, actor.regionCode, y),
    read.reviews.draws(actor.regionCode),
    selfEvalCoverage(deps, actor, y),
    reviewStats(deps, actor, y),
    evaluationSummary(deps, actor, y),
    monitoringYearSummary(deps, actor, y),
    resultsSummary(deps, actor, y),
    read.imports.yearTotals(actor.regionCode, y),
  ]);
  const published = await read.disclosure.publishedDuring(actor.regionCode, y);
  const v: Record<string, FigureValue> = {};
  const put = (key: string, value: Exact | string, link?: string) => {
    v[key] = { ...(typeof value === "string" ? { text: value } : { exact: value }), ...(link ? { link } : {}) };
  };
  put("year", String(y));
  put("nextYear", String(y + 1));
  put("region", regionName ?? actor.regionCode);

  // 一(一) goal tables and the rolling on-site review.
  const approved = (kind: string) =>
    tables.filter((t) => t.status === "approved" && t.table.subjectKind === kind).length;
  put("goals.projectTables", exact(approved("project")), `/goal-tables?year=${y}&kind=project&status=approved`);
  put("goals.deptWideTables", exact(approved("deptWide")), `/goal-tables?year=${y}&kind=deptWide&status=approved`);
  const ofYear = draws.filter((d) => d.fiscalYear === y);
  if (ofYear.length > 0) {
    const visits = (await Promise.all(ofYear.map((d) => read.reviews.visits(actor.regionCode, d.id)))).flat();
    put("goals.reviewDepartments", exact(new Set(visits.map((x) => x.department.id)).size), `/goals/reviews?year=${y}`);
    put(
      "goals.reviewedDepartments",
      exact(new Set(visits.filter((x) => x.reviewedOn !== null).map((x) => x.department.id)).size),
      `/goals/reviews?year=${y}`,
    );
  }
  const recent = draws.filter((d) => d.fiscalYear > y - 3 && d.fiscalYear <= y);
  put(
    "goals.rollingDepartments",
    exact(new Set(recent.flatMap((d) => d.result.picks.map((p) => p.code))).size),
    `/goals/reviews`,
  );

  // 一(二) self-evaluation and the spot-check review.
  const forms = `/selfeval/forms?year=${y}&status=approved`;
  put("selfeval.deptWide", exact(coverage.deptWide.approved), `${forms}&kind=deptWide`);
  put("selfeval.projects", exact(coverage.project.approved), `${forms}&kind=project`);
  // The projects' money: a department-wide budget holds its projects, so adding both would count them twice.
  put("selfeval.budgetYi", exact(BigInt(coverage.project.approvedBudget), FEN_PER_YI), `${forms}&kind=project`);
  const reviews = await read.selfevalReviews.reviews({ scope, userId: actor.userId }, { fiscalYear: y });
  const firms = [...new Set(reviews.filter((r) => r.status === "confirmed" && r.firm).map((r) => r.firm!.name))];
  if (firms.length > 0) put("review.firms", firms.join("、"), "/review/firms");
  for (const kind of ["deptWide", "project"] as const) {
    const d = review[kind];
    const link = `/review/stats?year=${y}`;
    put(`review.${kind}.total`, exact(d.total), link);
    for (const g of GRADES) {
      const row = d.grades.find((x) => x.grade === g);
      put(`review.${kind}.${g}`, exact(row?.count ?? 0), link);
      put(`review.${kind}.${g}Share`, exact((row?.count ?? 0) * 100, Math.max(d.total, 1)), link);
    }
  }

  // 一(三) department evaluation, 一(四) key evaluation and rectification.
  put("deptEval.count", exact(evaluations.department.count), `/evaluations?year=${y}&kind=department&status=final`);
  put(
    "deptEval.coverage",
    exact(evaluations.coverage.covered * 100, Math.max(evaluations.coverage.departments, 1)),
    `/evaluations/stats?year=${y}`,
  );
  const key = evaluations.rows.filter((r) => r.kind === "key" && r.status === "final");
  const keyLink = `/evaluations?year=${y}&kind=key&status=final`;
  if (key.length > 0)
    put(
      "keyEval.names",
      [...key]
        .sort((a, b) => b.amount - a.amount)
        .slice(0, 2)
        .map((r) => `“${r.project.name}”`)
        .join("、"),
      keyLink,
    );
  put("keyEval.count", exact(evaluations.key.count), keyLink);
  put("keyEval.amountWan", exact(BigInt(key.reduce((a, r) => a + r.amount, 0)), FEN_PER_WAN), keyLink);
  if (evaluations.key.meanScore !== null) put("keyEval.meanScore", fromText(evaluations.key.meanScore), keyLink);
  put("rectification.items", exact(evaluations.rectification.items), `/rectification?year=${y}`);
  put("rectification.accepted", exact(evaluations.rectification.accepted), `/rectification?year=${y}&status=accepted`);

  // 二 dual monitoring.
  const monitoringLink = `/monitoring/reports?year=${y}`;
  put("monitoring.departmentTasks", exact(monitoring.tasks.department.total), `${monitoringLink}&kind=department`);
  put("monitoring.keyTasks", exact(monitoring.tasks.key.total), `${monitoringLink}&kind=key`);
  put("monitoring.red", exact(monitoring.lights.red), `${monitoringLink}&light=red`);
  put("monitoring.actions", exact(monitoring.actions.total), `/monitoring/follow-ups?year=${y}`);
  put("monitoring.actionsClosed", exact(monitoring.actions.closed), `/monitoring/follow-ups?year=${y}&status=closed`);

  // 三 the budget system.
  put("budgetSystem.batches", exact(imports.batches), "/imports");
  put("budgetSystem.rows", exact(imports.rows), "/imports");

  // 四 result application, from the adopted (frozen) list.
  if (results.adoption) {
    const link = `/results/adjustments?year=${y}`;
    put("results.ruleSet", results.adoption.ruleSet.name, link);
    if (results.adoption.average !== null)
      put("results.average", fromText(results.adoption.average), "/results/department-scores");
    put("results.projectsAdjusted", exact(results.projectsAdjusted), link);
    put("results.totalCut", exact(BigInt(results.fen.cut), FEN_PER_WAN), link);
  }
  // 信息公开: what was first published on the portal during the calendar year (the seed's 2024 report lists the
  // 2024 goal tables and the 2023 report and evaluation results, all published in 2024).
  const portal = `/public/${actor.regionCode}/`;
  put("disclosure.count", exact(published.length), portal);
  if (published.length > 0) put("disclosure.titles", published.map((p) => p.title).join("、"), portal);
  return v;
}
