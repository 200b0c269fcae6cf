import { markupReason } from "../imports/cells";
import { isBlankText } from "../review/answerable";
import type { SelfEvalItem } from "./form";
import { hundredthsOf, pointsText, toHundredths } from "./grade";
import type { FormScore } from "./score-form";
import type { ItemScore } from "./score-project";
import { type ScoreTotal, totalOf } from "./total";

/**
 * The review score of a self-evaluation (抽查复核, domain.md §5): the reviewer gives each item its points
 * (or marks it not applicable); the execution rate is a fact and counts as the self-evaluation computed
 * it from the figures as submitted. Same totals and rescaling as the self score, so the two compare.
 */
export interface ReviewItemInput {
  uid: string;
  points: number | null;
  notApplicable: boolean;
  comment: string | null;
}

export interface ReviewScore extends ScoreTotal {
  items: (ItemScore & { uid: string })[];
}

/** What the review score and its checks read of the form: the web passes the review's view of it. */
type ReviewedItem = Pick<SelfEvalItem, "uid" | "name" | "weight">;
type SelfScore = Pick<FormScore, "execution" | "items">;

export function reviewScore(
  form: { items: readonly ReviewedItem[]; selfScore: SelfScore; missingWeight: number },
  review: readonly ReviewItemInput[],
): ReviewScore {
  const byUid = new Map(review.map((r) => [r.uid, r]));
  const items = form.items.map((item): ItemScore & { uid: string } => {
    const r = byUid.get(item.uid);
    const base = { uid: item.uid, weight: item.weight };
    if (r?.notApplicable) return { ...base, status: "notApplicable", points: null, full: false, how: "复核认定不适用" };
    if (!r || r.points === null)
      return { ...base, status: "unscorable", points: null, full: false, how: "尚未复核评分" };
    const h = toHundredths(r.points);
    const w = hundredthsOf(item.weight);
    if (h === null || h < 0n || h > w)
      return {
        ...base,
        status: "unscorable",
        points: null,
        full: false,
        how: `复核得分 ${r.points} 须在 0 至分值 ${pointsText(w)} 之间，最多两位小数`,
      };
    return { ...base, status: "scored", points: r.points, full: h === w, how: `复核评定 ${pointsText(h)} 分` };
  });
  const all: ItemScore[] = form.selfScore.execution ? [form.selfScore.execution, ...items] : items;
  return { ...totalOf(all, form.missingWeight), items };
}

export interface ReviewIssue {
  field: string;
  itemUid: string | null;
  message: string;
  blocks: "save" | "submit";
}

export const MAX_REVIEW_COMMENT = 1000;
export const MAX_GUIDANCE = 5000;

/**
 * The checks of a re-scoring: saving refuses points outside 0–weight, more than two decimals, an item the
 * form does not have, markup or over-long text; submitting needs every item scored (or not applicable), a
 * comment wherever the review differs from the self-evaluation, and the guidance for the unit (指导意见).
 */
export function checkReview(
  input: { guidance: string; items: readonly ReviewItemInput[] },
  form: { items: readonly ReviewedItem[]; selfScore: Pick<SelfScore, "items"> },
  mode: "draft" | "submit",
): ReviewIssue[] {
  const issues: ReviewIssue[] = [];
  const add = (field: string, itemUid: string | null, message: string, blocks: "save" | "submit") =>
    issues.push({ field, itemUid, message, blocks });
  const items = new Map(form.items.map((i) => [i.uid, i]));
  const self = new Map(form.selfScore.items.map((s) => [s.uid, s]));
  const text = (field: string, uid: string | null, label: string, value: string | null, max: number) => {
    if (value === null) return;
    if (value.length > max) add(field, uid, `${label}不能超过 ${max} 个字`, "save");
    const reason = markupReason(value.replace(/\n/g, " "));
    if (reason) add(field, uid, `${label}${reason}`, "save");
  };
  text("guidance", null, "指导意见", input.guidance, MAX_GUIDANCE);
  if (mode === "submit" && isBlankText(input.guidance)) add("guidance", null, "请填写给单位的指导意见", "submit");
  const given = new Map(input.items.map((i) => [i.uid, i]));
  for (const r of input.items) {
    const item = items.get(r.uid);
    if (!item) {
      add(`items.${r.uid}`, r.uid, "所评指标不在该自评表中", "save");
      continue;
    }
    const label = `指标“${item.name}”`;
    text(`items.${r.uid}.comment`, r.uid, `${label}的复核意见`, r.comment, MAX_REVIEW_COMMENT);
    if (r.points !== null) {
      const h = toHundredths(r.points);
      const w = hundredthsOf(item.weight);
      if (h === null) add(`items.${r.uid}.points`, r.uid, `${label}的复核得分最多保留两位小数`, "save");
      else if (h < 0n || h > w)
        add(`items.${r.uid}.points`, r.uid, `${label}的复核得分 ${r.points} 超出分值范围 0—${pointsText(w)}`, "save");
    }
  }
  if (mode === "submit")
    for (const item of form.items) {
      const r = given.get(item.uid);
      const label = `指标“${item.name}”`;
      if (!r || (!r.notApplicable && r.points === null)) {
        add(`items.${item.uid}.points`, item.uid, `${label}尚未复核评分`, "submit");
        continue;
      }
      const s = self.get(item.uid);
      const differs = r.notApplicable ? s?.status !== "notApplicable" : s?.points !== r.points;
      if (differs && isBlankText(r.comment ?? ""))
        add(`items.${item.uid}.comment`, item.uid, `${label}的复核结果与自评不同，请写明复核意见`, "submit");
    }
  return issues;
}
