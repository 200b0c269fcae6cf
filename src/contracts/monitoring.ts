import { z } from "zod";
import { INDICATOR_KINDS, INDICATOR_UID_PATTERN, OPERATORS } from "../core/goals/types";
import { REPORT_SORTS } from "../core/monitoring/list";
import { LIGHTS, LIKELIHOODS, MONITORING_KINDS } from "../core/monitoring/types";
import { DESK_ACTIONS, DESK_STATUSES } from "../core/review/desk-workflow";
import { TASK_STATUSES } from "../core/tasks/tasks";
import {
  CalendarDate,
  Fen,
  FenTotal,
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
  YearQuery,
} from "./common";

/** 绩效运行监控: rounds, the departments' choice of subjects, the reports, their lights and review. */

const SubjectKind = z.enum(["project", "deptWide"]);
const Kind = z.enum(MONITORING_KINDS);
const Status = z.enum(DESK_STATUSES);
const Light = z.enum(LIGHTS);
const Month = z.number().int().min(1, "截止月份须为 1 至 12").max(12, "截止月份须为 1 至 12");

export const MonitoringRound = z
  .object({
    id: Id,
    fiscalYear: z.number().int(),
    cutoffMonth: z.number().int().describe("截止月份 N：监控截至 N 月末"),
    dueOn: CalendarDate.describe("监控表填报截止日"),
    selectionDueOn: CalendarDate.describe("部门选取监控对象截止日"),
    status: z.enum(["open", "closed"]),
    openedAt: Instant,
    timeProgress: z.string().describe("时间进度 N/12，百分数两位小数"),
    version: z.number().int(),
  })
  .meta({ id: "MonitoringRound" });

const Counts = z.object({
  total: z.number().int(),
  byStatus: z.record(z.enum(TASK_STATUSES), z.number().int()),
  overdue: z.number().int(),
});

export const MonitoringSummary = z
  .object({
    tasks: z.object({ department: Counts, key: Counts }).describe("监控任务数：部门监控与财政重点监控"),
    lights: z.record(Light, z.number().int()),
    actions: z.object({
      total: z.number().int(),
      open: z.number().int(),
      closed: z.number().int(),
      overdue: z.number().int(),
    }),
  })
  .meta({ id: "MonitoringSummary" });

export const listMonitoringRounds = operation("monitoring.read", {
  operationId: "listMonitoringRounds",
  tags: ["monitoring"],
  summary: "某年度的监控轮次，及已导入执行数据的最后月份",
  querystring: z.object({ year: YearQuery }),
  response: responses({
    200: z.object({ rounds: z.array(MonitoringRound), executionMonths: z.number().int() }),
  }),
});

export const openMonitoringRound = operation("monitoring.manage", {
  operationId: "openMonitoringRound",
  tags: ["monitoring"],
  summary: "下达监控：新建监控轮次，向各主管部门下达选取监控对象的任务",
  body: z.object({
    fiscalYear: z.number().int().min(2000).max(2100),
    cutoffMonth: Month,
    dueOn: CalendarDate,
    selectionDueOn: CalendarDate,
  }),
  response: responses({
    201: z.object({ round: MonitoringRound, departments: z.number().int().describe("下达选取任务的部门数") }),
  }),
});

const DepartmentFigures = z.object({
  department: OrgRef,
  reports: z.number().int(),
  budget: FenTotal,
  executed: FenTotal,
  rate: z.string().nullable().describe("执行率（预算为 0 时为空）"),
  lights: z.record(Light, z.number().int()),
});

export const getMonitoringRound = operation("monitoring.read", {
  operationId: "getMonitoringRound",
  tags: ["monitoring"],
  summary: "监控轮次概况：任务、红黄绿灯、整改措施的统计，及各部门执行与亮灯情况",
  params: IdParam,
  response: responses({
    200: z.object({
      round: MonitoringRound,
      summary: MonitoringSummary,
      departments: z.array(DepartmentFigures),
      rulesVersion: z.string(),
    }),
  }),
});

export const MonitoringSelection = z
  .object({
    id: Id,
    department: OrgRef,
    confirmedAt: Instant.nullable(),
    departmentReports: z.number().int(),
    keyReports: z.number().int(),
    candidates: z.number().int().describe("有已批复绩效目标表、可以监控的项目数"),
    taskId: Id.nullable(),
    taskStatus: z.enum(TASK_STATUSES).nullable(),
    version: z.number().int(),
  })
  .meta({ id: "MonitoringSelection" });

export const listMonitoringSelections = operation("monitoring.read", {
  operationId: "listMonitoringSelections",
  tags: ["monitoring"],
  summary: "各主管部门选取监控对象的情况",
  params: IdParam,
  response: responses({ 200: z.array(MonitoringSelection) }),
});

export const MonitoringCandidate = z
  .object({
    subjectKind: SubjectKind,
    id: Id.describe("项目编号，或部门整体预算编号"),
    code: z.string(),
    name: z.string(),
    department: OrgRef,
    unit: OrgRef,
    isKey: z.boolean(),
    budget: Fen,
    executed: Fen,
    rate: z.string().nullable(),
    goalTableId: Id.nullable().describe("现行已批复的绩效目标表；为空则不能监控"),
    indicatorCount: z.number().int(),
    report: z.object({ id: Id, kind: Kind, status: Status }).nullable(),
  })
  .meta({ id: "MonitoringCandidate" });

export const listMonitoringCandidates = operation("monitoring.write", {
  operationId: "listMonitoringCandidates",
  tags: ["monitoring"],
  summary: "可选取的监控对象（项目及部门整体支出），含已选情况",
  params: IdParam,
  querystring: z.object({
    departmentId: IdQuery.optional(),
    subjectKind: SubjectKind.optional(),
    q: z.string().trim().max(100).optional(),
    unchosen: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
  }),
  response: responses({ 200: z.array(MonitoringCandidate) }),
});

const Subjects = z
  .array(z.object({ subjectKind: SubjectKind, id: Id }))
  .min(1, "请至少选择一个监控对象")
  .max(2000, "一次最多选择 2000 个");

const Issued = z.object({
  created: z.number().int(),
  converted: z.number().int().describe("原为部门监控、现转为财政重点监控的"),
  existing: z.number().int(),
});

export const selectMonitoringSubjects = operation("monitoring.write", {
  operationId: "selectMonitoringSubjects",
  tags: ["monitoring"],
  summary: "主管部门（或财政代为）选取本部门的监控对象，向实施单位下达监控任务",
  params: z.object({ id: IdQuery, departmentId: IdQuery }),
  body: z.object({ subjects: Subjects }),
  response: responses({ 200: Issued }),
});

export const confirmMonitoringSelection = operation("monitoring.write", {
  operationId: "confirmMonitoringSelection",
  tags: ["monitoring"],
  summary: "确认（或取消确认）本部门监控对象已选定",
  params: z.object({ id: IdQuery, departmentId: IdQuery }),
  body: z.object({ confirmed: z.boolean() }),
  response: responses({ 200: MonitoringSelection }),
});

export const removeMonitoringReport = operation("monitoring.write", {
  operationId: "removeMonitoringReport",
  tags: ["monitoring"],
  summary: "撤销选取：删除尚未填报的监控表及其任务",
  params: IdParam,
  response: responses({ 204: NoContent }),
});

export const MonitoringReportRow = z
  .object({
    id: Id,
    roundId: Id,
    kind: Kind,
    subjectKind: SubjectKind,
    code: z.string(),
    name: z.string(),
    department: OrgRef,
    unit: OrgRef,
    status: Status,
    statusText: z.string(),
    budget: Fen,
    executed: Fen,
    rate: z.string().nullable(),
    timeProgress: z.string(),
    expectedYearEnd: Fen.nullable(),
    light: Light,
    reasons: z.array(z.string()),
    answered: z.number().int().describe("已填可能性的指标数"),
    indicators: z.number().int(),
    taskStatus: z.enum(TASK_STATUSES).nullable(),
    dueOn: CalendarDate.nullable(),
    overdue: z.boolean(),
    openActions: z.number().int(),
    updatedAt: Instant,
  })
  .meta({ id: "MonitoringReportRow" });

export const ReportListQuery = z.object({
  roundId: IdQuery,
  kind: Kind.optional(),
  status: Status.optional(),
  light: Light.optional(),
  departmentId: IdQuery.optional(),
  unitId: IdQuery.optional().describe("实施单位"),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(REPORT_SORTS).default("department"),
  order: z.enum(["asc", "desc"]).default("asc"),
});

export const listMonitoringReports = operation("monitoring.read", {
  operationId: "listMonitoringReports",
  tags: ["monitoring"],
  summary: "监控表列表（按数据范围），含执行率、时间进度与预警灯",
  querystring: ReportListQuery.extend(Paging),
  response: responses({ 200: page(MonitoringReportRow) }),
});

const Answers = {
  progress: z.string().max(500).nullable(),
  expected: z.string().max(500).nullable(),
  likelihood: z.enum(LIKELIHOODS).nullable(),
  cause: z.string().max(50).nullable(),
  causeNote: z.string().max(500).nullable(),
  measures: z.string().max(500).nullable(),
};

export const MonitoringItem = z
  .object({
    uid: z.string(),
    level1: z.string(),
    level2: z.string(),
    name: z.string(),
    kind: z.enum(INDICATOR_KINDS),
    operator: z.enum(OPERATORS).nullable(),
    target: z.string(),
    unit: z.string().nullable(),
    ...Answers,
    light: Light,
  })
  .meta({ id: "MonitoringItem" });

const Issue = z.object({
  field: z.string(),
  itemUid: z.string().nullable(),
  message: z.string(),
  blocks: z.enum(["save", "submit"]),
});

export const MonitoringReportDetail = z
  .object({
    id: Id,
    round: MonitoringRound,
    kind: Kind,
    subjectKind: SubjectKind,
    code: z.string(),
    name: z.string(),
    department: OrgRef,
    unit: OrgRef,
    goalTableId: Id,
    selectedBy: z.enum(["department", "finance"]),
    status: Status,
    statusText: z.string(),
    execution: z.object({
      budget: Fen,
      byMonth: z.array(Fen).length(12).describe("1—12 月各月支付数；N 月之后不计"),
      executed: Fen,
      rate: z.string().nullable(),
      timeProgress: z.string(),
      gapPoints: z.string().nullable(),
      light: Light,
      reason: z.string(),
    }),
    overallGoal: z.string(),
    overallStatus: z.string(),
    expectedYearEnd: Fen.nullable(),
    executionNote: z.string().nullable(),
    items: z.array(MonitoringItem),
    light: Light,
    reasons: z.array(z.string()),
    issues: z.array(Issue).describe("按提交要求检查的问题"),
    causeCategories: z.array(z.string()),
    rulesVersion: z.string(),
    editable: z.boolean(),
    allowedActions: z.array(z.enum(DESK_ACTIONS)),
    taskId: Id.nullable(),
    updatedAt: Instant,
    version: z.number().int(),
  })
  .meta({ id: "MonitoringReportDetail" });

export const getMonitoringReport = operation("monitoring.read", {
  operationId: "getMonitoringReport",
  tags: ["monitoring"],
  summary: "监控表：预算执行（取自导入的执行数）、绩效目标（取自已批复目标表）与填报内容",
  params: IdParam,
  response: responses({ 200: MonitoringReportDetail }),
});

export const saveMonitoringReport = operation("monitoring.write", {
  operationId: "saveMonitoringReport",
  tags: ["monitoring"],
  summary: "保存监控表填报内容（草稿；提交时再检查是否填写完整）",
  params: IdParam,
  body: z.object({
    version: Version,
    overallStatus: z.string().max(2000, "总体目标完成情况不能超过 2000 字"),
    expectedYearEnd: Fen.min(0, "预计全年执行数不能为负").nullable(),
    executionNote: z.string().max(1000, "超预算说明不能超过 1000 字").nullable(),
    items: z.array(z.object({ uid: z.string().regex(INDICATOR_UID_PATTERN), ...Answers })).max(500),
  }),
  response: responses({ 200: MonitoringReportDetail }),
});

export const actOnMonitoringReport = operation("monitoring.write", {
  operationId: "actOnMonitoringReport",
  tags: ["monitoring"],
  summary: "提交、审核通过（主管部门审核、财政复核，可填复核意见）、退回（须填意见，可逐项指标）、撤回",
  params: IdParam,
  body: z.object({
    version: Version,
    action: z.enum(DESK_ACTIONS),
    comment: z.string().max(2000).optional(),
    note: z.string().max(1000).optional().describe("提交时的修改说明"),
    itemComments: z.record(z.string().regex(INDICATOR_UID_PATTERN), z.string().max(500)).optional(),
  }),
  response: responses({ 200: MonitoringReportDetail }),
});

export const getMonitoringSummary = operation("monitoring.read", {
  operationId: "getMonitoringSummary",
  tags: ["monitoring"],
  summary: "年度监控汇总（各轮次合计，与命令行 monitoring summary 相同）",
  querystring: z.object({ year: YearQuery }),
  response: responses({ 200: MonitoringSummary.extend({ fiscalYear: z.number().int(), rounds: z.number().int() }) }),
});

export const pickKeyMonitoring = operation("monitoring.manage", {
  operationId: "pickKeyMonitoring",
  tags: ["monitoring"],
  summary: "财政重点监控：财政直接选取监控对象（已列入部门监控的转为重点监控）",
  params: IdParam,
  body: z.object({ subjects: Subjects }),
  response: responses({ 200: Issued }),
});
