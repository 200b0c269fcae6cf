import { OPERATORS, type Operator } from "../goals/types";
import {
  type ChecklistItem,
  DEPT_WIDE_FORMULA_KINDS,
  type DeptWideBand,
  type DeptWideFormula,
  type DeptWideFormulaKind,
  type DeptWideRow,
  type DeptWideTemplate,
  DEPT_WIDE_LIMITS as L,
} from "./dept-template";
import { pointsText, toHundredths } from "./grade";

/**
 * Checks a department-wide template as finance submits it (any JSON): keys stable and unique, names
 * present, weights summing to exactly 100.00, each formula's parameters sane. Sizes are bounded before
 * anything is walked, so a hostile body cannot make it loop for long. Returns a clean copy (trimmed,
 * unknown fields dropped) or every issue, on dotted paths such as "rows.3.formula.bands.1.min".
 */
export interface DeptTemplateIssue {
  field: string;
  message: string;
}

export type DeptTemplateCheck = { ok: true; template: DeptWideTemplate } | { ok: false; issues: DeptTemplateIssue[] };

const MAX_TARGET = 1e12;
const MAX_LIMIT_PERCENT = 1000;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** Decimal places of a number as JavaScript prints it; Infinity for exponent notation (too small or too large). */
function places(n: number): number {
  const s = String(n);
  if (/e/i.test(s)) return Number.POSITIVE_INFINITY;
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

const isNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

class Issues {
  readonly list: DeptTemplateIssue[] = [];
  add(field: string, message: string): void {
    this.list.push({ field, message });
  }
  /** A number within [min, max] with at most `decimals` places, or null after saying what is wrong. */
  number(
    x: unknown,
    field: string,
    what: string,
    o: { min: number; max: number; decimals: number; minExclusive?: boolean },
  ): number | null {
    if (!isNumber(x)) {
      this.add(field, `${what}须为数值`);
      return null;
    }
    const low = o.minExclusive ? x <= o.min : x < o.min;
    if (low || x > o.max) {
      this.add(field, `${what}须${o.minExclusive ? "大于" : "不小于"} ${o.min} 且不大于 ${o.max}，现为 ${x}`);
      return null;
    }
    if (places(x) > o.decimals) {
      this.add(field, `${what}最多保留 ${o.decimals} 位小数，现为 ${x}`);
      return null;
    }
    return x;
  }
  text(x: unknown, field: string, what: string, o: { max: number; required: boolean }): string | null {
    if (typeof x !== "string") {
      this.add(field, `${what}须为文字`);
      return null;
    }
    const t = x.trim();
    if (o.required && t === "") {
      this.add(field, `${what}不能为空`);
      return null;
    }
    if (t.length > o.max) {
      this.add(field, `${what}不能超过 ${o.max} 个字`);
      return null;
    }
    return t;
  }
  key(x: unknown, field: string, what: string): string | null {
    if (typeof x !== "string" || !L.keyPattern.test(x)) {
      this.add(field, `${what}须为1—40位字母、数字、“_”或“-”`);
      return null;
    }
    return x;
  }
  /** An array of at most `max` entries; null (with an issue) otherwise, before any entry is looked at. */
  array(x: unknown, field: string, what: string, max: number): unknown[] | null {
    if (!Array.isArray(x)) {
      this.add(field, `${what}须为列表`);
      return null;
    }
    if (x.length === 0) {
      this.add(field, `${what}至少要有一项`);
      return null;
    }
    if (x.length > max) {
      this.add(field, `${what}最多 ${max} 项，现有 ${x.length} 项`);
      return null;
    }
    return x;
  }
}

function checkRatio(f: Record<string, unknown>, at: string, is: Issues): DeptWideFormula | null {
  const operator = OPERATORS.includes(f.operator as Operator) ? (f.operator as Operator) : null;
  if (operator === null) is.add(`${at}.operator`, "比较符须为“>=”“<=”或“=”");
  const target = is.number(f.target, `${at}.target`, "目标值", { min: 0, max: MAX_TARGET, decimals: 4 });
  if (operator === ">=" && target === 0) is.add(`${at}.target`, "“≥”的目标值须大于0，否则总是满分");
  const unit = is.text(f.unit, `${at}.unit`, "计量单位", { max: L.unitLength, required: false });
  if (operator === null || target === null || unit === null) return null;
  return { kind: "ratio", operator, target, unit };
}

function checkDeductPerPoint(
  f: Record<string, unknown>,
  at: string,
  weight: number | null,
  is: Issues,
): DeptWideFormula | null {
  const direction: "over" | "under" | null = f.direction === "over" || f.direction === "under" ? f.direction : null;
  if (direction === null) is.add(`${at}.direction`, "扣分方向须为“over”（高于上限扣分）或“under”（低于下限扣分）");
  const limitPercent = is.number(f.limitPercent, `${at}.limitPercent`, "限值（%）", {
    min: 0,
    max: MAX_LIMIT_PERCENT,
    decimals: 2,
  });
  const perPoint = is.number(f.perPoint, `${at}.perPoint`, "每个百分点扣分", {
    min: 0,
    max: weight ?? 100,
    decimals: 2,
    minExclusive: true,
  });
  if (direction === null || limitPercent === null || perPoint === null) return null;
  return { kind: "deductPerPoint", direction, limitPercent, perPoint };
}

function checkBands(f: Record<string, unknown>, at: string, weight: number | null, is: Issues): DeptWideFormula | null {
  const unit = is.text(f.unit, `${at}.unit`, "计量单位", { max: L.unitLength, required: false });
  const scale = f.scale === "points" || f.scale === "percentOfWeight" ? f.scale : null;
  if (scale === null) is.add(`${at}.scale`, "档次得分方式须为“points”（分数）或“percentOfWeight”（占分值的百分比）");
  const raw = is.array(f.bands, `${at}.bands`, "评分档次", L.bands);
  if (raw === null) return null;
  const bands: DeptWideBand[] = [];
  let sound = true;
  raw.forEach((b, j) => {
    const bt = `${at}.bands.${j}`;
    const n = `第 ${j + 1} 档`;
    if (!isRecord(b)) {
      is.add(bt, `${n}格式不正确`);
      sound = false;
      return;
    }
    const bound = (x: unknown, field: string, what: string): number | null | undefined =>
      x === null
        ? null
        : (is.number(x, `${bt}.${field}`, `${n}${what}`, { min: -MAX_TARGET, max: MAX_TARGET, decimals: 4 }) ??
          undefined);
    const min = bound(b.min, "min", "下限");
    const max = bound(b.max, "max", "上限");
    const top = scale === "percentOfWeight" ? 100 : (weight ?? 100);
    const value = is.number(b.value, `${bt}.value`, `${n}得分${scale === "percentOfWeight" ? "（%）" : ""}`, {
      min: 0,
      max: top,
      decimals: 2,
    });
    if (min === undefined || max === undefined || value === null) {
      sound = false;
      return;
    }
    if (min !== null && max !== null && min >= max) {
      is.add(`${bt}.max`, `${n}的上限 ${max} 须大于下限 ${min}`);
      sound = false;
    }
    if (j > 0 && min === null) {
      is.add(`${bt}.min`, `只有第一档可以不设下限`);
      sound = false;
    }
    if (j < raw.length - 1 && max === null) {
      is.add(`${bt}.max`, `只有最后一档可以不设上限`);
      sound = false;
    }
    const prev = bands[j - 1];
    if (j > 0 && prev && min !== null && prev.max !== null && min !== prev.max) {
      is.add(
        `${bt}.min`,
        `${n}的下限 ${min} 须等于上一档的上限 ${prev.max}（各档从低到高排列、首尾相接，下限含、上限不含）`,
      );
      sound = false;
    }
    bands.push({ min, max, value });
  });
  if (!sound || unit === null || scale === null || bands.length !== raw.length) return null;
  return { kind: "bands", unit, scale, bands };
}

function checkChecklist(
  f: Record<string, unknown>,
  at: string,
  weight: number | null,
  is: Issues,
): DeptWideFormula | null {
  const raw = is.array(f.items, `${at}.items`, "检查项", L.checklistItems);
  if (raw === null) return null;
  const seen = new Map<string, number>();
  const items: ChecklistItem[] = [];
  raw.forEach((it, j) => {
    const it_ = `${at}.items.${j}`;
    const n = `第 ${j + 1} 个检查项`;
    if (!isRecord(it)) {
      is.add(it_, `${n}格式不正确`);
      return;
    }
    const key = is.key(it.key, `${it_}.key`, `${n}的键`);
    if (key !== null && seen.has(key)) {
      is.add(`${it_}.key`, `${n}的键“${key}”与第 ${(seen.get(key) ?? 0) + 1} 个检查项重复`);
    } else if (key !== null) seen.set(key, j);
    const text = is.text(it.text, `${it_}.text`, `${n}的内容`, { max: L.itemTextLength, required: true });
    const deduction = is.number(it.deduction, `${it_}.deduction`, `${n}的扣分`, {
      min: 0,
      max: weight ?? 100,
      decimals: 2,
    });
    if (key !== null && text !== null && deduction !== null) items.push({ key, text, deduction });
  });
  if (items.length !== raw.length || seen.size !== raw.length) return null;
  return { kind: "checklist", items };
}

function checkFormula(f: unknown, at: string, weight: number | null, is: Issues): DeptWideFormula | null {
  if (!isRecord(f) || !DEPT_WIDE_FORMULA_KINDS.includes(f.kind as DeptWideFormulaKind)) {
    is.add(`${at}.kind`, "计分方式须为 ratio、deductPerPoint、bands、checklist 或 tiers 之一");
    return null;
  }
  switch (f.kind as DeptWideFormulaKind) {
    case "ratio":
      return checkRatio(f, at, is);
    case "deductPerPoint":
      return checkDeductPerPoint(f, at, weight, is);
    case "bands":
      return checkBands(f, at, weight, is);
    case "checklist":
      return checkChecklist(f, at, weight, is);
    case "tiers":
      return { kind: "tiers" };
  }
}

function checkRow(r: unknown, i: number, keys: Map<string, number>, is: Issues): DeptWideRow | null {
  const at = `rows.${i}`;
  if (!isRecord(r)) {
    is.add(at, `第 ${i + 1} 行格式不正确`);
    return null;
  }
  const row = `第 ${i + 1} 行`;
  const key = is.key(r.key, `${at}.key`, `${row}的指标键`);
  if (key !== null && keys.has(key)) {
    is.add(`${at}.key`, `${row}的指标键“${key}”与第 ${(keys.get(key) ?? 0) + 1} 行重复`);
  } else if (key !== null) keys.set(key, i);
  const level1 = is.text(r.level1, `${at}.level1`, `${row}的一级指标`, { max: L.labelLength, required: true });
  const level2 = is.text(r.level2, `${at}.level2`, `${row}的二级指标`, { max: L.labelLength, required: false });
  const name = is.text(r.name, `${at}.name`, `${row}的指标名称`, { max: L.labelLength, required: true });
  const weight = is.number(r.weight, `${at}.weight`, `${row}的分值`, {
    min: 0,
    max: 100,
    decimals: 2,
    minExclusive: true,
  });
  const explanation = is.text(r.explanation, `${at}.explanation`, `${row}的评分标准`, {
    max: L.explanationLength,
    required: true,
  });
  const formula = checkFormula(r.formula, `${at}.formula`, weight, is);
  let source: DeptWideRow["source"] | undefined;
  if (r.source === null || r.source === undefined) source = null;
  else if (r.source === "executionRate") {
    source = "executionRate";
    if (formula && (formula.kind === "checklist" || formula.kind === "tiers"))
      is.add(`${at}.source`, `${row}按${formula.kind === "checklist" ? "检查清单" : "定性档次"}计分，不能取预算执行率`);
  } else is.add(`${at}.source`, `${row}的取数来源只能为空或“executionRate”（预算执行率）`);
  if (
    key === null ||
    level1 === null ||
    level2 === null ||
    name === null ||
    weight === null ||
    explanation === null ||
    formula === null ||
    source === undefined
  )
    return null;
  return { key, level1, level2, name, weight, formula, explanation, source };
}

export function validateDeptTemplate(template: unknown): DeptTemplateCheck {
  const is = new Issues();
  if (!isRecord(template)) {
    is.add("rows", "评分模板格式不正确");
    return { ok: false, issues: is.list };
  }
  const raw = is.array(template.rows, "rows", "评分模板的指标", L.rows);
  if (raw === null) return { ok: false, issues: is.list };
  const keys = new Map<string, number>();
  const rows = raw.map((r, i) => checkRow(r, i, keys, is));
  const sound = rows.filter((r): r is DeptWideRow => r !== null);
  if (sound.length === rows.length) {
    const sumH = sound.reduce((s, r) => s + (toHundredths(r.weight) ?? 0n), 0n);
    if (sumH !== 10_000n) is.add("rows", `各指标分值合计须为 100 分，现为 ${pointsText(sumH)} 分`);
  }
  if (is.list.length > 0) return { ok: false, issues: is.list };
  return { ok: true, template: { rows: sound } };
}
