import type { IndicatorTemplate } from "./types";

/**
 * The level names goal tables from other systems use, mapped to the year's indicator template. Counties
 * print the same framework under older or local names: 项目完成指标 or 预期产出指标 for 产出指标, 项目效益指标
 * or 效果指标 for 效益指标, 环境效益指标 for 生态效益指标, satisfaction as its own level 1 or as a level 2 under
 * 效益指标 (Hunan 2019–2023), 成本指标 as a level 1 with 经济成本指标 below it (财预〔2021〕101号) or as a level 2
 * of 产出指标 (财预〔2020〕10号), and notes in brackets ("数量指标（或建筑规模指标）"). A name the template
 * holds is kept as written; a name that is neither the template's nor a known synonym is kept too, so the
 * rules report it.
 */

export interface LevelPair {
  level1: string;
  level2: string;
}

export interface MappedLevels extends LevelPair {
  /** What the file said, cleaned of spaces and notes; equal to the result when nothing was mapped. */
  written: LevelPair;
  /** True when level1 or level2 differs from what the file said. */
  mapped: boolean;
}

/** "数 量 指 标（或建筑规模指标）" → "数量指标": no spaces, no bracketed notes, no points "(50分)", no ★. */
export function cleanLevelName(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\([^)]*\)/g, "")
    .replace(/[★☆*＊\s]/g, "")
    .trim();
}

const OUTPUT_WORDS = new Set(["产出指标", "产出", "项目完成指标", "预期产出指标", "完成指标", "项目产出指标"]);
const BENEFIT_WORDS = new Set(["效益指标", "效益", "项目效益指标", "效果指标", "预期效果指标", "项目效果指标"]);
const COST_WORDS = new Set([
  "成本指标",
  "成本",
  "经济成本指标",
  "社会成本指标",
  "生态环境成本指标",
  "环境成本指标",
  "预算控制指标",
  "投资规模控制指标",
  "投资控制指标",
  "成本控制指标",
]);
/** Level 2 names written otherwise, by the name they stand for. */
const LEVEL2_WORDS = new Map<string, string>([
  ["环境效益指标", "生态效益指标"],
  ["生态环境效益指标", "生态效益指标"],
  ["生态效益", "生态效益指标"],
  ["经济效益", "经济效益指标"],
  ["社会效益", "社会效益指标"],
  ["可持续影响", "可持续影响指标"],
  ["可持续影响力指标", "可持续影响指标"],
  ["数量", "数量指标"],
  ["质量", "质量指标"],
  ["时效", "时效指标"],
  ["工期指标", "时效指标"],
  ["进度指标", "时效指标"],
  ["建筑规模指标", "数量指标"],
]);

const isSatisfaction = (name: string) => name.includes("满意度") || name === "满意指标";

/** The template's satisfaction place: the level 1 whose name speaks of 满意度, with its level 2 names. */
function satisfactionHome(template: IndicatorTemplate) {
  return template.levels.find((l) => isSatisfaction(l.level1)) ?? null;
}

/**
 * Maps one indicator's level names to the template. Pure; the file's names (cleaned) are returned as
 * `written` so a message can say what the table itself printed.
 */
export function mapLevels(level1: string, level2: string, template: IndicatorTemplate): MappedLevels {
  const written = { level1: cleanLevelName(level1), level2: cleanLevelName(level2) };
  const result = (l1: string, l2: string): MappedLevels => ({
    level1: l1,
    level2: l2,
    written,
    mapped: l1 !== written.level1 || l2 !== written.level2,
  });
  const { level1: w1, level2: w2 } = written;
  const level2Of = (l1: string) => template.levels.find((l) => l.level1 === l1)?.level2 ?? null;
  if (level2Of(w1)?.includes(w2)) return result(w1, w2);

  // Satisfaction, as a level 1 or as a level 2 under 效益指标 ("社会公众或服务对象满意度指标").
  const home = satisfactionHome(template);
  const benefitLike = w1 === "" || BENEFIT_WORDS.has(w1) || isSatisfaction(w1);
  if (home && ((isSatisfaction(w2) && benefitLike) || (isSatisfaction(w1) && (w2 === "" || w2 === w1)))) {
    const l2 = home.level2.includes(w2) ? w2 : (home.level2[0] ?? w2);
    return result(home.level1, l2);
  }

  // Cost: a level 1 of its own (101号) or a level 2 of 产出指标, whichever the template has.
  const outputLike = w1 === "" || OUTPUT_WORDS.has(w1) || COST_WORDS.has(w1);
  if ((COST_WORDS.has(w2) && outputLike) || (COST_WORDS.has(w1) && (w2 === "" || w2 === w1))) {
    const costLevel1 = template.levels.find((l) => COST_WORDS.has(l.level1));
    if (costLevel1) {
      const l2 = costLevel1.level2.includes(w2) ? w2 : (costLevel1.level2[0] ?? w2);
      return result(costLevel1.level1, l2);
    }
    const owner = template.levels.find((l) => l.level2.some((n) => COST_WORDS.has(n)));
    if (owner) return result(owner.level1, owner.level2.find((n) => COST_WORDS.has(n))!);
  }

  const l2 = LEVEL2_WORDS.get(w2) ?? (w2 !== "" && !w2.endsWith("指标") ? `${w2}指标` : w2);
  const known = (name: string) => template.levels.some((l) => l.level1 === name);
  let l1 = w1;
  if (!known(w1)) {
    const meaning = OUTPUT_WORDS.has(w1) ? "产出" : BENEFIT_WORDS.has(w1) ? "效益" : null;
    const named = meaning ? template.levels.find((l) => cleanLevelName(l.level1).startsWith(meaning)) : undefined;
    if (named) l1 = named.level1;
    else if (!w1.endsWith("指标") && known(`${w1}指标`)) l1 = `${w1}指标`;
  }
  const level2s = level2Of(l1);
  return result(l1, level2s && !level2s.includes(w2) && level2s.includes(l2) ? l2 : w2);
}
