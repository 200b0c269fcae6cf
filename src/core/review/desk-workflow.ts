import type { ErrorCode } from "../error-codes";
import { ROLE_LABELS, type Role } from "../roles";

/**
 * The two-desk approval of a declared record (monitoring reports now; self-evaluations and evaluations
 * later): the declarer submits, the competent department approves or returns, then finance approves or
 * returns. What a department declares itself goes straight to finance. A returned record is back in its
 * declarer's hands and goes through both desks again. Goal tables keep their own copy of this machine
 * (core/goals/workflow.ts), which adds revisions after approval.
 */
export const DESK_STATUSES = ["draft", "submitted", "dept_approved", "returned", "approved"] as const;
export type DeskStatus = (typeof DESK_STATUSES)[number];

export const DESK_ACTIONS = ["submit", "approve", "return", "withdraw"] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

export type DeskDeclarer = "unit" | "department";
export type DeskReviewer = "department" | "finance";

export interface DeskState {
  status: DeskStatus;
  /** Which desk returned it; null unless `returned`. */
  returnedBy: DeskReviewer | null;
}

/** What a module names and answers: its record's noun, status and action labels, and its error codes. */
export interface DeskWorkflowSpec {
  noun: string;
  statusLabels: Record<DeskStatus, string>;
  actionLabels: Record<DeskAction, string>;
  codes: { invalid: ErrorCode; role: ErrorCode; hasErrors: ErrorCode; returnNeedsComment: ErrorCode };
}

export interface DeskContext {
  role: Role;
  declarer: DeskDeclarer;
  /** Required to return; recorded for every transition. */
  comment?: string | undefined;
  /** Issues that block submission (the module's checks); `submit` requires 0. */
  blockingIssues: number;
}

export type DeskResult = { ok: true; next: DeskState } | { ok: false; code: ErrorCode; message: string };

const FINANCE: readonly Role[] = ["finance_admin", "finance_staff"];

interface Edge {
  from: DeskStatus;
  action: DeskAction;
  roles: readonly Role[];
  to: DeskStatus;
  returnedBy?: DeskReviewer;
}

const EDGES: Record<DeskDeclarer, readonly Edge[]> = {
  unit: [
    { from: "draft", action: "submit", roles: ["unit"], to: "submitted" },
    { from: "returned", action: "submit", roles: ["unit"], to: "submitted" },
    { from: "submitted", action: "withdraw", roles: ["unit"], to: "draft" },
    { from: "submitted", action: "approve", roles: ["department"], to: "dept_approved" },
    { from: "submitted", action: "return", roles: ["department"], to: "returned", returnedBy: "department" },
    { from: "dept_approved", action: "approve", roles: FINANCE, to: "approved" },
    { from: "dept_approved", action: "return", roles: FINANCE, to: "returned", returnedBy: "finance" },
  ],
  department: [
    { from: "draft", action: "submit", roles: ["department"], to: "dept_approved" },
    { from: "returned", action: "submit", roles: ["department"], to: "dept_approved" },
    { from: "dept_approved", action: "withdraw", roles: ["department"], to: "draft" },
    { from: "dept_approved", action: "approve", roles: FINANCE, to: "approved" },
    { from: "dept_approved", action: "return", roles: FINANCE, to: "returned", returnedBy: "finance" },
  ],
};

/** The role that fills, submits and withdraws a record of each declarer. */
export const DESK_DECLARER_ROLE: Record<DeskDeclarer, Role> = { unit: "unit", department: "department" };

export function deskWorkflow(spec: DeskWorkflowSpec) {
  const fail = (code: ErrorCode, message: string): DeskResult => ({ ok: false, code, message });
  return {
    /** Applies one action: it exists from this status, the role may take it, then what it requires. */
    transition(state: DeskState, action: DeskAction, ctx: DeskContext): DeskResult {
      const edge = EDGES[ctx.declarer].find((e) => e.from === state.status && e.action === action);
      const label = spec.actionLabels[action] ?? action;
      if (!edge)
        return fail(
          spec.codes.invalid,
          `${spec.noun}当前状态为“${spec.statusLabels[state.status] ?? state.status}”，不能${label}`,
        );
      if (!edge.roles.includes(ctx.role)) {
        const allowed = edge.roles.map((r) => ROLE_LABELS[r]).join("或");
        return fail(
          spec.codes.role,
          `${ROLE_LABELS[ctx.role] ?? ctx.role}不能${label}此${spec.noun}，应由${allowed}办理`,
        );
      }
      if (action === "submit" && ctx.blockingIssues > 0)
        return fail(spec.codes.hasErrors, `${spec.noun}还有 ${ctx.blockingIssues} 处须填写或改正，完成后才能提交`);
      if (action === "return" && (ctx.comment ?? "").trim() === "")
        return fail(spec.codes.returnNeedsComment, "退回时须填写退回意见，说明需要修改的内容");
      return { ok: true, next: { status: edge.to, returnedBy: edge.returnedBy ?? null } };
    },
    /** The buttons a role sees on a record in this state. */
    allowedActions(state: DeskState, role: Role, declarer: DeskDeclarer): DeskAction[] {
      return EDGES[declarer].filter((e) => e.from === state.status && e.roles.includes(role)).map((e) => e.action);
    },
    /** Only the declarer edits, and only a draft or a returned record. */
    isEditable(state: DeskState, role: Role, declarer: DeskDeclarer): boolean {
      return (state.status === "draft" || state.status === "returned") && DESK_DECLARER_ROLE[declarer] === role;
    },
    /** "已退回（主管部门）": the status as a list shows it. */
    statusText(state: DeskState): string {
      const label = spec.statusLabels[state.status];
      if (state.status !== "returned" || !state.returnedBy) return label;
      return `${label}（${state.returnedBy === "department" ? "主管部门" : "财政"}）`;
    },
  };
}
