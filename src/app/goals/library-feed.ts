import { auditEntry } from "../audit/entry";
import type { Actor, Clock } from "../context";
import type { Repos } from "../ports";

/**
 * A goal table was just approved: its indicators join the library (uses +1, last year), inside the
 * approval's transaction so the library never counts an approval that did not commit.
 */
export async function feedIndicatorLibrary(repos: Repos, actor: Actor, clock: Clock, goalTableId: number) {
  const fed = await repos.indicatorLibrary.feedFromTable(goalTableId);
  await repos.audit.append([
    auditEntry(actor, clock, {
      action: "feed",
      entity: "indicator_library",
      entityId: `goal_table:${goalTableId}`,
      after: fed,
      reason: "目标表批复，指标汇入指标库",
    }),
  ]);
  return fed;
}
