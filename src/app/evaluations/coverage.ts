import { departmentCoverage, keyProjectsDue } from "../../core/evaluations/coverage";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { frameworkFor } from "./framework-rules";

/**
 * The year's department evaluation coverage by department (the framework's minimum per department), and the
 * key projects due: at or above the threshold and without a finalised evaluation within the cycle.
 */
export async function evaluationCoverage(deps: Deps, actor: Actor, fiscalYear: number) {
  const scope = authorize(actor, "evaluation.read");
  const f = await frameworkFor(deps.uow.read, actor.regionCode, fiscalYear);
  const counts = await deps.uow.read.evaluations.departmentCounts(scope, fiscalYear);
  const coverage = departmentCoverage(counts, f.minProjectsPerDepartment);
  const due =
    scope.kind === "region"
      ? keyProjectsDue(
          await deps.uow.read.evaluations.keyHistory(actor.regionCode, fiscalYear, f.keyProjectCycleYears),
          fiscalYear,
          f.keyProjectCycleYears,
          f.keyProjectThresholdFen,
        )
      : [];
  return {
    fiscalYear,
    minProjectsPerDepartment: f.minProjectsPerDepartment,
    keyProjectCycleYears: f.keyProjectCycleYears,
    keyProjectThresholdFen: f.keyProjectThresholdFen,
    ...coverage,
    keyProjectsDue: due.map((p) => ({ ...p, evaluatedYears: [...p.evaluatedYears] })),
  };
}
