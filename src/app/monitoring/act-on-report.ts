import { AppError, staleVersion } from "../../core/errors";
import { monitoringSnapshot } from "../../core/monitoring/snapshot";
import { checkReport } from "../../core/monitoring/validate-report";
import { monitoringWorkflow } from "../../core/monitoring/workflow";
import type { DeskAction, DeskStatus } from "../../core/review/desk-workflow";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectState } from "../expect-state";
import type { Repos } from "../ports";
import { followReview, type ReviewStep } from "../review/follow-review";
import { dispatchSoon } from "../tasks/dispatch";
import { readReport } from "./get-report";
import { expectOpen } from "./load-round";
import type { ReportDetail } from "./ports";
import { answersOf } from "./present-report";

const ACTION_LABELS: Record<DeskAction, string> = {
  submit: "提交",
  approve: "审核通过",
  return: "退回",
  withdraw: "撤回",
};

/**
 * Submit, approve (the department's 审核, finance's 复核 with its comment), return (with a comment, per
 * indicator too) or withdraw a monitoring report. The submission is checked whole; every step is recorded in
 * the review loop, the report's task follows, and the declarer hears of a return or the final approval.
 */
export async function actOnMonitoringReport(
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
  authorize(actor, "monitoring.write");
  const { detail, rules, declarer } = await readReport(deps.uow.read, actor, id);
  expectOpen(detail.round);
  const expected = expectState(detail, input.version, "该监控表");
  const itemComments = Object.entries(input.itemComments ?? {}).filter(([, body]) => body.trim() !== "");
  if (itemComments.length > 0 && input.action !== "return" && input.action !== "approve")
    throw new AppError("validation", "REVIEW_ITEM_COMMENTS_NOT_ALLOWED", "逐项意见只能随退回或审核通过填写", {
      field: "itemComments",
    });
  const names = new Map(detail.items.map((i) => [i.uid, i.name]));
  for (const [uid] of itemComments)
    if (!names.has(uid))
      throw new AppError("validation", "MONITORING_REPORT_INVALID", "意见所指的指标不在该监控表中", {
        field: "itemComments",
        uid,
      });
  const answers = answersOf(detail);
  const issues = checkReport(
    answers,
    { items: detail.items, execution: detail.execution, cutoffMonth: detail.round.cutoffMonth, rules },
    "submit",
  );
  const comment = input.comment?.trim() || undefined;
  const result = monitoringWorkflow.transition(detail, input.action, {
    role: actor.role,
    declarer,
    comment,
    blockingIssues: issues.length,
  });
  if (!result.ok)
    throw new AppError(
      result.code === "MONITORING_ROLE_NOT_ALLOWED" ? "forbidden" : "validation",
      result.code,
      result.message,
      {
        issues: result.code === "MONITORING_REPORT_INCOMPLETE" ? issues : undefined,
      },
    );
  await deps.uow.transaction(async (repos) => {
    const locked = await repos.monitoring.lockState(actor.regionCode, id);
    if (!locked || locked.version !== expected.version || locked.status !== expected.status)
      throw staleVersion("该监控表");
    const version = await repos.monitoring.setStatus(actor.regionCode, id, expected.version, result.next);
    if (version === null) throw staleVersion("该监控表");
    const step = reviewStep(
      input.action,
      result.next.status,
      actor,
      comment ?? null,
      input.note?.trim() || null,
      detail,
      names,
      itemComments,
    );
    await followReview(repos, actor, { regionCode: actor.regionCode, entity: "monitoring_report", recordId: id }, step);
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: input.action,
        entity: "monitoring_report",
        entityId: id,
        before: { status: detail.status },
        after: { status: result.next.status },
        reason: comment ?? ACTION_LABELS[input.action],
      }),
    ]);
    await repos.monitoring.followReports(actor.regionCode, [id], deps.clock.now());
    await notice(repos, actor.regionCode, detail, result.next.status, comment);
  });
  await dispatchSoon(deps);
  return (await readReport(deps.uow.read, actor, id)).view;
}

function reviewStep(
  action: DeskAction,
  next: DeskStatus,
  actor: Actor,
  comment: string | null,
  note: string | null,
  detail: ReportDetail,
  names: Map<string, string>,
  itemComments: [string, string][],
): ReviewStep {
  if (action === "submit")
    return {
      kind: "submit",
      content: monitoringSnapshot({ answers: answersOf(detail), items: detail.items, execution: detail.execution }),
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

/** The organisation that fills the report hears of a return (with the comment) and of finance's 复核. */
async function notice(
  repos: Repos,
  regionCode: string,
  d: ReportDetail,
  next: DeskStatus,
  comment: string | undefined,
) {
  if (next !== "returned" && next !== "approved") return;
  const orgId = d.subjectKind === "deptWide" || d.unit.id === d.department.id ? d.department.id : d.unit.id;
  await repos.outbox.add(regionCode, [
    {
      kind: next,
      taskId: d.taskId,
      orgIds: [orgId],
      title: next === "returned" ? `监控表被退回：${d.name}` : `监控表已复核：${d.name}`,
      body: next === "returned" ? `退回意见：${comment ?? ""}` : comment ? `复核意见：${comment}` : "财政已复核",
      link: `/monitoring/reports/${d.id}`,
    },
  ]);
}
