import type { ErrorCode } from "../error-codes";
import type { Role } from "../roles";
import type { ActionKind, Light } from "./types";

/**
 * Follow-up actions (整改措施) of a red or yellow report: finance assigns one with a requirement and a due
 * date; the unit answers with what it did and its evidence (submit); finance closes it, or returns it
 * with a comment. An action to adjust the goal also opens a revision of the approved goal table; it can
 * be closed only once that revision is approved.
 */
export const ACTION_STATUSES = ["open", "submitted", "returned", "closed"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: "待整改",
  submitted: "待财政确认",
  returned: "已退回",
  closed: "已办结",
};

export const ACTION_VERBS = ["submit", "close", "return"] as const;
export type ActionVerb = (typeof ACTION_VERBS)[number];

export type ActionResult = { ok: true; next: ActionStatus } | { ok: false; code: ErrorCode; message: string };

const FINANCE: readonly Role[] = ["finance_admin", "finance_staff"];

/** A report's light must be red or yellow to be given an action. */
export const needsAction = (light: Light) => light === "red" || light === "yellow";

export function actOnAction(
  status: ActionStatus,
  verb: ActionVerb,
  ctx: {
    role: Role;
    /** The role of the organisation that owns the action (the report's declarer). */
    ownerRole: Role;
    kind: ActionKind;
    text: string;
    evidenceCount: number;
    /** For adjust_goal: the revision it opened is approved. */
    goalRevised: boolean;
  },
): ActionResult {
  const fail = (code: ErrorCode, message: string): ActionResult => ({ ok: false, code, message });
  const text = ctx.text.trim();
  if (verb === "submit") {
    if (status !== "open" && status !== "returned") return fail("MONITORING_ACTION_INVALID", "该整改措施当前不能提交");
    if (ctx.role !== ctx.ownerRole) return fail("MONITORING_ROLE_NOT_ALLOWED", "整改情况应由负责整改的单位提交");
    if (text === "") return fail("MONITORING_ACTION_NEEDS_EVIDENCE", "请填写整改情况说明");
    if (ctx.evidenceCount === 0) return fail("MONITORING_ACTION_NEEDS_EVIDENCE", "请上传整改佐证材料");
    return { ok: true, next: "submitted" };
  }
  if (!FINANCE.includes(ctx.role)) return fail("MONITORING_ROLE_NOT_ALLOWED", "整改措施由财政确认办结或退回");
  if (status !== "submitted") return fail("MONITORING_ACTION_INVALID", "单位尚未提交整改情况，不能办结或退回");
  if (verb === "return") {
    if (text === "") return fail("MONITORING_RETURN_NEEDS_COMMENT", "退回时须填写退回意见");
    return { ok: true, next: "returned" };
  }
  if (ctx.kind === "adjust_goal" && !ctx.goalRevised)
    return fail("MONITORING_GOAL_NOT_REVISED", "调整后的绩效目标表尚未批复，暂不能办结");
  return { ok: true, next: "closed" };
}

/** Statuses in which the owner still has to act: an action in one of them past its due day is overdue. */
export const ACTION_OWNER_STATUSES: readonly ActionStatus[] = ["open", "returned"];

/**
 * Overdue: the owning unit still has to act (open or returned) and the due day has passed (`today` is the
 * day in China). An action waiting for finance's confirmation is not the unit's delay.
 */
export const actionOverdue = (a: { status: ActionStatus; dueOn: string }, today: string) =>
  ACTION_OWNER_STATUSES.includes(a.status) && a.dueOn < today;

/** The task of an action follows it: open → 待办, submitted → 已提交, returned → 被退回, closed → 已完成. */
export const ACTION_TASK_STATUS = {
  open: "todo",
  submitted: "submitted",
  returned: "returned",
  closed: "done",
} as const satisfies Record<ActionStatus, string>;

/** How lists of actions sort. */
export const ACTION_SORTS = ["dueOn", "createdAt", "department", "status"] as const;
export type ActionSort = (typeof ACTION_SORTS)[number];
