import { z } from "zod";
import {
  RECTIFICATION_SOURCES,
  RECTIFICATION_STATUSES,
  type RectificationAction,
} from "../core/evaluations/rectification";
import { RECTIFICATION_SORTS } from "../core/evaluations/rectification-notice";
import { TASK_STATUSES } from "../core/tasks/tasks";
import {
  CalendarDate,
  fileResponse,
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
  XLSX,
  YearQuery,
} from "./common";
import { AttachmentInfo } from "./monitoring-actions";

/** 整改: notices finance issues to a unit from an evaluation, a review or monitoring; their items and evidence. */

const Source = z.enum(RECTIFICATION_SOURCES);
const Status = z.enum(RECTIFICATION_STATUSES);
const ACTIONS = ["answer", "accept", "return"] as const satisfies readonly RectificationAction[];

const ProjectRef = z.object({ id: Id, code: z.string(), name: z.string() });

const Counts = z.object({
  items: z.number().int(),
  issued: z.number().int().describe("待整改"),
  answered: z.number().int().describe("已反馈"),
  accepted: z.number().int().describe("已验收"),
  returned: z.number().int().describe("退回重改"),
  overdue: z.number().int().describe("已逾期：待整改或退回重改且已过整改期限"),
});

export const RectificationNoticeRow = z
  .object({
    id: Id,
    fiscalYear: z.number().int(),
    source: Source,
    sourceText: z.string(),
    sourceId: Id,
    title: z.string(),
    unit: OrgRef.describe("整改单位"),
    department: OrgRef.describe("主管部门（通知下达给部门本身时即该部门）"),
    project: ProjectRef.nullable().describe("来源所涉项目"),
    issuedByName: z.string().nullable(),
    createdAt: Instant,
    version: z.number().int(),
    counts: Counts,
  })
  .meta({ id: "RectificationNoticeRow" });

export const RectificationItemRow = z
  .object({
    id: Id,
    noticeId: Id,
    seq: z.number().int().describe("第几项"),
    problem: z.string().describe("存在问题"),
    requirement: z.string().describe("整改要求"),
    deadline: CalendarDate.describe("整改期限"),
    status: Status,
    statusText: z.string(),
    overdue: z.boolean().describe("已逾期：整改期限次日起仍未反馈（或退回后未再反馈）"),
    answer: z.string().describe("单位反馈的整改措施"),
    answeredAt: Instant.nullable(),
    verdictNote: z.string().nullable().describe("财政的验收或退回意见"),
    acceptedAt: Instant.nullable(),
    notice: z.object({ id: Id, fiscalYear: z.number().int(), source: Source, sourceId: Id, title: z.string() }),
    sourceText: z.string(),
    unit: OrgRef,
    department: OrgRef,
    project: ProjectRef.nullable(),
    taskId: Id.nullable(),
    taskStatus: z.enum(TASK_STATUSES).nullable(),
    attachments: z.number().int().describe("佐证材料数"),
    createdAt: Instant,
    updatedAt: Instant,
    allowedActions: z.array(z.enum(ACTIONS)),
    canUpload: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: "RectificationItemRow" });

export const RectificationItemDetail = RectificationItemRow.extend({
  files: z.array(AttachmentInfo),
  history: z.array(
    z.object({ at: z.string(), actorName: z.string(), action: z.string(), reason: z.string().nullable() }),
  ),
}).meta({ id: "RectificationItemDetail" });

export const RectificationNoticeDetail = RectificationNoticeRow.extend({
  items: z.array(RectificationItemRow.extend({ files: z.array(AttachmentInfo) })),
}).meta({ id: "RectificationNoticeDetail" });

export const issueRectificationNotice = operation("rectification.issue", {
  operationId: "issueRectificationNotice",
  tags: ["rectification"],
  summary: "下达整改通知：就评价、抽查复核或监控发现的问题，向单位列出整改事项、要求与期限，每项形成整改落实任务",
  description:
    "来源须存在且涉及该单位（绩效评价：已定稿，项目的实施单位）；1–50 项，期限不早于下达日、不晚于年度后第二年年末；任何一处有误都不写入（RECTIFICATION_INVALID，details.issues 逐项列出）。同一来源对同一单位只下达一次（RECTIFICATION_NOTICE_EXISTS）。",
  body: z.object({
    source: Source,
    sourceId: Id,
    unitId: Id,
    title: z.string().max(1000),
    items: z
      .array(
        z.object({
          problem: z.string().max(10000),
          requirement: z.string().max(10000),
          deadline: z.string().max(20),
        }),
      )
      .max(200, "整改事项过多"),
  }),
  response: responses({ 201: RectificationNoticeDetail }),
});

const bool = z
  .enum(["true", "false"])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "true"));

export const RectificationListQuery = z.object({
  year: YearQuery.optional(),
  status: Status.optional().describe("通知：含该状态的事项；事项：该状态"),
  unitId: IdQuery.optional(),
  departmentId: IdQuery.optional(),
  source: Source.optional(),
  noticeId: IdQuery.optional(),
  overdue: bool,
  sort: z.enum(RECTIFICATION_SORTS).default("deadline"),
  order: z.enum(["asc", "desc"]).default("asc"),
});

export const listRectificationNotices = operation("rectification.read", {
  operationId: "listRectificationNotices",
  tags: ["rectification"],
  summary: "整改通知列表（按数据范围）：按年度、事项状态、单位、部门、来源、是否逾期筛选",
  querystring: RectificationListQuery.extend(Paging),
  response: responses({ 200: page(RectificationNoticeRow) }),
});

export const getRectificationNotice = operation("rectification.read", {
  operationId: "getRectificationNotice",
  tags: ["rectification"],
  summary: "整改通知：各项整改事项、佐证材料与逾期标记",
  params: IdParam,
  response: responses({ 200: RectificationNoticeDetail }),
});

export const listRectificationItems = operation("rectification.read", {
  operationId: "listRectificationItems",
  tags: ["rectification"],
  summary: "整改事项列表（按数据范围，筛选同整改通知列表）",
  querystring: RectificationListQuery.extend(Paging),
  response: responses({ 200: page(RectificationItemRow) }),
});

export const exportRectificationItems = operation("rectification.read", {
  operationId: "exportRectificationItems",
  tags: ["rectification"],
  summary: "导出整改事项列表（Excel，按当前筛选与排序，最多 5000 条）",
  querystring: RectificationListQuery,
  response: responses({ 200: fileResponse(XLSX, "整改事项列表") }),
});

export const getRectificationCounts = operation("rectification.read", {
  operationId: "getRectificationCounts",
  tags: ["rectification"],
  summary: "年度整改情况统计（按数据范围）：已下达、已反馈、已验收、退回、逾期事项数",
  querystring: z.object({ year: YearQuery }),
  response: responses({ 200: Counts.extend({ fiscalYear: z.number().int(), today: CalendarDate }) }),
});

export const getRectificationItem = operation("rectification.read", {
  operationId: "getRectificationItem",
  tags: ["rectification"],
  summary: "整改事项：问题、要求与期限，单位的整改措施与佐证材料，财政意见与办理记录",
  params: IdParam,
  response: responses({ 200: RectificationItemDetail }),
});

export const actOnRectificationItem = operation("rectification.read", {
  operationId: "actOnRectificationItem",
  tags: ["rectification"],
  summary: "办理整改事项：单位反馈整改措施（answer，须附佐证材料），财政验收（accept）或退回（return，须填意见）",
  description:
    "反馈须由整改通知所列单位（rectification.answer），验收与退回由财政（rectification.issue）；状态不允许时为 409 RECTIFICATION_INVALID_TRANSITION。",
  params: IdParam,
  body: z.object({
    version: Version,
    action: z.enum(ACTIONS),
    text: z.string().max(10000).optional(),
  }),
  response: responses({ 200: RectificationItemDetail }),
});
