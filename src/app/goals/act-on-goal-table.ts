import { AppError, notFound, staleVersion } from "../../core/errors";
import { checkGoalTable } from "../../core/goals/quality";
import { goalSnapshot } from "../../core/goals/snapshot";
import type { GoalIndicator } from "../../core/goals/types";
import {
  declarerOf,
  GOAL_ACTION_LABELS,
  type GoalAction,
  type GoalStatus,
  transition,
} from "../../core/goals/workflow";
import type { Role } from "../../core/roles";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectState } from "../expect-state";
import { followReview, type ReviewStep } from "../review/follow-review";
import { dispatchSoon } from "../tasks/dispatch";
import { followGoalTables, noticeGoalTable } from "../tasks/follow";
import { stateOf } from "./get-goal-table";
import { goalRulesFor } from "./goal-rules";
import { feedIndicatorLibrary } from "./library-feed";

/**
 * Submit, approve, return, withdraw or revise a goal table. The workflow in core decides what is
 * allowed; the transition, its comment and per-indicator comments are recorded with the change.
 */
export async function actOnGoalTable(
  deps: Deps,
  actor: Actor,
  id: number,
  input: {
    version: number;
    action: GoalAction;
    comment?: string | undefined;
    indicatorComments?: Record<string, string> | undefined;
  },
) {
  const scope = authorize(actor, "goal.write");
  const record = await deps.uow.read.goals.get(scope, id);
  if (!record) throw notFound("绩效目标表", id);
  // The checks below (workflow, blocking findings) are made on this read: it must be what the client saw.
  const expected = expectState(record, input.version, "该目标表");
  // Per-indicator comments are a reviewer's: they go with a return or an approval only.
  if (Object.keys(input.indicatorComments ?? {}).length > 0 && input.action !== "return" && input.action !== "approve")
    throw new AppError("validation", "REVIEW_ITEM_COMMENTS_NOT_ALLOWED", "逐项意见只能随退回或审核通过填写", {
      field: "indicatorComments",
    });
  const known = new Set(record.table.indicators.map((i) => i.uid));
  for (const uid of Object.keys(input.indicatorComments ?? {}))
    if (!known.has(uid))
      throw new AppError(
        "validation",
        "GOAL_COMMENT_UNKNOWN_INDICATOR",
        "意见所指的指标不在该目标表中（可能已被删除）",
        {
          field: "indicatorComments",
          uid,
        },
      );
  const rules = await goalRulesFor(deps.uow.read, actor.regionCode, record.table.fiscalYear);
  const quality = checkGoalTable(record.table, rules);
  const from = stateOf(record);
  const comment = input.comment?.trim() || undefined;
  const result = transition(from, input.action, {
    role: actor.role,
    subjectKind: record.table.subjectKind,
    declarer: declarerOf(record),
    blockingFindings: quality.errors,
    ...(comment ? { comment } : {}),
  });
  if (!result.ok) {
    throw new AppError(
      result.code === "GOAL_ROLE_NOT_ALLOWED" ? "forbidden" : "validation",
      result.code,
      result.message,
      {
        findings:
          result.code === "GOAL_HAS_ERRORS" ? quality.findings.filter((f) => f.severity === "error") : undefined,
      },
    );
  }
  const acted = await deps.uow.transaction(async (repos) => {
    let targetId = id;
    if (input.action === "revise") {
      const revised = await repos.goals.revise(id, expected, comment ?? "");
      if (revised === null) throw staleVersion("该目标表");
      targetId = revised;
    } else {
      const version = await repos.goals.setState(id, expected, {
        status: result.next.status,
        returnedBy: result.next.returnedBy,
      });
      if (version === null) throw staleVersion("该目标表");
      if (result.next.status === "approved") await feedIndicatorLibrary(repos, actor, deps.clock, id);
    }
    await repos.goals.recordTransition(targetId, {
      actorId: actor.userId,
      actorName: actor.displayName,
      action: input.action,
      fromStatus: from.status,
      toStatus: result.next.status,
      comment: comment ?? null,
      indicatorComments: input.indicatorComments ?? null,
    });
    const step = reviewStepOf(input.action, result.next.status, actor.role, comment ?? null, record.table, {
      ...input.indicatorComments,
    });
    if (step)
      await followReview(repos, actor, { regionCode: actor.regionCode, entity: "goal_table", recordId: id }, step);
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: input.action,
        entity: "goal_table",
        entityId: targetId,
        before: { status: from.status, revision: from.version },
        after: { status: result.next.status, revision: result.next.version },
        reason: comment ?? GOAL_ACTION_LABELS[input.action],
      }),
    ]);
    await followGoalTables(repos, deps.clock, actor.regionCode, [targetId]);
    if (result.next.status === "returned" || result.next.status === "approved")
      await noticeGoalTable(repos, actor.regionCode, targetId, result.next.status, comment);
    return { id: targetId, status: result.next.status, revision: result.next.version };
  });
  await dispatchSoon(deps);
  return acted;
}

/**
 * The step of the review loop an action is: a submission opens a round with the table as submitted (its
 * comment is the 修改说明), a withdrawal closes it, a review adds the reviewer's comments (per indicator,
 * keyed by uid, labelled with the indicator's name) and closes the round unless it goes on to finance.
 * A revision starts a new table, whose rounds start afresh.
 */
function reviewStepOf(
  action: GoalAction,
  next: GoalStatus,
  role: Role,
  comment: string | null,
  table: { overallGoal: string; indicators: readonly GoalIndicator[] },
  itemComments: Record<string, string>,
): ReviewStep | null {
  if (action === "submit") return { kind: "submit", content: goalSnapshot(table), note: comment };
  if (action === "withdraw") return { kind: "withdraw" };
  if (action !== "approve" && action !== "return") return null;
  const name = new Map(table.indicators.map((i) => [i.uid, i.name]));
  return {
    kind: "review",
    outcome: action === "return" ? "returned" : next === "approved" ? "approved" : "forwarded",
    reviewer: role === "department" ? "department" : "finance",
    comment,
    items: Object.entries(itemComments)
      .map(([key, body]) => ({ key, label: name.get(key) ?? "", body: body.trim() }))
      .filter((c) => c.body !== ""),
  };
}
