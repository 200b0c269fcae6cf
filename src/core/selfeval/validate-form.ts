import { markupReason } from "../imports/cells";
import { isBlankText } from "../review/answerable";
import type { FormAnswers, SelfEvalItem } from "./form";
import { toHundredths } from "./grade";
import { QUALITATIVE_TIERS, type SelfEvalRules } from "./rules";
import type { FormScore } from "./score-form";

/**
 * The checks of a self-evaluation form. Saving is refused only for what cannot be stored as entered (a
 * value of the wrong type, points above the indicator's weight or outside the tier, markup, over-long
 * text, answers for an item the form does not have). What is missing (an actual value, the 偏差原因 of
 * an indicator below full points, the overall goal's outcome) blocks the submission only.
 */
export interface FormIssue {
  /** "items.<uid>.actual", "items.<uid>.points", "items.<uid>.note", "overallActual". */
  field: string;
  itemUid: string | null;
  message: string;
  blocks: "save" | "submit";
}

export const MAX_ACTUAL_TEXT = 200;
export const MAX_NOTE_TEXT = 2000;

const blank = (t: string | null | undefined) => t === null || t === undefined || isBlankText(t);

export function checkForm(
  answers: FormAnswers,
  ctx: { items: readonly SelfEvalItem[]; score: FormScore; rules: Pick<SelfEvalRules, "project"> },
  mode: "draft" | "submit",
): FormIssue[] {
  const issues: FormIssue[] = [];
  const items = new Map(ctx.items.map((i) => [i.uid, i]));
  const scores = new Map(ctx.score.items.map((s) => [s.uid, s]));
  const add = (field: string, itemUid: string | null, message: string, blocks: "save" | "submit") =>
    issues.push({ field, itemUid, message, blocks });
  const text = (field: string, uid: string | null, label: string, value: string | null, max: number) => {
    if (value === null) return;
    if (value.length > max) add(field, uid, `${label}不能超过 ${max} 个字（现有 ${value.length} 个）`, "save");
    const reason = markupReason(value.replace(/\n/g, " "));
    if (reason) add(field, uid, `${label}${reason}`, "save");
  };
  text("overallActual", null, "年度总体目标实际完成情况", answers.overallActual, MAX_NOTE_TEXT);
  if (mode === "submit" && blank(answers.overallActual))
    add("overallActual", null, "请填写年度总体目标的实际完成情况", "submit");
  for (const { uid, answers: a } of answers.items) {
    const item = items.get(uid);
    if (!item) {
      add(`items.${uid}`, uid, "所填指标不在该自评表中", "save");
      continue;
    }
    const label = `指标“${item.name}”`;
    text(`items.${uid}.actual`, uid, `${label}的实际完成值`, a.actual, MAX_ACTUAL_TEXT);
    text(`items.${uid}.note`, uid, `${label}的偏差原因分析`, a.note, MAX_NOTE_TEXT);
    if (a.tier !== null && !QUALITATIVE_TIERS.includes(a.tier))
      add(`items.${uid}.tier`, uid, `${label}的档次无效`, "save");
    if (a.points !== null && toHundredths(a.points) === null)
      add(`items.${uid}.points`, uid, `${label}的得分最多保留两位小数`, "save");
    const s = scores.get(uid);
    if (!s || a.notApplicable) {
      if (a.notApplicable && mode === "submit" && blank(a.note))
        add(`items.${uid}.note`, uid, `${label}标为不适用，须在偏差原因中说明理由`, "submit");
      continue;
    }
    if (s.status === "unscorable") {
      const field =
        item.kind === "qualitative" || item.kind === "tiers"
          ? "points"
          : item.kind === "checklist"
            ? "failed"
            : "actual";
      const given = !blank(a.actual) || a.points !== null || (a.failed !== null && item.kind === "checklist");
      // What was typed but cannot count (a wrong type, points outside the tier) is refused at once.
      if (given) add(`items.${uid}.${field}`, uid, `${label}：${s.how}`, "save");
      else if (mode === "submit") add(`items.${uid}`, uid, `${label}：${s.how}`, "submit");
      continue;
    }
    if (mode === "submit" && !s.full && ctx.rules.project.requireDeviationNote && blank(a.note))
      add(`items.${uid}.note`, uid, `${label}未得满分，请填写偏差原因分析及改进措施`, "submit");
  }
  return issues;
}

export const isSavable = (issues: readonly FormIssue[]) => issues.every((i) => i.blocks !== "save");
