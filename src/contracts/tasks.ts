import { z } from "zod";
import { TASK_KINDS, TASK_STATUSES } from "../core/tasks/tasks";
import {
  CalendarDate,
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

/** 任务 and 待办: the work issued to each organisation, its progress, reminders and notifications. */

export const Task = z
  .object({
    id: Id,
    fiscalYear: z.number().int(),
    kind: z.enum(TASK_KINDS),
    kindLabel: z.string(),
    status: z.enum(TASK_STATUSES),
    statusLabel: z.string(),
    title: z.string(),
    dueOn: CalendarDate,
    overdue: z.boolean().describe("仍待办理且已过截止日（北京时间）"),
    daysLeft: z.number().int().describe("距截止日的天数，已逾期为负数"),
    org: OrgRef.describe("负责办理的单位"),
    department: OrgRef.describe("该单位的主管部门"),
    objectKind: z.string(),
    objectId: Id,
    link: z.string().describe("办理页面（网页地址）"),
    reminders: z.number().int().describe("被催办次数"),
    lastRemindedAt: Instant.nullable(),
    doneAt: Instant.nullable(),
    updatedAt: Instant,
    version: z.number().int(),
  })
  .meta({ id: "Task" });

const TaskFilter = {
  year: YearQuery,
  kind: z.enum(TASK_KINDS).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  departmentId: IdQuery.optional(),
  overdue: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  q: z.string().trim().max(100).optional(),
};

export const listTasks = operation("task.read", {
  operationId: "listTasks",
  tags: ["tasks"],
  summary: "任务列表（按数据范围；退回、逾期、临近截止的在前）",
  querystring: z.object({ ...TaskFilter, ...Paging }),
  response: responses({ 200: page(Task) }),
});

export const getTask = operation("task.read", {
  operationId: "getTask",
  tags: ["tasks"],
  summary: "任务详情",
  params: IdParam,
  response: responses({ 200: Task }),
});

export const getInbox = operation("task.read", {
  operationId: "getInbox",
  tags: ["tasks"],
  summary: "我的待办：本单位待办理的任务（最紧急的在前）及统计",
  response: responses({
    200: z.object({
      counts: z.object({
        open: z.number().int(),
        dueThisWeek: z.number().int().describe("7 天内到期"),
        overdue: z.number().int(),
        returned: z.number().int(),
      }),
      tasks: z.array(Task).describe("最多 50 项"),
      unread: z.number().int().describe("未读通知数"),
    }),
  }),
});

export const ProgressRow = z
  .object({
    department: OrgRef,
    total: z.number().int(),
    todo: z.number().int(),
    inProgress: z.number().int(),
    submitted: z.number().int(),
    returned: z.number().int(),
    done: z.number().int(),
    closed: z.number().int(),
    overdue: z.number().int(),
    doneLate: z.number().int().describe("逾期完成：截止日（北京时间）之后才完成的任务数"),
    submissionRate: z.number().describe("已提交或已完成的比例（0–1）"),
    approvalRate: z.number().describe("已完成的比例（0–1）"),
  })
  .meta({ id: "TaskProgressRow" });

export const getTaskProgress = operation("task.read", {
  operationId: "getTaskProgress",
  tags: ["tasks"],
  summary: "任务进度：按主管部门统计提交率、完成率和逾期数",
  querystring: z.object({ year: YearQuery, kind: z.enum(TASK_KINDS).default("goal_declaration") }),
  response: responses({
    200: z.object({ rows: z.array(ProgressRow), total: ProgressRow.omit({ department: true }) }),
  }),
});

export const remindTask = operation("task.remind", {
  operationId: "remindTask",
  tags: ["tasks"],
  summary: "催办：通知任务的负责单位（记入任务与审计日志）",
  description:
    "已提交、已完成或已关闭的任务不能催办（400 TASK_NOT_OPEN）；同一任务 1 小时内只能催办一次（429 TASK_REMINDED_RECENTLY）。",
  params: IdParam,
  body: z.object({ version: Version, message: z.string().trim().max(200).optional() }),
  response: responses({ 200: Task }),
});

export const Notification = z
  .object({
    id: Id,
    kind: z.enum(["assigned", "returned", "approved", "reminded", "due_soon"]),
    taskId: Id.nullable(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    createdAt: Instant,
    readAt: Instant.nullable(),
  })
  .meta({ id: "Notification" });

export const listNotifications = operation("signed-in", {
  operationId: "listNotifications",
  tags: ["tasks"],
  summary: "我的通知",
  querystring: z.object({
    unread: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
    ...Paging,
  }),
  response: responses({ 200: page(Notification).extend({ unread: z.number().int() }) }),
});

export const readNotifications = operation("signed-in", {
  operationId: "readNotifications",
  tags: ["tasks"],
  summary: "将通知标为已读（指定编号，或全部）",
  body: z.object({ ids: z.array(Id).max(500).optional(), all: z.boolean().optional() }),
  response: responses({ 204: NoContent }),
});
