import type { SelfEvalItem } from "./form";
import { readQuantity } from "./quantity";
import type { ProjectScoring } from "./rules";
import { scoringWeights } from "./weights";

/** A goal indicator as approved, with its goal-table weight. */
export type ApprovedIndicator = Omit<SelfEvalItem, "weight" | "formula"> & { goalWeight: number };

/**
 * The items of a project's form when it is issued: the approved indicators with their points (分值) from
 * the year's rules. An indicator declared quantitative whose target is not a number ("按期完成") cannot
 * be computed: it is assessed as a qualitative one, by tier, so the unit is never stuck with an item
 * nobody can score.
 */
export function projectFormItems(indicators: readonly ApprovedIndicator[], rules: ProjectScoring) {
  const w = scoringWeights(indicators, rules);
  const items: SelfEvalItem[] = indicators.map(({ goalWeight: _g, ...i }, n) => ({
    ...i,
    kind: i.kind === "quantitative" && readQuantity(i.target) !== null ? "quantitative" : "qualitative",
    operator: i.kind === "quantitative" && readQuantity(i.target) !== null ? i.operator : null,
    weight: w.weights[n] ?? 0,
    formula: null,
  }));
  return {
    items,
    executionWeight: rules.executionWeight,
    missingWeight: w.missingWeight,
    unknownLevels: w.unknownLevels,
    how: w.how,
  };
}
