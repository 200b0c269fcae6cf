import { AppError } from "../../core/errors";
import { checkOverride } from "../../core/evaluations/scores";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectVersion } from "../expect-state";
import { getEvaluation, readEvaluation } from "./read-evaluation";

/**
 * Finance overrides the experts' mean with a reason (or withdraws its override with null) before the
 * evaluation is final. Both the mean and the override are kept and shown.
 */
export async function overrideScore(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { version: number; points: number | null; reason: string | null },
) {
  authorize(actor, "evaluation.manage");
  const reason = input.points === null ? null : (input.reason ?? "").trim();
  const problem = checkOverride(input.points, reason);
  if (problem)
    throw new AppError("validation", "EVALUATION_OVERRIDE_INVALID", problem, {
      field: problem.includes("理由") ? "reason" : "points",
    });
  await deps.uow.transaction(async (repos) => {
    const e = await readEvaluation(repos, actor, id);
    if (e.kind !== "key")
      throw new AppError("conflict", "EVALUATION_INVALID_TRANSITION", "只有财政重点评价可以调整得分");
    const locked = await repos.evaluations.lock(actor.regionCode, id);
    if (!locked || locked.status === "final")
      throw new AppError("conflict", "EVALUATION_NOT_EDITABLE", "评价已定稿，得分不能再调整");
    expectVersion(locked, input.version, "评价");
    const next = await repos.evaluations.setOverride(actor.regionCode, id, input.version, input.points, reason);
    if (next === null) throw new AppError("conflict", "STALE_VERSION", "评价已被他人修改，请刷新后重试");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "override",
        entity: "evaluation",
        entityId: id,
        before: { points: e.overridePoints, reason: e.overrideReason },
        after: { points: input.points, reason },
        reason,
      }),
    ]);
  });
  return getEvaluation(deps, actor, id);
}
