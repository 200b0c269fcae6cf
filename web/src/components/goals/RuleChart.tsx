import { useMemo } from "react";
import type { FindingsByRule } from "../../../../src/core/goals/quality";
import { EChart, type EChartsCoreOption } from "../EChart";
import { ERROR_COLOR, WARNING_COLOR } from "./colors";

/** 问题最多的规则: findings per rule, most on top; errors red, warnings orange. */
export function RuleChart({ rules }: { rules: FindingsByRule[] }) {
  const shown = useMemo(() => [...rules].sort((a, b) => b.count - a.count).reverse(), [rules]);
  const option = useMemo<EChartsCoreOption>(() => {
    const series = (name: string, severity: string, color: string) => ({
      name,
      type: "bar",
      stack: "findings",
      barMaxWidth: 18,
      data: shown.map((r) => (r.severity === severity ? r.count : null)),
      itemStyle: { color },
      label: { show: true, position: "right", formatter: (p: { value: number | null }) => (p.value ? p.value : "") },
    });
    return {
      tooltip: {
        trigger: "item",
        formatter: (p: { name: string; seriesName: string; value: number; dataIndex: number }) => {
          const r = shown[p.dataIndex];
          return r ? `${r.title}<br/>${p.seriesName} ${r.count} 处，涉及 ${r.tables} 张表` : "";
        },
      },
      legend: { top: 0, right: 0, data: ["错误", "提示"] },
      grid: { left: 8, right: 40, top: 28, bottom: 4, containLabel: true },
      xAxis: { type: "value", name: "处", minInterval: 1 },
      yAxis: {
        type: "category",
        data: shown.map((r) => r.title),
        axisLabel: { width: 170, overflow: "truncate" },
        axisTick: { show: false },
      },
      series: [series("错误", "error", ERROR_COLOR), series("提示", "warning", WARNING_COLOR)],
    };
  }, [shown]);
  const top = shown.at(-1);
  return (
    <EChart
      option={option}
      height={Math.max(220, shown.length * 30 + 50)}
      aria-label={top ? `问题最多的规则：${top.title}，${top.count} 处` : "没有发现问题"}
      data-testid="goal-rule-chart"
    />
  );
}
