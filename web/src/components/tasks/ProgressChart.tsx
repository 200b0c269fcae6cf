import { useMemo } from "react";
import type { TaskProgress } from "../../api/tasks/tasks";
import { EChart, type EChartsCoreOption } from "../EChart";

type Row = TaskProgress["rows"][number];

/** Each department's tasks stacked by where they stand, the least advanced on top. */
export function ProgressChart({ rows }: { rows: Row[] }) {
  const sorted = useMemo(
    () => [...rows].sort((a, b) => b.approvalRate - a.approvalRate || b.submissionRate - a.submissionRate),
    [rows],
  );
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0, data: ["已完成", "已提交", "进行中/待办", "被退回"] },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "value", name: "项" },
      yAxis: { type: "category", data: sorted.map((r) => r.department.name) },
      series: [
        { name: "已完成", type: "bar", stack: "t", data: sorted.map((r) => r.done), itemStyle: { color: "#52c41a" } },
        {
          name: "已提交",
          type: "bar",
          stack: "t",
          data: sorted.map((r) => r.submitted),
          itemStyle: { color: "#1677ff" },
        },
        {
          name: "进行中/待办",
          type: "bar",
          stack: "t",
          data: sorted.map((r) => r.todo + r.inProgress),
          itemStyle: { color: "#d9d9d9" },
        },
        {
          name: "被退回",
          type: "bar",
          stack: "t",
          data: sorted.map((r) => r.returned),
          itemStyle: { color: "#ff4d4f" },
        },
      ],
    }),
    [sorted],
  );
  return (
    <EChart
      option={option}
      height={Math.max(220, sorted.length * 26 + 60)}
      aria-label="各部门任务进度"
      data-testid="progress-chart"
    />
  );
}
