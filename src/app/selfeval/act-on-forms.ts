import { AppError, staleVersion } from "../../core/errors";
import { selfEvalDeclarerOf, selfEvalWorkflow } from "../../core/selfeval/form";
import { checkForm } from "../../core/selfeval/validate-form";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { followReviews } from "../review/follow-review";
import { dispatchSoon } from "../tasks/dispatch";
import { ACTION_LABELS, noticeOf, reviewStep } from "./act-on-form";
import { formScoreOf } from "./present-form";
import { selfEvalRulesFor } from "./selfeval-rules";

/** One call acts on at most this many forms (a district's year is some 1,800). */
export const MAX_BATCH_FORMS = 2000;

export type BatchAction = "submit" | "approve";

export interface BatchFailure {
  id: number;
  code: string | null;
  name: string | null;
  message: string;
}

/**
 * 批量提交 / 批量审核通过: the same step on many forms of a year at once, as a unit submits all its finished
 * forms or a department (then finance) approves the ones it has read. Each form passes exactly the checks of
 * the single action (scope, version, workflow, a complete form); returns are not batched, since each needs
 * its own comments. All or nothing: every form that cannot take the step is named and nothing is written.
 */
export async function actOnSelfEvalForms(
  deps: Deps,
  actor: Actor,
  input: {
    fiscalYear: number;
    action: BatchAction;
    forms: { id: number; version: number }[];
    comment?: string | undefined;
  },
) {
  const scope = authorize(actor, "selfeval.write");
  if (input.forms.length === 0)
    throw new AppError("validation", "SELFEVAL_BATCH_EMPTY", "请选择要处理的自评表", { field: "forms" });
  if (input.forms.length > MAX_BATCH_FORMS)
    throw new AppError(
      "validation",
      "SELFEVAL_BATCH_TOO_MANY",
      `一次最多处理 ${MAX_BATCH_FORMS} 张自评表，本次选择了 ${input.forms.length} 张`,
      { field: "forms" },
    );
  const ids = [...new Set(input.forms.map((f) => f.id))];
  if (ids.length !== input.forms.length)
    throw new AppError("validation", "SELFEVAL_BATCH_DUPLICATE", "同一张自评表在本次选择中出现了多次", {
      field: "forms",
    });
  const repos = deps.uow.read;
  const round = await repos.selfeval.round(actor.regionCode, input.fiscalYear);
  if (!round) throw new AppError("not_found", "SELFEVAL_NOT_OPEN", `${input.fiscalYear}年度尚未开启单位自评`);
  if (round.status !== "open")
    throw new AppError("conflict", "SELFEVAL_ROUND_CLOSED", `${input.fiscalYear}年度单位自评已结束`);
  const rules = await selfEvalRulesFor(repos, actor.regionCode, input.fiscalYear);
  // Read through the actor's scope: a form of another unit is simply not found.
  const byId = new Map(
    (await repos.selfeval.details(scope, { fiscalYear: input.fiscalYear, ids })).map((d) => [d.id, d]),
  );
  const comment = input.comment?.trim() || undefined;
  const failures: BatchFailure[] = [];
  const steps = input.forms.flatMap(({ id, version }) => {
    const detail = byId.get(id);
    if (!detail) {
      failures.push({ id, code: null, name: null, message: `自评表 ${id} 不存在或不在您的范围内` });
      return [];
    }
    const fail = (message: string) => failures.push({ id, code: detail.code, name: detail.name, message });
    if (detail.version !== version) {
      fail("该自评表已被他人修改或已流转，请刷新后重试");
      return [];
    }
    const declarer = selfEvalDeclarerOf({
      subjectKind: detail.subjectKind,
      unitId: detail.unit.id,
      departmentId: detail.department.id,
    });
    const score = formScoreOf(detail, rules);
    const issues = checkForm(detail.answers, { items: detail.items, score, rules }, "submit");
    const result = selfEvalWorkflow.transition(detail, input.action, {
      role: actor.role,
      declarer,
      comment,
      blockingIssues: issues.length,
    });
    if (!result.ok) {
      fail(
        result.code === "SELFEVAL_FORM_INCOMPLETE" ? `${result.message}：${issues[0]?.message ?? ""}` : result.message,
      );
      return [];
    }
    return [{ detail, score, next: result.next }];
  });
  if (failures.length > 0)
    throw new AppError(
      "validation",
      "SELFEVAL_BATCH_REFUSED",
      `${failures.length} 张自评表不能${ACTION_LABELS[input.action]}，未处理任何自评表；第一张：${failures[0]!.name ?? failures[0]!.id}：${failures[0]!.message}`,
      { failures: failures.slice(0, 200), total: failures.length },
    );

  const at = deps.clock.now();
  const versions = new Map<number, number>();
  // Locked in id order, so two batches over the same forms wait for each other instead of deadlocking.
  const ordered = [...steps].sort((a, b) => a.detail.id - b.detail.id);
  await deps.uow.transaction(async (tx) => {
    const locked = await tx.selfeval.lockStates(
      actor.regionCode,
      ordered.map((s) => s.detail.id),
    );
    for (const { detail } of ordered) {
      const state = locked.get(detail.id);
      if (!state || state.version !== detail.version || state.status !== detail.status)
        throw staleVersion(`自评表“${detail.name}”`);
    }
    const written = await tx.selfeval.setStatuses(
      actor.regionCode,
      ordered.map(({ detail, next }) => ({ id: detail.id, version: detail.version, next, figures: detail.figures })),
    );
    for (const { detail } of ordered) {
      const version = written.get(detail.id);
      if (version === undefined) throw staleVersion(`自评表“${detail.name}”`);
      versions.set(detail.id, version);
    }
    await followReviews(
      tx,
      actor,
      { regionCode: actor.regionCode, entity: "selfeval_form" },
      ordered.map(({ detail, score, next }) => ({
        recordId: detail.id,
        step: reviewStep(input.action, next.status, actor, comment ?? null, null, detail, new Map(), [], rules, score),
      })),
    );
    // Tasks before the audit chain's lock, as saving and importing a form take them: taken the other way round,
    // a unit saving one form while this batch moves another of its forms would deadlock on PostgreSQL.
    await tx.selfeval.followForms(
      actor.regionCode,
      ordered.map((s) => s.detail.id),
      at,
    );
    await tx.outbox.add(
      actor.regionCode,
      ordered.flatMap(({ detail, next }) => noticeOf(detail, next.status, comment) ?? []),
    );
    await tx.audit.append(
      ordered.map(({ detail, score, next }) =>
        auditEntry(actor, deps.clock, {
          action: input.action,
          entity: "selfeval_form",
          entityId: detail.id,
          before: { status: detail.status },
          after: { status: next.status, total: score.total, grade: score.grade },
          reason: comment ?? `批量${ACTION_LABELS[input.action]}`,
        }),
      ),
    );
  });
  await dispatchSoon(deps);
  return {
    action: input.action,
    count: ordered.length,
    forms: ordered.map((s) => ({ id: s.detail.id, version: versions.get(s.detail.id)!, status: s.next.status })),
  };
}
