import { dateInChina } from "../../core/calendar";
import { componentHow } from "../../core/results/component-how";
import { DEPT_SCORE_COMPONENT_LABELS } from "../../core/results/department-score";
import { isPathWithin } from "../../core/scope";
import { DEFAULT_GRADE_LABELS, hundredthsToNumber } from "../../core/selfeval/grade";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { loadDepartmentRanking } from "./department-ranking";

const points = (h: bigint | null | undefined) => (h === null || h === undefined ? null : hundredthsToNumber(h));

/**
 * 部门绩效考核 as its table shows it: every department's components (each with what it is computed from), the
 * weighted score, rank, grade and whether it is below the region's average. Finance and the auditor see every
 * department; a department sees its own row, a unit its department's, each with the average and the rank.
 */
export async function departmentScores(deps: Deps, actor: Actor, fiscalYear: number) {
  const scope = authorize(actor, "results.read");
  const today = dateInChina(deps.clock.now());
  const { template, components, ranking } = await loadDepartmentRanking(
    deps.uow.read,
    actor.regionCode,
    fiscalYear,
    today,
  );
  const inputs = new Map(components.map((c) => [c.departmentId, c]));
  const weights = new Map(template.components.map((c) => [c.key, c.weight]));
  const rows = ranking.rows.flatMap((r) => {
    const c = inputs.get(r.departmentId)!;
    if (scope.kind !== "region" && !isPathWithin(actor.orgPath, c.departmentPath)) return [];
    return [
      {
        rank: r.rank,
        department: { id: r.departmentId, code: c.departmentCode, name: r.departmentName },
        components: template.components.map(({ key }) => ({
          key,
          label: DEPT_SCORE_COMPONENT_LABELS[key],
          weight: weights.get(key)!,
          value: points(c.values[key]),
          ...c.basis[key],
          how: componentHow(key, c.basis[key]),
        })),
        score: points(r.score),
        grade: r.grade,
        gradeLabel: r.grade === null ? null : DEFAULT_GRADE_LABELS[r.grade],
        belowAverage: r.belowAverage,
      },
    ];
  });
  return {
    fiscalYear,
    today,
    templateVersion: template.version,
    template: template.components.map((c) => ({ ...c, label: DEPT_SCORE_COMPONENT_LABELS[c.key] })),
    average: points(ranking.average),
    departments: ranking.rows.length,
    scored: ranking.rows.filter((r) => r.score !== null).length,
    belowAverageCount: ranking.rows.filter((r) => r.belowAverage).length,
    rows,
  };
}

export type DepartmentScoresView = Awaited<ReturnType<typeof departmentScores>>;
