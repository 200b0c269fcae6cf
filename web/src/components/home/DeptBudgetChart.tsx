import { useMemo } from "react";
import type { HomeDepartment } from "../../api/types";
import { wan, wanNumber } from "../../format";
import { EChart, type EChartsCoreOption } from "../EChart";

/** 各部门全年预算与执行: the 20 departments with the largest budgets, in 万元, largest on top. */
export function DeptBudgetChart({ departments }: { departments: HomeDepartment[] }) {
  const top = useMemo(
    () =>
      [...departments]
        .sort((a, b) => b.adjustedBudget - a.adjustedBudget)
        .slice(0, 20)
        .reverse(),
    [departments],
  );
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (v: unknown) => `${typeof v === "number" ? v.toLocaleString("zh-CN") : v} 万元`,
      },
      legend: { top: 0, data: ["全年预算数", "执行数"] },
      grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "value", name: "万元", axisLabel: { formatter: (v: number) => v.toLocaleString("zh-CN") } },
      yAxis: {
        type: "category",
        data: top.map((d) => d.name),
        axisLabel: { width: 150, overflow: "truncate" },
      },
      series: [
        {
          name: "全年预算数",
          type: "bar",
          data: top.map((d) => wanNumber(d.adjustedBudget)),
          itemStyle: { color: "#1f5fae" },
          barGap: "10%",
        },
        { name: "执行数", type: "bar", data: top.map((d) => wanNumber(d.executed)), itemStyle: { color: "#52a4e0" } },
      ],
    }),
    [top],
  );
  if (top.length === 0) return null;
  return (
    <EChart
      option={option}
      height={Math.max(240, top.length * 30 + 60)}
      aria-label={`各部门全年预算与执行，预算最大的是${top.at(-1)?.name ?? ""}（${wan(top.at(-1)?.adjustedBudget)}万元）`}
      data-testid="dept-chart"
    />
  );
}
