import { type ConfigChange, listChanges, valueChange } from "../config/changes";
import type { GoalRulePolicy } from "./quality-policy";
import type { IndicatorTemplate } from "./types";

type Template = Omit<IndicatorTemplate, "version">;
type Policy = Omit<GoalRulePolicy, "version">;

const FRAMEWORK = "指标体系";
const POLICY = "审核规则";

type WordList = {
  [K in keyof Policy]: Policy[K] extends string[] ? K : never;
}[keyof Policy];

const WORD_LISTS: { key: WordList; label: string }[] = [
  { key: "vagueWords", label: "模糊表述用语" },
  { key: "inputWords", label: "投入类用语" },
  { key: "moneyUnits", label: "金额单位" },
  { key: "satisfactionWords", label: "满意度用语" },
  { key: "rateWords", label: "比率类词尾" },
  { key: "processWords", label: "预算执行类用语" },
  { key: "multiYearWords", label: "多年目标用语" },
];

const sectorLabel = (sector: string) => (sector === "" ? "未列出的行业" : `“${sector}”行业`);

/** The expected benefits by sector: sectors added or removed, and each kept sector's list. */
function benefitChanges(before: Policy["expectedBenefits"], after: Policy["expectedBenefits"]): ConfigChange[] {
  const out: ConfigChange[] = [];
  const old = new Map(before.map((e) => [e.sector, e.level2]));
  const now = new Map(after.map((e) => [e.sector, e.level2]));
  const item = "应有的效益指标";
  for (const [sector, level2] of old)
    if (!now.has(sector))
      out.push({
        kind: "removed",
        section: POLICY,
        item,
        before: `${sectorLabel(sector)}：${level2.join("、")}`,
        after: null,
      });
  for (const [sector, level2] of now) {
    const was = old.get(sector);
    if (was) out.push(...listChanges(POLICY, `${sectorLabel(sector)}${item}`, was, level2));
    else
      out.push({
        kind: "added",
        section: POLICY,
        item,
        before: null,
        after: `${sectorLabel(sector)}：${level2.join("、")}`,
      });
  }
  return out;
}

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

/**
 * What a proposed set of goal rules changes against the rules in effect: level-1 indicators added or
 * removed (with their level 2), level-2 indicators added or removed under a level 1 that stays, the
 * order of level 1, the total weight, the thresholds and each word list.
 */
export function goalRulesChanges(
  before: { template: Template; policy: Policy },
  after: { template: Template; policy: Policy },
): ConfigChange[] {
  const out: ConfigChange[] = [];
  const oldLevels = new Map(before.template.levels.map((l) => [l.level1, l.level2]));
  const newLevels = new Map(after.template.levels.map((l) => [l.level1, l.level2]));
  for (const [level1, level2] of oldLevels)
    if (!newLevels.has(level1))
      out.push({
        kind: "removed",
        section: FRAMEWORK,
        item: "一级指标",
        before: `${level1}（${level2.join("、")}）`,
        after: null,
      });
  for (const [level1, level2] of newLevels)
    if (!oldLevels.has(level1))
      out.push({
        kind: "added",
        section: FRAMEWORK,
        item: "一级指标",
        before: null,
        after: `${level1}（${level2.join("、")}）`,
      });
  for (const [level1, level2] of newLevels) {
    const old = oldLevels.get(level1);
    if (old) out.push(...listChanges(FRAMEWORK, `“${level1}”下的二级指标`, old, level2));
  }
  const oldOrder = before.template.levels.map((l) => l.level1).filter((n) => newLevels.has(n));
  const newOrder = after.template.levels.map((l) => l.level1).filter((n) => oldLevels.has(n));
  if (oldOrder.join("\u0000") !== newOrder.join("\u0000"))
    out.push({
      kind: "changed",
      section: FRAMEWORK,
      item: "一级指标的顺序",
      before: oldOrder.join("、"),
      after: newOrder.join("、"),
    });
  out.push(...valueChange(FRAMEWORK, "权重合计（分）", before.template.totalWeight, after.template.totalWeight));
  out.push(...valueChange(POLICY, "最少三级指标数", before.policy.minIndicators, after.policy.minIndicators));
  out.push(
    ...valueChange(
      POLICY,
      "定性指标占比上限",
      pct(before.policy.maxQualitativeShare),
      pct(after.policy.maxQualitativeShare),
    ),
  );
  for (const w of WORD_LISTS) out.push(...listChanges(POLICY, w.label, before.policy[w.key], after.policy[w.key]));
  out.push(...benefitChanges(before.policy.expectedBenefits, after.policy.expectedBenefits));
  return out;
}
