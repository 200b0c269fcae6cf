import { z } from "zod";
import { EVALUATION_KINDS, EVALUATION_STATUSES } from "../core/evaluations/workflow";
import { GRADES } from "../core/selfeval/grade";
import { Fen, fileResponse, Id, operation, responses, XLSX, YearQuery } from "./common";

const StatusCounts = z.object(
  Object.fromEntries(EVALUATION_STATUSES.map((s) => [s, z.number().int()])) as Record<
    (typeof EVALUATION_STATUSES)[number],
    z.ZodNumber
  >,
);

const KindSummary = z.object({
  count: z.number().int().describe("已定稿的评价数"),
  byStatus: StatusCounts,
  amountWan: z.string().describe("已定稿评价的项目金额合计（万元，两位小数）"),
  meanScore: z.string().nullable().describe("已定稿评价得分的平均值（四舍五入两位小数）"),
  grades: z.array(z.object({ grade: z.enum(GRADES), count: z.number().int(), percent: z.string() })),
});

export const EvaluationSummary = z
  .object({
    fiscalYear: z.number().int(),
    departmentEvaluations: z.number().int().describe("已定稿的部门评价数"),
    departmentCoverage: z.number().describe("达到年度要求的部门占比（%）"),
    keyEvaluations: z.number().int().describe("已定稿的财政重点评价数"),
    keyAmount: z.number().describe("重点评价项目金额合计（万元，两位小数）"),
    keyMeanScore: z.number().nullable().describe("重点评价平均得分"),
    minProjectsPerDepartment: z.number().int(),
    department: KindSummary,
    key: KindSummary,
    coverage: z.object({
      departments: z.number().int(),
      covered: z.number().int(),
      participating: z.number().int(),
      rate: z.string(),
    }),
    coverageRows: z.array(
      z.object({
        departmentId: Id,
        departmentCode: z.string(),
        departmentName: z.string(),
        projects: z.number().int(),
        evaluations: z.number().int(),
        finalised: z.number().int(),
        meets: z.boolean(),
      }),
    ),
    rectification: z.object({
      items: z.number().int(),
      issued: z.number().int(),
      answered: z.number().int(),
      accepted: z.number().int(),
      returned: z.number().int(),
      overdue: z.number().int(),
    }),
    rows: z.array(
      z.object({
        id: Id,
        kind: z.enum(EVALUATION_KINDS),
        status: z.enum(EVALUATION_STATUSES),
        amount: Fen,
        project: z.object({ code: z.string(), name: z.string() }),
        unitName: z.string(),
        departmentName: z.string(),
        sheets: z.number().int(),
        overridePoints: z.number().nullable(),
        overrideReason: z.string().nullable(),
        score: z.number().nullable(),
        grade: z.enum(GRADES).nullable(),
      }),
    ),
  })
  .meta({ id: "EvaluationSummary" });

export const getEvaluationSummary = operation("evaluation.read", {
  operationId: "getEvaluationSummary",
  tags: ["evaluations"],
  summary: "年度绩效评价汇总：部门评价数与覆盖率、重点评价数、金额与平均分、等级分布、整改情况（只计已定稿的评价）",
  querystring: z.object({ year: YearQuery }),
  response: responses({ 200: EvaluationSummary }),
});

export const exportEvaluationSummary = operation("evaluation.read", {
  operationId: "exportEvaluationSummary",
  tags: ["evaluations"],
  summary: "导出年度绩效评价汇总 Excel：汇总、等级分布、部门覆盖、评价清单",
  querystring: z.object({ year: YearQuery }),
  response: responses({ 200: fileResponse(XLSX, "绩效评价汇总") }),
});
