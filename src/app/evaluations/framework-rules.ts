import { AppError } from "../../core/errors";
import {
  DEFAULT_EVALUATION_FRAMEWORK,
  EVALUATION_MODULE,
  type EvaluationFramework,
  validateFramework,
} from "../../core/evaluations/framework";
import { nextRulesVersion } from "../../core/goals/goal-rules";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { Repos } from "../ports";

/** The framework in effect for a region's year: the year's latest version, an earlier year's, or the default. */
export async function frameworkFor(
  repos: Pick<Repos, "ruleSets">,
  regionCode: string,
  fiscalYear: number,
): Promise<EvaluationFramework & { version: string }> {
  const stored = await repos.ruleSets.inEffect(regionCode, fiscalYear, EVALUATION_MODULE);
  if (!stored) return { ...DEFAULT_EVALUATION_FRAMEWORK, version: "default" };
  const { note: _note, ...body } = stored.body as Partial<EvaluationFramework> & { note?: string };
  return { ...DEFAULT_EVALUATION_FRAMEWORK, ...body, version: stored.version };
}

const noteOf = (body: unknown): string | null => {
  const note = (body as { note?: unknown } | null)?.note;
  return typeof note === "string" && note !== "" ? note : null;
};

/** The year's evaluation framework (评价指标体系) with the year's versions. */
export async function getEvaluationFramework(deps: Deps, actor: Actor, fiscalYear: number) {
  authorize(actor, "evaluation.read");
  const [stored, history, framework] = await Promise.all([
    deps.uow.read.ruleSets.inEffect(actor.regionCode, fiscalYear, EVALUATION_MODULE),
    deps.uow.read.ruleSets.history(actor.regionCode, fiscalYear, EVALUATION_MODULE),
    frameworkFor(deps.uow.read, actor.regionCode, fiscalYear),
  ]);
  return {
    fiscalYear,
    ...framework,
    setForYear: stored?.fiscalYear ?? null,
    history: history.map(({ body, module: _m, ...h }) => ({ ...h, note: noteOf(body) })),
  };
}

/**
 * Finance saves a new version of the year's framework with a reason. Evaluations copy the rows in effect
 * when they are created, so a new version never moves the points of one already made.
 */
export async function saveEvaluationFramework(
  deps: Deps,
  actor: Actor,
  fiscalYear: number,
  input: EvaluationFramework & { reason: string },
) {
  authorize(actor, "evaluation.manage");
  const { reason, ...framework } = input;
  const note = reason.trim();
  if (note === "")
    throw new AppError("validation", "EVALUATION_FRAMEWORK_INVALID", "请填写修改说明", { field: "reason" });
  const issues = validateFramework(framework);
  if (issues.length > 0)
    throw new AppError("validation", "EVALUATION_FRAMEWORK_INVALID", issues[0]!.message, {
      field: issues[0]!.field,
      issues,
    });
  const body: EvaluationFramework = {
    rows: framework.rows.map((r) => ({
      ...r,
      level2: r.level2.trim(),
      name: r.name.trim(),
      standard: r.standard.trim(),
    })),
    conflictYears: framework.conflictYears,
    minProjectsPerDepartment: framework.minProjectsPerDepartment,
    keyProjectCycleYears: framework.keyProjectCycleYears,
    keyProjectThresholdFen: framework.keyProjectThresholdFen,
  };
  await deps.uow.transaction(async (repos) => {
    const history = await repos.ruleSets.history(actor.regionCode, fiscalYear, EVALUATION_MODULE);
    const version = nextRulesVersion(fiscalYear, history.length);
    const before = await frameworkFor(repos, actor.regionCode, fiscalYear);
    const id = await repos.ruleSets.insert(
      actor.regionCode,
      fiscalYear,
      EVALUATION_MODULE,
      version,
      { ...body, note },
      actor.userId,
    );
    if (id === null) throw new AppError("conflict", "STALE_VERSION", "评价指标体系刚被他人修改，请刷新后再试");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "update",
        entity: "evaluation_framework",
        entityId: `${fiscalYear}:${version}`,
        before,
        after: { version, ...body },
        reason: note,
      }),
    ]);
  });
  return getEvaluationFramework(deps, actor, fiscalYear);
}
