import { percent } from "../../core/percent";
import type { SelfEvalSubjectKind } from "../../core/selfeval/form";
import { GRADE_BANDS, GRADES, type Grade } from "../../core/selfeval/grade";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { compareScores } from "./read-review";
import { selfEvalRulesFor } from "./selfeval-rules";

const mean = (xs: number[]) =>
  xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;

/**
 * 复核结果统计 (domain.md §5, §6): the grade distribution of the confirmed reviews, department-wide and
 * project apart, with percentages rounded half up to 2 decimals (so they need not add up to 100.00, and
 * the table says so); the self against the review score by department; the self-evaluations that
 * overrated themselves by more than the year's threshold. Every figure is computed from the item scores now.
 */
export async function reviewStats(deps: Deps, actor: Actor, fiscalYear: number) {
  const scope = authorize(actor, "review.manage");
  const repos = deps.uow.read;
  const rules = await selfEvalRulesFor(repos, actor.regionCode, fiscalYear);
  const reviews = await repos.selfevalReviews.reviews({ scope, userId: actor.userId }, { fiscalYear });
  const confirmed = reviews.filter((r) => r.status === "confirmed");
  const forms = new Map(
    (await repos.selfeval.details(scope, { fiscalYear, ids: confirmed.map((r) => r.formId) })).map((f) => [f.id, f]),
  );
  const rows = confirmed.flatMap((r) => {
    const form = forms.get(r.formId);
    if (!form) return [];
    const s = compareScores(r, form, rules);
    return [
      {
        record: r,
        self: s.self.total,
        selfGrade: s.self.grade,
        review: s.review.total,
        grade: s.review.grade,
        difference: s.difference,
        overrated: s.overrated,
      },
    ];
  });
  const distribution = (kind: SelfEvalSubjectKind) => {
    const of = rows.filter((x) => x.record.subjectKind === kind && x.grade !== null);
    const counts = GRADES.map((g) => of.filter((x) => x.grade === g).length);
    const total = of.length;
    const percents = counts.map((c) => percent(c, total));
    // The rounded shares added up as printed: three grades of 1 each give 33.33 × 3 = 99.99, not 100.00.
    const hundredths = percents.reduce((sum, p) => sum + Math.round(Number(p) * 100), 0);
    return {
      total,
      sampled: reviews.filter((r) => r.subjectKind === kind).length,
      grades: GRADES.map((g: Grade, i) => ({
        grade: g,
        label: rules.gradeLabels[g],
        band: GRADE_BANDS[g],
        count: counts[i] ?? 0,
        percent: percents[i] ?? "0.00",
      })),
      sumOfPercents: `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`,
      roundingNote: "百分比按四舍五入保留两位小数，合计可能不等于100.00%",
    };
  };
  const departments = new Map<number, typeof rows>();
  for (const x of rows)
    departments.set(x.record.department.id, [...(departments.get(x.record.department.id) ?? []), x]);
  return {
    fiscalYear,
    rulesVersion: rules.version,
    overrateThreshold: rules.overrateThreshold,
    deptWide: distribution("deptWide"),
    project: distribution("project"),
    byDepartment: [...departments.values()].map((xs) => ({
      department: xs[0]!.record.department,
      reviewed: xs.length,
      meanSelf: mean(xs.flatMap((x) => (x.self === null ? [] : [x.self]))),
      meanReview: mean(xs.flatMap((x) => (x.review === null ? [] : [x.review]))),
      meanDifference: mean(xs.flatMap((x) => (x.difference === null ? [] : [x.difference]))),
      overrated: xs.filter((x) => x.overrated).length,
    })),
    overrated: rows
      .filter((x) => x.overrated)
      .map((x) => ({
        reviewId: x.record.id,
        code: x.record.code,
        name: x.record.name,
        department: x.record.department,
        selfTotal: x.self,
        reviewTotal: x.review,
        difference: x.difference,
      })),
    pending: reviews.length - confirmed.length,
  };
}
