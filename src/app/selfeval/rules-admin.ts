import { AppError } from "../../core/errors";
import { nextRulesVersion } from "../../core/goals/goal-rules";
import { SELFEVAL_RULES_MODULE, type SelfEvalRules } from "../../core/selfeval/rules";
import { validateSelfEvalRules } from "../../core/selfeval/validate-rules";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { selfEvalRulesFor } from "./selfeval-rules";

const noteOf = (body: unknown): string | null => {
  const note = (body as { note?: unknown } | null)?.note;
  return typeof note === "string" && note !== "" ? note : null;
};

/** A year's self-evaluation rules as the rules page shows them, with the year's versions and whether they are locked. */
export async function getSelfEvalRules(deps: Deps, actor: Actor, fiscalYear: number) {
  authorize(actor, "selfeval.read");
  const [stored, history, round] = await Promise.all([
    deps.uow.read.ruleSets.inEffect(actor.regionCode, fiscalYear, SELFEVAL_RULES_MODULE),
    deps.uow.read.ruleSets.history(actor.regionCode, fiscalYear, SELFEVAL_RULES_MODULE),
    deps.uow.read.selfeval.round(actor.regionCode, fiscalYear),
  ]);
  const rules = await selfEvalRulesFor(deps.uow.read, actor.regionCode, fiscalYear);
  return {
    fiscalYear,
    ...rules,
    setForYear: stored?.fiscalYear ?? null,
    locked: round !== null,
    history: history.map(({ body, module: _m, ...h }) => ({ ...h, note: noteOf(body) })),
  };
}

/**
 * Finance saves a new version of the year's rules, before the year's self-evaluation opens: the forms get
 * their points when issued, so the rules are frozen from the opening on (409 SELFEVAL_RULES_LOCKED).
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
    await repos.selfeval.lockYear(actor.regionCode, fiscalYear);
    if (await repos.selfeval.round(actor.regionCode, fiscalYear))
      throw new AppError("conflict", "SELFEVAL_RULES_LOCKED", `${fiscalYear}年度单位自评已开启，评分规则不能再修改`);
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
