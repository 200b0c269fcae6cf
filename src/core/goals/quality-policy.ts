import type { IndicatorTemplate } from "./types";

/**
 * The word lists and thresholds of the goal-table quality checks (智能审核), domain.md §3 [policy]:
 * data, versioned per region and fiscal year and editable by the finance bureau. The values below are
 * the defaults; the rules themselves (quality-rules.ts) are code.
 */
export interface GoalRulePolicy {
  version: string;
  /** At least this many level-3 indicators. */
  minIndicators: number;
  /** Flag a table whose share of qualitative indicators is above this (0.5: more than half). */
  maxQualitativeShare: number;
  /** Wording that cannot be measured ("进一步提高" is not a target). */
  vagueWords: string[];
  /** Units of measure that are money: an output measured in money is an input. */
  moneyUnits: string[];
  /** Words in an output indicator's name that show an input (money, staff) rather than an output. */
  inputWords: string[];
  /** Words that show a satisfaction indicator (which belongs under 满意度指标, not 效益指标). */
  satisfactionWords: string[];
  /** Endings of a name that measure a rate or share (覆盖率, 占比): not a quantity, not an amount. */
  rateWords: string[];
  /** Words of budget execution (下达率, 拨付率…): a process, not an output; execution is scored on its own. */
  processWords: string[];
  /** Words of a plan beyond the year (十四五, 三年内…): an annual table states what this year achieves. */
  multiYearWords: string[];
  /**
   * The benefit sub-levels a table is expected to have, by sector (所属行业); the entry with sector ""
   * applies to every sector not listed. A missing one is a warning, not an error.
   */
  expectedBenefits: { sector: string; level2: string[] }[];
}

export const DEFAULT_GOAL_POLICY: GoalRulePolicy = {
  version: "2024.1",
  minIndicators: 3,
  maxQualitativeShare: 0.5,
  vagueWords: [
    "有所提高",
    "有所提升",
    "有所",
    "进一步",
    "较好",
    "明显",
    "逐步",
    "基本",
    "大幅",
    "显著",
    "尽量",
    "力争",
    "稳步",
    "不断",
    "有效提升",
    "有效提高",
  ],
  moneyUnits: ["元", "万元", "亿元"],
  inputWords: ["资金", "经费", "拨付", "预算执行", "人员", "编制", "工资", "补助资金"],
  satisfactionWords: ["满意"],
  rateWords: ["率", "比例", "占比", "比重"],
  processWords: ["下达率", "拨付率", "支出率", "执行率", "到位率", "结余率", "结转率", "支付进度", "拨付进度"],
  multiYearWords: [
    "十四五期间",
    "十四五末",
    "十五五期间",
    "十五五末",
    "中长期",
    "实施期内",
    "规划期内",
    "项目期内",
    "两年内",
    "三年内",
    "五年内",
    "三年行动",
  ],
  expectedBenefits: [
    { sector: "", level2: ["社会效益指标"] },
    { sector: "节能环保", level2: ["社会效益指标", "生态效益指标"] },
  ],
};

/**
 * A stored policy with the lists added since it was saved filled from the defaults: a year's rules saved
 * before a check existed keep their own lists and get the new check as the defaults define it.
 */
export function withPolicyDefaults(policy: Partial<GoalRulePolicy> & { version: string }): GoalRulePolicy {
  return { ...DEFAULT_GOAL_POLICY, ...policy };
}

/** A word list turned into one matcher, built once per policy object. */
export interface WordMatcher {
  /** The distinct words of the list found in `text`, in the order they first occur. */
  find(text: string): string[];
}

export interface CompiledPolicy {
  policy: GoalRulePolicy;
  vague: WordMatcher;
  input: WordMatcher;
  satisfaction: WordMatcher;
  process: WordMatcher;
  multiYear: WordMatcher;
  /** The benefit sub-levels expected of a table of the sector (null or unlisted: the default entry's). */
  expectedBenefits(sector: string | null | undefined): readonly string[];
  /** Whether a name ends with a rate word (覆盖率, 占比). */
  endsWithRate(name: string): boolean;
  moneyUnits: ReadonlySet<string>;
}

const escapeRegExp = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function wordMatcher(words: readonly string[]): WordMatcher {
  const cleaned = [...new Set(words.map((w) => w.trim()).filter((w) => w !== ""))];
  if (cleaned.length === 0) return { find: () => [] };
  // Longest first, so "补助资金" is reported as itself rather than as "资金".
  cleaned.sort((a, b) => b.length - a.length);
  const source = cleaned.map(escapeRegExp).join("|");
  // Most texts contain none of the words: one test rejects them without building matches.
  const any = new RegExp(source, "u");
  const all = new RegExp(source, "gu");
  return {
    find(text) {
      if (!any.test(text)) return [];
      const found: string[] = [];
      for (const m of text.matchAll(all)) if (!found.includes(m[0])) found.push(m[0]);
      return found;
    },
  };
}

function endsWithAny(words: readonly string[]): (text: string) => boolean {
  const cleaned = [...new Set(words.map((w) => w.trim()).filter((w) => w !== ""))];
  return (text) => {
    const t = text.trim();
    return cleaned.some((w) => t.endsWith(w));
  };
}

function expectedBenefitsOf(
  entries: GoalRulePolicy["expectedBenefits"],
): (sector: string | null | undefined) => readonly string[] {
  const bySector = new Map(entries.map((e) => [e.sector.trim(), e.level2]));
  const fallback = bySector.get("") ?? [];
  return (sector) => bySector.get((sector ?? "").trim()) ?? fallback;
}

const compiledPolicies = new WeakMap<GoalRulePolicy, CompiledPolicy>();

/**
 * The policy's word lists as precompiled matchers, cached by object identity: checking a district's
 * 1,713 tables compiles each list once. A policy object must not be mutated after its first use.
 */
export function compilePolicy(policy: GoalRulePolicy): CompiledPolicy {
  let compiled = compiledPolicies.get(policy);
  if (!compiled) {
    compiled = {
      policy,
      vague: wordMatcher(policy.vagueWords),
      input: wordMatcher(policy.inputWords),
      satisfaction: wordMatcher(policy.satisfactionWords),
      process: wordMatcher(policy.processWords),
      multiYear: wordMatcher(policy.multiYearWords),
      expectedBenefits: expectedBenefitsOf(policy.expectedBenefits),
      endsWithRate: endsWithAny(policy.rateWords),
      moneyUnits: new Set(policy.moneyUnits.map((u) => u.trim())),
    };
    compiledPolicies.set(policy, compiled);
  }
  return compiled;
}

export interface CompiledTemplate {
  template: IndicatorTemplate;
  level1Names: readonly string[];
  /** level 1 → its level 2 names. */
  level2ByLevel1: ReadonlyMap<string, ReadonlySet<string>>;
  /** level 2 → the level 1 it belongs to (the first, if a name repeats). */
  level1ByLevel2: ReadonlyMap<string, string>;
  /** totalWeight in hundredths of a point. */
  totalHundredths: number;
}

const compiledTemplates = new WeakMap<IndicatorTemplate, CompiledTemplate>();

/** The template as lookup tables, cached by object identity like compilePolicy. */
export function compileTemplate(template: IndicatorTemplate): CompiledTemplate {
  let compiled = compiledTemplates.get(template);
  if (!compiled) {
    const level2ByLevel1 = new Map<string, Set<string>>();
    const level1ByLevel2 = new Map<string, string>();
    for (const { level1, level2 } of template.levels) {
      const set = level2ByLevel1.get(level1) ?? new Set<string>();
      for (const name of level2) {
        set.add(name);
        if (!level1ByLevel2.has(name)) level1ByLevel2.set(name, level1);
      }
      level2ByLevel1.set(level1, set);
    }
    compiled = {
      template,
      level1Names: [...level2ByLevel1.keys()],
      level2ByLevel1,
      level1ByLevel2,
      totalHundredths: Math.round(template.totalWeight * 100),
    };
    compiledTemplates.set(template, compiled);
  }
  return compiled;
}
