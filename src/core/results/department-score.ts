import type { RulesIssue } from "../goals/goal-rules";
import { divRoundHalfUp } from "../money";
import { type Grade, gradeOf, pointsText, toHundredths } from "../selfeval/grade";

/**
 * 部门绩效考核: a department's score for the government's assessment, and the department score the
 * result rules compare with the region's average. It is a versioned template of weighted components,
 * each scored 0–100 for the department; the weights sum to 100.
 */
/** The rule set module that stores the template's versions per region and year. */
export const DEPT_SCORE_MODULE = "deptScore";

export const DEPT_SCORE_COMPONENTS = [
  "selfEvalQuality",
  "deptEval",
  "keyEval",
  "rectification",
  "taskTimeliness",
] as const;
export type DeptScoreComponent = (typeof DEPT_SCORE_COMPONENTS)[number];
export const DEPT_SCORE_COMPONENT_LABELS: Record<DeptScoreComponent, string> = {
  selfEvalQuality: "自评质量",
  deptEval: "部门评价",
  keyEval: "重点评价",
  rectification: "整改落实",
  taskTimeliness: "任务完成及时性",
};

export interface DeptScoreTemplate {
  version: string;
  components: { key: DeptScoreComponent; weight: number }[];
}

export const DEFAULT_DEPT_SCORE_TEMPLATE: DeptScoreTemplate = {
  version: "default",
  components: [
    { key: "selfEvalQuality", weight: 30 },
    { key: "deptEval", weight: 25 },
    { key: "keyEval", weight: 20 },
    { key: "rectification", weight: 15 },
    { key: "taskTimeliness", weight: 10 },
  ],
};

/** Weights over 0 and up to 100 with two decimals, each component once, known, and a whole of exactly 100. */
export function validateDeptScoreTemplate(t: DeptScoreTemplate): RulesIssue[] {
  const issues: RulesIssue[] = [];
  const seen = new Set<string>();
  let total = 0n;
  t.components.forEach((c, i) => {
    const at = (field: string, message: string) =>
      issues.push({ field: `components.${i}.${field}`, message: `第${i + 1}项：${message}` });
    if (!(DEPT_SCORE_COMPONENTS as readonly string[]).includes(c.key)) at("key", `未知的考核内容“${String(c.key)}”`);
    else if (seen.has(c.key)) at("key", `“${DEPT_SCORE_COMPONENT_LABELS[c.key]}”重复`);
    seen.add(c.key);
    const h = toHundredths(c.weight);
    if (h === null || h <= 0n || h > 10_000n) at("weight", "权重须大于 0、不超过 100，最多两位小数");
    else total += h;
  });
  if (t.components.length === 0) issues.push({ field: "components", message: "考核模板至少要有一项内容" });
  else if (total !== 10_000n)
    issues.push({ field: "components", message: `各项权重合计须为 100（现为 ${pointsText(total)}）` });
  return issues;
}

/** One department's component scores, hundredths; a component without data (no key evaluation …) is absent. */
export interface DepartmentComponents {
  departmentId: number;
  departmentName: string;
  values: Partial<Record<DeptScoreComponent, bigint>>;
}

/** Each present value is within 0–100; issues name the department and the component. */
export function checkComponentValues(rows: readonly DepartmentComponents[]): RulesIssue[] {
  const issues: RulesIssue[] = [];
  rows.forEach((r, i) => {
    for (const [key, v] of Object.entries(r.values))
      if (v !== undefined && (v < 0n || v > 10_000n))
        issues.push({
          field: `departments.${i}.${key}`,
          message: `${r.departmentName}的“${DEPT_SCORE_COMPONENT_LABELS[key as DeptScoreComponent] ?? key}”得分须在 0 到 100 之间`,
        });
  });
  return issues;
}

/**
 * The weighted score, hundredths half up: Σ weight × value / Σ weight over the components the department
 * has. A missing component drops out and the others are rescaled to 100 (as an indicator marked not
 * applicable does, domain.md §5), so a department without a key evaluation is neither rewarded nor punished.
 */
export function departmentScore(t: DeptScoreTemplate, values: DepartmentComponents["values"]): bigint | null {
  let num = 0n;
  let den = 0n;
  for (const c of t.components) {
    const v = values[c.key];
    if (v === undefined) continue;
    if (v < 0n || v > 10_000n) throw new RangeError(`component ${c.key} out of 0–100: ${v}`);
    const w = toHundredths(c.weight) ?? 0n;
    num += w * v;
    den += w;
  }
  return den === 0n ? null : divRoundHalfUp(num, den);
}

/** The region's average department score: the simple mean of the departments that have one, hundredths half up. */
export function regionAverage(scores: readonly bigint[]): bigint | null {
  if (scores.length === 0) return null;
  return divRoundHalfUp(
    scores.reduce((a, b) => a + b, 0n),
    BigInt(scores.length),
  );
}

export interface RankedDepartment {
  departmentId: number;
  departmentName: string;
  score: bigint | null;
  /** Standard competition ranking: equal scores share a rank and the next rank skips (1, 2, 2, 4). */
  rank: number | null;
  grade: Grade | null;
  /** Not scored departments are neither above nor below. */
  belowAverage: boolean;
}

export interface DepartmentRanking {
  templateVersion: string;
  average: bigint | null;
  rows: RankedDepartment[];
}

/** Scores, ranks and grades every department against one template; the unscored come last, by name. */
export function rankDepartments(t: DeptScoreTemplate, rows: readonly DepartmentComponents[]): DepartmentRanking {
  const scored = rows.map((r) => ({
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    score: departmentScore(t, r.values),
  }));
  const average = regionAverage(scored.flatMap((r) => (r.score === null ? [] : [r.score])));
  scored.sort((a, b) => {
    if (a.score === null || b.score === null)
      return a.score === b.score ? a.departmentName.localeCompare(b.departmentName, "zh") : a.score === null ? 1 : -1;
    return a.score === b.score ? a.departmentName.localeCompare(b.departmentName, "zh") : a.score > b.score ? -1 : 1;
  });
  const out: RankedDepartment[] = [];
  scored.forEach((r, i) => {
    const prev = out[i - 1];
    const rank = r.score === null ? null : prev && prev.score === r.score ? prev.rank : i + 1;
    out.push({
      ...r,
      rank,
      grade: r.score === null ? null : gradeOf(r.score),
      belowAverage: r.score !== null && average !== null && r.score < average,
    });
  });
  return { templateVersion: t.version, average, rows: out };
}
