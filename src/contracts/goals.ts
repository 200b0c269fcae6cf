import { z } from "zod";
import { COMPARED_FIELDS } from "../core/goals/compare";
import { GOAL_TABLE_SORTS } from "../core/goals/list";
import { INDICATOR_FIELDS, INDICATOR_KINDS, INDICATOR_UID_PATTERN, OPERATORS } from "../core/goals/types";
import { GOAL_ACTIONS, GOAL_STATUSES } from "../core/goals/workflow";
import {
  CalendarDate,
  Fen,
  fileResponse,
  Id,
  IdParam,
  IdQuery,
  INT4_MAX,
  Instant,
  operation,
  Paging,
  page,
  responses,
  Version,
  XLSX,
  YearQuery,
} from "./common";
import { Task } from "./tasks";

/** 绩效目标表: declaration, review and approval, Excel exchange, comparison with last year. */

const SubjectKind = z.enum(["project", "deptWide"]).describe("project：项目；deptWide：部门整体");
const GoalStatus = z.enum(GOAL_STATUSES);
const GoalAction = z.enum(GOAL_ACTIONS);
const ReturnedBy = z.enum(["department", "finance"]);

/** One level-3 indicator as declared (also what a save sends). */
export const GoalIndicator = z
  .object({
    uid: z.string().regex(INDICATOR_UID_PATTERN).optional().describe("指标的稳定标识（新指标可不填）"),
    level1: z.string().trim().max(20),
    level2: z.string().trim().max(30),
    name: z.string().trim().max(100),
    kind: z.enum(INDICATOR_KINDS),
    operator: z.enum(OPERATORS).nullable().describe("定量指标必填，定性指标为 null"),
    target: z.string().trim().max(100),
    unit: z.string().trim().max(20).nullable(),
    weight: z.number().min(0).max(1000).describe("分值，可有两位小数"),
    explanation: z.string().trim().max(500).nullable(),
  })
  .meta({ id: "GoalIndicator" });

export const GoalTable = z
  .object({
    subjectKind: SubjectKind,
    subjectCode: z.string().describe("项目编码，或部门整体目标表的部门编码"),
    subjectName: z.string(),
    fiscalYear: z.number().int(),
    funds: z.object({ total: Fen, fiscal: Fen, other: Fen }).nullable().describe("资金（分）"),
    overallGoal: z.string().describe("年度总体目标"),
    indicators: z.array(GoalIndicator),
    sector: z
      .string()
      .nullable()
      .optional()
      .describe("所属行业（项目的，否则部门的）：审核规则按行业判断应有的效益指标"),
  })
  .meta({ id: "GoalTable" });

export const GoalFinding = z
  .object({
    code: z.string().describe("审核规则代码"),
    severity: z.enum(["error", "warning"]).describe("error 须修改后才能提交；warning 提示"),
    message: z.string(),
    indicatorIndex: z.number().int().nullable().describe("指标序号（从 0 起），整表问题为 null"),
    field: z.enum([...INDICATOR_FIELDS, "uid", "overallGoal", "indicators"]).nullable(),
    suggestion: z.string().nullable(),
  })
  .meta({ id: "GoalFinding" });

export const GoalQuality = z
  .object({
    findings: z.array(GoalFinding),
    errors: z.number().int(),
    warnings: z.number().int(),
    blocking: z.boolean().describe("有 error 时为真：不能提交"),
  })
  .meta({ id: "GoalQuality" });

/** Where a table stands and whose it is: shared by the list rows and the detail. */
const GoalTableHead = z.object({
  id: Id,
  status: GoalStatus,
  revision: z.number().int().describe("第几版：首次申报为 1，批复后每次调整加 1"),
  version: z.number().int().describe("乐观锁版本号：每次写入原样带回"),
  returnedBy: ReturnedBy.nullable(),
  departmentCode: z.string(),
  departmentName: z.string(),
  unitCode: z.string(),
  templateVersion: z.string(),
  revisionReason: z.string().nullable(),
  updatedAt: Instant,
});

export const GoalTableRow = GoalTableHead.extend({
  subjectKind: SubjectKind,
  subjectCode: z.string(),
  subjectName: z.string(),
  unitName: z.string().describe("实施单位（部门整体目标表和部门本级项目为主管部门）"),
  inForce: z
    .object({ id: Id, revision: z.number().int() })
    .nullable()
    .describe("调整中（新版本尚未批复）时仍在执行的已批复版本；否则为 null"),
  indicators: z.number().int().describe("指标个数"),
  errors: z.number().int(),
  warnings: z.number().int(),
}).meta({ id: "GoalTableRow" });

export const listGoalTables = operation("goal.read", {
  operationId: "listGoalTables",
  tags: ["goals"],
  summary: "绩效目标表列表（本人可见范围，附智能审核问题数）",
  querystring: z.object({
    year: YearQuery,
    status: GoalStatus.optional(),
    departmentId: IdQuery.optional(),
    unitId: IdQuery.optional().describe("实施单位；超出本人可见范围时结果为空"),
    subjectKind: SubjectKind.optional(),
    q: z.string().trim().max(100).optional().describe("编码、名称或实施单位名称中的文字"),
    sort: z.enum(GOAL_TABLE_SORTS).optional().describe("排序字段；不填时部门整体目标表在前，再按编码"),
    order: z.enum(["asc", "desc"]).default("asc"),
    ...Paging,
  }),
  response: responses({ 200: page(GoalTableRow) }),
});

export const requestGoalRevision = operation("goal.requestRevision", {
  operationId: "requestGoalRevision",
  tags: ["goals"],
  summary: "要求调整：财政要求申报单位调整已批复的目标表（下达“绩效目标调整”任务并通知）",
  description:
    "只能对现行的已批复目标表提出（400 GOAL_REVISION_NOT_APPROVED）；同一目标表的调整任务完成前不能再次要求（409 GOAL_REVISION_REQUESTED）。任务状态随该表的新版本变化：未调整为待办，新版本草稿为进行中，提交后为已提交，被退回为被退回，批复后为已完成。",
  params: IdParam,
  body: z.object({
    reason: z
      .string({ error: "请填写调整要求（reason）" })
      .trim()
      .min(1, "请填写调整要求（reason）")
      .max(500, "调整要求（reason）不能超过 500 字"),
    dueOn: CalendarDate.describe("调整截止日期（YYYY-MM-DD，北京时间）"),
  }),
  response: responses({ 201: Task.describe("下达的调整任务") }),
});

export const GoalTransition = z
  .object({
    at: Instant,
    actorName: z.string(),
    action: z.string().describe("提交、审核等操作（GOAL_ACTIONS），或 load：随数据载入"),
    fromStatus: GoalStatus,
    toStatus: GoalStatus,
    comment: z.string().nullable(),
    indicatorComments: z.record(z.string(), z.string()).nullable().describe("逐项指标意见，按指标 uid"),
    revision: z.number().int(),
  })
  .meta({ id: "GoalTransition" });

export const GoalTableDetail = GoalTableHead.extend({
  table: GoalTable,
  rulesVersion: z.string().describe("所用审核规则的版本"),
  quality: GoalQuality,
  transitions: z.array(GoalTransition),
  editable: z.boolean().describe("当前用户现在能否修改总体目标和指标"),
  actions: z.array(GoalAction).describe("当前用户现在可执行的操作"),
}).meta({ id: "GoalTableDetail" });

export const getGoalTable = operation("goal.read", {
  operationId: "getGoalTable",
  tags: ["goals"],
  summary: "绩效目标表：指标、智能审核结果、审核记录、可执行的操作",
  params: IdParam,
  response: responses({ 200: GoalTableDetail }),
});

export const saveGoalTable = operation("goal.write", {
  operationId: "saveGoalTable",
  tags: ["goals"],
  summary: "保存绩效目标表（草稿或被退回时；须带 version）",
  params: IdParam,
  body: z.object({
    version: Version,
    overallGoal: z.string().max(2000),
    indicators: z.array(GoalIndicator).max(100, "指标不能超过 100 个"),
  }),
  response: responses({ 200: z.object({ id: Id, version: z.number().int(), quality: GoalQuality }) }),
});

export const actOnGoalTable = operation("goal.write", {
  operationId: "actOnGoalTable",
  tags: ["goals"],
  summary: "提交、审核通过、退回（须填意见，可逐项指标）、撤回、调整（须填理由）",
  params: IdParam,
  body: z.object({
    version: Version,
    action: GoalAction,
    comment: z.string().max(2000).optional(),
    indicatorComments: z.record(z.string().regex(INDICATOR_UID_PATTERN), z.string().max(500)).optional(),
  }),
  response: responses({
    200: z
      .object({ id: Id, status: GoalStatus, revision: z.number().int() })
      .describe("操作后的目标表；调整时为新生成的草稿版本"),
  }),
});

const Funds = z.object({ total: Fen, fiscal: Fen, other: Fen });
const FieldChange = z.object({
  field: z.enum(COMPARED_FIELDS),
  before: z.union([z.string(), z.number()]).nullable(),
  after: z.union([z.string(), z.number()]).nullable(),
  trend: z.enum(["up", "down"]).nullable(),
});
const Matched = {
  previous: GoalIndicator,
  previousIndex: z.number().int(),
  current: GoalIndicator,
  currentIndex: z.number().int(),
  matchedBy: z.enum(["uid", "name"]),
};
export const GoalTableComparison = z
  .object({
    previousYear: z.number().int(),
    currentYear: z.number().int(),
    indicators: z.array(
      z.discriminatedUnion("status", [
        z.object({ status: z.literal("added"), current: GoalIndicator, currentIndex: z.number().int() }),
        z.object({ status: z.literal("removed"), previous: GoalIndicator, previousIndex: z.number().int() }),
        z.object({ status: z.literal("unchanged"), changes: z.tuple([]), ...Matched }),
        z.object({ status: z.literal("changed"), changes: z.array(FieldChange), ...Matched }),
      ]),
    ),
    counts: z.object({
      added: z.number().int(),
      removed: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
    }),
    overallGoal: z.object({ changed: z.boolean(), before: z.string(), after: z.string() }),
    funds: z.object({
      before: Funds.nullable(),
      after: Funds.nullable(),
      change: Fen.nullable(),
      changeRate: z.string().nullable().describe("变化率（百分数，文本）"),
    }),
  })
  .meta({ id: "GoalTableComparison" });

const StoredGoalTable = GoalTableHead.extend({ table: GoalTable });

export const getPreviousGoalTable = operation("goal.read", {
  operationId: "getPreviousGoalTable",
  tags: ["goals"],
  summary: "与上年对比：同一项目或部门上年度的绩效目标表及逐项变化（没有上年目标表时 previous 为 null）",
  params: IdParam,
  response: responses({
    200: z.object({
      id: Id,
      carriedFromId: Id.nullable().describe("本表结转自的上年目标表"),
      previous: StoredGoalTable.nullable(),
      comparison: GoalTableComparison.nullable(),
    }),
  }),
});

export const carryOverGoalTable = operation("goal.write", {
  operationId: "carryOverGoalTable",
  tags: ["goals"],
  summary: "从上年结转：以上年度目标表的总体目标和指标替换本表（草稿或被退回时；须带 version）",
  params: IdParam,
  body: z.object({
    version: z.number({ error: "请提供 version（目标表的版本号）" }).int().positive().max(INT4_MAX, "版本号超出范围"),
  }),
  response: responses({
    200: z.object({ id: Id, version: z.number().int(), carriedFromId: Id, quality: GoalQuality }),
  }),
});

export const startGoalTable = operation("goal.write", {
  operationId: "startGoalTable",
  tags: ["goals"],
  summary: "实施单位为本单位尚无目标表的项目编制绩效目标表（新建草稿；已开启申报时同时下达任务）",
  params: IdParam,
  response: responses({ 200: z.object({ id: Id }) }),
});

export const exportGoalTables = operation("goal.read", {
  operationId: "exportGoalTables",
  tags: ["goals"],
  summary: "导出部门的绩效目标表工作簿（目录 + 每表一页；单位导出本单位的表）",
  querystring: z.object({
    year: YearQuery,
    department: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,32}$/, "主管部门编码只含字母、数字")
      .optional(),
  }),
  response: responses({ 200: fileResponse(XLSX, "绩效目标表工作簿") }),
});

export const exportGoalTable = operation("goal.read", {
  operationId: "exportGoalTable",
  tags: ["goals"],
  summary: "导出一张绩效目标表（财预〔2020〕10号 格式）",
  params: IdParam,
  response: responses({ 200: fileResponse(XLSX, "绩效目标表") }),
});

const SheetIssue = z.object({
  sheet: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  cell: z.string().nullable().describe("单元格，如 C7"),
  code: z.string(),
  message: z.string(),
});

export const GoalImportResult = z
  .object({
    fileName: z.string(),
    mode: z.enum(["preview", "commit"]),
    committed: z.boolean(),
    fiscalYear: z.number().int().nullable(),
    rulesVersion: z.string().nullable(),
    counts: z.object({
      sheets: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      withErrors: z.number().int(),
      errors: z.number().int(),
    }),
    issues: z.array(SheetIssue).describe("阻止导入的问题（最多前 500 条）"),
    tables: z.array(
      z.object({
        sheet: z.string(),
        id: Id.nullable(),
        subjectKind: SubjectKind.nullable(),
        subjectCode: z.string().nullable(),
        subjectName: z.string().nullable(),
        status: z.enum(["changed", "unchanged", "error"]),
        statusText: z.string().nullable(),
        overallGoalChanged: z.boolean(),
        indicators: z.object({
          new: z.number().int(),
          changed: z.number().int(),
          unchanged: z.number().int(),
          removed: z.number().int(),
        }),
        changes: z.array(
          z.object({
            index: z.number().int(),
            name: z.string(),
            change: z.enum(["new", "changed", "unchanged"]),
            fields: z.array(z.enum(INDICATOR_FIELDS)),
            row: z.number().int().nullable(),
          }),
        ),
        removed: z.array(z.string()),
        findings: z.array(SheetIssue.extend({ severity: z.enum(["error", "warning"]) })),
        issues: z.array(SheetIssue),
        version: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: "GoalImportResult" });

export const importGoalTables = operation("goal.write", {
  operationId: "importGoalTables",
  tags: ["goals"],
  summary: "导入绩效目标表 Excel：先预览（mode=preview），再提交（mode=commit，全部成功或全部不写）",
  querystring: z.object({
    mode: z.enum(["preview", "commit"]).default("preview"),
    fileName: z.string().max(200).optional(),
  }),
  response: responses({ 200: GoalImportResult, 201: GoalImportResult.describe("已写入") }),
});
