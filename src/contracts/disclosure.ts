import { z } from "zod";
import { BLOCK_TYPES, COLUMN_TYPES, PUBLICATION_KINDS, VERSION_STATUSES } from "../core/disclosure/types";
import { VERSION_ACTIONS } from "../core/disclosure/workflow";
import {
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
import { ReportTemplateBody } from "./report";

/** 信息公开: publications, their versions (drafted, approved by another, published, corrected) and the figures check. */

const PUBLICATION_SORTS = ["fiscalYear", "kind", "title", "updatedAt", "publishedAt"] as const;
const Kind = z.enum(PUBLICATION_KINDS);
const Status = z.enum(VERSION_STATUSES);
const Person = z.object({ id: Id, name: z.string() });

const Block = z.object({ type: z.enum(BLOCK_TYPES), text: z.string().max(20_000) });

export const PublishedTable = z
  .object({
    key: z.string(),
    title: z.string(),
    columns: z.array(z.object({ key: z.string(), title: z.string(), type: z.enum(COLUMN_TYPES) })),
    rows: z
      .array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])))
      .describe("金额为整数“分”；得分、百分比为两位小数的文本；日期为 YYYY-MM-DD"),
  })
  .meta({ id: "PublishedTable" });

export const PublicationBody = z
  .object({
    intro: z.string(),
    blocks: z.array(Block).optional(),
    tables: z.array(PublishedTable),
    template: z.unknown().optional(),
  })
  .meta({ id: "PublicationBody" });

export const FigureFinding = z
  .object({
    table: z.string(),
    row: z.string().describe("行（该行第一列的值）"),
    column: z.string(),
    printed: z.string().nullable().describe("公开稿中的数字"),
    expected: z.string().nullable().describe("按现有数据应为"),
    message: z.string(),
  })
  .meta({ id: "FigureFinding" });

const Latest = z.object({
  id: Id,
  number: z.number().int(),
  status: Status,
  statusLabel: z.string(),
  draftedBy: Person.describe("信息员（起草人）"),
  approver: Person.nullable().describe("提交时指定的审核员"),
});

export const PublicationRow = z
  .object({
    id: Id,
    fiscalYear: z.number().int(),
    kind: Kind,
    kindLabel: z.string(),
    title: z.string(),
    department: OrgRef.nullable(),
    createdAt: Instant,
    updatedAt: Instant,
    latestVersion: z.number().int().describe("最新版本号"),
    publishedVersion: z.number().int().nullable().describe("最新已发布版本号"),
    latest: Latest,
    publishedAt: Instant.nullable().describe("最新已发布版本的发布时间"),
    version: z.number().int(),
  })
  .meta({ id: "PublicationRow" });

export const PublicationVersion = z
  .object({
    id: Id,
    publicationId: Id,
    number: z.number().int(),
    status: Status,
    statusLabel: z.string(),
    title: z.string(),
    body: PublicationBody,
    changeNote: z.string().describe("更正说明（第2版起提交时必填）"),
    draftedBy: Person,
    approver: Person.nullable(),
    approvedBy: Person.nullable(),
    submittedAt: Instant.nullable(),
    publishedAt: Instant.nullable(),
    returnedAt: Instant.nullable(),
    returnComment: z.string().nullable(),
    checkOverrideReason: z.string().nullable().describe("数据核对不符时仍然发布的理由"),
    checkFindings: z.array(FigureFinding).nullable(),
    createdAt: Instant,
    updatedAt: Instant,
    version: z.number().int().describe("行版本号：修改、提交、审核时回传"),
  })
  .meta({ id: "PublicationVersion" });

export const PublicationDetail = PublicationRow.extend({
  kindAvailable: z.boolean().describe("该类事项能否由系统生成与核对"),
  versions: z.array(PublicationVersion).describe("全部版本，新的在前"),
  allowedActions: z.array(z.enum([...VERSION_ACTIONS, "correct"])).describe("当前用户对最新版本可执行的操作"),
}).meta({ id: "PublicationDetail" });

export const listPublications = operation("disclosure.read", {
  operationId: "listPublications",
  tags: ["disclosure"],
  summary: "信息公开事项列表：按年度、类别、最新版本状态、部门筛选，排序、分页",
  querystring: z.object({
    year: YearQuery.optional(),
    kind: Kind.optional(),
    status: Status.optional(),
    departmentId: IdQuery.optional(),
    sort: z.enum(PUBLICATION_SORTS).default("updatedAt"),
    order: z.enum(["asc", "desc"]).default("desc"),
    ...Paging,
  }),
  response: responses({ 200: page(PublicationRow) }),
});

export const preparePublication = operation("disclosure.draft", {
  operationId: "preparePublication",
  tags: ["disclosure"],
  summary: "生成公开稿：按现有数据生成某年度（某部门）一类公开事项的第1版草稿",
  description:
    "同一年度、类别、部门只能有一个公开事项（PUBLICATION_EXISTS），之后的修改以更正版本发布。尚不能由系统生成的类别答 PUBLICATION_KIND_UNAVAILABLE。",
  body: z.object({
    kind: Kind,
    fiscalYear: YearQuery,
    departmentId: Id.optional(),
    title: z.string().max(1_000).optional(),
  }),
  response: responses({ 201: PublicationDetail }),
});

export const getPublication = operation("disclosure.read", {
  operationId: "getPublication",
  tags: ["disclosure"],
  summary: "公开事项详情：全部版本（含正文、表格、起草人、审核员、发布时间、更正说明）",
  params: IdParam,
  response: responses({ 200: PublicationDetail }),
});

export const editPublicationDraft = operation("disclosure.draft", {
  operationId: "editPublicationDraft",
  tags: ["disclosure"],
  summary: "修改公开稿：标题、说明、正文段落与更正说明（仅起草人，草稿或被退回的版本）",
  description: "表格不能手工修改，只能“更新数据”重新生成。被退回的版本修改后回到草稿。",
  params: IdParam,
  body: z.object({
    version: Version,
    title: z.string().max(1_000).optional(),
    intro: z.string().max(20_000).optional(),
    blocks: z.array(Block).max(1_000).optional(),
    template: ReportTemplateBody.optional().describe("年度工作报告的模板：正文按模板和当前数据重新起草"),
    changeNote: z.string().max(10_000).optional(),
  }),
  response: responses({ 200: PublicationDetail }),
});

export const refreshPublicationData = operation("disclosure.draft", {
  operationId: "refreshPublicationData",
  tags: ["disclosure"],
  summary: "更新数据：按现有数据重新生成草稿中的表格（文字保留）",
  params: IdParam,
  body: z.object({ version: Version }),
  response: responses({ 200: PublicationDetail }),
});

export const submitPublication = operation("disclosure.draft", {
  operationId: "submitPublication",
  tags: ["disclosure"],
  summary: "提交审核：起草人指定本区另一位财政账号为审核员，形成其待办任务",
  description: "不能指定自己（PUBLICATION_SELF_APPROVAL）。第2版起须有更正说明（PUBLICATION_NOTE_REQUIRED）。",
  params: IdParam,
  body: z.object({ version: Version, approverId: Id, changeNote: z.string().max(10_000).optional() }),
  response: responses({ 200: PublicationDetail }),
});

export const approvePublication = operation("disclosure.approve", {
  operationId: "approvePublication",
  tags: ["disclosure"],
  summary: "审核发布：核对公开稿中的数字与现有数据，一致则发布；发布后内容不可再改",
  description:
    "核对不符答 409 PUBLICATION_CHECK_FAILED，details.findings 逐项列出（表、行、列、公开稿数字、应为）；带 override.reason 说明理由可仍然发布，理由与不符之处随版本保存并记入审计日志。只有提交时指定的审核员可以审核。",
  params: IdParam,
  body: z.object({
    version: Version,
    override: z.object({ reason: z.string().max(10_000) }).optional(),
  }),
  response: responses({ 200: PublicationDetail }),
});

export const returnPublication = operation("disclosure.approve", {
  operationId: "returnPublication",
  tags: ["disclosure"],
  summary: "退回：审核员填写意见退回起草人",
  params: IdParam,
  body: z.object({ version: Version, comment: z.string().max(10_000) }),
  response: responses({ 200: PublicationDetail }),
});

export const startCorrection = operation("disclosure.draft", {
  operationId: "startPublicationCorrection",
  tags: ["disclosure"],
  summary: "更正：以最新发布版本为底稿新建下一版草稿（已发布版本保留可查）",
  description: "同时只能有一个未发布的版本（PUBLICATION_OPEN_VERSION_EXISTS）。",
  params: IdParam,
  body: z.object({ version: Version.describe("最新（已发布）版本的行版本号") }),
  response: responses({ 201: PublicationDetail }),
});

export const checkPublication = operation("disclosure.read", {
  operationId: "checkPublication",
  tags: ["disclosure"],
  summary: "数据核对：最新版本中的数字与现有数据逐项比对（不写入）",
  params: IdParam,
  response: responses({
    200: z.object({ versionNumber: z.number().int(), status: Status, findings: z.array(FigureFinding) }),
  }),
});

export const listApprovers = operation("disclosure.draft", {
  operationId: "listPublicationApprovers",
  tags: ["disclosure"],
  summary: "可选审核员：本区可审核公开稿的在用账号（不含本人）",
  response: responses({
    200: z.array(z.object({ id: Id, username: z.string(), displayName: z.string(), orgId: Id })),
  }),
});
