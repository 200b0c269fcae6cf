import { AppError } from "../../core/errors";
import { REPORT_PART_LABELS, REPORT_PARTS } from "../../core/evaluations/list";
import { isComplete } from "../../core/evaluations/scores";
import { nextEvaluationStatus } from "../../core/evaluations/workflow";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Clock, Deps, Repos } from "../context";
import { expectState } from "../expect-state";
import { dispatchSoon } from "../tasks/dispatch";
import type { OutboxEntry } from "../tasks/ports";
import { frameworkFor } from "./framework-rules";
import type { EvaluationRecord } from "./ports";
import { ownMember } from "./present";
import { getEvaluation, readEvaluation } from "./read-evaluation";

export type EvaluationVerb = "submit" | "return" | "finalise";

const refuse = (message: string) => new AppError("conflict", "EVALUATION_INVALID_TRANSITION", message);

/** Brings the year's department evaluation tasks of these departments up to date, telling a department whose task is done. */
export async function followDepartmentTasks(
  repos: Repos,
  clock: Clock,
  regionCode: string,
  fiscalYear: number,
  departmentIds: readonly number[] | null,
) {
  const { minProjectsPerDepartment } = await frameworkFor(repos, regionCode, fiscalYear);
  const changes = await repos.evaluations.followDepartments(
    regionCode,
    fiscalYear,
    departmentIds,
    minProjectsPerDepartment,
    clock.now(),
  );
  await repos.outbox.add(
    regionCode,
    changes
      .filter((c) => c.to === "done")
      .map((c) => ({
        kind: "approved" as const,
        taskId: c.taskId,
        orgIds: [c.orgId],
        title: "任务已完成",
        body: `${c.title}：已达到本年度部门评价要求`,
        link: `/tasks/${c.taskId}`,
      })),
  );
}

/** What the actor's verb needs beyond the workflow: who may take it and what must be there. */
function checkVerb(actor: Actor, e: EvaluationRecord, verb: EvaluationVerb, note: string) {
  if (verb === "submit") {
    if (e.kind !== "department") throw refuse("财政重点评价由专家各自提交评分，由财政定稿");
    const own = ownMember(actor, e);
    if (!own) throw new AppError("forbidden", "EVALUATION_NOT_OWNER", "只有负责该评价的部门才能提交");
    const sheet = Object.fromEntries(own.scores.map((s) => [s.uid, s.points]));
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
    const empty = REPORT_PARTS.filter((p) => (e.report[p] ?? "").trim() === "");
    if (empty.length > 0)
      throw new AppError(
        "validation",
        "EVALUATION_REPORT_INVALID",
        `请填写评价报告的${empty.map((p) => `“${REPORT_PART_LABELS[p]}”`).join("、")}`,
        { field: `report.${empty[0]}` },
      );
    return own.id;
  }
  if (verb === "return") {
    if (e.kind !== "department") throw refuse("财政重点评价不能退回，可调整得分后定稿");
    if (note === "")
      throw new AppError("validation", "EVALUATION_RETURN_NEEDS_NOTE", "退回须填写意见", { field: "note" });
  }
  if (verb === "finalise" && e.kind === "key") {
    if (e.members.length === 0) throw new AppError("conflict", "EVALUATION_NOT_ALL_SUBMITTED", "评价组没有专家");
    const open = e.members.filter((m) => m.submittedAt === null);
    if (open.length > 0)
      throw new AppError(
        "conflict",
        "EVALUATION_NOT_ALL_SUBMITTED",
        `尚有${open.length}位专家未提交评分：${open.map((m) => m.expert?.name ?? "").join("、")}`,
      );
  }
  return null;
}

/**
 * The evaluation's steps: a department submits its own evaluation (scores complete, report written) to finance,
 * which returns it with a note or finalises it; finance finalises a key evaluation once every expert submitted.
 */
export async function actOnEvaluation(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { version: number; action: EvaluationVerb; note?: string | undefined },
) {
  authorize(actor, input.action === "submit" ? "evaluation.departmentWrite" : "evaluation.manage");
  const note = (input.note ?? "").trim();
  await deps.uow.transaction(async (repos) => {
    const e = await readEvaluation(repos, actor, id);
    const memberId = checkVerb(actor, e, input.action, note);
    const locked = await repos.evaluations.lock(actor.regionCode, id);
    if (!locked) throw refuse("评价不存在");
    const to = nextEvaluationStatus(e.kind, locked.status, input.action === "finalise" ? "finalise" : input.action);
    if (to === null)
      throw refuse(
        `评价当前为“${e.status}”状态，不能${{ submit: "提交", return: "退回", finalise: "定稿" }[input.action]}`,
      );
    const expected = expectState(locked, input.version, "评价");
    const next = await repos.evaluations.setStatus(actor.regionCode, id, expected.version, expected.status, to, {
      returnNote: input.action === "return" ? note : input.action === "submit" ? null : undefined,
    });
    if (next === null) throw new AppError("conflict", "STALE_VERSION", "评价已被他人修改，请刷新后重试");
    if (memberId !== null) {
      const m = await repos.evaluations.lockMember(actor.regionCode, memberId);
      if (m) await repos.evaluations.submitSheet(actor.regionCode, memberId, m.version);
    }
    if (input.action === "return") await repos.evaluations.reopenSheets(actor.regionCode, id);
    if (e.kind === "department")
      await followDepartmentTasks(repos, deps.clock, actor.regionCode, e.fiscalYear, [e.owner.id]);
    const notices: OutboxEntry[] = [];
    const link = `/evaluations/${id}`;
    if (input.action === "return")
      notices.push({
        kind: "returned",
        taskId: null,
        orgIds: [e.owner.id],
        title: `部门评价被退回：${e.project.name}`,
        body: `退回意见：${note}`,
        link,
      });
    if (input.action === "finalise" && e.kind === "department")
      notices.push({
        kind: "approved",
        taskId: null,
        orgIds: [e.owner.id],
        title: `部门评价已定稿：${e.project.name}`,
        body: "财政已审核定稿",
        link,
      });
    await repos.outbox.add(actor.regionCode, notices);
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: input.action,
        entity: "evaluation",
        entityId: id,
        before: { status: e.status },
        after: { status: to },
        reason: note || null,
      }),
    ]);
  });
  await dispatchSoon(deps);
  return getEvaluation(deps, actor, id);
}
