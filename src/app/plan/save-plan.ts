import { AppError, staleVersion } from "../../core/errors";
import { PHASE_LABELS, type PlanPhase } from "../../core/plan/phases";
import { inPhaseOrder, type PlanIssue, validatePlan } from "../../core/plan/validate-plan";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";

const invalid = (issues: PlanIssue[]) =>
  new AppError(
    "validation",
    "PLAN_INVALID",
    issues.length === 1 ? issues[0]!.message : `${issues[0]!.message}（共 ${issues.length} 处问题）`,
    { issues },
  );

/**
 * Sets the dates of the year's phases: the whole plan at once, checked as a whole, at the version the
 * client read (0 for a year that has only the default plan). Every change is audited with before and after.
 */
export async function savePlan(
  deps: Deps,
  actor: Actor,
  fiscalYear: number,
  input: { version: number; phases: PlanPhase[] },
) {
  authorize(actor, "plan.manage");
  const phases = inPhaseOrder(input.phases.map((p) => ({ phase: p.phase, startsOn: p.startsOn, endsOn: p.endsOn })));
  const issues = validatePlan(fiscalYear, phases);
  if (issues.length > 0) throw invalid(issues);
  return deps.uow.transaction(async (repos) => {
    const current = await repos.plans.get(actor.regionCode, fiscalYear);
    if (!current) {
      if (input.version !== 0) throw staleVersion("工作安排");
      const created = await repos.plans.insert(actor.regionCode, fiscalYear, phases);
      if (!created) throw staleVersion("工作安排");
      await repos.audit.append([
        auditEntry(actor, deps.clock, {
          action: "create",
          entity: "work_plan",
          entityId: `${fiscalYear}`,
          after: { phases },
        }),
      ]);
      return created;
    }
    if (current.version !== input.version) throw staleVersion("工作安排");
    // A phase already opened keeps a due date no earlier than its start.
    const dueIssues: PlanIssue[] = [];
    for (const p of current.phases) {
      const next = phases.find((n) => n.phase === p.phase);
      if (p.dueOn && next && p.dueOn < next.startsOn)
        dueIssues.push({
          phase: p.phase,
          field: "startsOn",
          message: `「${PHASE_LABELS[p.phase]}」已下达，截止日期为 ${p.dueOn}，开始日期不能晚于截止日期`,
        });
    }
    if (dueIssues.length > 0) throw invalid(dueIssues);
    const version = await repos.plans.update(actor.regionCode, current.id, current.version, phases);
    if (version === null) throw staleVersion("工作安排");
    const before = current.phases.map((p) => ({ phase: p.phase, startsOn: p.startsOn, endsOn: p.endsOn }));
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "update",
        entity: "work_plan",
        entityId: `${fiscalYear}`,
        before: { phases: before },
        after: { phases },
      }),
    ]);
    return (await repos.plans.get(actor.regionCode, fiscalYear))!;
  });
}
