import { markupReason } from "../imports/cells";
import { INDICATOR_KINDS, type IndicatorKind, type IndicatorTemplate, OPERATORS, type Operator } from "./types";

/**
 * 指标库 (indicator library): reusable indicators per sector. Approved goal tables feed it; finance
 * curates it (confirms or rewords entries, adds its own, retires bad ones). An entry is identified by
 * its sector, level 2 and name: that is also how its past targets are found in approved tables.
 */

/** Department-wide tables describe a department's whole budget, not a sector's projects: their indicators are kept apart. */
export const DEPT_WIDE_SECTOR = "部门整体";
/** A project whose project and department both lack a sector. */
export const UNSORTED_SECTOR = "未分类";

/** What finance enters for an entry (the counts come from the approved tables). */
export interface LibraryEntryFields {
  sector: string;
  level1: string;
  level2: string;
  name: string;
  kind: IndicatorKind;
  operator: Operator | null;
  unit: string | null;
  explanation: string | null;
}

export interface LibraryIssue {
  field: keyof LibraryEntryFields;
  message: string;
}

const LABELS: Record<keyof LibraryEntryFields, string> = {
  sector: "所属行业",
  level1: "一级指标",
  level2: "二级指标",
  name: "指标名称",
  kind: "指标类型",
  operator: "比较方向",
  unit: "计量单位",
  explanation: "指标解释",
};

const MAX_LENGTH: Partial<Record<keyof LibraryEntryFields, number>> = {
  sector: 40,
  level1: 20,
  level2: 30,
  name: 100,
  unit: 20,
  explanation: 500,
};

/** The key an entry is found by (sector null: any sector). */
export const libraryKey = (k: { sector: string | null; level2: string; name: string }): string =>
  `${k.sector ?? ""}\u0001${k.level2}\u0001${k.name}`;

/** An entry's past targets depend on its kind too (the usual target comes from uses of that kind). */
export const targetKey = (k: { sector: string | null; level2: string; name: string; kind: string }): string =>
  `${libraryKey(k)}\u0001${k.kind}`;

/**
 * Checks an entry against the year's template and cleans it: trimmed, no markup, level 1 and level 2
 * from the template, quantitative entries with operator and unit, qualitative ones without either.
 * Returns the cleaned fields, or every issue (each naming its field) when there is one.
 */
export function checkLibraryEntry(
  input: LibraryEntryFields,
  template: IndicatorTemplate,
): { ok: true; entry: LibraryEntryFields } | { ok: false; issues: LibraryIssue[] } {
  const issues: LibraryIssue[] = [];
  const text = (field: keyof LibraryEntryFields, value: string | null, required: boolean): string | null => {
    const v = (value ?? "").trim();
    const label = LABELS[field];
    if (v === "") {
      if (required) issues.push({ field, message: `请填写${label}` });
      return null;
    }
    const max = MAX_LENGTH[field];
    if (max !== undefined && v.length > max) issues.push({ field, message: `${label}不能超过 ${max} 个字` });
    const reason = markupReason(v.replace(/\n/g, " "));
    if (reason) issues.push({ field, message: `${label}含有${reason}，请删除后再保存` });
    return v;
  };
  const sector = text("sector", input.sector, true) ?? "";
  const level1 = text("level1", input.level1, true) ?? "";
  const level2 = text("level2", input.level2, true) ?? "";
  const name = text("name", input.name, true) ?? "";
  const explanation = text("explanation", input.explanation, false);
  const quantitative = input.kind === "quantitative";
  if (!INDICATOR_KINDS.includes(input.kind)) issues.push({ field: "kind", message: "指标类型须为定量或定性" });
  const unit = quantitative ? text("unit", input.unit, false) : null;

  const level1s = template.levels.map((l) => l.level1);
  const level = template.levels.find((l) => l.level1 === level1);
  if (level1 !== "" && !level) {
    issues.push({
      field: "level1",
      message: `一级指标“${level1}”不在本年度指标体系中，应为 ${level1s.map((l) => `“${l}”`).join("、")} 之一`,
    });
  } else if (level && level2 !== "" && !level.level2.includes(level2)) {
    issues.push({
      field: "level2",
      message: `二级指标“${level2}”不属于一级指标“${level1}”，应为 ${level.level2.map((l) => `“${l}”`).join("、")} 之一`,
    });
  }
  if (quantitative) {
    if (input.operator === null || !OPERATORS.includes(input.operator))
      issues.push({ field: "operator", message: "定量指标须选择比较方向（≥、≤ 或 =）" });
    if (unit === null) issues.push({ field: "unit", message: "定量指标须填写计量单位（如 个、%、万元）" });
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    entry: {
      sector,
      level1,
      level2,
      name,
      kind: input.kind,
      operator: quantitative ? input.operator : null,
      unit,
      explanation,
    },
  };
}

/** How the library list can be sorted. */
export const LIBRARY_SORTS = ["recommended", "uses", "lastYear", "name", "sector", "updatedAt"] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];
