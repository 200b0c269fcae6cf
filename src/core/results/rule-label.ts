import { fenToWan } from "../money";
import { DEFAULT_GRADE_LABELS, type GradeLabels } from "../selfeval/grade";
import { percentHundredths, percentLabel } from "./percent";
import {
  ADJUSTMENT_ACTION_LABELS,
  type AdjustmentAction,
  EXEMPTION_LABELS,
  RECTIFICATION_TRIGGER_LABELS,
  type ResultRule,
  RULE_KIND_LABELS,
} from "./rules";

/**
 * "核减10%", "可增加至多5%（每项不超过50.00万元）", "暂缓安排": what a rule does, as a reason ends.
 * `hundredths` is the percentage in hundredths of a percent (10% → 1000).
 */
export function actionText(action: AdjustmentAction, hundredths: number, capFen?: number): string {
  const p = percentLabel(hundredths);
  if (action === "cut") return `核减${p}%`;
  if (action === "raise") return `可增加至多${p}%${capFen ? `（每项不超过${fenToWan(capFen)}万元）` : ""}`;
  if (action === "keep") return "维持申请数";
  return ADJUSTMENT_ACTION_LABELS[action];
}

const pct = (p?: number) => percentHundredths(p) ?? 0;

/** A rule in one line, for lists, totals and comparisons: "按评价等级：中 核减10%". */
export function ruleLabel(r: ResultRule, labels: GradeLabels = DEFAULT_GRADE_LABELS): string {
  const kind = RULE_KIND_LABELS[r.kind];
  switch (r.kind) {
    case "grade":
      return `${kind}：${labels[r.grade]} ${actionText(r.action, pct(r.percent), r.capFen)}`;
    case "departmentScore":
      return `${kind}：低于全区平均 ${actionText("cut", pct(r.percent))}`;
    case "rectification":
      return `${kind}：${RECTIFICATION_TRIGGER_LABELS[r.trigger]} ${actionText(r.action, pct(r.percent))}`;
    case "monitoring":
      return `${kind}：红灯未纠偏 ${actionText(r.action, pct(r.percent))}`;
    case "exemption":
      return `${kind}：${EXEMPTION_LABELS[r.exempt]}${r.exempt === "codes" && r.note ? `（${r.note}）` : ""}`;
  }
}
