import type { VersionStatus } from "./types";

/**
 * A version's life: draft → submitted → published, or submitted → returned → (edited: draft) → submitted …
 * A published version is final (the database refuses to change it too); a correction is a new version.
 *
 * Who: the 信息员 who drafted the version (its `draftedBy`) edits, refreshes and submits it, naming a 审核员; only
 * that 审核员 approves or returns it, and the drafter never approves their own version (four eyes: refused
 * when the approver is chosen, and again by the database).
 */
export const VERSION_ACTIONS = ["edit", "refresh", "submit", "approve", "return"] as const;
export type VersionAction = (typeof VERSION_ACTIONS)[number];

export const VERSION_ACTION_LABELS: Record<VersionAction, string> = {
  edit: "修改",
  refresh: "更新数据",
  submit: "提交审核",
  approve: "审核发布",
  return: "退回",
};

const NEXT: Record<VersionAction, { from: readonly VersionStatus[]; to: VersionStatus }> = {
  edit: { from: ["draft", "returned"], to: "draft" },
  refresh: { from: ["draft", "returned"], to: "draft" },
  submit: { from: ["draft", "returned"], to: "submitted" },
  approve: { from: ["submitted"], to: "published" },
  return: { from: ["submitted"], to: "returned" },
};

/** The status an action leads to, or null when the version's status does not allow it. */
export function nextVersionStatus(status: VersionStatus, action: VersionAction): VersionStatus | null {
  const t = NEXT[action];
  return t.from.includes(status) ? t.to : null;
}

/** A version not yet published: at most one per publication (a partial unique index holds it). */
export const isOpenVersion = (status: VersionStatus) => status !== "published";

export interface VersionParties {
  status: VersionStatus;
  draftedBy: number;
  approverId: number | null;
}

/** The actions this user may take on a version in its status, as the drafter or the chosen approver. */
export function allowedVersionActions(v: VersionParties, userId: number | null): VersionAction[] {
  if (userId === null) return [];
  const actions: VersionAction[] = [];
  if (v.draftedBy === userId)
    for (const a of ["edit", "refresh", "submit"] as const) if (nextVersionStatus(v.status, a)) actions.push(a);
  if (v.approverId === userId && v.draftedBy !== userId)
    for (const a of ["approve", "return"] as const) if (nextVersionStatus(v.status, a)) actions.push(a);
  return actions;
}

/** Days the drafter and the approver are given for their step (the due day of their task). */
export const DRAFT_DAYS = 10;
export const APPROVE_DAYS = 5;

/** Limits of what a drafter types (characters). */
export const MAX_TITLE = 200;
export const MAX_INTRO = 5_000;
export const MAX_BLOCKS = 200;
export const MAX_BLOCK_TEXT = 5_000;
export const MAX_NOTE = 2_000;
