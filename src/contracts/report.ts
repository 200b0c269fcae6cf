import { z } from "zod";
import { REPORT_SECTIONS } from "../core/report/figures";
import { DOCX, fileResponse, operation, responses, YearQuery } from "./common";

const TAGS = ["report"];

export const ReportTemplateBody = z.object({
  title: z.string().max(200, "标题不能超过 200 字"),
  intro: z.string().max(20_000),
  sections: z
    .array(z.object({ key: z.enum(REPORT_SECTIONS), text: z.string().max(20_000, "每节不能超过 20000 字") }))
    .length(REPORT_SECTIONS.length, `须有 ${REPORT_SECTIONS.length} 节`),
});

const Run = z.object({
  text: z.string(),
  figure: z.string().optional(),
  link: z.string().optional(),
  missing: z.boolean().optional(),
});

export const ReportDocumentSchema = z.object({
  title: z.string(),
  blocks: z.array(
    z.union([
      z.object({ type: z.literal("heading"), section: z.enum(REPORT_SECTIONS), runs: z.array(Run) }),
      z.object({
        type: z.literal("paragraph"),
        section: z.union([z.enum(REPORT_SECTIONS), z.literal("intro")]),
        lead: z.array(Run).nullable(),
        runs: z.array(Run),
      }),
    ]),
  ),
});

export const FindingSchema = z.object({
  kind: z.enum(["share", "count-sum", "amount-sum", "data", "twice", "forced", "missing"]),
  severity: z.enum(["error", "note"]),
  sentence: z.string(),
  printed: z.string(),
  computed: z.string(),
  figure: z.string().optional(),
  message: z.string(),
  at: z.number().int(),
});

const FigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  section: z.string(),
  unit: z.string(),
  value: z.string().nullable().describe("按默认精度显示的值；无数据时为 null"),
  link: z.string().nullable(),
});

const AnnualReport = z.object({
  fiscalYear: z.number().int(),
  template: ReportTemplateBody,
  document: ReportDocumentSchema,
  figures: z.array(FigureSchema),
  findings: z.array(FindingSchema),
});

export const getAnnualReport = operation("report.read", {
  operationId: "getAnnualReport",
  tags: TAGS,
  summary: "年度工作开展情况：按默认模板和当前数据起草，附全部数字及其来源、核对结果",
  querystring: z.object({ year: YearQuery }),
  response: responses({ 200: AnnualReport }),
});

export const draftAnnualReport = operation("report.read", {
  operationId: "draftAnnualReport",
  tags: TAGS,
  summary: "按给定模板（财政修改后的文字）起草年度工作报告并核对",
  body: z.object({ fiscalYear: z.number().int().min(2000).max(2100), template: ReportTemplateBody }),
  response: responses({ 200: AnnualReport }),
});

export const getAnnualReportDocx = operation("report.read", {
  operationId: "getAnnualReportDocx",
  tags: TAGS,
  summary: "年度工作报告（Word，公文格式），按默认模板",
  querystring: z.object({ year: YearQuery }),
  response: responses({ 200: fileResponse(DOCX, "年度工作报告") }),
});

export const draftAnnualReportDocx = operation("report.read", {
  operationId: "draftAnnualReportDocx",
  tags: TAGS,
  summary: "按给定模板（财政修改后的文字）生成年度工作报告 Word 文件",
  body: z.object({ fiscalYear: z.number().int().min(2000).max(2100), template: ReportTemplateBody }),
  response: responses({ 200: fileResponse(DOCX, "年度工作报告") }),
});

export const checkReport = operation("report.read", {
  operationId: "checkReport",
  tags: TAGS,
  summary: "核对一段报告文字：占比、合计、前后一致；给出年度时再与该年度数据核对",
  body: z.object({
    text: z.string().min(1, "请粘贴报告文字").max(200_000, "文字不能超过 200000 字"),
    fiscalYear: z.number().int().min(2000).max(2100).optional(),
  }),
  response: responses({
    200: z.object({ fiscalYear: z.number().int().nullable(), findings: z.array(FindingSchema) }),
  }),
});
