/**
 * 整改: a notice to a unit lists items, each with the action it requires and a deadline. The unit answers each
 * item (measures and evidence); finance accepts it or sends it back. Overdue is computed, never stored: an item
 * not answered nor accepted after its deadline day (China's date) is overdue from the next day on.
 */
export const RECTIFICATION_STATUSES = ["issued", "answered", "accepted", "returned"] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  issued: "待整改",
  answered: "已反馈",
  accepted: "已验收",
  returned: "退回重改",
};

/** Where a problem came from: a key or department evaluation, a spot-check review, monitoring. */
export const RECTIFICATION_SOURCES = ["evaluation", "review", "monitoring"] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];
export const RECTIFICATION_SOURCE_LABELS: Record<RectificationSource, string> = {
  evaluation: "绩效评价",
  review: "抽查复核",
  monitoring: "绩效监控",
};

export type RectificationAction = "answer" | "accept" | "return";

const NEXT: Record<RectificationAction, { from: readonly RectificationStatus[]; to: RectificationStatus }> = {
  answer: { from: ["issued", "returned"], to: "answered" },
  accept: { from: ["answered"], to: "accepted" },
  return: { from: ["answered"], to: "returned" },
};

/** The status an action leads to, or null when the item's status does not allow it. */
export function nextRectificationStatus(
  status: RectificationStatus,
  action: RectificationAction,
): RectificationStatus | null {
  const t = NEXT[action];
  return t.from.includes(status) ? t.to : null;
}

/** Overdue: still the unit's to do (issued or returned) and today (China) is after the deadline day. */
export function isOverdue(item: { status: RectificationStatus; deadline: string }, today: string): boolean {
  return (item.status === "issued" || item.status === "returned") && today > item.deadline;
}

export interface RectificationCounts {
  items: number;
  issued: number;
  answered: number;
  accepted: number;
  returned: number;
  overdue: number;
}

export function countRectification(
  items: readonly { status: RectificationStatus; deadline: string }[],
  today: string,
): RectificationCounts {
  const c: RectificationCounts = { items: 0, issued: 0, answered: 0, accepted: 0, returned: 0, overdue: 0 };
  for (const it of items) {
    c.items += 1;
    c[it.status] += 1;
    if (isOverdue(it, today)) c.overdue += 1;
  }
  return c;
}
