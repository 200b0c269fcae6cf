import { dateInChina } from "../../core/calendar";
import { defaultPlan, PHASE_LABELS, type Phase } from "../../core/plan/phases";
import type { TaskKind } from "../../core/tasks/tasks";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";

/** The phases whose work is issued as tasks, and the kind of those tasks. */
export const PHASE_TASK_KIND: Partial<Record<Phase, TaskKind>> = { goal_declaration: "goal_declaration" };

/**
 * The year's plan as the timeline shows it: each phase with its dates, whether it is under way, and the
 * progress of its tasks within the caller's scope. A year without a stored plan shows the default one
 * (version 0) until finance saves or opens it.
 */
export async function getPlan(deps: Deps, actor: Actor, fiscalYear: number) {
  const scope = authorize(actor, "plan.read");
  const stored = await deps.uow.read.plans.get(actor.regionCode, fiscalYear);
  const phases = stored?.phases ?? defaultPlan(fiscalYear).map((p) => ({ ...p, dueOn: null, openedAt: null }));
  const today = dateInChina(deps.clock.now());
  const progress = await Promise.all(
    phases.map(async (p) => {
      const kind = PHASE_TASK_KIND[p.phase];
      if (!kind || !p.openedAt) return null;
      const rows = await deps.uow.read.tasks.progress(scope, fiscalYear, kind, today);
      const sum = (key: "total" | "submitted" | "done" | "returned" | "overdue") =>
        rows.reduce((n, r) => n + r[key], 0);
      return {
        total: sum("total"),
        submitted: sum("submitted"),
        done: sum("done"),
        returned: sum("returned"),
        overdue: sum("overdue"),
      };
    }),
  );
  return {
    fiscalYear,
    stored: stored !== null,
    version: stored?.version ?? 0,
    updatedAt: stored?.updatedAt ?? null,
    today,
    phases: phases.map((p, i) => ({
      ...p,
      label: PHASE_LABELS[p.phase],
      state: today < p.startsOn ? ("upcoming" as const) : today > p.endsOn ? ("past" as const) : ("current" as const),
      progress: progress[i] ?? null,
    })),
  };
}
