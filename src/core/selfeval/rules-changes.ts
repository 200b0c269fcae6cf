import { type ConfigChange, valueChange } from "../config/changes";
import type { DeptWideRow } from "./dept-template";
import { formulaText, SOURCE_LABELS } from "./formula-text";
import { GRADE_BANDS, GRADES } from "./grade";
import type { ExecutionMethod, SelfEvalRules } from "./rules";

type Rules = Omit<SelfEvalRules, "version">;

const POINTS = "项目自评分值";
const METHOD = "计分方法";
const TIERS = "定性指标档次";
const GRADE = "等级与复核";
const DEPT = "部门整体支出评价表";

const yesNo = (b: boolean) => (b ? "是" : "否");

export const executionMethodText = (m: ExecutionMethod): string =>
  m.kind === "linear"
    ? "执行率 × 分值（超过100%按100%计）"
    : `按执行率分档：${[...m.bands]
        .sort((a, b) => b.minRatePercent - a.minRatePercent)
        .map((b) => `达到${b.minRatePercent}%得${b.percentOfWeight}%`)
        .join("，")}`;

const rowText = (r: DeptWideRow) =>
  `${r.level1}/${r.level2}/${r.name}（${r.weight}分）：${r.source ? SOURCE_LABELS[r.source] : formulaText(r.formula)}`;

/**
 * What proposed self-evaluation rules change against the rules in effect, item by item, for the save
 * dialog of the rules page: points, methods, tiers, grade labels, the overrating line, and each row of
 * the department-wide template (added, removed, or what of it changed).
 */
export function selfEvalRulesChanges(before: Rules, after: Rules): ConfigChange[] {
  const out: ConfigChange[] = [];
  const b = before.project;
  const a = after.project;
  out.push(...valueChange(POINTS, "预算执行率分值", b.executionWeight, a.executionWeight));
  const oldLevels = new Map(b.levels.map((l) => [l.level1, l.weight]));
  const newLevels = new Map(a.levels.map((l) => [l.level1, l.weight]));
  for (const [level1, weight] of oldLevels)
    if (!newLevels.has(level1))
      out.push({ kind: "removed", section: POINTS, item: "一级指标", before: `${level1} ${weight}分`, after: null });
  for (const [level1, weight] of newLevels) {
    const old = oldLevels.get(level1);
    if (old === undefined)
      out.push({ kind: "added", section: POINTS, item: "一级指标", before: null, after: `${level1} ${weight}分` });
    else out.push(...valueChange(POINTS, `“${level1}”分值`, old, weight));
  }
  out.push(...valueChange(POINTS, "满意度一级指标", b.satisfactionLevel1, a.satisfactionLevel1));
  const moved = (x: Rules["project"]) =>
    x.withoutSatisfaction.map((e) => `${e.level1} ${e.weight}分`).join("、") || "不调入";
  out.push(...valueChange(POINTS, "无满意度指标时调入", moved(before.project), moved(after.project)));
  out.push(
    ...valueChange(METHOD, "执行率计分方法", executionMethodText(b.execution), executionMethodText(a.execution)),
  );
  out.push(
    ...valueChange(METHOD, "未得满分须填偏差原因", yesNo(b.requireDeviationNote), yesNo(a.requireDeviationNote)),
  );
  for (const t of a.tiers) {
    const old = b.tiers.find((x) => x.tier === t.tier);
    const text = (x: typeof t) => `${x.label}：${x.minPercent}%—${x.maxPercent}%`;
    if (old) out.push(...valueChange(TIERS, `档次“${old.label}”`, text(old), text(t)));
  }
  for (const g of GRADES)
    out.push(
      ...valueChange(GRADE, `${GRADE_BANDS[g]}的等级名称`, before.gradeLabels[g] ?? "", after.gradeLabels[g] ?? ""),
    );
  out.push(...valueChange(GRADE, "自评偏高提示线（分）", before.overrateThreshold, after.overrateThreshold));

  const oldRows = new Map(before.deptWide.rows.map((r) => [r.key, r]));
  const newRows = new Map(after.deptWide.rows.map((r) => [r.key, r]));
  for (const [key, r] of oldRows)
    if (!newRows.has(key)) out.push({ kind: "removed", section: DEPT, item: "指标", before: rowText(r), after: null });
  for (const [key, r] of newRows) {
    const old = oldRows.get(key);
    if (!old) {
      out.push({ kind: "added", section: DEPT, item: "指标", before: null, after: rowText(r) });
      continue;
    }
    const name = `“${old.name}”`;
    out.push(...valueChange(DEPT, `${name}的名称`, old.name, r.name));
    out.push(...valueChange(DEPT, `${name}的一级/二级指标`, `${old.level1}/${old.level2}`, `${r.level1}/${r.level2}`));
    out.push(...valueChange(DEPT, `${name}的分值`, old.weight, r.weight));
    out.push(...valueChange(DEPT, `${name}的计分公式`, formulaText(old.formula), formulaText(r.formula)));
    out.push(...valueChange(DEPT, `${name}的评分标准`, old.explanation, r.explanation));
    const source = (x: DeptWideRow) => (x.source ? SOURCE_LABELS[x.source] : "单位填报");
    out.push(...valueChange(DEPT, `${name}的取值`, source(old), source(r)));
  }
  const oldOrder = before.deptWide.rows.filter((r) => newRows.has(r.key)).map((r) => r.name);
  const newOrder = after.deptWide.rows.filter((r) => oldRows.has(r.key)).map((r) => oldRows.get(r.key)?.name ?? r.name);
  if (oldOrder.join("\u0000") !== newOrder.join("\u0000"))
    out.push({
      kind: "changed",
      section: DEPT,
      item: "指标的顺序",
      before: oldOrder.join("、"),
      after: newOrder.join("、"),
    });
  return out;
}
