import type { ErrorCode } from "../error-codes";
import { ROLE_LABELS, type Role } from "../roles";
import type { GoalSubjectKind } from "./types";

/**
 * The approval workflow of a goal table (design.md §3: allowed transitions, who may make them, what
 * each requires). The app layer records every transition (from, to, action, actor, comment) in the
 * audit log in the same transaction.
 *
 * Project tables: the unit submits (→ submitted), its department approves (→ dept_approved) or returns,
 * then finance approves (→ approved) or returns.
 *
 * Tables the department declares itself: its department-wide table, and the tables of projects it
 * implements itself (the project's unit is the department). The department is both the declarer and the
 * competent department, so there is no department review: its submission goes straight to
 * `dept_approved` (待财政审核, awaiting finance), and `submitted` is never reached. Finance then approves
 * or returns as for a unit's project.
 *
 * A returned table is back in the submitter's hands: editable like a draft and submitted again from
 * the start (a project table returned by finance goes through its department again, so the department
 * sees what changed). `returnedBy` says who returned it.
 *
 * After approval a change needs `revise`: a new version starts in draft with a reason; the approved
 * version is kept by the caller as history.
 */
export const GOAL_STATUSES = ["draft", "submitted", "dept_approved", "returned", "approved"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  draft: "草稿",
  submitted: "待主管部门审核",
  dept_approved: "待财政审核",
  returned: "已退回",
  approved: "已批复",
};

export const GOAL_ACTIONS = ["submit", "approve", "return", "revise", "withdraw"] as const;
export type GoalAction = (typeof GOAL_ACTIONS)[number];

export const GOAL_ACTION_LABELS: Record<GoalAction, string> = {
  submit: "提交",
  approve: "审核通过",
  return: "退回",
  revise: "调整（生成新版本）",
  withdraw: "撤回",
};

export type GoalReturnedBy = "department" | "finance";

export const GOAL_RETURNED_BY_LABELS: Record<GoalReturnedBy, string> = { department: "主管部门", finance: "财政" };

export interface GoalTableState {
  status: GoalStatus;
  /** 1 for the first declaration; each revision after approval adds 1. */
  version: number;
  /** Who returned the table; null unless status is `returned`. */
  returnedBy: GoalReturnedBy | null;
}

export const INITIAL_GOAL_STATE: GoalTableState = { status: "draft", version: 1, returnedBy: null };

/** Who declares a table, and so which route its approval takes. */
export type GoalDeclarer = "unit" | "department";

/**
 * A department-wide table and a project the department implements itself (unit = department) are
 * declared by the department; every other project table by its unit.
 */
export const declarerOf = (r: {
  table: { subjectKind: GoalSubjectKind };
  unitCode: string;
  departmentCode: string;
}): GoalDeclarer => (r.table.subjectKind === "deptWide" || r.unitCode === r.departmentCode ? "department" : "unit");

export interface GoalTransitionContext {
  role: Role;
  subjectKind: GoalSubjectKind;
  declarer: GoalDeclarer;
  /** Required for `return` (退回意见) and `revise` (调整原因); recorded for every transition. */
  comment?: string;
  /** Errors from checkGoalTable on the table as it stands; `submit` requires 0. */
  blockingFindings: number;
}

export type GoalTransitionResult = { ok: true; next: GoalTableState } | { ok: false; code: ErrorCode; message: string };

const FINANCE: readonly Role[] = ["finance_admin", "finance_staff"];

/** The role that submits, edits, withdraws and revises a table of each declarer. */
export const GOAL_SUBMITTER: Record<GoalDeclarer, Role> = { unit: "unit", department: "department" };

interface Edge {
  from: GoalStatus;
  action: GoalAction;
  roles: readonly Role[];
  to: (state: GoalTableState) => GoalTableState;
}

const toStatus =
  (status: GoalStatus, returnedBy: GoalReturnedBy | null = null) =>
  (s: GoalTableState): GoalTableState => ({ status, version: s.version, returnedBy });

// A revision is a new version in draft; the approved one stays as it was.
const newVersion = (s: GoalTableState): GoalTableState => ({
  status: "draft",
  version: s.version + 1,
  returnedBy: null,
});

const EDGES: Record<GoalDeclarer, readonly Edge[]> = {
  unit: [
    { from: "draft", action: "submit", roles: ["unit"], to: toStatus("submitted") },
    { from: "returned", action: "submit", roles: ["unit"], to: toStatus("submitted") },
    { from: "submitted", action: "withdraw", roles: ["unit"], to: toStatus("draft") },
    { from: "submitted", action: "approve", roles: ["department"], to: toStatus("dept_approved") },
    { from: "submitted", action: "return", roles: ["department"], to: toStatus("returned", "department") },
    { from: "dept_approved", action: "approve", roles: FINANCE, to: toStatus("approved") },
    { from: "dept_approved", action: "return", roles: FINANCE, to: toStatus("returned", "finance") },
    { from: "approved", action: "revise", roles: ["unit"], to: newVersion },
  ],
  department: [
    { from: "draft", action: "submit", roles: ["department"], to: toStatus("dept_approved") },
    { from: "returned", action: "submit", roles: ["department"], to: toStatus("dept_approved") },
    { from: "dept_approved", action: "withdraw", roles: ["department"], to: toStatus("draft") },
    { from: "dept_approved", action: "approve", roles: FINANCE, to: toStatus("approved") },
    { from: "dept_approved", action: "return", roles: FINANCE, to: toStatus("returned", "finance") },
    { from: "approved", action: "revise", roles: ["department"], to: newVersion },
  ],
};

const SUBJECT_LABELS: Record<GoalSubjectKind, string> = { project: "项目", deptWide: "部门整体" };

/** "已退回（主管部门）", "待财政审核": the status as the list shows it. */
export function goalStatusText(state: GoalTableState): string {
  const label = GOAL_STATUS_LABELS[state.status];
  return state.status === "returned" && state.returnedBy
    ? `${label}（${GOAL_RETURNED_BY_LABELS[state.returnedBy]}）`
    : label;
}

const fail = (code: ErrorCode, message: string): GoalTransitionResult => ({ ok: false, code, message });

/**
 * Applies one action. Checks, in order: the action exists from this status for this kind of table
 * (GOAL_INVALID_TRANSITION), the role may take it (GOAL_ROLE_NOT_ALLOWED), then what it requires:
 * no blocking findings to submit (GOAL_HAS_ERRORS), a comment to return (GOAL_RETURN_NEEDS_COMMENT),
 * a reason to revise (GOAL_REVISE_NEEDS_REASON).
 */
export function transition(
  state: GoalTableState,
  action: GoalAction,
  ctx: GoalTransitionContext,
): GoalTransitionResult {
  const edges = EDGES[ctx.declarer] ?? [];
  const edge = edges.find((e) => e.from === state.status && e.action === action);
  const actionLabel = GOAL_ACTION_LABELS[action] ?? action;
  if (!edge) {
    const status = GOAL_STATUS_LABELS[state.status] ?? state.status;
    return fail(
      "GOAL_INVALID_TRANSITION",
      `${SUBJECT_LABELS[ctx.subjectKind] ?? ""}绩效目标表当前状态为“${status}”，不能${actionLabel}`,
    );
  }
  if (!edge.roles.includes(ctx.role)) {
    const who = ROLE_LABELS[ctx.role] ?? ctx.role;
    const allowed = edge.roles.map((r) => ROLE_LABELS[r]).join("或");
    return fail("GOAL_ROLE_NOT_ALLOWED", `${who}不能${actionLabel}此绩效目标表，应由${allowed}办理`);
  }
  const comment = (ctx.comment ?? "").trim();
  if (action === "submit" && ctx.blockingFindings > 0) {
    return fail("GOAL_HAS_ERRORS", `绩效目标表还有 ${ctx.blockingFindings} 项错误未改正，改正后才能提交`);
  }
  if (action === "return" && comment === "") {
    return fail("GOAL_RETURN_NEEDS_COMMENT", "退回时须填写退回意见，说明需要修改的内容");
  }
  if (action === "revise" && comment === "") {
    return fail("GOAL_REVISE_NEEDS_REASON", "调整已批复的绩效目标须填写调整原因");
  }
  return { ok: true, next: edge.to(state) };
}

/**
 * The actions a role may take on a table in this state: the buttons to show. Requirements that depend
 * on input (a comment, no blocking findings) are checked by transition when the button is used.
 */
export function allowedActions(state: GoalTableState, role: Role, declarer: GoalDeclarer): GoalAction[] {
  return (EDGES[declarer] ?? []).filter((e) => e.from === state.status && e.roles.includes(role)).map((e) => e.action);
}

/** Only the declarer edits, and only a draft or a returned table. */
export function isEditable(state: GoalTableState, role: Role, declarer: GoalDeclarer): boolean {
  return (state.status === "draft" || state.status === "returned") && GOAL_SUBMITTER[declarer] === role;
}
