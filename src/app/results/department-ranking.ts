import { dateInChina } from "../../core/calendar";
import { evaluationScore } from "../../core/evaluations/scores";
import type { ComponentBasis } from "../../core/results/component-how";
import { evaluationMean, rectificationScore, selfEvalQuality, timelinessScore } from "../../core/results/components";
import {
  DEPT_SCORE_COMPONENTS,
  type DepartmentComponents,
  type DepartmentRanking,
  type DeptScoreComponent,
  type DeptScoreTemplate,
  rankDepartments,
} from "../../core/results/department-score";
import { hundredthsOf, toHundredths } from "../../core/selfeval/grade";
import { systemClock } from "../context";
import type { Repos } from "../ports";
import { compareScores } from "../selfeval/read-review";
import { selfEvalRulesFor } from "../selfeval/selfeval-rules";
import { deptScoreTemplateFor } from "./dept-score-template";

/** One department's components (core's shape) with its code and path, and the basis of each component. */
export interface DepartmentScoreInputs extends DepartmentComponents {
  departmentCode: string;
  departmentPath: string;
  basis: Record<DeptScoreComponent, ComponentBasis>;
}

/**
 * The repositories the ranking reads, all outside any transaction: the region's departments and three
 * components (`deptScores`), the template and the self-evaluation rules (`ruleSets`), the confirmed reviews and
 * their forms (`selfevalReviews`, `selfeval`), read and scored exactly as the review's statistics do.
 * A use case passes `deps.uow.read` (or the repositories of its transaction).
 */
export type { ComponentBasis };

export type DepartmentRankingReads = Pick<Repos, "deptScores" | "ruleSets" | "selfeval" | "selfevalReviews">;

const empty = (): ComponentBasis => ({ count: 0, part: null, pending: 0 });

/**
 * 部门绩效考核 of a region's year: every department of the region (organisations of kind department) with its
 * five components, scored and ranked with the year's template (core `rankDepartments`). Each component is read
 * set-based, never per department:
 * - 自评质量: the mean of the review scores (抽查复核) of the department's self-evaluations whose review finance
 *   confirmed, each computed from the reviewer's item points as the review pages compute it;
 * - 部门评价 / 重点评价: the mean score of the year's final evaluations of that kind of the department's projects
 *   (the submitted sheets' mean half up, or finance's override);
 * - 整改落实: accepted items of the year's notices addressed to the department or its units, out of the items
 *   accepted or past their deadline (`today`, China); an item still within its deadline is not counted yet;
 * - 任务完成及时性: the year's tasks of the department and its units done on or before their due day (China),
 *   out of those done or past their due day; closed tasks and result notices do not count.
 * A component without anything to measure drops out of the department's score (rescaled); a department with
 * none has no score and no rank. `today` is China's date the deadlines are judged on, by default the system's:
 * a use case passes `dateInChina(deps.clock.now())`.
 */
export async function loadDepartmentRanking(
  read: DepartmentRankingReads,
  regionCode: string,
  year: number,
  today: string = dateInChina(systemClock.now()),
): Promise<{ template: DeptScoreTemplate; components: DepartmentScoreInputs[]; ranking: DepartmentRanking }> {
  const region = { kind: "region" as const, regionCode };
  const [stored, departments, evaluations, rectification, timeliness, reviews, rules] = await Promise.all([
    deptScoreTemplateFor(read, regionCode, year),
    read.deptScores.departments(regionCode),
    read.deptScores.finalEvaluations(regionCode, year),
    read.deptScores.rectificationShares(regionCode, year, today),
    read.deptScores.timelinessShares(regionCode, year, today),
    read.selfevalReviews.reviews({ scope: region, userId: null }, { fiscalYear: year, status: "confirmed" }),
    selfEvalRulesFor(read, regionCode, year),
  ]);
  const forms = new Map(
    (reviews.length === 0
      ? []
      : await read.selfeval.details(region, { fiscalYear: year, ids: reviews.map((r) => r.formId) })
    ).map((f) => [f.id, f]),
  );
  const template: DeptScoreTemplate = { version: stored.version, components: stored.components };

  const collect = () => new Map<number, bigint[]>();
  const reviewScores = collect();
  const deptEvalScores = collect();
  const keyEvalScores = collect();
  const push = (m: Map<number, bigint[]>, id: number, v: bigint) => m.set(id, [...(m.get(id) ?? []), v]);
  for (const r of reviews) {
    const form = forms.get(r.formId);
    const total = form ? compareScores(r, form, rules).review.total : null;
    if (total !== null) push(reviewScores, r.department.id, hundredthsOf(total));
  }
  for (const e of evaluations) {
    const override =
      e.overridePoints === null ? null : (toHundredths(e.overridePoints) ?? hundredthsOf(e.overridePoints));
    const score = evaluationScore(e.submittedTotals.map(BigInt), override, e.overrideReason).score;
    if (score !== null) push(e.kind === "key" ? keyEvalScores : deptEvalScores, e.departmentId, score);
  }
  const rect = new Map(rectification.map((s) => [s.departmentId, s]));
  const tasks = new Map(timeliness.map((s) => [s.departmentId, s]));

  const components = departments.map((d): DepartmentScoreInputs => {
    const values: DepartmentComponents["values"] = {};
    const basis = Object.fromEntries(DEPT_SCORE_COMPONENTS.map((k) => [k, empty()])) as DepartmentScoreInputs["basis"];
    const mean = (key: DeptScoreComponent, scores: bigint[] | undefined, of: (xs: bigint[]) => bigint | null) => {
      basis[key] = { count: scores?.length ?? 0, part: null, pending: 0 };
      const v = scores ? of(scores) : null;
      if (v !== null) values[key] = v;
    };
    mean("selfEvalQuality", reviewScores.get(d.id), selfEvalQuality);
    mean("deptEval", deptEvalScores.get(d.id), evaluationMean);
    mean("keyEval", keyEvalScores.get(d.id), evaluationMean);
    const shareOf = (key: DeptScoreComponent, s: { part: number; whole: number; notYetDue: number } | undefined) => {
      if (!s) return;
      basis[key] = { count: s.whole, part: s.part, pending: s.notYetDue };
      const v = key === "rectification" ? rectificationScore(s.part, s.whole) : timelinessScore(s.part, s.whole);
      if (v !== null) values[key] = v;
    };
    shareOf("rectification", rect.get(d.id));
    shareOf("taskTimeliness", tasks.get(d.id));
    return {
      departmentId: d.id,
      departmentName: d.name,
      departmentCode: d.code,
      departmentPath: d.path,
      values,
      basis,
    };
  });
  return { template, components, ranking: rankDepartments(template, components) };
}
