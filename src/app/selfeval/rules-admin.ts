import { AppError } from "../../core/errors";
import { nextRulesVersion } from "../../core/goals/goal-rules";
import { SELFEVAL_RULES_MODULE, type SelfEvalRules } from "../../core/selfeval/rules";
import { validateSelfEvalRules } from "../../core/selfeval/validate-rules";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { Repos } from "../ports";
import { selfEvalRulesFor } from "./selfeval-rules";

const noteOf = (body: unknown): string | null => {
  const note = (body as { note?: unknown } | null)?.note;
  return typeof note === "string" && note !== "" ? note : null;
};

/**
 * The opened year whose scoring a new version of `fiscalYear`'s rules would change, or null: the year itself
 * once opened, or a later opened year that has no rules of its own since and so inherits these.
 */
async function lockedBy(repos: Pick<Repos, "selfeval" | "ruleSets">, regionCode: string, fiscalYear: number) {
  for (const year of await repos.selfeval.openedYears(regionCode, fiscalYear)) {
    if (year === fiscalYear) return year;
    const inEffect = await repos.ruleSets.inEffect(regionCode, year, SELFEVAL_RULES_MODULE);
    if (!inEffect || inEffect.fiscalYear <= fiscalYear) return year;
  }
  return null;
}

/** A year's self-evaluation rules as the rules page shows them, with the year's versions and whether they are locked. */
export async function getSelfEvalRules(deps: Deps, actor: Actor, fiscalYear: number) {
  authorize(actor, "selfeval.read");
  const [stored, history, locked] = await Promise.all([
    deps.uow.read.ruleSets.inEffect(actor.regionCode, fiscalYear, SELFEVAL_RULES_MODULE),
    deps.uow.read.ruleSets.history(actor.regionCode, fiscalYear, SELFEVAL_RULES_MODULE),
    lockedBy(deps.uow.read, actor.regionCode, fiscalYear),
  ]);
  const rules = await selfEvalRulesFor(deps.uow.read, actor.regionCode, fiscalYear);
  return {
    fiscalYear,
    ...rules,
    setForYear: stored?.fiscalYear ?? null,
    locked: locked !== null,
    lockedBy: locked,
    history: history.map(({ body, module: _m, ...h }) => ({ ...h, note: noteOf(body) })),
  };
}

/**
 * Finance saves a new version of the year's rules, before the year's self-evaluation opens: the forms get
 * their points when issued, so the rules are frozen from the opening on (409 SELFEVAL_RULES_LOCKED). Scores
 * are computed with the rules in effect, and a year without its own inherits an earlier year's: a year is
 * also frozen while a later opened year inherits its rules.
 */
export async function saveSelfEvalRules(
  deps: Deps,
  actor: Actor,
  fiscalYear: number,
  input: Omit<SelfEvalRules, "version"> & { reason: string },
) {
  authorize(actor, "selfeval.manage");
  const { reason, ...body } = input;
  const note = reason.trim();
  if (note === "") throw new AppError("validation", "SELFEVAL_RULES_INVALID", "请填写修改说明", { field: "reason" });
  const checked = validateSelfEvalRules("", body);
  if (!checked.ok) {
    const first = checked.issues[0]!;
    throw new AppError("validation", "SELFEVAL_RULES_INVALID", first.message, {
      field: first.field,
      issues: checked.issues,
    });
  }
  await deps.uow.transaction(async (repos) => {
    await repos.selfeval.lockRules(actor.regionCode);
    const locked = await lockedBy(repos, actor.regionCode, fiscalYear);
    if (locked === fiscalYear)
      throw new AppError("conflict", "SELFEVAL_RULES_LOCKED", `${fiscalYear}年度单位自评已开启，评分规则不能再修改`);
    if (locked !== null)
      throw new AppError(
        "conflict",
        "SELFEVAL_RULES_LOCKED",
        `${locked}年度单位自评已开启，沿用的是${fiscalYear}年度及以前的评分规则：保存${fiscalYear}年度的新版本会改变${locked}年度已开启的评分，不能再修改；新规则请设在${locked + 1}年度或以后`,
        { lockedBy: locked },
      );
    const history = await repos.ruleSets.history(actor.regionCode, fiscalYear, SELFEVAL_RULES_MODULE);
    const version = nextRulesVersion(fiscalYear, history.length);
    const before = await selfEvalRulesFor(repos, actor.regionCode, fiscalYear);
    const { version: _v, ...rules } = checked.rules;
    const id = await repos.ruleSets.insert(
      actor.regionCode,
      fiscalYear,
      SELFEVAL_RULES_MODULE,
      version,
      { ...rules, note },
      actor.userId,
    );
    if (id === null) throw new AppError("conflict", "STALE_VERSION", "评分规则刚被他人修改，请刷新后再试");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "update",
        entity: "selfeval_rules",
        entityId: `${fiscalYear}:${version}`,
        before,
        after: { version, ...rules },
        reason: note,
      }),
    ]);
  });
  return getSelfEvalRules(deps, actor, fiscalYear);
}
