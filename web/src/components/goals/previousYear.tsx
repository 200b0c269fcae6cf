/** 与上年对比 on the goal-table page: last year's table, compared live with the form as it stands. */
import { Tag, Tooltip } from "antd";
import { type ReactNode, useMemo } from "react";
import {
  COMPARED_FIELD_LABELS,
  compareGoalTables,
  type GoalTableComparison,
  INDICATOR_STATUS_LABELS,
  type IndicatorDiff,
} from "../../../../src/core/goals/compare";
import type { GoalIndicator, GoalTable } from "../../../../src/core/goals/types";
import { type GoalTablePrevious, useGoalTablePrevious } from "../../api/goals/goal-tables";
import { points, targetText } from "./indicatorForm";

export interface PreviousYear {
  /** The server's answer: last year's table (or null) and whether this table was carried over from it. */
  data: GoalTablePrevious | undefined;
  error: unknown;
  loading: boolean;
  refetch: () => void;
  /** Last year's table compared with the form as it is now (unsaved edits included). */
  comparison: GoalTableComparison | null;
  /** A 较上年新增 / 较上年变化 tag per form row key, the previous values in its tooltip. */
  rowTags: ReadonlyMap<string, ReactNode>;
}

const TAG_STYLE = {
  marginInlineStart: 6,
  marginInlineEnd: 0,
  marginTop: 2,
  fontSize: 11,
  lineHeight: "16px",
  paddingInline: 4,
  cursor: "help",
};
const weightText = (w: number) => points(Math.round(w * 100));
const TARGET_FIELDS = new Set(["kind", "operator", "target", "unit"]);

/** "目标值：上年 ≥50个 → 本年 ≥60个（提高）", "权重：15 → 10", … for a paired indicator. */
export function changeLines(d: IndicatorDiff): string[] {
  if (d.status !== "changed") return [];
  const lines: string[] = [];
  const fields = new Set(d.changes.map((c) => c.field));
  if ([...fields].some((f) => TARGET_FIELDS.has(f))) {
    const trend = d.changes.find((c) => c.field === "target")?.trend;
    const word = trend === "up" ? "（提高）" : trend === "down" ? "（降低）" : "";
    lines.push(`目标值：上年 ${targetText(d.previous) || "—"} → 本年 ${targetText(d.current) || "—"}${word}`);
  }
  for (const c of d.changes) {
    if (TARGET_FIELDS.has(c.field)) continue;
    const label = COMPARED_FIELD_LABELS[c.field];
    if (c.field === "weight")
      lines.push(`${label}：上年 ${weightText(Number(c.before))} → 本年 ${weightText(Number(c.after))}`);
    else if (c.field === "explanation") lines.push(`${label}：上年“${c.before ?? "（无）"}”，本年已修改`);
    else lines.push(`${label}：上年“${c.before ?? ""}” → 本年“${c.after ?? ""}”`);
  }
  return lines;
}

export function RowChangeTag({ diff, previousYear }: { diff: IndicatorDiff; previousYear: number }) {
  if (diff.status === "added")
    return (
      <Tooltip title={`${previousYear}年度目标表中没有这项指标`}>
        <Tag color="green" style={TAG_STYLE} data-testid="goal-row-added">
          {INDICATOR_STATUS_LABELS.added}
        </Tag>
      </Tooltip>
    );
  if (diff.status !== "changed") return null;
  return (
    <Tooltip
      title={
        <div>
          <div>与{previousYear}年度相比：</div>
          {changeLines(diff).map((l) => (
            <div key={l}>{l}</div>
          ))}
        </div>
      }
    >
      <Tag color="orange" style={TAG_STYLE} data-testid="goal-row-changed">
        {INDICATOR_STATUS_LABELS.changed}
      </Tag>
    </Tooltip>
  );
}

/**
 * Last year's table of the same project or department and the live comparison with the form. The
 * comparison runs in the browser with the same core function the server uses, so the tags follow
 * every edit before it is saved.
 */
export function usePreviousYear(
  id: number,
  table: GoalTable,
  form: { overallGoal: string; rows: readonly (GoalIndicator & { key: string })[] },
): PreviousYear {
  const q = useGoalTablePrevious(id);
  const previous = q.data?.previous ?? null;
  const comparison = useMemo(
    () =>
      previous
        ? compareGoalTables(previous.table, { ...table, overallGoal: form.overallGoal, indicators: [...form.rows] })
        : null,
    [previous, table, form.overallGoal, form.rows],
  );
  const rowTags = useMemo(() => {
    const tags = new Map<string, ReactNode>();
    if (!comparison) return tags;
    for (const d of comparison.indicators) {
      if (d.status !== "added" && d.status !== "changed") continue;
      const key = form.rows[d.currentIndex]?.key;
      if (key) tags.set(key, <RowChangeTag diff={d} previousYear={comparison.previousYear} />);
    }
    return tags;
  }, [comparison, form.rows]);
  return {
    data: q.data,
    error: q.error,
    loading: q.isPending,
    refetch: () => void q.refetch(),
    comparison,
    rowTags,
  };
}
