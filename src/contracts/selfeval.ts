import { z } from "zod";
import { INDICATOR_UID_PATTERN, OPERATORS } from "../core/goals/types";
import { DESK_ACTIONS, DESK_STATUSES } from "../core/review/desk-workflow";
import { GRADES } from "../core/selfeval/grade";
import { FORM_SORTS } from "../core/selfeval/list";
import { QUALITATIVE_TIERS } from "../core/selfeval/rules";
import { TASK_STATUSES } from "../core/tasks/tasks";
import {
  CalendarDate,
  Fen,
  FenTotal,
  Id,
  IdParam,
  IdQuery,
  Instant,
  OrgRef,
  operation,
  Paging,
  page,
  responses,
  Version,
  YearQuery,
} from "./common";

/** 单位自评: the year's opening, coverage, the forms, their scores and review. */

const SubjectKind = z.enum(["project", "deptWide"]);
const Status = z.enum(DESK_STATUSES);
const Grade = z.enum(GRADES);
const Tier = z.enum(QUALITATIVE_TIERS);
const Points = z.number().describe("分，两位小数");

export const SelfEvalRound = z
  .object({
    id: Id,
    fiscalYear: z.number().int(),
    dueOn: CalendarDate,
    rulesVersion: z.string().describe("开启时的评分规则版本"),
    status: z.enum(["open", "closed"]),
    openedAt: Instant,
    version: z.number().int(),
  })
  .meta({ id: "SelfEvalRound" });

export const openSelfEvaluation = operation("selfeval.manage", {
  operationId: "openSelfEvaluation",
  tags: ["selfeval"],
  summary:
    "开启单位自评：为有已批复目标表的每个项目及部门整体支出生成自评表，向填报单位下达任务；再次开启补发新批复的并调整截止日",
  body: z.object({ fiscalYear: z.number().int().min(2000).max(2100), dueOn: CalendarDate }),
  response: responses({
    200: z.object({
      round: SelfEvalRound,
      forms: z.number().int().describe("本次生成的自评表数"),
      tasks: z.number().int().describe("本次下达的任务数"),
      withoutGoals: z.number().int().describe("没有已批复目标表、暂不能自评的项目及部门数"),
      withoutGoalsSample: z.array(z.object({ subjectKind: SubjectKind, code: z.string(), name: z.string() })),
    }),
  }),
});

const CoverageCounts = z.object({
  subjects: z.number().int(),
  budget: FenTotal,
  forms: z.number().int(),
  submitted: z.number().int(),
  submittedBudget: FenTotal,
  approved: z.number().int(),
  approvedBudget: FenTotal,
});

export const getSelfEvalCoverage = operation("selfeval.read", {
  operationId: "getSelfEvalCoverage",
  tags: ["selfeval"],
  summary: "自评覆盖情况：项目与部门整体支出的自评表数、已提交与已审核数及金额，分部门",
  querystring: z.object({ year: YearQuery }),
  response: responses({
    200: z.object({
      fiscalYear: z.number().int(),
      round: SelfEvalRound.nullable(),
      project: CoverageCounts.extend({ submittedShare: z.string(), approvedShare: z.string() }),
      deptWide: CoverageCounts.extend({ submittedShare: z.string(), approvedShare: z.string() }),
      departments: z.array(
        z.object({ department: OrgRef, project: CoverageCounts.nullable(), deptWide: CoverageCounts.nullable() }),
      ),
    }),
  }),
});

export const SelfEvalFormRow = z
  .object({
    id: Id,
    subjectKind: SubjectKind,
    code: z.string(),
    name: z.string(),
    department: OrgRef,
    unit: OrgRef,
    status: Status,
    statusText: z.string(),
    startBudget: Fen,
    adjustedBudget: Fen,
    executed: Fen,
    rate: z.string().nullable(),
    total: Points.nullable().describe("总分；有无法计分的项时为空"),
    grade: Grade.nullable(),
    unscorable: z.number().int(),
    taskStatus: z.enum(TASK_STATUSES).nullable(),
    dueOn: CalendarDate.nullable(),
    overdue: z.boolean(),
    updatedAt: Instant,
    version: z.number().int(),
    batchActions: z
      .array(z.enum(["submit", "approve"]))
      .describe("当前账号可批量办理的操作（是否填写完整在办理时检查）"),
  })
  .meta({ id: "SelfEvalFormRow" });

export const FormListQuery = z.object({
  year: YearQuery,
  subjectKind: SubjectKind.optional(),
  status: Status.optional(),
  grade: Grade.optional(),
  departmentId: IdQuery.optional(),
  unitId: IdQuery.optional().describe("实施单位"),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(FORM_SORTS).default("department"),
  order: z.enum(["asc", "desc"]).default("asc"),
});

export const listSelfEvalForms = operation("selfeval.read", {
  operationId: "listSelfEvalForms",
  tags: ["selfeval"],
  summary: "自评表列表（按数据范围），含执行率、得分与等级（每次读取时计算）",
  querystring: FormListQuery.extend(Paging),
  response: responses({
    200: page(SelfEvalFormRow).extend({
      grades: z.record(Grade, z.number().int()).describe("筛选结果中各等级的数量"),
      gradeLabels: z.record(Grade, z.string()),
    }),
  }),
});

const ItemScore = z.object({
  status: z.enum(["scored", "notApplicable", "unscorable"]),
  weight: Points,
  points: Points.nullable(),
  full: z.boolean(),
  how: z.string().describe("得分如何算出，或为何无法计分"),
});

const ItemAnswers = {
  actual: z.string().max(200, "实际完成值不能超过 200 字").nullable(),
  tier: Tier.nullable(),
  points: z.number().min(0, "得分不能为负").max(100).nullable(),
  notApplicable: z.boolean(),
  failed: z.array(z.string().max(40)).max(30).nullable().describe("检查类指标：不符合的检查项；为空表示尚未检查"),
  note: z.string().max(2000, "偏差原因分析不能超过 2000 字").nullable(),
};

export const SelfEvalFormDetail = z
  .object({
    id: Id,
    round: SelfEvalRound,
    subjectKind: SubjectKind,
    code: z.string(),
    name: z.string(),
    department: OrgRef,
    unit: OrgRef,
    goalTableId: Id,
    overallGoal: z.string(),
    overallActual: z.string(),
    status: Status,
    statusText: z.string(),
    rulesVersion: z.string(),
    figures: z.object({
      startBudget: Fen.describe("年初预算数"),
      adjustedBudget: Fen.describe("全年预算数"),
      executed: Fen.describe("全年执行数"),
      rate: z.string().nullable(),
      live: z.boolean().describe("填报中按导入的预算执行读取；提交后为提交时的数"),
    }),
    executionWeight: Points,
    missingWeight: Points,
    items: z.array(
      z.object({
        uid: z.string(),
        level1: z.string(),
        level2: z.string(),
        name: z.string(),
        kind: z.string().describe("quantitative/qualitative；部门整体为公式类型"),
        operator: z.enum(OPERATORS).nullable(),
        target: z.string(),
        unit: z.string().nullable(),
        weight: Points,
        formula: z.unknown().describe("部门整体支出评价表的计分公式"),
        explanation: z.string().nullable(),
        answers: z.object(ItemAnswers),
        score: ItemScore,
      }),
    ),
    score: z.object({
      execution: ItemScore.extend({ rate: z.string().nullable() }).nullable(),
      sum: Points,
      applicableWeight: Points,
      total: Points.nullable(),
      grade: Grade.nullable(),
      unscorable: z.number().int(),
      how: z.string(),
    }),
    gradeLabels: z.record(Grade, z.string()),
    tiers: z.array(z.object({ tier: Tier, label: z.string(), minPercent: z.number(), maxPercent: z.number() })),
    issues: z.array(
      z.object({
        field: z.string(),
        itemUid: z.string().nullable(),
        message: z.string(),
        blocks: z.enum(["save", "submit"]),
      }),
    ),
    editable: z.boolean(),
    allowedActions: z.array(z.enum(DESK_ACTIONS)),
    taskId: Id.nullable(),
    updatedAt: Instant,
    version: z.number().int(),
  })
  .meta({ id: "SelfEvalFormDetail" });

export const getSelfEvalForm = operation("selfeval.read", {
  operationId: "getSelfEvalForm",
  tags: ["selfeval"],
  summary: "自评表：预填的预算执行与绩效目标、填报内容、得分及计算过程、提交检查",
  params: IdParam,
  response: responses({ 200: SelfEvalFormDetail }),
});

export const saveSelfEvalForm = operation("selfeval.write", {
  operationId: "saveSelfEvalForm",
  tags: ["selfeval"],
  summary: "保存自评表草稿（类型错误、超出分值或档次的得分等不能保存，逐项指出）",
  params: IdParam,
  body: z.object({
    version: Version,
    overallActual: z.string().max(2000, "总体目标实际完成情况不能超过 2000 字"),
    items: z
      .array(
        z.object({
          uid: z.string().regex(INDICATOR_UID_PATTERN),
          actual: ItemAnswers.actual.optional(),
          tier: ItemAnswers.tier.optional(),
          points: ItemAnswers.points.optional(),
          notApplicable: ItemAnswers.notApplicable.optional(),
          failed: ItemAnswers.failed.optional(),
          note: ItemAnswers.note.optional(),
        }),
      )
      .max(200),
  }),
  response: responses({ 200: SelfEvalFormDetail }),
});

export const actOnSelfEvalForms = operation("selfeval.write", {
  operationId: "actOnSelfEvalForms",
  tags: ["selfeval"],
  summary: "批量提交或批量审核通过：所选自评表逐张检查，有一张不能处理则全部不处理并列出原因",
  body: z.object({
    fiscalYear: z.number().int().min(2000).max(2100),
    action: z.enum(["submit", "approve"]),
    forms: z
      .array(z.object({ id: Id, version: Version }))
      .min(1)
      .max(2000),
    comment: z.string().max(2000).optional(),
  }),
  response: responses({
    200: z.object({
      action: z.enum(["submit", "approve"]),
      count: z.number().int(),
      forms: z.array(z.object({ id: z.number().int(), version: z.number().int(), status: Status })),
    }),
  }),
});

export const actOnSelfEvalForm = operation("selfeval.write", {
  operationId: "actOnSelfEvalForm",
  tags: ["selfeval"],
  summary: "提交、审核通过（主管部门、财政）、退回（须填意见，可逐项指标）、撤回",
  params: IdParam,
  body: z.object({
    version: Version,
    action: z.enum(DESK_ACTIONS),
    comment: z.string().max(2000).optional(),
    note: z.string().max(1000).optional().describe("提交时的修改说明"),
    itemComments: z.record(z.string().regex(INDICATOR_UID_PATTERN), z.string().max(500)).optional(),
  }),
  response: responses({ 200: SelfEvalFormDetail }),
});
