import { z } from "zod";
import { INDICATOR_UID_PATTERN, OPERATORS } from "../core/goals/types";
import { DESK_STATUSES } from "../core/review/desk-workflow";
import { GRADES } from "../core/selfeval/grade";
import { REVIEW_ACTIONS, REVIEW_BASES, REVIEW_SORTS, REVIEW_STATUSES } from "../core/selfeval/review";
import { QUALITATIVE_TIERS } from "../core/selfeval/rules";
import { TASK_STATUSES } from "../core/tasks/tasks";
import {
  CalendarDate,
  DOCX,
  Fen,
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
  YearQuery,
} from "./common";

/** 抽查复核: the sample, the firms and their conflicts, assignment, re-scoring, confirmation and statistics. */

const Grade = z.enum(GRADES);
const Status = z.enum(REVIEW_STATUSES);
const Basis = z.enum(REVIEW_BASES);
const SubjectKind = z.enum(["project", "deptWide"]);
const Points = z.number();
const Codes = z.array(z.string().trim().min(1).max(40)).max(2000);

const DrawPick = z.object({
  code: z.string(),
  name: z.string(),
  departmentCode: z.string(),
  budget: Fen,
  reason: z.enum(["forced", "sampled"]),
  stratum: z.string().nullable(),
  rank: z.number().int(),
});

export const ReviewDrawView = z
  .object({
    id: Id,
    fiscalYear: z.number().int(),
    algorithm: z.string(),
    params: z.record(z.string(), z.unknown()).describe("抽取参数（含种子及其生成方式）"),
    populationSize: z.number().int(),
    eligibleSize: z.number().int(),
    strata: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        size: z.number().int(),
        seats: z.number().int(),
        forced: z.number().int(),
      }),
    ),
    picks: z.array(DrawPick),
    notes: z.array(z.string()),
    createdAt: Instant,
    createdByName: z.string().nullable(),
  })
  .meta({ id: "ReviewDraw" });

export const drawReviewSample = operation("review.manage", {
  operationId: "drawReviewSample",
  tags: ["review"],
  summary: "抽取复核样本：全部部门整体支出自评，及按部门与预算规模分层抽取的项目自评（种子由系统生成并记录）",
  body: z.object({
    fiscalYear: z.number().int().min(2000).max(2100),
    count: z.number().int().min(1, "抽取数量至少为 1").max(2000, "抽取数量不能超过 2000"),
    forced: Codes.default([]).describe("必抽项目编码"),
    excluded: Codes.default([]).describe("排除的项目编码（如上年已复核）"),
    stratify: z.object({ department: z.boolean(), budget: z.boolean() }),
    budgetBands: z.array(Fen.min(0)).max(10).optional().describe("预算规模分档下限（分），升序"),
    includeDeptWide: z.boolean().default(true).describe("部门整体支出自评全部纳入复核"),
  }),
  response: responses({
    200: z.object({ draw: ReviewDrawView, reviews: z.number().int().describe("新纳入复核的自评表数") }),
  }),
});

export const getReviewDraw = operation("review.manage", {
  operationId: "getReviewDraw",
  tags: ["review"],
  summary: "本年度的复核抽样记录及复算结果（未抽取为空）",
  querystring: z.object({ year: YearQuery }),
  response: responses({
    200: z.object({
      draw: ReviewDrawView.nullable(),
      replay: z.object({ matches: z.boolean(), differences: z.array(z.string()) }).nullable(),
      population: z.number().int().describe("现在可供抽取的已审核项目自评表数"),
      deptWide: z.number().int().describe("已审核的部门整体支出自评表数"),
    }),
  }),
});

const Conflict = z.object({
  id: Id,
  firm: OrgRef,
  reviewer: z.object({ id: Id, name: z.string() }).nullable(),
  org: OrgRef.extend({ path: z.string() }),
  reason: z.string(),
  createdAt: Instant,
});

export const listReviewFirms = operation("review.manage", {
  operationId: "listReviewFirms",
  tags: ["review"],
  summary: "第三方机构名录：复核人员（第三方机构账号）及回避关系",
  response: responses({
    200: z.array(
      OrgRef.extend({
        reviewers: z.array(z.object({ id: Id, username: z.string(), name: z.string(), active: z.boolean() })),
        conflicts: z.array(Conflict),
      }),
    ),
  }),
});

export const addReviewConflict = operation("review.manage", {
  operationId: "addReviewConflict",
  tags: ["review"],
  summary: "登记回避关系：机构（或其某位复核人员）不得复核某部门或单位的自评",
  body: z.object({
    firmId: Id,
    reviewerId: Id.nullable(),
    orgCode: z.string().trim().min(1, "请填写单位编码").max(32),
    reason: z.string().max(200, "回避原因不能超过 200 字"),
  }),
  response: responses({ 200: Conflict }),
});

export const removeReviewConflict = operation("review.manage", {
  operationId: "removeReviewConflict",
  tags: ["review"],
  summary: "删除回避关系",
  params: IdParam,
  response: responses({ 204: NoContent }),
});

export const assignReviews = operation("review.manage", {
  operationId: "assignReviews",
  tags: ["review"],
  summary: "分配复核任务：指定人员，或在机构的复核人员间均衡分配（回避冲突者）",
  body: z.object({
    fiscalYear: z.number().int().min(2000).max(2100),
    firmId: Id,
    reviewIds: z.array(Id).min(1).max(2000).optional().describe("省略则分配全部待分配的"),
    reviewerId: Id.optional().describe("省略则均衡分配"),
    dueOn: CalendarDate,
  }),
  response: responses({
    200: z.object({
      assigned: z.number().int(),
      tasks: z.number().int(),
      perReviewer: z.array(z.object({ id: Id, name: z.string(), assigned: z.number().int() })),
    }),
  }),
});

const ReviewListQuery = z.object({
  year: YearQuery,
  status: Status.optional(),
  basis: Basis.optional(),
  subjectKind: SubjectKind.optional(),
  departmentId: IdQuery.optional(),
  reviewerId: IdQuery.optional(),
  q: z.string().trim().max(100).optional(),
  overrated: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  sort: z.enum(REVIEW_SORTS).optional().describe("排序列；不指定时按部门、部门整体在前、项目编码"),
  order: z.enum(["asc", "desc"]).optional(),
});

export const exportReviewResults = operation("review.read", {
  operationId: "exportReviewResults",
  tags: ["review"],
  summary: "导出复核结果 Excel（与列表相同的筛选）：两个得分与等级、差异、指导意见",
  querystring: ReviewListQuery,
  response: responses({ 200: fileResponse(XLSX, "复核结果") }),
});

export const ReviewRow = z
  .object({
    id: Id,
    fiscalYear: z.number().int(),
    formId: Id,
    basis: Basis,
    subjectKind: SubjectKind,
    code: z.string(),
    name: z.string(),
    department: OrgRef,
    unit: OrgRef,
    unitPath: z.string(),
    departmentPath: z.string(),
    budget: Fen,
    firm: OrgRef.nullable(),
    reviewer: z.object({ id: Id, name: z.string() }).nullable(),
    status: Status,
    statusText: z.string(),
    guidance: z.string(),
    reviewNote: z.string().nullable(),
    taskId: Id.nullable(),
    taskStatus: z.enum(TASK_STATUSES).nullable(),
    assignedAt: Instant.nullable(),
    submittedAt: Instant.nullable(),
    confirmedAt: Instant.nullable(),
    updatedAt: Instant,
    version: z.number().int(),
    selfTotal: Points.nullable(),
    selfGrade: Grade.nullable(),
    reviewTotal: Points.nullable(),
    reviewGrade: Grade.nullable(),
    difference: Points.nullable().describe("自评分减复核分"),
    overrated: z.boolean().describe("自评分高出复核分超过提示线"),
  })
  .meta({ id: "ReviewRow" });

export const listReviews = operation("review.read", {
  operationId: "listReviews",
  tags: ["review"],
  summary: "复核任务列表（财政全部；复核人员本人的；部门、单位已确认的本单位自评）",
  querystring: ReviewListQuery.extend(Paging),
  response: responses({ 200: page(ReviewRow).extend({ gradeLabels: z.record(Grade, z.string()) }) }),
});

const ItemScore = z.object({
  status: z.enum(["scored", "notApplicable", "unscorable"]),
  weight: Points,
  points: Points.nullable(),
  full: z.boolean(),
  how: z.string(),
});

const ReviewItem = z.object({
  uid: z.string(),
  points: Points.nullable(),
  notApplicable: z.boolean(),
  comment: z.string().nullable(),
});

export const ReviewDetail = ReviewRow.extend({
  form: z.object({
    id: Id,
    overallGoal: z.string(),
    overallActual: z.string(),
    figures: z.object({ startBudget: Fen, adjustedBudget: Fen, executed: Fen }),
    status: z.enum(DESK_STATUSES),
    executionWeight: Points,
    missingWeight: Points.describe("表中缺少的一级指标的分值（计算总分时剔除并折算）"),
  }),
  items: z.array(
    z.object({
      uid: z.string(),
      level1: z.string(),
      level2: z.string(),
      name: z.string(),
      kind: z.string(),
      operator: z.enum(OPERATORS).nullable(),
      target: z.string(),
      unit: z.string().nullable(),
      weight: Points,
      explanation: z.string().nullable(),
      formula: z.unknown().describe("部门整体支出评价表的计分公式（项目为空）"),
      answers: z
        .object({
          actual: z.string().nullable(),
          tier: z.enum(QUALITATIVE_TIERS).nullable(),
          points: Points.nullable(),
          notApplicable: z.boolean(),
          failed: z.array(z.string()).nullable(),
          note: z.string().nullable(),
        })
        .nullable(),
      self: ItemScore.extend({ uid: z.string() }).nullable(),
      review: ReviewItem,
      reviewScore: ItemScore.extend({ uid: z.string() }).nullable(),
    }),
  ),
  execution: ItemScore.extend({ rate: z.string().nullable() }).nullable(),
  reviewHow: z.string(),
  tiers: z
    .array(
      z.object({ tier: z.enum(QUALITATIVE_TIERS), label: z.string(), minPercent: z.number(), maxPercent: z.number() }),
    )
    .describe("定性指标的达成档次"),
  overrateThreshold: Points,
  gradeLabels: z.record(Grade, z.string()),
  issues: z.array(
    z.object({
      field: z.string(),
      itemUid: z.string().nullable(),
      message: z.string(),
      blocks: z.enum(["save", "submit"]),
    }),
  ),
  editable: z.boolean(),
  allowedActions: z.array(z.enum(REVIEW_ACTIONS)),
}).meta({ id: "ReviewDetail" });

export const getReview = operation("review.read", {
  operationId: "getReview",
  tags: ["review"],
  summary: "复核任务：单位自评内容与得分、复核逐项评分与意见、两个得分的对比",
  params: IdParam,
  response: responses({ 200: ReviewDetail }),
});

export const saveReview = operation("review.score", {
  operationId: "saveReview",
  tags: ["review"],
  summary: "保存复核评分（逐项得分、意见）与给单位的指导意见；只能评本人被分配的",
  params: IdParam,
  body: z.object({
    version: Version,
    guidance: z.string().max(5000, "指导意见不能超过 5000 字"),
    items: z
      .array(
        z.object({
          uid: z.string().regex(INDICATOR_UID_PATTERN),
          points: z.number().min(0, "复核得分不能为负").max(100).nullable(),
          notApplicable: z.boolean(),
          comment: z.string().max(1000, "复核意见不能超过 1000 字").nullable(),
        }),
      )
      .max(200),
  }),
  response: responses({ 200: ReviewDetail }),
});

export const actOnReview = operation("review.read", {
  operationId: "actOnReview",
  tags: ["review"],
  summary: "复核人员提交；财政确认或退回（须填意见）",
  params: IdParam,
  body: z.object({ version: Version, action: z.enum(REVIEW_ACTIONS), comment: z.string().max(2000).optional() }),
  response: responses({ 200: ReviewDetail }),
});

const Distribution = z.object({
  total: z.number().int().describe("已确认的复核数"),
  sampled: z.number().int().describe("纳入复核的数"),
  grades: z.array(
    z.object({ grade: Grade, label: z.string(), band: z.string(), count: z.number().int(), percent: z.string() }),
  ),
  sumOfPercents: z.string(),
  roundingNote: z.string(),
});

export const getReviewStats = operation("review.manage", {
  operationId: "getReviewStats",
  tags: ["review"],
  summary: "复核结果统计：部门整体与项目的等级分布、各部门自评与复核得分对比、自评偏高的",
  querystring: z.object({ year: YearQuery }),
  response: responses({
    200: z.object({
      fiscalYear: z.number().int(),
      rulesVersion: z.string(),
      overrateThreshold: Points,
      deptWide: Distribution,
      project: Distribution,
      byDepartment: z.array(
        z.object({
          department: OrgRef,
          reviewed: z.number().int(),
          meanSelf: Points.nullable(),
          meanReview: Points.nullable(),
          meanDifference: Points.nullable(),
          overrated: z.number().int(),
        }),
      ),
      overrated: z.array(
        z.object({
          reviewId: Id,
          code: z.string(),
          name: z.string(),
          department: OrgRef,
          selfTotal: Points.nullable(),
          reviewTotal: Points.nullable(),
          difference: Points.nullable(),
        }),
      ),
      pending: z.number().int().describe("尚未确认的复核数"),
    }),
  }),
});

export { DOCX } from "./common";

export const getGuidanceLetter = operation("review.read", {
  operationId: "getGuidanceLetter",
  tags: ["review"],
  summary: "抽查复核指导意见书（Word）：某单位已确认的复核结果、逐项意见与指导意见；单位、部门下载本单位的",
  querystring: z.object({ year: YearQuery, orgId: IdQuery.describe("单位（或主管部门）") }),
  response: responses({ 200: fileResponse(DOCX, "指导意见书") }),
});
