import { type ConfigChange, valueChange } from "../config/changes";
import { fenToWanExact } from "../money";
import { pointsText } from "../selfeval/grade";
import { EVAL_LEVEL1, EVAL_LEVEL1_LABELS, type EvaluationFramework, type FrameworkRow, levelTotals } from "./framework";

const ROWS = "评价指标";
const LEVELS = "一级指标分值";
const POLICY = "回避与评价要求";

const rowText = (r: FrameworkRow) => `${EVAL_LEVEL1_LABELS[r.level1]}/${r.level2}/${r.name}（${r.points}分）`;

/**
 * What a proposed evaluation framework changes against the one in effect, for the save dialog: each
 * indicator added, removed or changed (matched by its key), the level-1 totals, and the policy numbers.
 */
export function evaluationFrameworkChanges(before: EvaluationFramework, after: EvaluationFramework): ConfigChange[] {
  const out: ConfigChange[] = [];
  const old = new Map(before.rows.map((r) => [r.uid, r]));
  const now = new Map(after.rows.map((r) => [r.uid, r]));
  for (const [uid, r] of old)
    if (!now.has(uid)) out.push({ kind: "removed", section: ROWS, item: "指标", before: rowText(r), after: null });
  for (const [uid, r] of now) {
    const o = old.get(uid);
    if (!o) {
      out.push({ kind: "added", section: ROWS, item: "指标", before: null, after: rowText(r) });
      continue;
    }
    const name = `“${o.name}”`;
    out.push(...valueChange(ROWS, `${name}的一级指标`, EVAL_LEVEL1_LABELS[o.level1], EVAL_LEVEL1_LABELS[r.level1]));
    out.push(...valueChange(ROWS, `${name}的二级指标`, o.level2, r.level2));
    out.push(...valueChange(ROWS, `${name}的名称`, o.name, r.name));
    out.push(...valueChange(ROWS, `${name}的分值`, o.points, r.points));
    out.push(...valueChange(ROWS, `${name}的评分标准`, o.standard, r.standard));
  }
  const b = levelTotals(before.rows).by;
  const a = levelTotals(after.rows).by;
  for (const l of EVAL_LEVEL1)
    out.push(...valueChange(LEVELS, `“${EVAL_LEVEL1_LABELS[l]}”合计`, pointsText(b[l]), pointsText(a[l])));
  out.push(...valueChange(POLICY, "回避年限（年）", before.conflictYears, after.conflictYears));
  out.push(
    ...valueChange(POLICY, "每个部门至少评价项目数", before.minProjectsPerDepartment, after.minProjectsPerDepartment),
  );
  out.push(...valueChange(POLICY, "重点项目评价周期（年）", before.keyProjectCycleYears, after.keyProjectCycleYears));
  out.push(
    ...valueChange(
      POLICY,
      "重点项目金额标准（万元）",
      fenToWanExact(before.keyProjectThresholdFen),
      fenToWanExact(after.keyProjectThresholdFen),
    ),
  );
  return out;
}
