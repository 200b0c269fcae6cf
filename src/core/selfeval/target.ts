import type { Operator } from "../goals/types";
import { type Quantity, readQuantity } from "./quantity";

/**
 * A 年度指标值 as self-evaluation tables write it, operator and all: "≥95%", "不低于1,200人", "90%以上",
 * "≤ 90万元", "=100%", or words ("按时完成"). The operator is read from the text because the form has
 * no column for it; a target that is not a number is qualitative (its 得分 is the assessor's points).
 */
export interface ReadTarget {
  operator: Operator | null;
  /** The value without its operator words, as scoreProject reads it. */
  value: string;
  /** Null when the target is not a number (qualitative) or blank. */
  quantity: Quantity | null;
}

const LEADING: readonly [RegExp, Operator][] = [
  [/^(?:>=|≥|≧|=>|＞=|大于等于|大于或等于|不低于|不少于|至少|达到)\s*/, ">="],
  [/^(?:<=|≤|≦|=<|＜=|小于等于|小于或等于|不高于|不超过|不多于|控制在)\s*/, "<="],
  [/^(?:==|=|＝|等于)\s*/, "="],
  // "> 95%" is read as at least: the scoring has no strict operator, and the difference is one point of the last digit.
  [/^(?:>|＞|大于|高于|超过)\s*/, ">="],
  [/^(?:<|＜|小于|低于)\s*/, "<="],
];
const TRAILING: readonly [RegExp, Operator][] = [
  [/\s*(?:及以上|以上)$/, ">="],
  [/\s*(?:及以下|以下|以内)$/, "<="],
];

export function readTarget(raw: string | null | undefined): ReadTarget {
  let value = (raw ?? "").normalize("NFKC").replace(/\s+/g, " ").trim();
  let operator: Operator | null = null;
  for (const [re, op] of LEADING) {
    if (!re.test(value)) continue;
    operator = op;
    value = value.replace(re, "");
    break;
  }
  for (const [re, op] of TRAILING) {
    if (!re.test(value)) continue;
    operator ??= op;
    value = value.replace(re, "");
    break;
  }
  return { operator, value, quantity: value === "" ? null : readQuantity(value) };
}

/** Blank, or the dashes, slashes and ellipses forms put in cells left empty on purpose. */
export const isBlankMark = (text: string | null | undefined): boolean =>
  /^[\s/／\\—–\-－_…．.。·]*$/.test((text ?? "").normalize("NFKC"));

/** "12月底前完成", "6月前": a date, not an amount, though it starts with a number. */
const DATE_UNIT = /^(?:月|年)(?:底|末|初|中|份)|前|完成|完工/;

/** A target that names no amount (words, or a date): the row is scored by the assessor (定性). */
export function isQualitativeTarget(target: string): boolean {
  if (isBlankMark(target)) return false;
  const q = readTarget(target).quantity;
  return q === null || DATE_UNIT.test(q.unit);
}
