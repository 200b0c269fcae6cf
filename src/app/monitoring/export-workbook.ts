import { AppError } from "../../core/errors";
import type { MonitoringSheetData } from "../../core/monitoring/sheet";
import { MONITORING_KIND_LABELS, type MonitoringRules } from "../../core/monitoring/types";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { loadRound } from "./load-round";
import { monitoringRulesFor } from "./monitoring-rules";
import type { ReportDetail } from "./ports";

export interface MonitoringWorkbookRequest {
  roundId: number;
  departmentId?: number | undefined;
  unitId?: number | undefined;
}

/** More sheets than this make a workbook Excel opens slowly (and the reader refuses); a department stays below. */
export const MAX_WORKBOOK_REPORTS = 1000;

/** What one sheet of the workbook shows of a report: as issued, with the answers saved so far. */
export function sheetDataOf(d: ReportDetail, rules: Pick<MonitoringRules, "causeCategories">): MonitoringSheetData {
  return {
    reportId: d.id,
    roundId: d.round.id,
    version: d.version,
    fiscalYear: d.round.fiscalYear,
    cutoffMonth: d.round.cutoffMonth,
    kindLabel: MONITORING_KIND_LABELS[d.kind],
    subjectKind: d.subjectKind,
    subjectCode: d.code,
    subjectName: d.name,
    departmentName: d.department.name,
    unitCode: d.unit.code,
    unitName: d.unit.name,
    execution: d.execution,
    items: d.items,
    answers: { ...d.answers },
    causeCategories: [...rules.causeCategories],
  };
}

/**
 * 下载填报表: the reports of a round the actor may see, as sheets to fill offline. A unit gets the reports it
 * fills; a department its own and its units' (or one unit's); finance names a department or a unit, since
 * the whole region is too much for one file. The reports' details are read in one go (repos.details).
 */
export async function exportMonitoringWorkbook(deps: Deps, actor: Actor, request: MonitoringWorkbookRequest) {
  const scope = authorize(actor, "monitoring.read");
  const repos = deps.uow.read;
  const round = await loadRound(repos, actor.regionCode, request.roundId);
  if (scope.kind === "region" && !request.departmentId && !request.unitId)
    throw new AppError(
      "validation",
      "MONITORING_EXPORT_NEEDS_DEPARTMENT",
      "请选择要下载的主管部门或单位：全区的监控表按部门分别下载",
      { field: "departmentId" },
    );
  const details = await repos.monitoring.details(scope, {
    roundId: round.id,
    departmentId: request.departmentId,
    unitId: request.unitId,
  });
  const owner = request.unitId
    ? (details[0]?.unit.name ?? "")
    : request.departmentId
      ? (details[0]?.department.name ?? "")
      : ((await repos.orgs.byId(actor.orgId))?.name ?? "");
  const period = `${round.fiscalYear}年度（截至${round.cutoffMonth}月）`;
  if (details.length === 0)
    throw new AppError("not_found", "MONITORING_EXPORT_EMPTY", `${owner}${period}没有您可查看的监控表`);
  if (details.length > MAX_WORKBOOK_REPORTS)
    throw new AppError(
      "validation",
      "MONITORING_EXPORT_TOO_MANY",
      `共 ${details.length} 份监控表，超过单个文件 ${MAX_WORKBOOK_REPORTS} 份的上限，请按主管部门或单位分别下载`,
    );
  const rules = await monitoringRulesFor(repos, actor.regionCode, round.fiscalYear);
  return {
    round,
    title: `${owner} ${period}绩效运行监控表`,
    fileName: `绩效运行监控表_${owner || "导出"}_${round.fiscalYear}年截至${round.cutoffMonth}月.xlsx`,
    sheets: details.map((d) => sheetDataOf(d, rules)),
  };
}
