import { type Fen, fenToWan } from "../money";
import type { ReviewSnapshot } from "../review/snapshot";
import type { FormAnswers, SelfEvalFigures, SelfEvalItem } from "./form";
import type { TierBand } from "./rules";
import type { FormScore } from "./score-form";

const wan = (fen: Fen) => fenToWan(fen);

/**
 * A self-evaluation form as a review snapshot: the figures it was filled against (万元 text), the overall
 * goal's outcome and the total, and each item keyed by its uid with the answers and its points, so "与退回时
 * 对比" shows what the unit changed and what it did to the score.
 */
export function selfEvalSnapshot(form: {
  answers: FormAnswers;
  items: readonly SelfEvalItem[];
  figures: SelfEvalFigures;
  score: FormScore;
  tiers: readonly TierBand[];
}): ReviewSnapshot {
  const answers = new Map(form.answers.items.map((i) => [i.uid, i.answers]));
  const scores = new Map(form.score.items.map((s) => [s.uid, s]));
  const tierLabel = new Map(form.tiers.map((t) => [t.tier, t.label]));
  return {
    fields: {
      overallActual: form.answers.overallActual,
      adjustedBudget: wan(form.figures.adjustedBudget),
      executed: wan(form.figures.executed),
      total: form.score.total,
    },
    items: form.items.map((item) => {
      const a = answers.get(item.uid);
      return {
        key: item.uid,
        label: item.name,
        group: [item.level1, item.level2].filter(Boolean).join("/"),
        values: {
          actual: a?.actual ?? null,
          tier: a?.tier ? (tierLabel.get(a.tier) ?? a.tier) : null,
          notApplicable: a?.notApplicable ? "不适用" : null,
          failed: a?.failed && a.failed.length > 0 ? a.failed.join("、") : null,
          note: a?.note ?? null,
          points: scores.get(item.uid)?.points ?? null,
        },
      };
    }),
  };
}

/** The Chinese names of a self-evaluation snapshot's fields, for showing a diff. */
export const SELFEVAL_SNAPSHOT_LABELS: Record<string, string> = {
  overallActual: "总体目标实际完成情况",
  adjustedBudget: "全年预算数（万元）",
  executed: "全年执行数（万元）",
  total: "总分",
  actual: "实际完成值",
  tier: "达成档次",
  notApplicable: "不适用",
  failed: "扣分事项",
  note: "偏差原因分析及改进措施",
  points: "得分",
};
