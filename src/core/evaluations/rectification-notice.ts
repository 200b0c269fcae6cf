import { isCalendarDate } from "../calendar";
import { markupReason } from "../imports/cells";
import type { RectificationStatus } from "./rectification";

/** A notice holds 1 to 50 items: more would be several notices' worth of work. */
export const MAX_RECTIFICATION_ITEMS = 50;
export const MAX_RECTIFICATION_TITLE = 200;
export const MAX_RECTIFICATION_TEXT = 2000;

export interface NoticeInput {
  title: string;
  items: readonly { problem: string; requirement: string; deadline: string }[];
}

export interface NoticeIssue {
  /** The item's position (1-based), absent for the notice's own fields. */
  item?: number;
  field: string;
  message: string;
}

/** The last deadline a notice of this fiscal year may set: the end of the second year after it. */
export const lastDeadline = (fiscalYear: number) => `${fiscalYear + 2}-12-31`;

function checkText(value: string, label: string, field: string, max: number, where: string): string | null {
  if (value === "") return `${where}请填写${label}（${field}）`;
  if (value.length > max) return `${where}${label}（${field}）不能超过 ${max} 字`;
  // Line breaks and tabs are how a long text is typed; markup and formulas are refused as elsewhere.
  const markup = markupReason(value.replace(/[\r\n\t]/g, " "));
  return markup ? `${where}${label}（${field}）含有${markup}，请删除后再保存` : null;
}

/**
 * Checks a notice before anything is written: the title, 1..50 items, each with its problem, the action it
 * requires and a deadline between the issue day (today, China) and the end of the second year after the
 * fiscal year. Every issue names the item (第n项) and the field.
 */
export function checkNotice(input: NoticeInput, fiscalYear: number, today: string): NoticeIssue[] {
  const issues: NoticeIssue[] = [];
  const title = checkText(input.title.trim(), "通知标题", "title", MAX_RECTIFICATION_TITLE, "");
  if (title) issues.push({ field: "title", message: title });
  if (input.items.length === 0) issues.push({ field: "items", message: "整改通知至少须列出一项整改事项（items）" });
  if (input.items.length > MAX_RECTIFICATION_ITEMS)
    issues.push({
      field: "items",
      message: `一份整改通知最多 ${MAX_RECTIFICATION_ITEMS} 项整改事项，现有 ${input.items.length} 项，请分为多份通知`,
    });
  const last = lastDeadline(fiscalYear);
  input.items.slice(0, MAX_RECTIFICATION_ITEMS).forEach((it, i) => {
    const n = i + 1;
    const where = `第${n}项：`;
    for (const [field, label] of [
      ["problem", "存在问题"],
      ["requirement", "整改要求"],
    ] as const) {
      const m = checkText(it[field].trim(), label, field, MAX_RECTIFICATION_TEXT, where);
      if (m) issues.push({ item: n, field, message: m });
    }
    const d = it.deadline.trim();
    if (!isCalendarDate(d))
      issues.push({
        item: n,
        field: "deadline",
        message: `${where}整改期限（deadline）不是有效日期（应为 YYYY-MM-DD）：${d}`,
      });
    else if (d < today)
      issues.push({ item: n, field: "deadline", message: `${where}整改期限（deadline）${d} 早于下达日（${today}）` });
    else if (d > last)
      issues.push({
        item: n,
        field: "deadline",
        message: `${where}整改期限（deadline）${d} 晚于 ${fiscalYear} 年度整改的最晚期限（${last}）`,
      });
  });
  return issues;
}

/** The task of an item follows it: issued → 待办, answered → 已提交, returned → 被退回, accepted → 已完成. */
export const RECTIFICATION_TASK_STATUS = {
  issued: "todo",
  answered: "submitted",
  returned: "returned",
  accepted: "done",
} as const satisfies Record<RectificationStatus, string>;

/** How lists of notices and items sort. */
export const RECTIFICATION_SORTS = ["deadline", "issuedAt", "unit", "status"] as const;
export type RectificationSort = (typeof RECTIFICATION_SORTS)[number];
