import { AppError } from "../../core/errors";
import { nextRulesVersion } from "../../core/goals/goal-rules";
import {
  DEFAULT_DEPT_SCORE_TEMPLATE,
  DEPT_SCORE_MODULE,
  type DeptScoreComponent,
  type DeptScoreTemplate,
  validateDeptScoreTemplate,
} from "../../core/results/department-score";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { Repos } from "../ports";

type StoredBody = { components?: DeptScoreTemplate["components"]; note?: string };

const componentsOf = (body: unknown): DeptScoreTemplate["components"] =>
  structuredClone((body as StoredBody | null)?.components ?? DEFAULT_DEPT_SCORE_TEMPLATE.components);

const noteOf = (body: unknown): string | null => {
  const note = (body as StoredBody | null)?.note;
  return typeof note === "string" && note !== "" ? note : null;
};

/**
 * The 部门绩效考核 template in effect for a region's year: the year's latest version, else an earlier year's
 * (a template carries over until finance changes it, like every rule set), else the default (30/25/20/15/10).
 */
export async function deptScoreTemplateFor(
  repos: Pick<Repos, "ruleSets">,
  regionCode: string,
  fiscalYear: number,
): Promise<DeptScoreTemplate & { setForYear: number | null }> {
  const stored = await repos.ruleSets.inEffect(regionCode, fiscalYear, DEPT_SCORE_MODULE);
  if (!stored) return { ...structuredClone(DEFAULT_DEPT_SCORE_TEMPLATE), setForYear: null };
  return { version: stored.version, components: componentsOf(stored.body), setForYear: stored.fiscalYear };
}

/** The year's template with every version of the year (newest first, each with its weights, so versions compare). */
export async function getDeptScoreTemplate(deps: Deps, actor: Actor, fiscalYear: number) {
  authorize(actor, "results.read");
  const read = deps.uow.read;
  const [template, history] = await Promise.all([
    deptScoreTemplateFor(read, actor.regionCode, fiscalYear),
    read.ruleSets.history(actor.regionCode, fiscalYear, DEPT_SCORE_MODULE),
  ]);
  return {
    fiscalYear,
    ...template,
    history: history.map(({ body, module: _m, ...h }) => ({
      ...h,
      note: noteOf(body),
      components: componentsOf(body),
    })),
  };
}

const refuse = (field: string, message: string, issues?: { field: string; message: string }[]) =>
  new AppError("validation", "DEPT_SCORE_TEMPLATE_INVALID", message, { field, ...(issues ? { issues } : {}) });

/**
 * Finance saves a new version of the year's template with a reason (修改说明). The scores are computed on read
 * with the template in effect, so the ranking follows the new weights at once; an adopted result list keeps what
 * it froze. `basedOn` is the version the edit started from: a version saved meanwhile refuses the save.
 */
export async function saveDeptScoreTemplate(
  deps: Deps,
  actor: Actor,
  fiscalYear: number,
  input: { components: { key: string; weight: number }[]; basedOn: string; reason: string },
) {
  authorize(actor, "results.manage");
  const note = input.reason.trim();
  if (note === "") throw refuse("reason", "请填写修改说明");
  // The keys are checked here, so an unknown one is named with its row like any other issue.
  const components = input.components.map((c) => ({ key: c.key as DeptScoreComponent, weight: c.weight }));
  const issues = validateDeptScoreTemplate({ version: "", components });
  if (issues.length > 0) throw refuse(issues[0]!.field, issues[0]!.message, issues);
  await deps.uow.transaction(async (repos) => {
    const before = await deptScoreTemplateFor(repos, actor.regionCode, fiscalYear);
    if (before.version !== input.basedOn)
      throw new AppError(
        "conflict",
        "STALE_VERSION",
        `部门绩效考核模板已有新版本（${before.version}），请刷新后在新版本上修改`,
      );
    const history = await repos.ruleSets.history(actor.regionCode, fiscalYear, DEPT_SCORE_MODULE);
    const version = nextRulesVersion(fiscalYear, history.length);
    const id = await repos.ruleSets.insert(
      actor.regionCode,
      fiscalYear,
      DEPT_SCORE_MODULE,
      version,
      { components, note },
      actor.userId,
    );
    if (id === null) throw new AppError("conflict", "STALE_VERSION", "部门绩效考核模板刚被他人修改，请刷新后再试");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "update",
        entity: "dept_score_template",
        entityId: `${fiscalYear}:${version}`,
        before: { version: before.version, components: before.components },
        after: { version, components },
        reason: note,
      }),
    ]);
  });
  return getDeptScoreTemplate(deps, actor, fiscalYear);
}
