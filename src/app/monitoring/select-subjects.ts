import { AppError } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { Repos } from "../ports";
import { dispatchSoon } from "../tasks/dispatch";
import { expectOpen, loadRound } from "./load-round";
import type { MonitoringCandidate, MonitoringRound, ReportsIssued, SubjectRef } from "./ports";

/** A department acts for itself only; finance for any department. */
export function expectDepartmentDesk(actor: Actor, departmentId: number) {
  const finance = actor.role === "finance_admin" || actor.role === "finance_staff";
  if (!finance && !(actor.role === "department" && actor.orgId === departmentId))
    throw new AppError("forbidden", "MONITORING_ROLE_NOT_ALLOWED", "只能由本部门或财政选取本部门的监控对象");
}

const keyOf = (s: SubjectRef) => `${s.subjectKind}:${s.id}`;

/**
 * Every asked subject must be one of the candidates and have an approved goal table; the first that is
 * not names itself in the error, and nothing is written.
 */
export function checkSubjects(subjects: readonly SubjectRef[], candidates: readonly MonitoringCandidate[]) {
  const known = new Map(candidates.map((c) => [keyOf(c), c]));
  subjects.forEach((s, i) => {
    const c = known.get(keyOf(s));
    const field = `subjects.${i}`;
    if (!c)
      throw new AppError(
        "validation",
        "MONITORING_SELECTION_INVALID",
        `第 ${i + 1} 项（${s.subjectKind === "project" ? "项目" : "部门整体支出"}编号 ${s.id}）不是本轮次该部门可选的监控对象`,
        { field },
      );
    if (c.goalTableId === null)
      throw new AppError(
        "validation",
        "MONITORING_NO_APPROVED_GOALS",
        `“${c.name}”（${c.code}）没有已批复的绩效目标表，须先完成目标申报审核才能监控`,
        { field, code: c.code },
      );
  });
}

/** Tells each declaring unit about its new monitoring tasks, one notice per organisation. */
export async function noticeIssued(repos: Repos, regionCode: string, round: MonitoringRound, issued: ReportsIssued) {
  const byOrg = new Map<number, number>();
  for (const r of issued.created) byOrg.set(r.orgId, (byOrg.get(r.orgId) ?? 0) + 1);
  await repos.outbox.add(
    regionCode,
    [...byOrg].map(([orgId, n]) => ({
      kind: "assigned" as const,
      taskId: null,
      orgIds: [orgId],
      title: `新的绩效运行监控任务（${n} 项）`,
      body: `请于 ${round.dueOn} 前填报截至${round.cutoffMonth}月的绩效运行监控表`,
      link: `/monitoring/reports?roundId=${round.id}`,
    })),
  );
}

/**
 * 选取监控对象: a department (or finance for it) chooses projects and its department-wide budget to monitor.
 * Each becomes a report, prefilled from the approved goal table, and a task for the organisation that fills
 * it. Subjects already chosen are left as they are.
 */
export async function selectMonitoringSubjects(
  deps: Deps,
  actor: Actor,
  roundId: number,
  departmentId: number,
  subjects: readonly SubjectRef[],
) {
  const scope = authorize(actor, "monitoring.write");
  expectDepartmentDesk(actor, departmentId);
  const round = await loadRound(deps.uow.read, actor.regionCode, roundId);
  expectOpen(round);
  const unique = [...new Map(subjects.map((s) => [keyOf(s), s])).values()];
  const issued = await deps.uow.transaction(async (repos) => {
    const candidates = await repos.monitoring.candidates(scope, roundId, { departmentId });
    checkSubjects(unique, candidates);
    const result = await repos.monitoring.issueReports(
      actor.regionCode,
      roundId,
      unique,
      "department",
      actor.role === "department" ? "department" : "finance",
    );
    await repos.monitoring.followSelections(actor.regionCode, roundId, [departmentId], deps.clock.now());
    await noticeIssued(repos, actor.regionCode, round, result);
    await repos.audit.append(
      result.created.map((r) =>
        auditEntry(actor, deps.clock, {
          action: "select",
          entity: "monitoring_report",
          entityId: r.id,
          after: { roundId, kind: "department", name: r.name },
        }),
      ),
    );
    return result;
  });
  await dispatchSoon(deps);
  return { created: issued.created.length, converted: issued.converted.length, existing: issued.existing };
}
