import { AppError, staleVersion } from "../../core/errors";
import type { DeskAction, DeskStatus } from "../../core/review/desk-workflow";
import { selfEvalWorkflow } from "../../core/selfeval/form";
import { selfEvalSnapshot } from "../../core/selfeval/snapshot";
import { checkForm } from "../../core/selfeval/validate-form";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectState } from "../expect-state";
import type { Repos } from "../ports";
import { followReview, type ReviewStep } from "../review/follow-review";
import { dispatchSoon } from "../tasks/dispatch";
import { readForm } from "./get-form";
import { expectRoundOpen } from "./load-round";
import type { FormDetail } from "./ports";
import { formScoreOf } from "./present-form";

export const ACTION_LABELS: Record<DeskAction, string> = {
  submit: "提交",
  approve: "审核通过",
  return: "退回",
  withdraw: "撤回",
};

/**
 * Submit, approve (the department's 审核, then finance's), return (with a comment, per indicator too) or
 * withdraw a self-evaluation form. A submission is checked whole and keeps the budget figures it was
 * scored on, so an approved score never moves with a later import; a return or withdrawal reads them live
 * again. Every step is in the review record, the organisation's task follows, the filler hears of a return
 * or of the approval.
 */
export async function actOnSelfEvalForm(
  deps: Deps,
  actor: Actor,
  id: number,
  input: {
    version: number;
    action: DeskAction;
    comment?: string | undefined;
    note?: string | undefined;
    itemComments?: Record<string, string> | undefined;
  },
) {
  authorize(actor, "selfeval.write");
  const { detail, rules, declarer } = await readForm(deps.uow.read, actor, id);
  expectRoundOpen(detail.round);
  const expected = expectState(detail, input.version, "该自评表");
  const itemComments = Object.entries(input.itemComments ?? {}).filter(([, body]) => body.trim() !== "");
  if (itemComments.length > 0 && input.action !== "return" && input.action !== "approve")
    throw new AppError("validation", "REVIEW_ITEM_COMMENTS_NOT_ALLOWED", "逐项意见只能随退回或审核通过填写", {
      field: "itemComments",
    });
  const names = new Map(detail.items.map((i) => [i.uid, i.name]));
  for (const [uid] of itemComments)
    if (!names.has(uid))
      throw new AppError("validation", "SELFEVAL_FORM_INVALID", "意见所指的指标不在该自评表中", {
        field: "itemComments",
        uid,
      });
  const score = formScoreOf(detail, rules);
  const issues = checkForm(detail.answers, { items: detail.items, score, rules }, "submit");
  const comment = input.comment?.trim() || undefined;
  const result = selfEvalWorkflow.transition(detail, input.action, {
    role: actor.role,
    declarer,
    comment,
    blockingIssues: issues.length,
  });
  if (!result.ok)
    throw new AppError(
      result.code === "SELFEVAL_ROLE_NOT_ALLOWED" ? "forbidden" : "validation",
      result.code,
      result.message,
      {
        issues: result.code === "SELFEVAL_FORM_INCOMPLETE" ? issues : undefined,
      },
    );
  // Figures are kept from the submission on; back in the filler's hands they are read live again.
  const back = result.next.status === "draft" || result.next.status === "returned";
  await deps.uow.transaction(async (repos) => {
    const locked = await repos.selfeval.lockState(actor.regionCode, id);
    if (!locked || locked.version !== expected.version || locked.status !== expected.status)
      throw staleVersion("该自评表");
    const version = await repos.selfeval.setStatus(
      actor.regionCode,
      id,
      expected.version,
      result.next,
      back ? null : detail.figures,
    );
    if (version === null) throw staleVersion("该自评表");
    const step = reviewStep(
      input.action,
      result.next.status,
      actor,
      comment ?? null,
      input.note?.trim() || null,
      detail,
      names,
      itemComments,
      rules,
      score,
    );
    await followReview(repos, actor, { regionCode: actor.regionCode, entity: "selfeval_form", recordId: id }, step);
    // The task before the audit chain's lock, in the order saving a form takes them (else a deadlock).
    await repos.selfeval.followForms(actor.regionCode, [id], deps.clock.now());
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: input.action,
        entity: "selfeval_form",
        entityId: id,
        before: { status: detail.status },
        after: { status: result.next.status, total: score.total, grade: score.grade },
        reason: comment ?? ACTION_LABELS[input.action],
      }),
    ]);
    await notice(repos, actor.regionCode, detail, result.next.status, comment);
  });
  await dispatchSoon(deps);
  return (await readForm(deps.uow.read, actor, id)).view;
}

export function reviewStep(
  action: DeskAction,
  next: DeskStatus,
  actor: Actor,
  comment: string | null,
  note: string | null,
  detail: FormDetail,
  names: Map<string, string>,
  itemComments: [string, string][],
  rules: Parameters<typeof formScoreOf>[1],
  score: ReturnType<typeof formScoreOf>,
): ReviewStep {
  if (action === "submit")
    return {
      kind: "submit",
      content: selfEvalSnapshot({
        answers: detail.answers,
        items: detail.items,
        figures: detail.figures,
        score,
        tiers: rules.project.tiers,
      }),
      note,
    };
  if (action === "withdraw") return { kind: "withdraw" };
  return {
    kind: "review",
    outcome: action === "return" ? "returned" : next === "approved" ? "approved" : "forwarded",
    reviewer: actor.role === "department" ? "department" : "finance",
    comment,
    items: itemComments.map(([key, body]) => ({ key, label: names.get(key) ?? "", body: body.trim() })),
  };
}

/** The organisation that fills the form hears of a return (with the comment) and of finance's approval. */
export function noticeOf(d: FormDetail, next: DeskStatus, comment: string | undefined) {
  if (next !== "returned" && next !== "approved") return null;
  const orgId = d.subjectKind === "deptWide" || d.unit.id === d.department.id ? d.department.id : d.unit.id;
  return {
    kind: next,
    taskId: d.taskId,
    orgIds: [orgId],
    title: next === "returned" ? `自评表被退回：${d.name}` : `自评表已审核：${d.name}`,
    body: next === "returned" ? `退回意见：${comment ?? ""}` : comment ? `审核意见：${comment}` : "财政已审核",
    link: `/selfeval/forms/${d.id}`,
  };
}

async function notice(repos: Repos, regionCode: string, d: FormDetail, next: DeskStatus, comment: string | undefined) {
  const entry = noticeOf(d, next, comment);
  if (entry) await repos.outbox.add(regionCode, [entry]);
}
