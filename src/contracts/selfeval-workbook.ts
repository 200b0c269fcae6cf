import { z } from "zod";
import { GRADES } from "../core/selfeval/grade";
import { fileResponse, IdQuery, operation, responses, XLSX, YearQuery } from "./common";
import { FormListQuery } from "./selfeval";

/** 项目支出绩效自评表 as Excel: the workbook a unit fills offline and its import, and the form list's export. */

export const exportSelfEvalWorkbook = operation("selfeval.read", {
  operationId: "exportSelfEvalWorkbook",
  tags: ["selfeval"],
  summary:
    "下载自评表：本年度可查看的项目自评表工作簿（目录 + 每张自评表一页，预填内容锁定；单位下载本单位的；部门整体支出自评表不在其中）",
  querystring: z.object({
    year: YearQuery,
    departmentId: IdQuery.optional().describe("主管部门（财政须指定主管部门或单位）"),
    unitId: IdQuery.optional().describe("实施单位"),
  }),
  response: responses({ 200: fileResponse(XLSX, "项目支出绩效自评表工作簿") }),
});

const SheetIssue = z.object({
  sheet: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  cell: z.string().nullable().describe("单元格，如 F14"),
  code: z.string(),
  message: z.string(),
});

const Score = z.object({
  total: z.number().nullable().describe("总分；有无法计分的项时为空"),
  grade: z.enum(GRADES).nullable(),
  unscorable: z.number().int().describe("无法计分的项数"),
});

export const SelfEvalImportResult = z
  .object({
    fileName: z.string(),
    mode: z.enum(["preview", "commit"]),
    committed: z.boolean(),
    fiscalYear: z.number().int(),
    counts: z.object({
      sheets: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      skipped: z.number().int().describe("不是自评表的工作表（如说明页），未处理"),
      withErrors: z.number().int(),
      errors: z.number().int(),
    }),
    issues: z.array(SheetIssue).describe("阻止导入的问题（最多前 500 条）"),
    sheets: z.array(
      z.object({
        sheet: z.string(),
        formId: z.number().int().nullable(),
        code: z.string().nullable(),
        name: z.string().nullable(),
        unitName: z.string().nullable(),
        statusText: z.string().nullable().describe("自评表当前状态"),
        status: z.enum(["changed", "unchanged", "error", "skipped"]),
        note: z.string().nullable().describe("跳过的原因"),
        changes: z.array(
          z.object({
            cell: z.string().nullable(),
            label: z.string(),
            before: z.string(),
            after: z.string(),
          }),
        ),
        before: Score.nullable().describe("导入前的自评得分"),
        after: Score.nullable().describe("按文件内容计算的自评得分"),
        incomplete: z.number().int().describe("导入后提交前仍须完善的项数"),
        issues: z.array(SheetIssue),
        version: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: "SelfEvalImportResult" });

export const importSelfEvalWorkbook = operation("selfeval.write", {
  operationId: "importSelfEvalWorkbook",
  tags: ["selfeval"],
  summary:
    "导入自评表：先预览（mode=preview，逐表列出改动与导入前后的总分），再提交（mode=commit，全部工作表无误才写入，否则一处不写）",
  querystring: z.object({
    year: YearQuery,
    mode: z.enum(["preview", "commit"]).default("preview"),
    fileName: z.string().max(200).optional(),
  }),
  response: responses({ 200: SelfEvalImportResult, 201: SelfEvalImportResult.describe("已写入") }),
});

export const exportSelfEvalFormList = operation("selfeval.read", {
  operationId: "exportSelfEvalFormList",
  tags: ["selfeval"],
  summary: "导出自评表列表为 Excel（与列表相同的筛选和排序，全部行）",
  querystring: FormListQuery,
  response: responses({ 200: fileResponse(XLSX, "自评表列表") }),
});
