import { AppError, staleVersion } from "../../core/errors";
import { EMPTY_ANSWERS, type FormAnswers, type ItemAnswers, selfEvalWorkflow } from "../../core/selfeval/form";
import { checkForm, isSavable } from "../../core/selfeval/validate-form";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectState } from "../expect-state";
import { readForm } from "./get-form";
import { expectRoundOpen } from "./load-round";
import { formScoreOf } from "./present-form";

/**
 * Saves a unit's answers as a draft. What cannot be stored as typed (an actual value that is not a number
 * for a quantitative indicator, another unit of measure, points above the indicator's weight or outside
 * the tier, markup, over-long text, an item the form does not have) is refused with every issue named and
 * nothing written; what is only missing is left for the submission's check.
 */
export async function saveSelfEvalForm(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { version: number; overallActual: string; items: ({ uid: string } & Partial<ItemAnswers>)[] },
) {
  authorize(actor, "selfeval.write");
  const { detail, rules, declarer } = await readForm(deps.uow.read, actor, id);
  expectRoundOpen(detail.round);
  if (!selfEvalWorkflow.isEditable(detail, actor.role, declarer))
    throw new AppError("conflict", "SELFEVAL_NOT_EDITABLE", "自评表只能由填报单位在填报中或被退回时修改");
  const expected = expectState(detail, input.version, "该自评表");
  // Items not sent keep their stored answers: a client may save part of a long form.
  const sent = new Map(
    input.items.map(({ uid, ...a }) => [uid, Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined))]),
  );
  const stored = detail.answers;
  const merge = (uid: string, base: ItemAnswers): ItemAnswers => ({ ...base, ...(sent.get(uid) ?? {}) });
  const answers: FormAnswers = {
    overallActual: input.overallActual,
    items: [
      ...stored.items.map((i) => ({ uid: i.uid, answers: merge(i.uid, i.answers) })),
      ...[...sent.keys()]
        .filter((uid) => !stored.items.some((i) => i.uid === uid))
        .map((uid) => ({ uid, answers: merge(uid, EMPTY_ANSWERS) })),
    ],
  };
  const score = formScoreOf({ ...detail, answers }, rules);
  const issues = checkForm(answers, { items: detail.items, score, rules }, "draft");
  if (!isSavable(issues)) {
    const saveIssues = issues.filter((i) => i.blocks === "save");
    throw new AppError("validation", "SELFEVAL_FORM_INVALID", saveIssues[0]!.message, {
      field: saveIssues[0]!.field,
      issues: saveIssues,
    });
  }
  await deps.uow.transaction(async (repos) => {
    const locked = await repos.selfeval.lockState(actor.regionCode, id);
    if (!locked || locked.version !== expected.version || locked.status !== expected.status)
      throw staleVersion("该自评表");
    const version = await repos.selfeval.saveAnswers(actor.regionCode, id, expected.version, answers);
    if (version === null) throw staleVersion("该自评表");
    await repos.selfeval.followForms(actor.regionCode, [id], deps.clock.now());
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "update",
        entity: "selfeval_form",
        entityId: id,
        before: stored,
        after: answers,
      }),
    ]);
  });
  return (await readForm(deps.uow.read, actor, id)).view;
}
