import { dateInChina } from "../../core/calendar";
import type { DepartmentRanking } from "../../core/results/department-score";
import type {
  BudgetRequest,
  GradeSource,
  MonitoringRed,
  ProjectRectification,
  ProjectResult,
  SimulationInputs,
} from "../../core/results/inputs";
import type { ResultRule, RuleKind } from "../../core/results/rules";
import { type GradeLabels, pointsText } from "../../core/selfeval/grade";
import type { Actor, Deps } from "../context";
import { scoreOf } from "../evaluations/summary";
import { reportRows } from "../monitoring/list-reports";
import { formScoreOf } from "../selfeval/present-form";
import { compareScores } from "../selfeval/read-review";
import { selfEvalRulesFor } from "../selfeval/selfeval-rules";
import type { RequestForSimulation } from "./adoption-ports";
import { loadDepartmentRanking } from "./department-ranking";
import { deptScoreTemplateFor } from "./dept-score-template";

/** Where a reason's evidence can be read in the system: by project code, what it is, with its link. */
export interface EvidenceLink {
  /** What kind of rule it supports; a grade's evidence names its source, so only the one that counts is cited. */
  kind: "grade" | "rectification" | "monitoring";
  source?: GradeSource;
  label: string;
  link: string;
}
export type EvidenceLinks = Map<string, EvidenceLink[]>;

export interface GatheredInputs {
  fiscalYear: number;
  inputs: SimulationInputs;
  requests: RequestForSimulation[];
  ranking: DepartmentRanking;
  templateVersion: string;
  gradeLabels: GradeLabels;
  evidence: EvidenceLinks;
}

const toHundredths = (points: number) => BigInt(Math.round(points * 100));

/**
 * Everything a simulation of the results year reads, gathered now from the year's data: the next year's
 * requests, each project's results (its final key and department evaluations, its confirmed review, its
 * approved self-evaluation), the department scores of the 部门绩效考核 template in effect, the projects'
 * open rectification items and their monitoring red lights. Scores are computed from the item scores as
 * every other page computes them; nothing here is stored. Only what the rules in `needs` read is gathered: the
 * seed's rule needs the department ranking, not every project's self-evaluation score.
 */
export async function gatherInputs(
  deps: Deps,
  actor: Actor,
  fiscalYear: number,
  needs: ReadonlySet<RuleKind>,
): Promise<GatheredInputs> {
  const read = deps.uow.read;
  const region = actor.regionCode;
  const scope = { kind: "region", regionCode: region } as const;
  const today = dateInChina(deps.clock.now());
  const when = <T>(kind: RuleKind, work: () => Promise<T>, none: T) =>
    needs.has(kind) ? work() : Promise.resolve(none);
  const [requests, evaluations, reviews, forms, rules, ranked, rectification, rounds, actions] = await Promise.all([
    read.results.requests(region, fiscalYear + 1),
    when("grade", () => read.evaluations.summaryRows({ scope, userId: actor.userId, expert: false }, fiscalYear), []),
    when("grade", () => read.selfevalReviews.reviews({ scope, userId: actor.userId }, { fiscalYear }), []),
    when("grade", () => read.selfeval.details(scope, { fiscalYear, subjectKind: "project" }), []),
    selfEvalRulesFor(read, region, fiscalYear),
    needs.has("departmentScore")
      ? loadDepartmentRanking(read, region, fiscalYear, today)
      : deptScoreTemplateFor(read, region, fiscalYear).then((template) => ({
          template,
          ranking: { templateVersion: template.version, average: null, rows: [] } as DepartmentRanking,
        })),
    when("rectification", () => read.results.rectificationByProject(region, fiscalYear, today), []),
    when("monitoring", () => read.monitoring.rounds(region, fiscalYear), []),
    when("monitoring", () => read.results.reportActions(region, fiscalYear), []),
  ]);
  const evidence: EvidenceLinks = new Map();
  const cite = (code: string, e: EvidenceLink) => evidence.set(code, [...(evidence.get(code) ?? []), e]);

  const results: ProjectResult[] = [];
  const add = (code: string, source: GradeSource, score: bigint, ref: string, link: string) => {
    results.push({ projectCode: code, source, score, ref });
    cite(code, { kind: "grade", source, label: `${ref}：${pointsText(score)}分`, link });
  };
  for (const f of forms) {
    if (f.status !== "approved") continue;
    const total = formScoreOf(f, rules).total;
    if (total !== null) add(f.code, "selfEval", toHundredths(total), "单位自评", `/selfeval/forms/${f.id}`);
  }
  const formsById = new Map(forms.map((f) => [f.id, f]));
  for (const r of reviews) {
    const form = formsById.get(r.formId);
    if (r.status !== "confirmed" || r.subjectKind !== "project" || !form) continue;
    const total = compareScores(r, form, rules).review.total;
    if (total !== null) add(r.code, "review", toHundredths(total), "抽查复核", `/review/items/${r.id}`);
  }
  for (const e of evaluations) {
    if (e.status !== "final") continue;
    const score = scoreOf(e);
    if (score === null) continue;
    const [source, ref] =
      e.kind === "key" ? (["keyEval", "财政重点评价"] as const) : (["deptEval", "部门评价"] as const);
    add(e.project.code, source, score, ref, `/evaluations/${e.id}`);
  }

  const rect: ProjectRectification[] = rectification.map((r) => {
    cite(r.projectCode, {
      kind: "rectification",
      label: `整改通知：${r.noticeTitle}`,
      link: `/rectification/notices/${r.noticeId}`,
    });
    return { projectCode: r.projectCode, open: r.open, overdue: r.overdue, ref: r.noticeTitle };
  });

  const reds = await monitoringReds(deps, actor, rounds, actions, cite);
  const scores = ranked.ranking.rows.flatMap((d) =>
    d.score === null ? [] : [{ departmentId: d.departmentId, score: d.score }],
  );
  const budgetRequests: BudgetRequest[] = requests.map((r) => ({
    projectCode: r.projectCode,
    projectName: r.projectName,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    amount: r.amount,
    rigid: r.rigid,
    keyProject: r.keyProject,
  }));
  return {
    fiscalYear,
    requests,
    inputs: { requests: budgetRequests, results, departmentScores: scores, rectification: rect, monitoringReds: reds },
    ranking: ranked.ranking,
    templateVersion: ranked.template.version,
    gradeLabels: rules.gradeLabels,
    evidence,
  };
}

/**
 * Red lights of the year's monitoring rounds. A red light counts as corrected when a later round of the year
 * shows the project no longer red, or when the follow-up actions finance assigned on it are all closed (办结).
 */
async function monitoringReds(
  deps: Deps,
  actor: Actor,
  rounds: readonly { id: number; cutoffMonth: number }[],
  actions: readonly { reportId: number; actions: number; closed: number }[],
  cite: (code: string, e: EvidenceLink) => void,
): Promise<MonitoringRed[]> {
  const byReport = new Map(actions.map((a) => [a.reportId, a]));
  const ordered = [...rounds].sort((a, b) => a.cutoffMonth - b.cutoffMonth);
  const lights = await Promise.all(
    ordered.map(async (round) => ({
      month: round.cutoffMonth,
      rows: (await reportRows(deps, actor, { roundId: round.id })).rows.filter((r) => r.subjectKind === "project"),
    })),
  );
  // Per code, the last round (index) in which it was not red.
  const lastNotRed = new Map<string, number>();
  lights.forEach(({ rows }, i) => {
    for (const r of rows) if (r.light !== "red") lastNotRed.set(r.code, i);
  });
  const reds: MonitoringRed[] = [];
  lights.forEach(({ month, rows }, i) => {
    for (const r of rows) {
      if (r.light !== "red") continue;
      const later = (lastNotRed.get(r.code) ?? -1) > i;
      const a = byReport.get(r.id);
      const corrected = later || (a !== undefined && a.actions > 0 && a.closed === a.actions);
      reds.push({ projectCode: r.code, month, corrected });
      if (!corrected)
        cite(r.code, { kind: "monitoring", label: `${month}月绩效监控红灯`, link: `/monitoring/reports/${r.id}` });
    }
  });
  return reds;
}

/** The kinds of rule a set of rule sets uses: what their simulation must gather. */
export const kindsOf = (...ruleSets: { rules: readonly ResultRule[] }[]): Set<RuleKind> =>
  new Set(ruleSets.flatMap((r) => r.rules.map((x) => x.kind)));
