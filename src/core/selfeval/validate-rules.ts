import type { RulesIssue } from "../goals/goal-rules";
import { GRADES } from "./grade";
import { QUALITATIVE_TIERS, type SelfEvalRules } from "./rules";
import { validateDeptTemplate } from "./validate-dept-template";

const H = (n: number) => Math.round(n * 100);
const twoDecimals = (n: number) => Number.isFinite(n) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;

/**
 * Checks proposed self-evaluation rules beyond their shape (domain.md §5 [policy]): a project's points
 * add up to 100 (execution rate and the levels), the satisfaction points move to levels that exist and in
 * full, the tiers cover 0–100% without gaps, the department-wide template is sound, every grade has a
 * label. Returns the rules or every issue, each with its dotted field.
 */
export function validateSelfEvalRules(
  version: string,
  input: Omit<SelfEvalRules, "version">,
): { ok: true; rules: SelfEvalRules } | { ok: false; issues: RulesIssue[] } {
  const issues: RulesIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  const p = input.project;
  const points = (field: string, n: number, label: string) => {
    if (!(n >= 0 && n <= 100 && twoDecimals(n))) add(field, `${label}须为 0 到 100 之间、最多两位小数的分值`);
  };
  points("project.executionWeight", p.executionWeight, "预算执行率分值");
  const names = new Set<string>();
  p.levels.forEach((l, i) => {
    if (l.level1.trim() === "") add(`project.levels.${i}.level1`, `第${i + 1}个一级指标名称为空`);
    if (names.has(l.level1.trim())) add(`project.levels.${i}.level1`, `一级指标“${l.level1}”重复`);
    names.add(l.level1.trim());
    points(`project.levels.${i}.weight`, l.weight, `“${l.level1}”的分值`);
  });
  const total = H(p.executionWeight) + p.levels.reduce((s, l) => s + H(l.weight), 0);
  if (total !== 10_000)
    add("project.levels", `预算执行率与各一级指标分值合计须为 100（现为 ${(total / 100).toFixed(2)}）`);
  const sat = p.levels.find((l) => l.level1 === p.satisfactionLevel1.trim());
  if (p.satisfactionLevel1.trim() !== "" && !sat)
    add("project.satisfactionLevel1", `满意度一级指标“${p.satisfactionLevel1}”不在一级指标中`);
  p.withoutSatisfaction.forEach((e, i) => {
    if (!names.has(e.level1.trim()) || e.level1.trim() === p.satisfactionLevel1.trim())
      add(`project.withoutSatisfaction.${i}.level1`, `“${e.level1}”不是可调入满意度分值的一级指标`);
    points(`project.withoutSatisfaction.${i}.weight`, e.weight, "调入分值");
  });
  if (sat && p.withoutSatisfaction.reduce((s, e) => s + H(e.weight), 0) !== H(sat.weight))
    add("project.withoutSatisfaction", `无满意度指标时调入的分值合计须等于满意度分值 ${sat.weight}`);
  if (p.execution.kind === "bands") {
    if (p.execution.bands.length === 0 || p.execution.bands.length > 20)
      add("project.execution.bands", "执行率分档须有 1 到 20 档");
    p.execution.bands.forEach((b, i) => {
      if (!(b.minRatePercent >= 0 && b.minRatePercent <= 1000))
        add(`project.execution.bands.${i}.minRatePercent`, "分档起点须在 0% 到 1000% 之间");
      if (!(b.percentOfWeight >= 0 && b.percentOfWeight <= 100))
        add(`project.execution.bands.${i}.percentOfWeight`, "得分比例须在 0 到 100 之间");
    });
  }
  const tiers = [...p.tiers].sort((a, b) => a.minPercent - b.minPercent);
  if (tiers.length !== QUALITATIVE_TIERS.length || QUALITATIVE_TIERS.some((t) => !p.tiers.some((x) => x.tier === t)))
    add("project.tiers", "定性指标须有“达成”“部分达成”“未达成”三个档次");
  else if (
    tiers[0]?.minPercent !== 0 ||
    tiers.at(-1)?.maxPercent !== 100 ||
    tiers.some((t, i) => i > 0 && t.minPercent !== tiers[i - 1]?.maxPercent)
  )
    add("project.tiers", "定性档次须从 0% 到 100% 首尾相接，不留空档");
  p.tiers.forEach((t, i) => {
    if (t.label.trim() === "") add(`project.tiers.${i}.label`, "档次名称为空");
  });
  for (const g of GRADES) if ((input.gradeLabels[g] ?? "").trim() === "") add(`gradeLabels.${g}`, "等级名称为空");
  if (!(input.overrateThreshold > 0 && input.overrateThreshold <= 100 && twoDecimals(input.overrateThreshold)))
    add("overrateThreshold", "自评偏高的提示线须大于 0、不超过 100 分");
  const dept = validateDeptTemplate(input.deptWide);
  if (!dept.ok) for (const i of dept.issues) add(`deptWide.${i.field}`, i.message);
  if (issues.length > 0 || !dept.ok) return { ok: false, issues };
  return { ok: true, rules: { ...input, version, deptWide: dept.template } };
}
