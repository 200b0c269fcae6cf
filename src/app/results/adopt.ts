import { dateInChina } from "../../core/calendar";
import { AppError } from "../../core/errors";
import { fenToWan } from "../../core/money";
import { ADJUSTMENT_ACTION_LABELS } from "../../core/results/rules";
import { pointsText } from "../../core/selfeval/grade";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { dispatchSoon } from "../tasks/dispatch";
import { presentAdoption } from "./present";
import { loadRuleSet } from "./rule-sets";
import { runSimulation } from "./simulate-rule-set";

/** Units are given a week to read their adjustments (the task is a notice, not a form). */
const NOTICE_DAYS = 7;

export interface AdoptInput {
  fiscalYear: number;
  ruleSetId: number;
  /** The adoption this one replaces: required once the year has one, so a second adoption is never by accident. */
  replaces?: number | undefined;
  /** Why: required when replacing. */
  reason: string;
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * 采纳: finance adopts a rule set for the year. The simulation is run once more on the data as it is now and
 * its rows are frozen: project, request, cut, new amount, reason and evidence are copied into the list, so
 * nothing recomputes it later. A year has one current adoption; a change is a new adoption that names the one
 * it replaces and says why (the old list stays readable, its open notices are closed). Each unit whose project
 * is cut or raised gets a 预算调整告知 task in its inbox. Two adoptions at once: the unique index lets one win.
 */
export async function adoptRuleSet(deps: Deps, actor: Actor, input: AdoptInput) {
  authorize(actor, "results.manage");
  const reason = input.reason.trim();
  const ruleSet = await loadRuleSet(deps, actor, input.ruleSetId);
  const { simulation, gathered, rows } = await runSimulation(deps, actor, input.fiscalYear, ruleSet);
  const now = deps.clock.now();
  const dueOn = addDays(dateInChina(now), NOTICE_DAYS);

  const adoptionId = await deps.uow.transaction(async (repos) => {
    const adoptions = await repos.results.adoptions(actor.regionCode, input.fiscalYear);
    const current = adoptions.find((a) => a.status === "current") ?? null;
    if (current && input.replaces === undefined)
      throw new AppError(
        "conflict",
        "RESULT_ALREADY_ADOPTED",
        `${input.fiscalYear}年度已采纳“${current.ruleSet.name}（第${current.ruleSet.version}版）”（第${current.seq}次采纳）。如需变更，请作为新的采纳提交并说明理由`,
      );
    if (input.replaces !== undefined && input.replaces !== current?.id)
      throw new AppError(
        "conflict",
        "RESULT_ALREADY_ADOPTED",
        current
          ? `要替换的采纳已不是现行采纳（现行为第${current.seq}次采纳），请刷新后再试`
          : `${input.fiscalYear}年度尚无现行采纳，无可替换`,
      );
    if (current && reason === "")
      throw new AppError("validation", "RESULT_ADOPTION_INVALID", "变更采纳须写明理由", { field: "reason" });
    if (reason.length > 500)
      throw new AppError("validation", "RESULT_ADOPTION_INVALID", "理由最多 500 个字", { field: "reason" });
    if (current && !(await repos.results.supersede(actor.regionCode, current.id, now)))
      throw new AppError("conflict", "RESULT_ALREADY_ADOPTED", "现行采纳刚被他人变更，请刷新后再试");
    const seq = Math.max(0, ...adoptions.map((a) => a.seq)) + 1;
    const snapshot = {
      ruleSet: { name: ruleSet.name, version: ruleSet.version, rules: ruleSet.rules },
      average: simulation.average === null ? null : pointsText(simulation.average),
      departments: gathered.ranking.rows.map((d) => ({
        departmentId: d.departmentId,
        departmentName: d.departmentName,
        score: d.score === null ? null : pointsText(d.score),
        rank: d.rank,
        belowAverage: d.belowAverage,
      })),
      totals: simulation.totals,
    };
    const id = await repos.results.insertAdoption(actor.regionCode, {
      fiscalYear: input.fiscalYear,
      seq,
      ruleSetId: ruleSet.id,
      reason,
      average: simulation.average,
      deptScoreVersion: gathered.templateVersion,
      snapshot,
      adoptedBy: actor.userId,
    });
    if (id === null)
      throw new AppError("conflict", "RESULT_ALREADY_ADOPTED", `${input.fiscalYear}年度刚被他人采纳，请刷新后查看`);
    await repos.results.insertAdjustments(actor.regionCode, id, rows);
    const tasks = await repos.results.issueAdjustmentTasks(
      actor.regionCode,
      input.fiscalYear,
      id,
      dueOn,
      current?.id ?? null,
    );
    const rowOf = new Map(rows.map((r) => [r.projectCode, r]));
    await repos.outbox.add(
      actor.regionCode,
      tasks.map((t) => {
        const r = rowOf.get(t.projectCode);
        const what = r
          ? `${ADJUSTMENT_ACTION_LABELS[r.action]}${fenToWan(r.cut > 0 ? r.cut : r.raise)}万元：${r.reason}`
          : "请查看调整情况和理由";
        return {
          kind: "assigned" as const,
          taskId: t.taskId,
          orgIds: [t.orgId],
          title: `新任务：${t.title}`,
          body: what,
          link: `/tasks/${t.taskId}`,
        };
      }),
    );
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: current ? "readopt" : "adopt",
        entity: "result_adoption",
        entityId: id,
        before: current ? { adoptionId: current.id, seq: current.seq, ruleSet: current.ruleSet } : null,
        after: {
          seq,
          ruleSet: { id: ruleSet.id, name: ruleSet.name, version: ruleSet.version },
          projectsAdjusted: simulation.totals.adjusted,
          cut: simulation.totals.cut,
          raise: simulation.totals.raise,
        },
        reason: reason || null,
      }),
    ]);
    return id;
  });
  await dispatchSoon(deps);
  const adoption = await deps.uow.read.results.adoption(actor.regionCode, adoptionId);
  return presentAdoption(adoption!);
}
