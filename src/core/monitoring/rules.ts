import { type ConfigChange, listChanges, valueChange } from "../config/changes";
import type { RulesIssue } from "../goals/goal-rules";
import { markupReason } from "../imports/cells";
import type { MonitoringRules } from "./types";

// Versions are named per year and count ("2025.1", "2025.2") the same way for every rule set.
export { nextRulesVersion } from "../goals/goal-rules";

type RulesInput = Omit<MonitoringRules, "version">;

export const MAX_CAUSE_CATEGORIES = 20;
export const MAX_CAUSE_LENGTH = 20;
/** The catch-all category units expect; recommended, not required. */
export const OTHER_CAUSE = "其他";

const chars = (s: string) => [...s].length;

/**
 * Checks proposed monitoring rules beyond their shape: X above 0 and at most 100 points with at most 2
 * decimals; 1 to 20 cause categories, non-blank, unique once trimmed, each at most 20 characters.
 * Returns the cleaned rules (names trimmed, X without float noise) or every issue found.
 */
export function validateMonitoringRules(
  version: string,
  input: RulesInput,
): { ok: true; rules: MonitoringRules } | { ok: false; issues: RulesIssue[] } {
  const issues: RulesIssue[] = [];
  const x = input.redGapPoints;
  const hundredths = Math.round(x * 100);
  if (!(Number.isFinite(x) && x > 0 && x <= 100))
    issues.push({ field: "redGapPoints", message: "红灯阈值须大于0且不超过100个百分点" });
  else if (Math.abs(x * 100 - hundredths) > 1e-6)
    issues.push({ field: "redGapPoints", message: "红灯阈值最多保留两位小数" });
  if (typeof input.possibleMakesYellow !== "boolean")
    issues.push({ field: "possibleMakesYellow", message: "“有可能计为黄灯”须为是或否" });
  const list = input.causeCategories;
  if (list.length === 0) issues.push({ field: "causeCategories", message: "至少要有一个偏差原因分类" });
  if (list.length > MAX_CAUSE_CATEGORIES)
    issues.push({ field: "causeCategories", message: `偏差原因分类不能超过${MAX_CAUSE_CATEGORIES}个` });
  const seen = new Set<string>();
  const causeCategories = list.map((raw, i) => {
    const name = raw.trim();
    const field = `causeCategories.${i}`;
    if (name === "") issues.push({ field, message: `第${i + 1}个偏差原因分类为空` });
    else if (seen.has(name)) issues.push({ field, message: `偏差原因分类“${name}”重复` });
    else if (chars(name) > MAX_CAUSE_LENGTH)
      issues.push({ field, message: `偏差原因分类“${name}”超过${MAX_CAUSE_LENGTH}个字` });
    else {
      const reason = markupReason(name);
      if (reason) issues.push({ field, message: `第${i + 1}个偏差原因分类含有${reason}，请删除` });
    }
    seen.add(name);
    return name;
  });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    rules: {
      version,
      redGapPoints: hundredths / 100,
      possibleMakesYellow: input.possibleMakesYellow,
      causeCategories,
    },
  };
}

/** Advice that does not block a save: the list lacks the catch-all “其他”. */
export function monitoringRulesHints(rules: Pick<MonitoringRules, "causeCategories">): string[] {
  return rules.causeCategories.includes(OTHER_CAUSE)
    ? []
    : [`偏差原因分类中没有“${OTHER_CAUSE}”，建议保留，供单位填报不属于以上分类的原因`];
}

const WARNING = "预警规则";
const CAUSES = "偏差原因";

/** What proposed monitoring rules change against the rules in effect: X, the 有可能 rule and each category. */
export function monitoringRulesChanges(before: RulesInput, after: RulesInput): ConfigChange[] {
  const yesNo = (b: boolean) => (b ? "是" : "否");
  return [
    ...valueChange(WARNING, "红灯阈值（百分点）", before.redGapPoints, after.redGapPoints),
    ...valueChange(WARNING, "有可能计为黄灯", yesNo(before.possibleMakesYellow), yesNo(after.possibleMakesYellow)),
    ...listChanges(CAUSES, "偏差原因分类", before.causeCategories, after.causeCategories),
  ];
}
