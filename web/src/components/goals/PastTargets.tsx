import { Typography } from "antd";
import { OPERATOR_LABELS, type Operator } from "../../../../src/core/goals/types";
import type { PastTargets as Targets } from "../../api/goals/indicator-library";

const num = (n: number) => String(Math.round(n * 100) / 100);

/** "≥95%（90～100%）": the usual target of a year and, when targets differ, their range. */
export function targetText(t: Targets, operator: Operator | null, unit: string | null): string {
  const u = unit ?? "";
  const common = t.commonTarget ? `${operator ? OPERATOR_LABELS[operator] : ""}${t.commonTarget}${u}` : "—";
  const range =
    t.minTarget !== null && t.maxTarget !== null && t.minTarget !== t.maxTarget
      ? `（${num(t.minTarget)}～${num(t.maxTarget)}${u}）`
      : "";
  return `${common}${range}`;
}

/**
 * 往年目标值: per fiscal year, the target approved goal tables set most often, their range and how many
 * tables. Actual results come from self-evaluation once that module records them.
 */
export function PastTargets({
  targets,
  operator,
  unit,
  compact = false,
}: {
  targets: readonly Targets[];
  operator: Operator | null;
  unit: string | null;
  compact?: boolean;
}) {
  if (targets.length === 0)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        往年目标值：尚无已批复的目标表使用
      </Typography.Text>
    );
  return (
    <div data-testid="past-targets" style={{ fontSize: compact ? 12 : 13 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        往年目标值
      </Typography.Text>
      {targets.map((t) => (
        <div key={t.fiscalYear}>
          <b>{t.fiscalYear}年</b> 常用 {targetText(t, operator, unit)}，{t.tables.toLocaleString("zh-CN")} 张表
        </div>
      ))}
    </div>
  );
}
