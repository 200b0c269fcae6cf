import { z } from "zod";
import { ATTACHMENT_TYPES } from "../core/attachments";
import { ACTION_SORTS, ACTION_STATUSES, ACTION_VERBS } from "../core/monitoring/actions";
import { ACTION_KINDS } from "../core/monitoring/types";
import { DESK_STATUSES } from "../core/review/desk-workflow";
import { TASK_STATUSES } from "../core/tasks/tasks";
import {
  CalendarDate,
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

/** 跟进措施 (整改措施) of monitoring reports, and the evidence files attached to them. */

const Kind = z.enum(ACTION_KINDS);
const Status = z.enum(ACTION_STATUSES);

export const AttachmentInfo = z
  .object({
    id: Id,
    name: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploaderName: z.string(),
    createdAt: Instant,
    url: z.string().describe("下载地址"),
  })
  .meta({ id: "AttachmentInfo" });

export const MonitoringActionRow = z
  .object({
    id: Id,
    fiscalYear: z.number().int(),
    kind: Kind,
    kindText: z.string(),
    requirement: z.string().describe("整改要求"),
    status: Status,
    statusText: z.string(),
    dueOn: CalendarDate.describe("整改期限"),
    overdue: z.boolean().describe("已逾期：单位尚未提交且已过整改期限"),
    response: z.string().nullable().describe("单位填写的整改情况"),
    reviewNote: z.string().nullable().describe("财政的办结或退回意见"),
    goalTableId: Id.nullable(),
    org: OrgRef.describe("负责整改的单位"),
    department: OrgRef,
    report: z.object({
      id: Id,
      roundId: Id,
      cutoffMonth: z.number().int(),
      code: z.string(),
      name: z.string(),
      subjectKind: z.enum(["project", "deptWide"]),
      status: z.enum(DESK_STATUSES),
    }),
    taskId: Id.nullable(),
    taskStatus: z.enum(TASK_STATUSES).nullable(),
    attachments: z.number().int().describe("佐证材料数"),
    createdByName: z.string().nullable(),
    createdAt: Instant,
    closedAt: Instant.nullable(),
    updatedAt: Instant,
    allowedActions: z.array(z.enum(ACTION_VERBS)),
    canUpload: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: "MonitoringActionRow" });

export const MonitoringActionDetail = MonitoringActionRow.extend({
  revision: z
    .object({
      goalTableId: Id,
      taskId: Id.nullable(),
      status: z.enum(TASK_STATUSES).nullable(),
      statusText: z.string(),
      approved: z.boolean(),
    })
    .nullable()
    .describe("调整绩效目标：所要求的目标表调整及其是否已批复"),
  files: z.array(AttachmentInfo),
  history: z.array(
    z.object({
      at: z.string(),
      actorName: z.string(),
      action: z.string(),
      reason: z.string().nullable(),
      after: z.unknown(),
    }),
  ),
}).meta({ id: "MonitoringActionDetail" });

export const assignMonitoringAction = operation("monitoring.manage", {
  operationId: "assignMonitoringAction",
  tags: ["monitoring"],
  summary: "布置跟进措施：对红灯、黄灯项目下达整改要求与期限，形成负责单位的监控整改任务",
  description:
    "绿灯项目不能布置（MONITORING_ACTION_NOT_NEEDED）；监控表须已提交。调整绩效目标同时发起该项目已批复目标表的调整（绩效目标调整任务），调整后的目标表批复后方可办结。",
  params: IdParam,
  body: z.object({
    kind: Kind,
    requirement: z.string().max(2000, "整改要求不能超过 2000 字"),
    dueOn: z.string().max(20),
  }),
  response: responses({ 201: MonitoringActionDetail }),
});

export const ActionListQuery = z.object({
  year: YearQuery.optional(),
  roundId: IdQuery.optional(),
  reportId: IdQuery.optional(),
  departmentId: IdQuery.optional(),
  status: Status.optional(),
  kind: Kind.optional(),
  overdue: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(ACTION_SORTS).default("dueOn"),
  order: z.enum(["asc", "desc"]).default("asc"),
});

export const listMonitoringActions = operation("monitoring.read", {
  operationId: "listMonitoringActions",
  tags: ["monitoring"],
  summary: "跟进措施列表（按数据范围）：按轮次、部门、状态、类型、是否逾期筛选",
  querystring: ActionListQuery.extend(Paging),
  response: responses({ 200: page(MonitoringActionRow) }),
});

export const exportMonitoringActions = operation("monitoring.read", {
  operationId: "exportMonitoringActions",
  tags: ["monitoring"],
  summary: "导出跟进措施列表（Excel，按当前筛选与排序，最多 5000 条）",
  querystring: ActionListQuery,
  response: responses({ 200: fileResponse(XLSX, "跟进措施列表") }),
});

export const getMonitoringAction = operation("monitoring.read", {
  operationId: "getMonitoringAction",
  tags: ["monitoring"],
  summary: "跟进措施：整改要求、整改情况与佐证材料、办理记录",
  params: IdParam,
  response: responses({ 200: MonitoringActionDetail }),
});

export const actOnMonitoringAction = operation("monitoring.write", {
  operationId: "actOnMonitoringAction",
  tags: ["monitoring"],
  summary: "办理跟进措施：单位提交整改情况（submit，须附佐证材料），财政办结（close）或退回（return，须填意见）",
  params: IdParam,
  body: z.object({
    version: Version,
    action: z.enum(ACTION_VERBS),
    text: z.string().max(2000, "说明不能超过 2000 字").optional(),
  }),
  response: responses({ 200: MonitoringActionDetail }),
});

export const uploadAttachment = operation("signed-in", {
  operationId: "uploadAttachment",
  tags: ["attachments"],
  summary: "上传佐证材料（multipart，字段 file）：PDF、JPG、PNG、Word（.docx）、Excel（.xlsx），不超过 10 MB",
  description:
    "文件类型按内容识别，扩展名须与内容一致；浏览器声明的类型不作依据。佐证材料需整改的上传权限；评价报告定稿由财政部门、重点评价的主评专家或部门评价的主管部门上传。",
  querystring: z.object({
    entity: z
      .enum(["monitoring_action", "rectification_item", "evaluation", "evaluation_report"])
      .describe("evaluation_report：评价报告定稿（仅 .docx 或 .pdf，每次上传均保留为一个版本）"),
    recordId: IdQuery,
  }),
  response: responses({ 201: AttachmentInfo }),
});

export const downloadAttachment = operation("signed-in", {
  operationId: "downloadAttachment",
  tags: ["attachments"],
  summary: "下载附件（仅限可查看所属记录的用户；评价报告定稿按评价报告的查看权限）",
  params: IdParam,
  response: responses({
    200: {
      description: "附件",
      content: Object.fromEntries(Object.values(ATTACHMENT_TYPES).map((t) => [t, fileResponse(t, "附件").content[t]!])),
    },
  }),
});

export const removeAttachment = operation("monitoring.write", {
  operationId: "removeAttachment",
  tags: ["attachments"],
  summary: "删除佐证材料（提交整改情况前，由上传单位删除）",
  params: IdParam,
  response: responses({ 204: NoContent }),
});
