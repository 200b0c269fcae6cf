import { AppError } from "../../core/errors";
import { checkScores, isComplete } from "../../core/evaluations/scores";
import { editableStatuses } from "../../core/evaluations/workflow";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Clock, Deps, Repos } from "../context";
import type { EvaluationRecord, MemberRecord, ScoreRecord } from "./ports";
import { ownMember } from "./present";
import { getEvaluation, readEvaluation } from "./read-evaluation";

/**
 * The actor's own sheet on an evaluation they may score now: an expert on the team while the scoring is open,
 * the department on its own evaluation while it is in its hands. Outside the team 403 (404 already when the
 * evaluation is not in the actor's view); after the sheet was submitted or the evaluation finalised 409.
 */
export function scoringSheet(actor: Actor, e: EvaluationRecord): MemberRecord {
  const own = ownMember(actor, e);
  if (!own) throw new AppError("forbidden", "EVALUATION_NOT_MEMBER", "您不是该评价的评分成员，不能评分");
  if (e.status === "final") throw new AppError("conflict", "EVALUATION_NOT_EDITABLE", "评价已定稿，不能再评分");
  if (own.submittedAt !== null)
    throw new AppError("conflict", "EVALUATION_SHEET_SUBMITTED", "您的评分已提交，不能再修改");
  const open = e.kind === "key" ? e.status === "scoring" : editableStatuses(e.kind).includes(e.status);
  if (!open)
    throw new AppError(
      "conflict",
      "EVALUATION_NOT_EDITABLE",
      e.kind === "key" ? "评分尚未开启" : "评价已提交财政审核，不能修改评分",
    );
  return own;
}

/** The sheet with these scores merged over the saved ones. */
export const mergeSheet = (saved: readonly ScoreRecord[], scores: readonly ScoreRecord[]) => {
  const by = new Map(saved.map((s) => [s.uid, s]));
  for (const s of scores) by.set(s.uid, s);
  return [...by.values()];
};

/** Locks the evaluation and the member, and checks both are still as read: a submission or finalising in between wins. */
export async function lockSheet(
  repos: Repos,
  actor: Actor,
  e: EvaluationRecord,
  member: MemberRecord,
  version: number,
) {
  const locked = await repos.evaluations.lock(actor.regionCode, e.id);
  if (!locked || locked.status !== e.status)
    throw new AppError("conflict", "EVALUATION_NOT_EDITABLE", "评价状态已变化，请刷新后查看");
  const m = await repos.evaluations.lockMember(actor.regionCode, member.id);
  if (!m || m.submittedAt !== null)
    throw new AppError("conflict", "EVALUATION_SHEET_SUBMITTED", "您的评分已提交，不能再修改");
  if (m.version !== version) throw new AppError("conflict", "STALE_VERSION", "评分表已被修改，请刷新后重试");
}

export async function followSheet(repos: Repos, clock: Clock, regionCode: string, memberId: number) {
  const changes = await repos.evaluations.followScoring(regionCode, [memberId], clock.now());
  await repos.outbox.add(
    regionCode,
    changes
      .filter((c) => c.to === "done")
      .map((c) => ({
        kind: "approved" as const,
        taskId: c.taskId,
        orgIds: [c.orgId],
        title: "任务已完成",
        body: `${c.title}：评分已提交`,
        link: `/tasks/${c.taskId}`,
      })),
  );
}

/** A member saves points and a comment per indicator (0 … the indicator's points, two decimals). */
export async function saveSheet(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { version: number; scores: ScoreRecord[] },
) {
  authorize(actor, "evaluation.score");
  const e = await readEvaluation(deps.uow.read, actor, id);
  const member = scoringSheet(actor, e);
  const uids = input.scores.map((s) => s.uid);
  if (new Set(uids).size !== uids.length)
    throw new AppError("validation", "EVALUATION_SCORES_INVALID", "同一指标在本次评分中出现了多次", {
      field: "scores",
    });
  const issues = checkScores(e.framework.rows, Object.fromEntries(input.scores.map((s) => [s.uid, s.points])));
  if (issues.length > 0) throw new AppError("validation", "EVALUATION_SCORES_INVALID", issues[0]!.message, { issues });
  const scores = input.scores.map((s) => ({ uid: s.uid, points: s.points, comment: s.comment.trim() }));
  await deps.uow.transaction(async (repos) => {
    await lockSheet(repos, actor, e, member, input.version);
    const next = await repos.evaluations.saveSheet(actor.regionCode, member.id, input.version, scores);
    if (next === null) throw new AppError("conflict", "STALE_VERSION", "评分表已被修改，请刷新后重试");
    await followSheet(repos, deps.clock, actor.regionCode, member.id);
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "score",
        entity: "evaluation",
        entityId: id,
        before: { memberId: member.id, scores: member.scores.filter((s) => uids.includes(s.uid)) },
        after: { memberId: member.id, scores },
      }),
    ]);
  });
  return getEvaluation(deps, actor, id);
}

/** An expert submits their sheet: every indicator scored. Their task is done; the others' submitted sheets open to them. */
export async function submitSheet(deps: Deps, actor: Actor, id: number, input: { version: number }) {
  authorize(actor, "evaluation.score");
  const e = await readEvaluation(deps.uow.read, actor, id);
  const member = scoringSheet(actor, e);
  if (e.kind === "department")
    throw new AppError("conflict", "EVALUATION_INVALID_TRANSITION", "部门评价的评分随评价一并提交财政");
  const sheet = Object.fromEntries(member.scores.map((s) => [s.uid, s.points]));
  if (!isComplete(e.framework.rows, sheet)) {
    const missing = e.framework.rows.filter((r) => sheet[r.uid] === undefined).map((r) => r.name);
    throw new AppError(
      "validation",
      "EVALUATION_SCORES_INCOMPLETE",
      `尚有${missing.length}项指标未评分：${missing.join("、")}`,
      {
        missing,
      },
    );
  }
  await deps.uow.transaction(async (repos) => {
    await lockSheet(repos, actor, e, member, input.version);
    const next = await repos.evaluations.submitSheet(actor.regionCode, member.id, input.version);
    if (next === null) throw new AppError("conflict", "STALE_VERSION", "评分表已被修改，请刷新后重试");
    await followSheet(repos, deps.clock, actor.regionCode, member.id);
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "submit_scores",
        entity: "evaluation",
        entityId: id,
        after: { memberId: member.id },
      }),
    ]);
  });
  return getEvaluation(deps, actor, id);
}
