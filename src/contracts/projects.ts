import { z } from "zod";
import { GOAL_STATUSES } from "../core/goals/workflow";
import { PROJECT_CATEGORIES, PROJECT_SORTS, SIZE_BANDS } from "../core/project";
import { AuditEntry } from "./audit";
import {
  Fen,
  FenTotal,
  fileResponse,
  Id,
  IdParam,
  IdQuery,
  Instant,
  OrgRef,
  operation,
  Paging,
  responses,
  XLSX,
  YearQuery,
} from "./common";

const bool = z.enum(["true", "false"]).transform((v) => v === "true");

/** The filters of the project library (list, export). */
export const ProjectFilterQuery = z.object({
  year: YearQuery,
  q: z.string().trim().max(100).optional(),
  departmentId: IdQuery.optional(),
  unitId: IdQuery.optional(),
  category: z.enum(PROJECT_CATEGORIES).optional(),
  size: z.enum(SIZE_BANDS.map((b) => b.key) as [string, ...string[]]).optional(),
  isKey: bool.optional(),
  sort: z.enum(PROJECT_SORTS).default("code"),
  order: z.enum(["asc", "desc"]).default("asc"),
});
export type ProjectFilterQuery = z.output<typeof ProjectFilterQuery>;

export const ProjectRow = z
  .object({
    id: Id,
    code: z.string(),
    name: z.string(),
    fiscalYear: z.number().int(),
    department: OrgRef,
    unit: OrgRef.describe("实施单位（部门自行实施时为部门本身）"),
    category: z.enum(PROJECT_CATEGORIES),
    isKey: z.boolean().describe("重点项目"),
    sector: z.string().nullable(),
    initialBudget: Fen.describe("年初预算数（分）"),
    adjustedBudget: Fen.describe("全年预算数（分）"),
    fiscalFunds: Fen.describe("其中：财政资金（分）"),
    otherFunds: Fen.describe("其中：其他资金（分）"),
    executed: Fen.describe("执行数（分）"),
    executionRate: z.number().nullable().describe("执行率（0–1 的小数；全年预算为 0 时为 null）"),
  })
  .meta({ id: "ProjectRow" });

export const listProjects = operation("project.read", {
  operationId: "listProjects",
  tags: ["projects"],
  summary: "项目库：检索、筛选、排序、分页（金额单位：分）",
  querystring: ProjectFilterQuery.extend(Paging),
  response: responses({
    200: z.object({
      rows: z.array(ProjectRow),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
      sums: z.object({ adjustedBudget: FenTotal, executed: FenTotal }).describe("全部符合筛选条件的项目合计"),
    }),
  }),
});

export const exportProjects = operation("project.export", {
  operationId: "exportProjects",
  tags: ["projects"],
  summary: "导出当前筛选的项目为 Excel",
  querystring: ProjectFilterQuery,
  response: responses({ 200: fileResponse(XLSX, "项目库 Excel") }),
});

export const ProjectDetail = z
  .object({
    project: ProjectRow.extend({ version: z.number().int(), createdAt: Instant, updatedAt: Instant }),
    execution: z.array(z.object({ month: z.number().int().min(1).max(12), executed: Fen, cumulative: Fen })),
    history: z.array(AuditEntry).describe("最近 50 条变更记录"),
    goalTable: z
      .object({ id: Id, status: z.enum(GOAL_STATUSES) })
      .nullable()
      .describe("项目本年度的绩效目标表（当前版本）；尚无则为 null，实施单位可编制"),
  })
  .meta({ id: "ProjectDetail" });

export const getProject = operation("project.read", {
  operationId: "getProject",
  tags: ["projects"],
  summary: "项目详情、月度执行与变更记录",
  params: IdParam,
  response: responses({ 200: ProjectDetail }),
});

export const DeptBudgetRow = z
  .object({
    department: OrgRef,
    initialBudget: Fen,
    adjustedBudget: Fen,
    fiscalFunds: Fen,
    otherFunds: Fen,
    executed: Fen,
    projectCount: z.number().int(),
    projectBudget: FenTotal.describe("其中：项目预算合计（分）"),
  })
  .meta({ id: "DeptBudgetRow" });

export const listDeptBudgets = operation("deptBudget.read", {
  operationId: "listDeptBudgets",
  tags: ["projects"],
  summary: "部门整体预算及执行",
  querystring: z.object({ year: YearQuery }),
  response: responses({ 200: z.object({ rows: z.array(DeptBudgetRow) }) }),
});

export const getHome = operation("home.read", {
  operationId: "getHome",
  tags: ["home"],
  summary: "首页数据（按角色与数据范围）",
  querystring: z.object({ year: YearQuery }),
  response: responses({
    200: z.object({
      year: z.number().int(),
      cards: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          value: z.number().describe("unit 为 fen 时单位为分；为 % 时为百分数"),
          unit: z.enum(["个", "fen", "%"]),
        }),
      ),
      departments: z.array(
        OrgRef.extend({ projectCount: z.number().int(), adjustedBudget: FenTotal, executed: FenTotal }),
      ),
      units: z
        .array(
          z.object({
            unit: OrgRef,
            projectCount: z.number().int(),
            keyCount: z.number().int(),
            adjustedBudget: FenTotal,
            executed: FenTotal,
          }),
        )
        .describe("部门账号：本部门项目按实施单位汇总"),
      projects: z.array(ProjectRow).describe("单位账号：本单位预算最大的 10 个项目"),
    }),
  }),
});
