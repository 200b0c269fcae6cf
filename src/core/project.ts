import type { Fen } from "./money";

/** 项目类别 as the budget system classifies projects. */
export const PROJECT_CATEGORIES = ["recurring", "continuing", "one_off"] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];

export const PROJECT_CATEGORY_LABELS: Record<ProjectCategory, string> = {
  recurring: "常年性",
  continuing: "延续性",
  one_off: "一次性",
};

export function parseCategory(text: string): ProjectCategory | null {
  const t = text.trim();
  for (const c of PROJECT_CATEGORIES) {
    if (t === c || t === PROJECT_CATEGORY_LABELS[c] || t === PROJECT_CATEGORY_LABELS[c].replace("性", "")) return c;
  }
  return null;
}

/** Budget size bands for filtering, by adjusted budget (fen, lower bound inclusive, upper exclusive). */
export const SIZE_BANDS = [
  { key: "lt50w", label: "50万元以下", min: 0, max: 50_0000_00 },
  { key: "50w-200w", label: "50万–200万元", min: 50_0000_00, max: 200_0000_00 },
  { key: "200w-1000w", label: "200万–1000万元", min: 200_0000_00, max: 1000_0000_00 },
  { key: "gte1000w", label: "1000万元及以上", min: 1000_0000_00, max: Number.MAX_SAFE_INTEGER },
] as const satisfies readonly { key: string; label: string; min: Fen; max: Fen }[];
export type SizeBand = (typeof SIZE_BANDS)[number]["key"];

/** Execution rate = executed / adjusted budget (全年预算数), as a fraction; null when there is no budget. */
export function executionRate(executed: Fen, adjusted: Fen): number | null {
  return adjusted > 0 ? executed / adjusted : null;
}

/** How the project library can be sorted. */
export const PROJECT_SORTS = ["code", "name", "adjustedBudget", "executed", "executionRate", "department"] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];
