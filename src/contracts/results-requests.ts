import { z } from "zod";
import { MAX_AMOUNT_FEN } from "../core/imports/spec";
import { REQUEST_SORTS } from "../core/results/requests";
import {
  Fen,
  FenTotal,
  fileResponse,
  Id,
  IdParam,
  IdQuery,
  Instant,
  NoContent,
  OrgRef,
  operation,
  Paging,
  page,
  responses,
  Version,
  XLSX,
} from "./common";

/** 下年度预算申请: what each project of the results year asks for the next budget year, imported or typed. */

const BudgetYear = z
  .number()
  .int("预算年度须为四位年份")
  .min(2001, "预算年度须在 2001–2100 之间")
  .max(2100, "预算年度须在 2001–2100 之间")
  .describe("申请安排预算的年度（项目所在年度的下一年）");
const BudgetYearQuery = z.coerce
  .number()
  .int("预算年度须为四位年份")
  .min(2001, "预算年度须在 2001–2100 之间")
  .max(2100, "预算年度须在 2001–2100 之间")
  .describe("预算年度（如 2025：2024 年度项目的下年度预算申请）");
const Amount = z
  .number()
  .int("申请金额须精确到分（以分为单位的整数）")
  .min(0, "申请金额不能为负数")
  .max(MAX_AMOUNT_FEN, "申请金额超过单笔上限100亿元")
  .describe("申请金额，单位：分");

export const BudgetRequestRow = z
  .object({
    id: Id,
    budgetYear: z.number().int(),
    project: z
      .object({
        id: Id,
        code: z.string(),
        name: z.string(),
        fiscalYear: z.number().int().describe("项目所在年度（预算年度的上一年）"),
        adjustedBudget: Fen.describe("该项目本年度全年预算数"),
      })
      .describe("申请所属的上一年度项目"),
    unit: OrgRef.describe("实施单位"),
    department: OrgRef.describe("主管部门"),
    amount: Fen.describe("申请金额"),
    rigid: z.boolean().describe("刚性支出"),
    batchId: Id.nullable().describe("最近一次写入它的导入批次；手工录入或修改后为 null"),
    updatedAt: Instant,
    version: z.number().int(),
  })
  .meta({ id: "BudgetRequestRow" });

const flag = z
  .enum(["true", "false"])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "true"));

export const BudgetRequestQuery = z.object({
  budgetYear: BudgetYearQuery,
  departmentId: IdQuery.optional(),
  rigid: flag.describe("只看刚性支出（true）或非刚性支出（false）"),
  q: z.string().trim().max(100).optional().describe("项目编码或名称中的文字"),
  sort: z.enum(REQUEST_SORTS).default("code"),
  order: z.enum(["asc", "desc"]).default("asc"),
});

export const listBudgetRequests = operation("results.read", {
  operationId: "listBudgetRequests",
  tags: ["results"],
  summary: "下年度预算申请列表（按数据范围）：按预算年度、主管部门、刚性支出、项目编码或名称筛选，附申请金额合计",
  querystring: BudgetRequestQuery.extend(Paging),
  response: responses({
    200: page(BudgetRequestRow).extend({ totalAmount: FenTotal.describe("符合筛选条件的申请金额合计") }),
  }),
});

export const exportBudgetRequests = operation("results.read", {
  operationId: "exportBudgetRequests",
  tags: ["results"],
  summary: "导出下年度预算申请（Excel，按当前筛选与排序，最多 5000 条）",
  description:
    "符合筛选条件的申请超过 5000 条时为 400 RESULT_EXPORT_TOO_MANY（不导出不完整的文件），请按主管部门等筛选后分别导出。",
  querystring: BudgetRequestQuery,
  response: responses({ 200: fileResponse(XLSX, "下年度预算申请") }),
});

export const createBudgetRequest = operation("results.manage", {
  operationId: "createBudgetRequest",
  tags: ["results"],
  summary: "手工录入一条下年度预算申请",
  description:
    "项目编码须为预算年度上一年度的项目（否则 BUDGET_REQUEST_UNKNOWN_PROJECT）；同一项目同一预算年度只有一条申请（BUDGET_REQUEST_EXISTS）；金额以分为单位，不能为负数。",
  body: z.object({
    budgetYear: BudgetYear,
    projectCode: z.string().trim().min(1, "请填写项目编码").max(40, "项目编码最长40位"),
    amount: Amount,
    rigid: z.boolean().default(false),
  }),
  response: responses({ 201: BudgetRequestRow }),
});

export const updateBudgetRequest = operation("results.manage", {
  operationId: "updateBudgetRequest",
  tags: ["results"],
  summary: "修改下年度预算申请的金额或刚性支出标记（须带读取时的版本号）",
  params: IdParam,
  body: z.object({ version: Version, amount: Amount, rigid: z.boolean() }),
  response: responses({ 200: BudgetRequestRow }),
});

export const deleteBudgetRequest = operation("results.manage", {
  operationId: "deleteBudgetRequest",
  tags: ["results"],
  summary: "删除一条下年度预算申请（须带读取时的版本号）",
  params: IdParam,
  querystring: z.object({ version: z.coerce.number().int().positive().max(2_147_483_647, "版本号超出范围") }),
  response: responses({ 204: NoContent }),
});
