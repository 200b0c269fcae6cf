import { isPathWithin } from "../scope";

/**
 * 回避 (domain.md, issue 13): an expert or firm may not evaluate a project of its own organisation, or of an
 * organisation it evaluated or advised in the last N years (N is policy). Organisations are matched by their
 * path, so a tie to a department covers its units and a tie to a unit covers the unit only.
 */
export interface Tie {
  /** The organisation's path (`120/120001`). */
  orgPath: string;
  /** own: the member's organisation; declared: a 回避 declared for the spot-check review (always). */
  kind: "own" | "declared" | "evaluated" | "advised";
  /** The fiscal year of the past work; null for the own organisation (always). */
  year: number | null;
  what: string;
}

export const TIE_LABELS: Record<Tie["kind"], string> = {
  own: "本单位",
  declared: "声明回避",
  evaluated: "曾评价",
  advised: "曾提供咨询",
};

/**
 * The ties that bar a member from evaluating a project run by `unitPath` in `fiscalYear`: own organisation
 * always; past work within `years` before the evaluation year (the year itself included).
 */
export function conflictsFor(ties: readonly Tie[], unitPath: string, fiscalYear: number, years: number): Tie[] {
  return ties.filter((t) => {
    // A tie to a department covers its units; a tie to a unit covers the unit (and anything under it).
    if (!isPathWithin(unitPath, t.orgPath)) return false;
    if (t.kind === "own" || t.kind === "declared") return true;
    return t.year !== null && t.year <= fiscalYear && t.year > fiscalYear - years;
  });
}

export function conflictMessage(member: string, t: Tie): string {
  if (t.kind === "own") return `${member}属于项目单位（${t.what}），应当回避`;
  if (t.kind === "declared") return `${member}已声明与该单位回避（${t.what}）`;
  return `${member}在${t.year}年度${TIE_LABELS[t.kind]}该单位（${t.what}），在回避年限内`;
}
