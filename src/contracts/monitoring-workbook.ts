import { z } from "zod";
import { fileResponse, IdQuery, operation, responses, XLSX } from "./common";
import { ReportListQuery } from "./monitoring";

/** 绩效运行监控表 as Excel: the workbook a unit fills offline and its import, and the report list's export. */

export const exportMonitoringWorkbook = operation("monitoring.read", {
  operationId: "exportMonitoringWorkbook",
  tags: ["monitoring"],
  summary: "下载填报表：本轮次可查看的监控表工作簿（目录 + 每份监控表一页，预填内容锁定；单位下载本单位的）",
  querystring: z.object({
    roundId: IdQuery,
    departmentId: IdQuery.optional().describe("主管部门（财政须指定主管部门或单位）"),
    unitId: IdQuery.optional().describe("实施单位"),
  }),
  response: responses({ 200: fileResponse(XLSX, "绩效运行监控表工作簿") }),
});

const SheetIssue = z.object({
  sheet: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  cell: z.string().nullable().describe("单元格，如 E13"),
  code: z.string(),
  message: z.string(),
});

export const MonitoringImportResult = z
  .object({
    fileName: z.string(),
    mode: z.enum(["preview", "commit"]),
    committed: z.boolean(),
    round: z.object({ id: z.number().int(), fiscalYear: z.number().int(), cutoffMonth: z.number().int() }),
    counts: z.object({
      sheets: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      withErrors: z.number().int(),
      errors: z.number().int(),
    }),
    issues: z.array(SheetIssue).describe("阻止导入的问题（最多前 500 条）"),
    sheets: z.array(
      z.object({
        sheet: z.string(),
        reportId: z.number().int().nullable(),
        code: z.string().nullable(),
        name: z.string().nullable(),
        unitName: z.string().nullable(),
        statusText: z.string().nullable().describe("监控表当前状态"),
        status: z.enum(["changed", "unchanged", "error"]),
        changes: z.array(
          z.object({
            cell: z.string().nullable(),
            label: z.string(),
            before: z.string(),
            after: z.string(),
          }),
        ),
        incomplete: z.number().int().describe("导入后提交前仍须完善的项数"),
        issues: z.array(SheetIssue),
        version: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: "MonitoringImportResult" });

export const importMonitoringWorkbook = operation("monitoring.write", {
  operationId: "importMonitoringWorkbook",
  tags: ["monitoring"],
  summary: "导入填报表：先预览（mode=preview），再提交（mode=commit，全部工作表无误才写入，否则一处不写）",
  querystring: z.object({
    roundId: IdQuery,
    mode: z.enum(["preview", "commit"]).default("preview"),
    fileName: z.string().max(200).optional(),
  }),
  response: responses({ 200: MonitoringImportResult, 201: MonitoringImportResult.describe("已写入") }),
});

export const exportMonitoringReportList = operation("monitoring.read", {
  operationId: "exportMonitoringReportList",
  tags: ["monitoring"],
  summary: "导出监控表列表为 Excel（与列表相同的筛选和排序，全部行）",
  querystring: ReportListQuery,
  response: responses({ 200: fileResponse(XLSX, "监控表列表") }),
});
