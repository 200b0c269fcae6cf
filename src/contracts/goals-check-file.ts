import { z } from "zod";
import { INDICATOR_FIELDS, INDICATOR_KINDS, OPERATORS } from "../core/goals/types";
import { Fen, fileResponse, operation, responses, XLSX, YearQuery } from "./common";

/** 检查外来目标表: goal tables received as Excel from other systems, checked with the region's rules; nothing is stored. */

const Cell = z.object({ cell: z.string().describe("单元格，如 C7"), row: z.number().int(), header: z.string() });

const Issue = z.object({
  sheet: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  cell: z.string().nullable().describe("单元格，如 C7"),
  code: z.string(),
  message: z.string(),
});

const Finding = z.object({
  code: z.string().describe("审核规则代码（GOAL_CHECK_NO_HEADER：缺少表头信息）"),
  title: z.string().describe("规则名称"),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  suggestion: z.string().nullable(),
  cell: z.string().nullable().describe("问题所在单元格；整表问题为表头单元格或 null"),
  row: z.number().int().nullable(),
  indicatorIndex: z.number().int().nullable().describe("指标序号（从 0 起）"),
  field: z.enum([...INDICATOR_FIELDS, "uid", "overallGoal", "indicators"]).nullable(),
});

const Indicator = z.object({
  level1: z.string(),
  level2: z.string(),
  name: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  operator: z.enum(OPERATORS).nullable(),
  target: z.string(),
  unit: z.string().nullable(),
  weight: z.number().describe("没有权重列时为 0"),
  explanation: z.string().nullable(),
});

const CheckedTable = z.object({
  sheet: z.string(),
  part: z.string().nullable().describe("一个工作表列有多个项目时的项目名称"),
  fiscalYear: z.number().int().describe("检查所用规则的年度"),
  rulesVersion: z.string(),
  table: z.object({
    subjectKind: z.enum(["project", "deptWide"]),
    subjectName: z.string(),
    funds: z.object({ total: Fen, fiscal: Fen, other: Fen }).nullable().describe("资金（分）"),
    overallGoal: z.string().describe("年度总体目标"),
    indicators: z.array(Indicator).describe("一级、二级指标已对应到本年度指标体系"),
  }),
  writtenLevels: z.array(z.object({ level1: z.string(), level2: z.string() })).describe("表中原写的一级、二级指标"),
  departmentName: z.string(),
  unitName: z.string(),
  longTermGoal: z.string().nullable().describe("实施期（中长期）目标"),
  at: z.object({
    subjectName: Cell.nullable(),
    funds: Cell.nullable(),
    overallGoal: Cell.nullable(),
    grid: Cell,
    weights: Cell.nullable(),
    indicators: z.array(
      z.object({ row: z.number().int(), cells: z.partialRecord(z.enum(INDICATOR_FIELDS), z.string()) }),
    ),
  }),
  findings: z.array(Finding),
  errors: z.number().int(),
  warnings: z.number().int(),
  notes: z.array(z.string()).describe("读取和对应指标体系时的说明"),
});

export const GoalWorkbookCheck = z
  .object({
    fileName: z.string(),
    rules: z.array(
      z.object({
        fiscalYear: z.number().int(),
        version: z.string(),
        setForYear: z.number().int().nullable().describe("规则所设年度；null 为内置默认规则"),
      }),
    ),
    sheets: z.array(z.object({ sheet: z.string(), tables: z.array(CheckedTable), issues: z.array(Issue) })),
    counts: z.object({
      sheets: z.number().int(),
      tables: z.number().int(),
      errors: z.number().int(),
      warnings: z.number().int(),
      issues: z.number().int().describe("无法读取之处"),
    }),
  })
  .meta({ id: "GoalWorkbookCheck" });

const Query = z.object({
  year: YearQuery.optional().describe("按此年度的规则检查（默认取表中的年度）"),
  fileName: z.string().max(200).optional(),
});

export const checkGoalWorkbook = operation("goal.checkFile", {
  operationId: "checkGoalWorkbook",
  tags: ["goals"],
  summary:
    "检查外来的绩效目标表 Excel（multipart 的 file 或原始请求体，10 MB 以内）：按本区划该年度的规则逐表审核，不保存任何内容",
  querystring: Query,
  response: responses({ 200: GoalWorkbookCheck }),
});

export const exportGoalWorkbookCheck = operation("goal.checkFile", {
  operationId: "exportGoalWorkbookCheck",
  tags: ["goals"],
  summary: "同上，结果为问题清单 Excel（再次上传同一文件；不保存任何内容）",
  querystring: Query,
  response: responses({ 200: fileResponse(XLSX, "外来目标表问题清单 Excel") }),
});
