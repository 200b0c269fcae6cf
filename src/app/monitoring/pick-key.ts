import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { Repos } from "../ports";
import { dispatchSoon } from "../tasks/dispatch";
import { expectOpen, loadRound } from "./load-round";
import type { MonitoringRound, SubjectRef } from "./ports";
import { checkSubjects, noticeIssued } from "./select-subjects";

/** Issues key-monitoring reports for these subjects in the caller's transaction (hand picks and draws alike). */
export async function issueKeyReports(
  repos: Repos,
  deps: Deps,
  actor: Actor,
  round: MonitoringRound,
  subjects: readonly SubjectRef[],
  how: "hand" | "draw",
) {
  const scope = authorize(actor, "monitoring.manage");
  const candidates = await repos.monitoring.candidates(scope, round.id, {});
  checkSubjects(subjects, candidates);
  const result = await repos.monitoring.issueReports(actor.regionCode, round.id, subjects, "key", "finance");
  await noticeIssued(repos, actor.regionCode, round, result);
  await repos.audit.append(
    [...result.created, ...result.converted].map((r) =>
      auditEntry(actor, deps.clock, {
        action: "select",
        entity: "monitoring_report",
        entityId: r.id,
        after: { roundId: round.id, kind: "key", how, name: r.name },
      }),
    ),
  );
  return result;
}

/** 财政重点监控: finance picks projects (or department-wide budgets) itself; a department report of one turns key. */
export async function pickKeyMonitoring(deps: Deps, actor: Actor, roundId: number, subjects: readonly SubjectRef[]) {
  authorize(actor, "monitoring.manage");
  const round = await loadRound(deps.uow.read, actor.regionCode, roundId);
  expectOpen(round);
  const unique = [...new Map(subjects.map((s) => [`${s.subjectKind}:${s.id}`, s])).values()];
  const result = await deps.uow.transaction((repos) => issueKeyReports(repos, deps, actor, round, unique, "hand"));
  await dispatchSoon(deps);
  return { created: result.created.length, converted: result.converted.length, existing: result.existing };
}
