import type { ReviewSnapshot } from "../review/snapshot";
import { COMPARED_FIELD_LABELS } from "./compare";
import { type GoalIndicator, INDICATOR_FIELDS } from "./types";

/** A goal table as a review snapshot: the overall goal, and each indicator keyed by its uid. */
export function goalSnapshot(table: { overallGoal: string; indicators: readonly GoalIndicator[] }): ReviewSnapshot {
  return {
    fields: { overallGoal: table.overallGoal },
    items: table.indicators.map((i, at) => ({
      // Stored indicators always have a uid; an unsaved row in the editor may not yet.
      key: i.uid ?? `row-${at}`,
      label: i.name,
      group: [i.level1, i.level2].filter(Boolean).join("/"),
      values: Object.fromEntries(INDICATOR_FIELDS.map((f) => [f, i[f]])),
    })),
  };
}

/** The Chinese names of a goal snapshot's fields, for showing a diff. */
export const GOAL_SNAPSHOT_LABELS: Record<string, string> = { overallGoal: "年度总体目标", ...COMPARED_FIELD_LABELS };
