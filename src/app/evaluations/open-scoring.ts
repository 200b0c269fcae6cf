import { dateInChina, isCalendarDate } from "../../core/calendar";
import { AppError } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectState } from "../expect-state";
import { dispatchSoon } from "../tasks/dispatch";
import { getEvaluation, readEvaluation } from "./read-evaluation";
import { checkTeamConflicts } from "./team-conflicts";

/**
 * Finance opens a key evaluation's scoring: each expert of the team gets a scoring task in their own inbox
 * (owned by their account) and a notice. The team is checked for conflicts once more (a tie declared since).
 */
export async function openScoring(deps: Deps, actor: Actor, id: number, input: { version: number; dueOn: string }) {
  authorize(actor, "evaluation.manage");
  if (!isCalendarDate(input.dueOn))
    throw new AppError("validation", "EVALUATION_INVALID", "截止日期无效", { field: "dueOn" });
  const today = dateInChina(deps.clock.now());
  if (input.dueOn < today)
    throw new AppError("validation", "EVALUATION_INVALID", `截止日期（dueOn）${input.dueOn} 早于今天（${today}）`, {
      field: "dueOn",
    });
  await deps.uow.transaction(async (repos) => {
    const e = await readEvaluation(repos, actor, id);
    if (e.kind !== "key") throw new AppError("conflict", "EVALUATION_INVALID_TRANSITION", "部门评价无需开启专家评分");
    const locked = await repos.evaluations.lock(actor.regionCode, id);
    if (locked?.status !== "draft") throw new AppError("conflict", "EVALUATION_INVALID_TRANSITION", "评分已开启");
    const expected = expectState(locked, input.version, "评价");
    if (e.members.length === 0)
      throw new AppError("validation", "EVALUATION_TEAM_INVALID", "请先组建评价组", { field: "members" });
    const year = Number(input.dueOn.slice(0, 4));
    if (year < e.fiscalYear || year > e.fiscalYear + 2)
      throw new AppError("validation", "EVALUATION_INVALID", `截止日期须在${e.fiscalYear}至${e.fiscalYear + 2}年之间`, {
        field: "dueOn",
      });
    await checkTeamConflicts(repos, actor.regionCode, e, {
      firm: e.firm && { id: e.firm.id, name: e.firm.name },
      experts: e.members.flatMap((m) => (m.expert ? [{ id: m.expert.id, name: m.expert.name }] : [])),
    });
    const next = await repos.evaluations.setStatus(actor.regionCode, id, expected.version, "draft", "scoring", {
      dueOn: input.dueOn,
    });
    if (next === null) throw new AppError("conflict", "STALE_VERSION", "评价已被他人修改，请刷新后重试");
    const tasks = await repos.evaluations.issueScoringTasks(actor.regionCode, id, input.dueOn);
    await repos.outbox.add(
      actor.regionCode,
      tasks.map((t) => ({
        kind: "assigned" as const,
        taskId: t.taskId,
        orgIds: [t.orgId],
        title: `新任务：${t.title}`,
        body: `请于${input.dueOn}前独立完成评分并提交`,
        link: `/evaluations/${id}`,
      })),
    );
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "open_scoring",
        entity: "evaluation",
        entityId: id,
        before: { status: "draft" },
        after: { status: "scoring", dueOn: input.dueOn, tasks: tasks.length },
      }),
    ]);
  });
  await dispatchSoon(deps);
  return getEvaluation(deps, actor, id);
}
