import { compilePolicy, compileTemplate } from "./quality-policy";
import { BENEFIT_LEVEL1, defineRule, parseTargetNumber, quoteList, rowLabel } from "./quality-types";
import { type GoalIndicator, OPERATOR_LABELS } from "./types";

/**
 * Rules about what the annual table promises: this year's results (not a plan over years), the benefits
 * the sector is expected to show, and an overall goal whose figures the indicators carry.
 */

const short = (text: string, max = 40) => {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join("")}…`;
};

// "2025年", "2024-2026年", "2024至2026年"; a school year ("2024-2025学年") is one year's term.
const YEAR_RE = /((?:19|20)\d{2})\s*(?:(?:[-—–~～至到])\s*((?:19|20)\d{2}))?\s*(学年|年)/gu;

const HAS_YEAR = /(?:19|20)\d{2}/u;

/** The years after the fiscal year a text talks about ("2025年底前", "2024—2026年"). */
function laterYears(text: string, fiscalYear: number): string[] {
  const found: string[] = [];
  // Most names and targets hold no year: one test skips them.
  if (!HAS_YEAR.test(text)) return found;
  for (const m of text.matchAll(YEAR_RE)) {
    if (m[3] === "学年") continue;
    const last = Number(m[2] ?? m[1]);
    if (last > fiscalYear && !found.includes(m[0])) found.push(m[0]);
  }
  return found;
}

export const multiYear = defineRule(
  {
    code: "GOAL_MULTI_YEAR",
    title: "年度目标写成多年目标",
    severity: "warning",
    explanation:
      "年度绩效目标只写预算年度内能完成的部分；以后年度或整个规划期的目标写在中长期目标中，年终无法据此评价本年。",
  },
  (table, ctx, emit) => {
    const { multiYear: words } = compilePolicy(ctx.policy);
    const said = (text: string) => [...laterYears(text, table.fiscalYear), ...words.find(text)];
    const goal = table.overallGoal.trim();
    const inGoal = said(goal);
    if (inGoal.length > 0)
      emit(
        null,
        "overallGoal",
        `年度总体目标提到 ${quoteList(inGoal)}，不是 ${table.fiscalYear} 年度内的目标：“${short(goal)}”`,
        `只写 ${table.fiscalYear} 年内要完成的部分，多年的目标放在中长期（实施期）目标中`,
      );
    table.indicators.forEach((ind, i) => {
      for (const field of ["name", "target"] as const) {
        const found = said(ind[field]);
        if (found.length === 0) continue;
        emit(
          i,
          field,
          `${rowLabel(ind, i)}：${field === "name" ? "指标名称" : "目标值"}“${ind[field].trim()}”提到 ${quoteList(found)}，不是 ${table.fiscalYear} 年度的目标`,
          `改为 ${table.fiscalYear} 年内要达到的值，如“${table.fiscalYear}年12月底前完成”`,
        );
      }
    });
  },
);

export const benefitExpected = defineRule(
  {
    code: "GOAL_BENEFIT_EXPECTED",
    title: "缺少应有的效益指标",
    severity: "warning",
    explanation:
      "财政资金首先要产生社会效益；按行业还应有其他效益（如节能环保项目的生态效益）。只写可持续影响，说不清钱花出去带来了什么。",
  },
  (table, ctx, emit) => {
    const tpl = compileTemplate(ctx.template);
    const inTemplate = tpl.level2ByLevel1.get(BENEFIT_LEVEL1);
    if (!inTemplate) return;
    const benefits = table.indicators.filter((x) => x.level1.trim() === BENEFIT_LEVEL1);
    // No benefit indicator at all is GOAL_LEVEL1_EMPTY's error.
    if (benefits.length === 0) return;
    const present = new Set(benefits.map((x) => x.level2.trim()));
    const expected = compilePolicy(ctx.policy).expectedBenefits(table.sector);
    const missing = expected.filter((name) => inTemplate.has(name) && !present.has(name));
    if (missing.length === 0) return;
    const sector = table.sector?.trim() ? `${table.sector.trim()}行业的` : "";
    emit(
      null,
      "indicators",
      `效益指标下没有 ${quoteList(missing)}（${sector}项目应有），现有 ${quoteList([...present])}`,
      `在“${BENEFIT_LEVEL1}”下补充 ${quoteList(missing)}，写明资金带来的效果，如受益人数、服务覆盖面`,
    );
  },
);

// A figure of the overall goal: "90%", "600个", "5000平方米"; money is the funds, not a target.
const UNITS = [
  "%",
  "平方米",
  "立方米",
  "人次",
  "公里",
  "千米",
  "个",
  "人",
  "所",
  "项",
  "次",
  "台",
  "套",
  "件",
  "户",
  "名",
  "亩",
  "吨",
  "座",
  "条",
  "家",
  "场",
  "辆",
  "册",
  "天",
];
const FIGURE_RE = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(${UNITS.join("|")})`, "gu");
const CLAUSE_RE = /[，。；;,！!？?\n]/u;

interface Figure {
  value: number;
  unit: string;
  /** The clause it stands in, for the message ("师生满意度达到90%以上"). */
  clause: string;
  /** The words before it in its clause: what it measures. */
  subject: string;
  /** "90%以上", "不低于90%": at least (the usual reading); "以内", "不超过": at most. */
  atMost: boolean;
}

const AT_MOST_BEFORE = /(?:不超过|不高于|控制在|低于|小于|≤|<=)\s*$/u;
const AT_MOST_AFTER = /^\s*(?:以下|以内|及以下)/u;

/** Bounds for a goal pasted from anywhere (a checked file's cell may hold 32,767 characters). */
const MAX_FIGURES = 40;
const SUBJECT_CHARS = 30;

function figuresOf(goal: string): Figure[] {
  const out: Figure[] = [];
  for (const raw of goal.normalize("NFKC").split(CLAUSE_RE)) {
    const clause = raw.trim();
    for (const m of clause.matchAll(FIGURE_RE)) {
      if (out.length >= MAX_FIGURES) return out;
      const before = clause.slice(Math.max(0, (m.index ?? 0) - SUBJECT_CHARS), m.index);
      // "2024年", "第3季度", "1.5倍" are not targets; neither is a digit run inside a larger number.
      if (/[\d.]$/.test(before)) continue;
      const after = clause.slice((m.index ?? 0) + m[0].length);
      const atMost = AT_MOST_BEFORE.test(before) || AT_MOST_AFTER.test(after);
      out.push({ value: Number(m[1]), unit: m[2] ?? "", clause, subject: before, atMost });
    }
  }
  return out;
}

const normUnit = (unit: string | null) => (unit ?? "").normalize("NFKC").trim();

/** The share of the name's character pairs found in the subject: 师生满意度 in "师生满意度达到" → 1. */
function likeness(name: string, subject: string): number {
  const chars = [...name.replace(/[\s\d.%（）()]/gu, "")];
  if (chars.length < 2) return 0;
  let hits = 0;
  for (let i = 0; i + 1 < chars.length; i++) if (subject.includes(`${chars[i]}${chars[i + 1]}`)) hits++;
  return hits / (chars.length - 1);
}

export const overallFigure = defineRule(
  {
    code: "GOAL_OVERALL_FIGURE",
    title: "总体目标的数字与指标不符",
    severity: "warning",
    explanation:
      "年度总体目标里写出的数字（如“满意度达到90%”）应由指标承接，且数值一致；否则年终按指标打分，总体目标落空。",
  },
  (table, _ctx, emit) => {
    const figures = figuresOf(table.overallGoal);
    if (figures.length === 0) return;
    const stated = table.indicators.map((ind) => ({
      value: ind.kind === "quantitative" ? parseTargetNumber(ind.target) : null,
      unit: normUnit(ind.unit),
      operator: ind.operator,
    }));
    const reported = new Set<string>();
    for (const f of figures) {
      if (stated.some((s) => s.unit === f.unit && s.value === f.value)) continue;
      let best: { index: number; score: number } | null = null;
      table.indicators.forEach((ind, i) => {
        if (stated[i]?.unit !== f.unit || stated[i]?.value === null) return;
        const score = likeness(ind.name, f.subject);
        if (score >= 0.5 && (!best || score > best.score)) best = { index: i, score };
      });
      const match = best as { index: number; score: number } | null;
      const key = `${f.value}${f.unit}`;
      if (reported.has(key)) continue;
      // An indicator stricter than the goal (≥95% for "90%以上") carries it; only a weaker one contradicts it.
      const s = match ? stated[match.index] : undefined;
      if (s && s.value !== null) {
        const sameWay = f.atMost ? s.operator !== ">=" : s.operator !== "<=";
        const weaker = f.atMost ? s.value > f.value : s.value < f.value;
        if (!sameWay || !weaker) continue;
      }
      if (match) {
        reported.add(key);
        const ind = table.indicators[match.index] as GoalIndicator;
        const op = ind.operator ? OPERATOR_LABELS[ind.operator] : "";
        emit(
          match.index,
          "target",
          `年度总体目标写“${short(f.clause, 30)}”，${rowLabel(ind, match.index)}的目标值却是 ${op}${ind.target.trim()}${normUnit(ind.unit)}`,
          "总体目标与指标的数值应一致：改正其中一处",
        );
      } else if (f.unit === "%") {
        reported.add(key);
        emit(
          null,
          "overallGoal",
          `年度总体目标写“${short(f.clause, 30)}”，没有哪个指标的目标值是 ${f.value}%`,
          "为总体目标中的这个数字设一个指标（如“服务对象满意度 ≥90%”），或从总体目标中删去",
        );
      }
    }
  },
);
