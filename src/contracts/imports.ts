import { z } from "zod";
import { IMPORT_KINDS } from "../core/imports/spec";
import { fileResponse, Id, Instant, operation, Paging, page, responses, XLSX } from "./common";

export const ImportResult = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    fileName: z.string(),
    sha256: z.string().describe("文件的 SHA-256，记入导入批次"),
    mode: z.enum(["preview", "commit"]),
    committed: z.boolean(),
    batchId: Id.nullable().describe("提交后的导入批次编号"),
    format: z.enum(["xlsx", "csv", "json"]),
    counts: z.object({
      total: z.number().int().describe("要导入的数据行数（不含跳过的示例行）"),
      new: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      errors: z.number().int().describe("错误个数（一行可有多个错误）"),
      errorRows: z.number().int().describe("有错误的行数"),
      examples: z.number().int().describe("跳过的模板示例行数（第一列“示例标记”为“示例”的行）"),
    }),
    issues: z
      .array(
        z.object({
          row: z.number().int().describe("文件中的行号（表头为第 1 行）"),
          column: z.string().nullable().describe("列名"),
          field: z.string().nullable(),
          code: z.string(),
          message: z.string(),
        }),
      )
      .describe("错误（最多列出前 500 条；总数见 counts.errors）"),
    newRows: z.array(z.record(z.string(), z.unknown())).describe("新增的行，字段同导入模板（最多前 50 行）"),
    changedRows: z
      .array(
        z.object({
          key: z.string(),
          changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.unknown(), after: z.unknown() })),
        }),
      )
      .describe("有变化的行及变化的字段（最多前 50 行）"),
  })
  .meta({ id: "ImportResult" });

export const runImport = operation("import.run", {
  operationId: "runImport",
  tags: ["imports"],
  summary: "导入一体化系统数据：先预览（mode=preview），再提交（mode=commit，全部成功或全部不写）",
  description:
    "网页上传用 multipart（字段 file）；系统对接可直接以请求体发送文件（Content-Type 为 json、csv 或 xlsx），使用 Bearer 令牌。文件有错误时提交返回 422 IMPORT_INVALID，不写入任何数据。",
  params: z.object({ kind: z.enum(IMPORT_KINDS) }),
  querystring: z.object({
    mode: z.enum(["preview", "commit"]).default("preview"),
    fileName: z.string().max(200).optional(),
  }),
  response: responses({ 200: ImportResult.describe("预览"), 201: ImportResult.describe("已提交") }),
});

export const getImportTemplate = operation("signed-in", {
  operationId: "getImportTemplate",
  tags: ["imports"],
  summary: "下载导入模板（中文表头、填写说明）",
  params: z.object({ file: z.enum(IMPORT_KINDS.map((k) => `${k}.xlsx`) as [string, ...string[]]) }),
  response: responses({ 200: fileResponse(XLSX, "导入模板") }),
});

export const ImportBatch = z
  .object({
    id: Id,
    kind: z.string().describe(`导入类型：${IMPORT_KINDS.join("、")}`),
    fileName: z.string(),
    sha256: z.string(),
    counts: z
      .record(z.string(), z.number())
      .describe("行数：total 总数、new 新增、changed 变更、unchanged 未变；examples 跳过的示例行（有时才有）"),
    actorId: Id.nullable(),
    actorName: z.string().nullable().describe("导入人；系统导入（如演示数据）为 null"),
    at: Instant.describe("提交时间"),
  })
  .meta({ id: "ImportBatch" });

export const listImports = operation("import.run", {
  operationId: "listImports",
  tags: ["imports"],
  summary: "导入记录：本区已提交的导入批次（有错误的文件不写入，也不留记录）",
  querystring: z.object({
    kind: z.enum(IMPORT_KINDS).optional(),
    order: z.enum(["asc", "desc"]).default("desc").describe("按提交时间排序"),
    ...Paging,
  }),
  response: responses({ 200: page(ImportBatch) }),
});
