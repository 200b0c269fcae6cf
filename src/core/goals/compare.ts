import type { Fen } from "../money";
import { percent } from "../percent";
import { parseTargetNumber } from "./quality-types";
import { type GoalIndicator, type GoalTable, INDICATOR_FIELDS } from "./types";

/**
 * What changed from last year's goal table to this year's (上年结转, 与上年对比). Indicators are paired
 * by their uid when both tables share it (a carry-over keeps uids), otherwise by level 1 + level 2 +
 * name; the rest were added this year or dropped since last year. Pure.
 */

/** Every declared field is compared. */
export const COMPARED_FIELDS = INDICATOR_FIELDS;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export const COMPARED_FIELD_LABELS: Record<ComparedField, string> = {
  level1: "一级指标",
  level2: "二级指标",
  name: "指标名称",
  kind: "指标性质",
  operator: "运算符",
  target: "目标值",
  unit: "计量单位",
  weight: "权重",
  explanation: "指标解释",
};

export interface FieldChange {
  field: ComparedField;
  before: string | number | null;
  after: string | number | null;
  /** For a numeric target or a weight: whether this year's value is higher or lower. */
  trend: "up" | "down" | null;
}

interface Matched {
  previous: GoalIndicator;
  previousIndex: number;
  current: GoalIndicator;
  currentIndex: number;
  matchedBy: "uid" | "name";
}

export type IndicatorDiff =
  | { status: "added"; current: GoalIndicator; currentIndex: number }
  | { status: "removed"; previous: GoalIndicator; previousIndex: number }
  | (Matched & { status: "unchanged"; changes: [] })
  | (Matched & { status: "changed"; changes: FieldChange[] });

export type IndicatorStatus = IndicatorDiff["status"];

/**
 * The comparison's words. 调整 is the workflow's revise action alone (a new revision of an approved
 * table), so a change against last year is 较上年变化, never 调整 (docs/glossary.md).
 */
export const INDICATOR_STATUS_LABELS: Record<IndicatorStatus, string> = {
  added: "较上年新增",
  removed: "较上年删除",
  changed: "较上年变化",
  unchanged: "未变",
};

type Funds = NonNullable<GoalTable["funds"]>;

export interface GoalTableComparison {
  previousYear: number;
  currentYear: number;
  /** This year's indicators in their order, then last year's dropped ones in theirs. */
  indicators: IndicatorDiff[];
  counts: Record<IndicatorStatus, number>;
  /** Compared with last year's year mentions moved on ("2023年…" read as "2024年…"). */
  overallGoal: { changed: boolean; before: string; after: string };
  funds: {
    before: Funds | null;
    after: Funds | null;
    /** This year's total minus last year's, and that as a percentage of last year's; null without both. */
    change: Fen | null;
    changeRate: string | null;
  };
}

const text = (s: string | null | undefined): string | null => {
  const t = (s ?? "").trim();
  return t === "" ? null : t;
};
const matchKey = (i: GoalIndicator): string => `${i.level1.trim()}\u0001${i.level2.trim()}\u0001${i.name.trim()}`;
const hundredths = (w: number): number => Math.round(w * 100);

/** "2023年…" → "2024年…": the year mentions of last year's text as they read a year on. */
export function rollYear(s: string, from: number, to: number): string {
  return s.replaceAll(`${from}年`, `${to}年`);
}

function trendOf(before: number | null, after: number | null): FieldChange["trend"] {
  if (before === null || after === null || before === after) return null;
  return after > before ? "up" : "down";
}

/** The fields in which two paired indicators differ (targets "1,200" and "1200" are the same number). */
export function indicatorChanges(before: GoalIndicator, after: GoalIndicator): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of COMPARED_FIELDS) {
    if (field === "weight") {
      if (hundredths(before.weight) !== hundredths(after.weight))
        changes.push({
          field,
          before: before.weight,
          after: after.weight,
          trend: trendOf(hundredths(before.weight), hundredths(after.weight)),
        });
      continue;
    }
    if (field === "target") {
      const a = before.target.trim();
      const b = after.target.trim();
      const na = parseTargetNumber(a);
      const nb = parseTargetNumber(b);
      const same = na !== null && nb !== null ? na === nb : a === b;
      if (!same) changes.push({ field, before: a, after: b, trend: trendOf(na, nb) });
      continue;
    }
    const a = text(before[field]);
    const b = text(after[field]);
    if (a !== b) changes.push({ field, before: a, after: b, trend: null });
  }
  return changes;
}

export function compareGoalTables(previous: GoalTable, current: GoalTable): GoalTableComparison {
  const prev = previous.indicators;
  const cur = current.indicators;
  const pairOf = new Array<{ index: number; by: "uid" | "name" } | undefined>(cur.length);
  const taken = new Set<number>();

  // Shared uids first: an indicator carried over and then renamed is still the same indicator.
  const byUid = new Map<string, number>();
  prev.forEach((p, i) => {
    if (p.uid !== undefined && !byUid.has(p.uid)) byUid.set(p.uid, i);
  });
  cur.forEach((c, i) => {
    const at = c.uid === undefined ? undefined : byUid.get(c.uid);
    if (at === undefined || taken.has(at)) return;
    taken.add(at);
    pairOf[i] = { index: at, by: "uid" };
  });

  // Then by level 1 + level 2 + name, first unpaired with first unpaired when a name repeats.
  const byKey = new Map<string, number[]>();
  prev.forEach((p, i) => {
    if (taken.has(i)) return;
    const key = matchKey(p);
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  cur.forEach((c, i) => {
    if (pairOf[i]) return;
    const at = byKey.get(matchKey(c))?.shift();
    if (at === undefined) return;
    taken.add(at);
    pairOf[i] = { index: at, by: "name" };
  });

  const indicators: IndicatorDiff[] = cur.map((c, i): IndicatorDiff => {
    const pair = pairOf[i];
    if (!pair) return { status: "added", current: c, currentIndex: i };
    const p = prev[pair.index]!;
    const matched: Matched = {
      previous: p,
      previousIndex: pair.index,
      current: c,
      currentIndex: i,
      matchedBy: pair.by,
    };
    const changes = indicatorChanges(p, c);
    return changes.length === 0
      ? { ...matched, status: "unchanged", changes: [] }
      : { ...matched, status: "changed", changes };
  });
  prev.forEach((p, i) => {
    if (!taken.has(i)) indicators.push({ status: "removed", previous: p, previousIndex: i });
  });

  const counts: Record<IndicatorStatus, number> = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const d of indicators) counts[d.status]++;

  const norm = (s: string) => s.trim().replace(/\s+/g, " ");
  const before = previous.overallGoal;
  const after = current.overallGoal;
  const overallChanged = norm(rollYear(before, previous.fiscalYear, current.fiscalYear)) !== norm(after);

  const fb = previous.funds;
  const fa = current.funds;
  const change = fb && fa ? fa.total - fb.total : null;
  return {
    previousYear: previous.fiscalYear,
    currentYear: current.fiscalYear,
    indicators,
    counts,
    overallGoal: { changed: overallChanged, before, after },
    funds: {
      before: fb,
      after: fa,
      change,
      changeRate: change !== null && fb && fb.total > 0 ? percent(change, fb.total) : null,
    },
  };
}
