import { DEFAULT_GOAL_POLICY, type GoalRulePolicy } from "./quality-policy";
import { DEFAULT_TEMPLATE, type IndicatorTemplate } from "./types";

/**
 * The region's goal rules for a fiscal year: the indicator template (level 1 / level 2 names and the
 * total weight) and the quality-check policy (thresholds and word lists). Finance edits them per year
 * (domain.md §3 [policy]); every change is a new version, and a goal table records the version it
 * was declared against.
 */
export interface GoalRules {
  version: string;
  template: IndicatorTemplate;
  policy: GoalRulePolicy;
}

export const DEFAULT_GOAL_RULES: GoalRules = {
  version: DEFAULT_TEMPLATE.version,
  template: DEFAULT_TEMPLATE,
  policy: DEFAULT_GOAL_POLICY,
};

/** The rule-set module the goal rules are stored under. */
export const GOAL_RULES_MODULE = "goals";

export interface RulesIssue {
  /** Dotted path of the field, e.g. "template.levels.1.level2.0". */
  field: string;
  message: string;
}

const clean = (words: readonly string[]) => [...new Set(words.map((w) => w.trim()).filter((w) => w !== ""))];

/**
 * Checks a proposed template and policy beyond their shape: names present and unique where an
 * indicator refers to them, weights and thresholds in range. Returns the cleaned rules (trimmed,
 * word lists without blanks or repeats) or every issue found.
 */
export function validateGoalRules(
  version: string,
  template: Omit<IndicatorTemplate, "version">,
  policy: Omit<GoalRulePolicy, "version">,
): { ok: true; rules: GoalRules } | { ok: false; issues: RulesIssue[] } {
  const issues: RulesIssue[] = [];
  if (!(template.totalWeight > 0 && template.totalWeight <= 1000))
    issues.push({ field: "template.totalWeight", message: "权重合计须大于0且不超过1000" });
  if (template.levels.length === 0) issues.push({ field: "template.levels", message: "至少要有一个一级指标" });
  const level1Seen = new Set<string>();
  const levels = template.levels.map((l, i) => {
    const level1 = l.level1.trim();
    if (level1 === "") issues.push({ field: `template.levels.${i}.level1`, message: `第${i + 1}个一级指标名称为空` });
    else if (level1Seen.has(level1))
      issues.push({ field: `template.levels.${i}.level1`, message: `一级指标“${level1}”重复` });
    level1Seen.add(level1);
    const level2Seen = new Set<string>();
    const level2 = l.level2.map((name, j) => {
      const n = name.trim();
      if (n === "")
        issues.push({
          field: `template.levels.${i}.level2.${j}`,
          message: `“${level1 || `第${i + 1}个一级指标`}”下第${j + 1}个二级指标名称为空`,
        });
      else if (level2Seen.has(n))
        issues.push({ field: `template.levels.${i}.level2.${j}`, message: `“${level1}”下二级指标“${n}”重复` });
      level2Seen.add(n);
      return n;
    });
    if (level2.length === 0)
      issues.push({ field: `template.levels.${i}.level2`, message: `一级指标“${level1}”下至少要有一个二级指标` });
    return { level1, level2 };
  });
  if (!(Number.isInteger(policy.minIndicators) && policy.minIndicators >= 1 && policy.minIndicators <= 50))
    issues.push({ field: "policy.minIndicators", message: "最少指标数须为1到50的整数" });
  if (!(policy.maxQualitativeShare > 0 && policy.maxQualitativeShare <= 1))
    issues.push({ field: "policy.maxQualitativeShare", message: "定性指标占比上限须大于0且不超过1" });
  // A name the template lacks is not refused: the check skips it (a template renamed later keeps working).
  const sectorsSeen = new Set<string>();
  const expectedBenefits = policy.expectedBenefits.map((e, i) => {
    const sector = e.sector.trim();
    if (sectorsSeen.has(sector))
      issues.push({
        field: `policy.expectedBenefits.${i}.sector`,
        message: sector === "" ? "未分行业的一项重复" : `行业“${sector}”重复`,
      });
    sectorsSeen.add(sector);
    return { sector, level2: clean(e.level2) };
  });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    rules: {
      version,
      template: { version, totalWeight: template.totalWeight, levels },
      policy: {
        version,
        minIndicators: policy.minIndicators,
        maxQualitativeShare: policy.maxQualitativeShare,
        vagueWords: clean(policy.vagueWords),
        moneyUnits: clean(policy.moneyUnits),
        inputWords: clean(policy.inputWords),
        satisfactionWords: clean(policy.satisfactionWords),
        rateWords: clean(policy.rateWords),
        processWords: clean(policy.processWords),
        multiYearWords: clean(policy.multiYearWords),
        expectedBenefits,
      },
    },
  };
}

/** The next version name of a year's rules: "2025.1", "2025.2", … */
export const nextRulesVersion = (fiscalYear: number, existing: number): string => `${fiscalYear}.${existing + 1}`;
