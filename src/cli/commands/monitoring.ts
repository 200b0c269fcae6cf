import { writeFileSync } from "node:fs";
import { systemActor } from "../../app/auth/actor";
import { exportMonitoringReportList } from "../../app/monitoring/export-list";
import { monitoringYearSummary } from "../../app/monitoring/round-summary";
import { LIGHT_LABELS, LIGHTS, MONITORING_KIND_LABELS, MONITORING_KINDS } from "../../core/monitoring/types";
import { TASK_STATUS_LABELS, TASK_STATUSES } from "../../core/tasks/tasks";
import { monitoringListWorkbook } from "../../io/monitoring-list-export";
import { openRuntime, resolveRegion } from "../runtime";

/**
 * `jixiao monitoring summary --year 2024 [--json]`: the year's monitoring tasks by kind (department, key) and
 * status, the reports by light, and the follow-up actions open and closed, from the same use case as the API.
 */
export async function monitoringSummary(options: { year: string; region?: string; json?: boolean }) {
  const year = Number(options.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`年度无效：${options.year}`);
  const rt = await openRuntime();
  try {
    const summary = await monitoringYearSummary(rt.deps, systemActor(await resolveRegion(rt, options.region)), year);
    if (options.json) {
      console.log(JSON.stringify(summary, null, 2));
      return;
    }
    console.log(`${year}年度绩效运行监控：${summary.rounds} 个轮次`);
    for (const kind of MONITORING_KINDS) {
      const t = summary.tasks[kind];
      const byStatus = TASK_STATUSES.filter((s) => t.byStatus[s] > 0)
        .map((s) => `${TASK_STATUS_LABELS[s]} ${t.byStatus[s]}`)
        .join("，");
      console.log(
        `  ${MONITORING_KIND_LABELS[kind]}任务 ${t.total} 个${byStatus ? `（${byStatus}）` : ""}，逾期 ${t.overdue}`,
      );
    }
    console.log(`  预警：${LIGHTS.map((l) => `${LIGHT_LABELS[l]} ${summary.lights[l]}`).join("，")}`);
    const a = summary.actions;
    console.log(`  整改措施 ${a.total} 项：未办结 ${a.open}（逾期 ${a.overdue}），已办结 ${a.closed}`);
  } finally {
    await rt.close();
  }
}

/**
 * `jixiao monitoring export-list --year 2024 [--month 7] [--out file.xlsx]`: a round's report list with
 * lights and reasons, as the web list exports it (the year's latest round unless --month names one).
 */
export async function monitoringExportList(options: { year: string; month?: string; out?: string; region?: string }) {
  const year = Number(options.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`年度无效：${options.year}`);
  const month = options.month === undefined ? null : Number(options.month);
  if (month !== null && !(Number.isInteger(month) && month >= 1 && month <= 12))
    throw new Error(`截止月份无效：${options.month}（应为 1 至 12）`);
  const rt = await openRuntime();
  try {
    const regionCode = await resolveRegion(rt, options.region);
    const rounds = await rt.deps.uow.read.monitoring.rounds(regionCode, year);
    const round =
      month === null
        ? [...rounds].sort((a, b) => b.cutoffMonth - a.cutoffMonth)[0]
        : rounds.find((r) => r.cutoffMonth === month);
    if (!round)
      throw new Error(
        rounds.length === 0
          ? `${year}年度还没有监控轮次`
          : `${year}年度没有截至${month}月的监控轮次；已有：${rounds.map((r) => `截至${r.cutoffMonth}月`).join("、")}`,
      );
    const exported = await exportMonitoringReportList(rt.deps, systemActor(regionCode), { roundId: round.id });
    const out = options.out ?? exported.fileName;
    writeFileSync(out, await monitoringListWorkbook(exported));
    console.log(`已导出 ${year}年度截至${round.cutoffMonth}月的 ${exported.rows.length} 份监控表到 ${out}`);
  } finally {
    await rt.close();
  }
}
