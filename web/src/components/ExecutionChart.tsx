import { useMemo } from "react";
import type { ExecutionMonth } from "../api/types";
import { wanNumber } from "../format";
import { EChart, type EChartsCoreOption } from "./EChart";

/** Monthly payments (bars) and cumulative execution rate (line), 万元 and %. */
export function ExecutionChart({ months, budget }: { months: ExecutionMonth[]; budget: number }) {
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0, data: ["当月支付数", "累计支付数", "累计执行率"] },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: months.map((m) => `${m.month}月`) },
      yAxis: [
        { type: "value", name: "万元" },
        {
          type: "value",
          name: "执行率",
          max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10),
          axisLabel: { formatter: "{value}%" },
          splitLine: { show: false },
        },
      ],
      series: [
        {
          name: "当月支付数",
          type: "bar",
          data: months.map((m) => wanNumber(m.executed)),
          itemStyle: { color: "#52a4e0" },
          tooltip: { valueFormatter: (v: number) => `${v} 万元` },
        },
        {
          name: "累计支付数",
          type: "bar",
          data: months.map((m) => wanNumber(m.cumulative)),
          itemStyle: { color: "#1f5fae" },
          tooltip: { valueFormatter: (v: number) => `${v} 万元` },
        },
        {
          name: "累计执行率",
          type: "line",
          yAxisIndex: 1,
          data: months.map((m) => (budget > 0 ? Math.round((m.cumulative / budget) * 10000) / 100 : null)),
          itemStyle: { color: "#d4380d" },
          tooltip: { valueFormatter: (v: number) => `${v}%` },
        },
      ],
    }),
    [months, budget],
  );
  return <EChart option={option} height={260} aria-label="月度执行情况图" data-testid="execution-chart" />;
}
