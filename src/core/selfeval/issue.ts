import type { DeptWideFormula, DeptWideRow, DeptWideSource, DeptWideTemplate } from "./dept-template";
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

/**
 * The items of a department-wide form: the rows of the year's template, each with its formula and
 * scoring standard copied (with where its value is prefilled from), so a later template does not move a
 * filed form. The execution rate is one of the rows, not a separate part.
 */
export function deptWideFormItems(template: DeptWideTemplate) {
  const items: SelfEvalItem[] = template.rows.map((r) => ({
    uid: r.key,
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    kind: r.formula.kind,
    operator: r.formula.kind === "ratio" ? r.formula.operator : null,
    target: targetText(r.formula),
    unit:
      r.formula.kind === "ratio" || r.formula.kind === "bands"
        ? r.formula.unit
        : r.formula.kind === "deductPerPoint"
          ? "%"
          : null,
    weight: r.weight,
    formula: { ...r.formula, source: r.source },
    explanation: r.explanation,
  }));
  return { items, executionWeight: 0, missingWeight: 0 };
}

function targetText(f: DeptWideFormula): string {
  switch (f.kind) {
    case "ratio":
      return String(f.target);
    case "deductPerPoint":
      return `${f.direction === "over" ? "≤" : "≥"}${f.limitPercent}`;
    case "bands":
      return "按区间计分";
    case "checklist":
      return `${f.items.length} 项检查`;
    case "tiers":
      return "定性评价";
  }
}

/** A department-wide form's items back as template rows, to score them. */
export function rowsOfItems(items: readonly SelfEvalItem[]): DeptWideRow[] {
  return items.map((i) => {
    const { source, ...formula } = (i.formula ?? {}) as DeptWideFormula & { source?: DeptWideSource | null };
    return {
      key: i.uid,
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      weight: i.weight,
      formula: formula as DeptWideFormula,
      explanation: i.explanation ?? "",
      source: source ?? null,
    };
  });
}
