import { AppError } from "../../core/errors";
import type { ResultRule } from "../../core/results/rules";
import { validateRuleSet } from "../../core/results/validate-rules";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { StoredResultRuleSet } from "./adoption-ports";

/** The results year's rule sets: each name with its current (latest) version and every earlier one. */
export async function listResultRuleSets(deps: Deps, actor: Actor, fiscalYear: number) {
  authorize(actor, "results.manage");
  const versions = await deps.uow.read.results.ruleSetVersions(actor.regionCode, fiscalYear);
  const byName = new Map<string, StoredResultRuleSet[]>();
  for (const v of versions) byName.set(v.name, [...(byName.get(v.name) ?? []), v]);
  return {
    fiscalYear,
    budgetYear: fiscalYear + 1,
    ruleSets: [...byName.values()].map(([current, ...earlier]) => ({ ...current!, earlier })),
  };
}

/** One version of a rule set, of the actor's region. */
export async function loadRuleSet(deps: Deps, actor: Actor, id: number): Promise<StoredResultRuleSet> {
  const found = await deps.uow.read.results.ruleSet(actor.regionCode, id);
  if (!found) throw new AppError("not_found", "NOT_FOUND", `规则集不存在：${id}`);
  return found;
}

export interface SaveRuleSetInput {
  fiscalYear: number;
  name: string;
  /** As typed: `validateRuleSet` checks every field, so a wrong grade or action gets its Chinese message. */
  rules: readonly unknown[];
  note: string;
  /** The version the editor started from; absent for a new rule set. A newer one in between refuses the save. */
  baseVersion?: number | undefined;
}

/**
 * Finance writes a rule set: a new name starts at version 1, a change to a named one writes the next version
 * (the old ones stay, so an adoption keeps pointing at the rules it applied). Rules are checked first and
 * every issue names the rule; nothing is written unless all pass.
 */
export async function saveResultRuleSet(deps: Deps, actor: Actor, input: SaveRuleSetInput) {
  authorize(actor, "results.manage");
  const checked = validateRuleSet({
    budgetYear: input.fiscalYear + 1,
    name: input.name,
    rules: input.rules as ResultRule[],
  });
  if (!checked.ok)
    throw new AppError("validation", "RESULT_RULES_INVALID", checked.issues.map((i) => i.message).join("；"), {
      field: checked.issues[0]!.field,
      issues: checked.issues,
    });
  const { name, rules } = checked.ruleSet;
  if (name.length > 60)
    throw new AppError("validation", "RESULT_RULES_INVALID", "规则集名称最多 60 个字", { field: "name" });
  const note = input.note.trim();
  return deps.uow.transaction(async (repos) => {
    const versions = (await repos.results.ruleSetVersions(actor.regionCode, input.fiscalYear)).filter(
      (v) => v.name === name,
    );
    const latest = versions[0];
    if (latest && input.baseVersion === undefined)
      throw new AppError("conflict", "RESULT_RULES_NAME_TAKEN", `已有名为“${name}”的规则集，请修改该规则集或另取名称`, {
        field: "name",
      });
    if (latest && input.baseVersion !== latest.version)
      throw new AppError(
        "conflict",
        "STALE_VERSION",
        `规则集“${name}”已有第${latest.version}版，请刷新后在最新版本上修改`,
      );
    if (!latest && input.baseVersion !== undefined)
      throw new AppError("not_found", "NOT_FOUND", `规则集“${name}”不存在`);
    if (latest && note === "")
      throw new AppError("validation", "RESULT_RULES_INVALID", "修改规则集须写明修改说明", { field: "note" });
    const version = (latest?.version ?? 0) + 1;
    const id = await repos.results.insertRuleSet(actor.regionCode, {
      fiscalYear: input.fiscalYear,
      name,
      version,
      rules,
      note,
      createdBy: actor.userId,
    });
    if (id === null) throw new AppError("conflict", "STALE_VERSION", `规则集“${name}”刚被他人修改，请刷新后再试`);
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: latest ? "update" : "create",
        entity: "result_rule_set",
        entityId: id,
        before: latest ? { name, version: latest.version, rules: latest.rules } : null,
        after: { name, version, rules },
        reason: note || null,
      }),
    ]);
    return { id, name, version };
  });
}
