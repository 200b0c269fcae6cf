import { z } from "zod";
import { EVAL_LEVEL1 } from "../core/evaluations/framework";
import { EVALUATION_SORTS, FIRM_RATINGS, MAX_REPORT_PART } from "../core/evaluations/list";
import { EVALUATION_KINDS, EVALUATION_STATUSES } from "../core/evaluations/workflow";
import { GRADES } from "../core/selfeval/grade";
import { AuditEntry } from "./audit";
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
import { AttachmentInfo } from "./monitoring-actions";

/** Evaluations (部门评价, 财政重点评价): the framework, the expert pool, teams, scoring, coverage and the firm's ledger. */

const TAGS = ["evaluations"];

export const FrameworkBody = {
  rows: z
    .array(
      z.object({
        uid: z.string().max(20, "指标编号最长 20 位"),
        level1: z.enum(EVAL_LEVEL1),
        level2: z.string().max(50, "二级指标不能超过 50 字"),
        name: z.string().max(100, "三级指标不能超过 100 字"),
        points: z.number().min(-1000).max(1000),
        standard: z.string().max(1000, "评分标准不能超过 1000 字"),
      }),
    )
    .max(200, "评价指标不能超过 200 项"),
  conflictYears: z.number().int().min(-100).max(100).describe("回避年限（年）"),
  minProjectsPerDepartment: z.number().int().min(-100).max(1000).describe("每个部门每年至少评价的项目数"),
  keyProjectCycleYears: z.number().int().min(-100).max(100).describe("重点项目评价周期（年）"),
  keyProjectThresholdFen: z.number().int().describe("重点项目金额标准，单位：分"),
};

export const FrameworkRowOut = z.object({
  uid: z.string(),
  level1: z.enum(EVAL_LEVEL1),
  level2: z.string(),
  name: z.string(),
  points: z.number(),
  standard: z.string(),
});

export const EvaluationFrameworkView = z
  .object({
    fiscalYear: z.number().int(),
    version: z.string().describe("规则版本；default 为系统默认"),
    rows: z.array(FrameworkRowOut),
    conflictYears: z.number().int(),
    minProjectsPerDepartment: z.number().int(),
    keyProjectCycleYears: z.number().int(),
    keyProjectThresholdFen: z.number().int(),
    setForYear: z.number().int().nullable().describe("规则所属年度；为空表示使用系统默认"),
    history: z.array(
      z.object({
        id: Id,
        fiscalYear: z.number().int(),
        version: z.string(),
        createdAt: Instant,
        createdByName: z.string().nullable(),
        note: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "EvaluationFramework" });

export const getEvaluationFramework = operation("evaluation.read", {
  operationId: "getEvaluationFramework",
  tags: TAGS,
  summary: "某年度的评价指标体系（决策、过程、产出、效益）与回避年限、部门评价要求，及各版本",
  querystring: z.object({ year: YearQuery }),
  response: responses({ 200: EvaluationFrameworkView }),
});

export const saveEvaluationFramework = operation("evaluation.manage", {
  operationId: "saveEvaluationFramework",
  tags: TAGS,
  summary: "保存评价指标体系为新版本（合计100分，产出与效益合计不低于60分；须填修改说明）",
  querystring: z.object({ year: YearQuery }),
  body: z.object({ ...FrameworkBody, reason: z.string().max(500, "修改说明不能超过 500 字") }),
  response: responses({ 200: EvaluationFrameworkView }),
});

// 专家库 and declared ties

const Text = (max: number, label: string) => z.string().max(max, `${label}不能超过 ${max} 字`);

const ExpertBody = {
  name: Text(50, "姓名"),
  employer: Text(100, "工作单位"),
  employerOrgId: Id.nullable().describe("工作单位为本地区的主管部门或预算单位时其编号（回避）"),
  title: Text(50, "职称"),
  fields: z.array(Text(30, "专业领域")).max(20, "专业领域最多 20 项"),
  phone: Text(30, "联系电话"),
  userId: Id.nullable().describe("专家的评分账号（角色为专家）"),
  active: z.boolean(),
};

export const Expert = z
  .object({
    id: Id,
    name: z.string(),
    employer: z.string(),
    employerOrg: OrgRef.extend({ path: z.string() }).nullable(),
    title: z.string(),
    fields: z.array(z.string()),
    phone: z.string(),
    user: z.object({ id: Id, username: z.string(), name: z.string(), orgId: Id }).nullable(),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: "Expert" });

export const listExperts = operation("evaluation.manage", {
  operationId: "listExperts",
  tags: TAGS,
  summary: "专家库：按姓名或工作单位、专业领域、是否在用筛选，分页",
  querystring: z.object({
    q: z.string().max(50).optional(),
    field: z.string().max(30).optional(),
    active: z.enum(["true", "false"]).optional(),
    ...Paging,
  }),
  response: responses({ 200: page(Expert) }),
});

export const createExpert = operation("evaluation.manage", {
  operationId: "createExpert",
  tags: TAGS,
  summary: "专家入库",
  body: z.object(ExpertBody),
  response: responses({ 201: Expert }),
});

export const updateExpert = operation("evaluation.manage", {
  operationId: "updateExpert",
  tags: TAGS,
  summary: "修改专家信息（停用：active 为 false，不再进入新的评价组）",
  params: IdParam,
  body: z.object({ ...ExpertBody, version: Version }),
  response: responses({ 200: Expert }),
});

export const Tie = z
  .object({
    id: Id,
    expert: z.object({ id: Id, name: z.string() }).nullable(),
    firm: OrgRef.nullable(),
    org: OrgRef.extend({ path: z.string() }),
    kind: z.enum(["evaluated", "advised"]),
    fiscalYear: z.number().int(),
    note: z.string(),
    createdAt: Instant,
  })
  .meta({ id: "EvaluationTie" });

export const listTies = operation("evaluation.manage", {
  operationId: "listEvaluationTies",
  tags: TAGS,
  summary: "声明的回避关系：专家或第三方机构某年度评价过、咨询过的单位",
  querystring: z.object({ expertId: IdQuery.optional(), firmId: IdQuery.optional() }),
  response: responses({ 200: z.object({ rows: z.array(Tie) }) }),
});

export const addTie = operation("evaluation.manage", {
  operationId: "addEvaluationTie",
  tags: TAGS,
  summary: "登记回避关系（专家或第三方机构之一）",
  body: z.object({
    expertId: Id.nullable(),
    firmId: Id.nullable(),
    orgId: Id,
    kind: z.enum(["evaluated", "advised"]),
    fiscalYear: z.number().int().min(2000, "年度须在 2000–2100 之间").max(2100, "年度须在 2000–2100 之间"),
    note: Text(200, "说明"),
  }),
  response: responses({ 201: Tie }),
});

export const exportExperts = operation("evaluation.manage", {
  operationId: "exportExperts",
  tags: TAGS,
  summary: "导出专家库（当前筛选）为 Excel",
  querystring: z.object({
    q: z.string().max(50).optional(),
    field: z.string().max(30).optional(),
    active: z.enum(["true", "false"]).optional(),
  }),
  response: responses({ 200: fileResponse(XLSX, "专家库 Excel") }),
});

export const exportEvaluationStats = operation("evaluation.manage", {
  operationId: "exportEvaluationStats",
  tags: TAGS,
  summary: "导出某年度评价统计为 Excel：部门评价覆盖、待评价重点项目、第三方机构履职台账",
  querystring: z.object({ year: YearQuery }),
  response: responses({ 200: fileResponse(XLSX, "评价统计 Excel") }),
});

export const listExpertAccounts = operation("evaluation.manage", {
  operationId: "listExpertAccounts",
  tags: TAGS,
  summary: "可作为专家评分账号的用户（角色为专家），按账号或姓名查找；供专家入库时选择",
  querystring: z.object({ q: z.string().max(50).optional() }),
  response: responses({
    200: z.object({
      rows: z.array(z.object({ id: Id, username: z.string(), name: z.string(), org: OrgRef, active: z.boolean() })),
    }),
  }),
});

export const removeTie = operation("evaluation.manage", {
  operationId: "removeEvaluationTie",
  tags: TAGS,
  summary: "删除回避关系",
  params: IdParam,
  response: responses({ 204: NoContent }),
});

// Evaluations

const ScoreOut = z.object({ uid: z.string(), points: z.number(), comment: z.string() });

const ScoreBlock = z
  .object({
    mean: z.number().nullable().describe("已提交评分的平均值（两位小数，四舍五入）"),
    override: z.number().nullable().describe("财政调整后的得分"),
    overrideReason: z.string().nullable(),
    score: z.number().nullable().describe("评价得分：有调整时为调整后的得分，否则为平均值"),
    how: z.string(),
    grade: z.enum(GRADES).nullable(),
    gradeLabel: z.string().nullable(),
    submittedSheets: z.number().int(),
  })
  .nullable()
  .describe("评分结果；看不到时为 null（专家在提交自己的评分前）");

const ProjectRef = z.object({ id: Id, code: z.string(), name: z.string() });

const Head = {
  id: Id,
  fiscalYear: z.number().int(),
  kind: z.enum(EVALUATION_KINDS),
  kindLabel: z.string(),
  status: z.enum(EVALUATION_STATUSES),
  statusLabel: z.string(),
  project: ProjectRef,
  unit: OrgRef,
  department: OrgRef,
  owner: OrgRef,
  firm: OrgRef.nullable(),
  amount: Fen.describe("评价金额（项目全年预算数，创建时留存），单位：分"),
  scores: ScoreBlock,
  updatedAt: Instant,
  version: z.number().int(),
};

export const EvaluationRow = z
  .object({
    ...Head,
    overridePoints: z.number().nullable(),
    overrideReason: z.string().nullable(),
    members: z.number().int(),
    submittedSheets: z.number().int(),
  })
  .meta({ id: "EvaluationRow" });

export const EvaluationDetail = z
  .object({
    ...Head,
    rulesVersion: z.string(),
    conflictYears: z.number().int(),
    framework: z.array(FrameworkRowOut.extend({ level1Label: z.string() })),
    report: z.object({ basics: z.string(), work: z.string(), problems: z.string(), recommendations: z.string() }),
    returnNote: z.string().nullable(),
    dueOn: CalendarDate.nullable(),
    finalisedAt: Instant.nullable(),
    members: z.array(
      z.object({
        id: Id,
        expert: z.object({ id: Id, name: z.string(), fields: z.array(z.string()) }).nullable(),
        isLead: z.boolean(),
        submitted: z.boolean(),
        submittedAt: Instant.nullable(),
        version: z.number().int(),
        visible: z.boolean().describe("当前用户能否看到该成员的评分（背靠背评分）"),
        total: z.number().nullable(),
        scores: z.array(ScoreOut),
      }),
    ),
    myMemberId: Id.nullable().describe("当前用户作为评分成员的编号"),
    canScore: z.boolean(),
    reportVersions: z
      .array(
        z.object({ id: Id, name: z.string(), size: z.number().int(), uploaderName: z.string(), createdAt: Instant }),
      )
      .describe(
        "评价报告定稿的各版本，最新在前（第一项为现行定稿；下载 /api/v1/attachments/{id}）；无权查看报告的用户为空",
      ),
    createdAt: Instant,
  })
  .meta({ id: "EvaluationDetail" });

export const listEvaluations = operation("evaluation.read", {
  operationId: "listEvaluations",
  tags: TAGS,
  summary: "某年度的评价（部门评价、财政重点评价）：按类型、状态、主管部门、项目编码、名称或实施单位筛选，排序、分页",
  querystring: z.object({
    year: YearQuery,
    kind: z.enum(EVALUATION_KINDS).optional(),
    status: z.enum(EVALUATION_STATUSES).optional(),
    departmentId: IdQuery.optional(),
    q: z.string().max(50).optional().describe("项目编码、名称或实施单位名称中包含的文字"),
    sort: z.enum(EVALUATION_SORTS).default("code"),
    order: z.enum(["asc", "desc"]).default("asc"),
    ...Paging,
  }),
  response: responses({ 200: page(EvaluationRow) }),
});

export const getEvaluation = operation("evaluation.read", {
  operationId: "getEvaluation",
  tags: TAGS,
  summary: "评价详情：指标体系、评价组、评分（背靠背：专家提交前只看到自己的评分）、平均分、调整得分与等级",
  params: IdParam,
  response: responses({ 200: EvaluationDetail }),
});

export const getEvaluationReport = operation("evaluation.read", {
  operationId: "getEvaluationReport",
  tags: TAGS,
  summary:
    "评价报告（Word）：按评价数据生成报告草稿（定稿后为定稿），含各专家评分；财政随时可下载，专家提交本人评分后、部门对本部门评价、项目单位和主管部门在定稿后可下载",
  params: IdParam,
  response: responses({ 200: fileResponse(DOCX, "评价报告") }),
});

export const createKeyEvaluation = operation("evaluation.manage", {
  operationId: "createKeyEvaluation",
  tags: TAGS,
  summary: "财政选取项目开展重点评价（评价金额为项目全年预算数，指标体系按当年版本复制）",
  body: z.object({ projectId: Id }),
  response: responses({ 201: EvaluationDetail }),
});

export const setEvaluationTeam = operation("evaluation.manage", {
  operationId: "setEvaluationTeam",
  tags: TAGS,
  summary: "组建评价组：第三方机构与专家库中的专家（一位组长）；须回避的成员被拒绝并说明原因",
  params: IdParam,
  body: z.object({
    version: Version,
    firmId: Id.nullable(),
    members: z.array(z.object({ expertId: Id, isLead: z.boolean() })).max(50),
  }),
  response: responses({ 200: EvaluationDetail }),
});

export const openScoring = operation("evaluation.manage", {
  operationId: "openEvaluationScoring",
  tags: TAGS,
  summary: "开启专家评分：每位专家收到评分任务",
  params: IdParam,
  body: z.object({ version: Version, dueOn: CalendarDate }),
  response: responses({ 200: EvaluationDetail }),
});

export const saveSheet = operation("evaluation.score", {
  operationId: "saveEvaluationSheet",
  tags: TAGS,
  summary: "评分成员保存自己对各指标的评分与意见（0至该指标分值，最多两位小数）",
  params: IdParam,
  body: z.object({
    version: Version.describe("评分成员（members[].version）的版本号"),
    scores: z
      .array(
        z.object({
          uid: z.string().max(20),
          points: z.number().min(-1000).max(1000),
          comment: Text(2000, "评分意见").default(""),
        }),
      )
      .max(200),
  }),
  response: responses({ 200: EvaluationDetail }),
});

export const submitSheet = operation("evaluation.score", {
  operationId: "submitEvaluationSheet",
  tags: TAGS,
  summary: "专家提交评分（全部指标已评分）；提交后可查看其他专家已提交的评分",
  params: IdParam,
  body: z.object({ version: Version.describe("评分成员（members[].version）的版本号") }),
  response: responses({ 200: EvaluationDetail }),
});

export const overrideScore = operation("evaluation.manage", {
  operationId: "overrideEvaluationScore",
  tags: TAGS,
  summary: "财政调整评价得分（须写明理由；points 为 null 时取消调整）；平均分与调整得分均保留",
  params: IdParam,
  body: z.object({
    version: Version,
    points: z.number().min(-1000).max(1000).nullable(),
    reason: Text(500, "理由").nullable(),
  }),
  response: responses({ 200: EvaluationDetail }),
});

export const reviewEvaluation = operation("evaluation.manage", {
  operationId: "reviewEvaluation",
  tags: TAGS,
  summary: "财政审核：退回部门评价（须填意见）或定稿评价（财政重点评价须全部专家已提交）",
  params: IdParam,
  body: z.object({ version: Version, action: z.enum(["return", "finalise"]), note: Text(2000, "意见").optional() }),
  response: responses({ 200: EvaluationDetail }),
});

export const openDepartmentEvaluation = operation("evaluation.manage", {
  operationId: "openDepartmentEvaluation",
  tags: TAGS,
  summary: "开启某年度部门评价：有项目的主管部门各收到一项任务（再次开启可调整截止日期）",
  body: z.object({ fiscalYear: z.number().int().min(2000).max(2100), dueOn: CalendarDate }),
  response: responses({
    200: z.object({
      fiscalYear: z.number().int(),
      dueOn: CalendarDate,
      tasksCreated: z.number().int(),
      tasksExisting: z.number().int(),
    }),
  }),
});

export const createDepartmentEvaluation = operation("evaluation.departmentWrite", {
  operationId: "createDepartmentEvaluation",
  tags: TAGS,
  summary: "主管部门对本部门或所属单位的项目开展部门评价",
  body: z.object({ projectId: Id }),
  response: responses({ 201: EvaluationDetail }),
});

const ReportPart = (label: string) => Text(MAX_REPORT_PART, label);

export const saveEvaluationReport = operation("evaluation.departmentWrite", {
  operationId: "saveEvaluationReport",
  tags: TAGS,
  summary: "填写部门评价报告（基本情况、评价工作开展情况、存在的问题、意见建议；纯文字）",
  params: IdParam,
  body: z.object({
    version: Version,
    basics: ReportPart("基本情况"),
    work: ReportPart("评价工作开展情况"),
    problems: ReportPart("存在的问题"),
    recommendations: ReportPart("意见建议"),
  }),
  response: responses({ 200: EvaluationDetail }),
});

export const submitEvaluation = operation("evaluation.departmentWrite", {
  operationId: "submitDepartmentEvaluation",
  tags: TAGS,
  summary: "部门提交评价（全部指标已评分、报告已填写）给财政审核",
  params: IdParam,
  body: z.object({ version: Version }),
  response: responses({ 200: EvaluationDetail }),
});

export const EvaluationCoverage = z
  .object({
    fiscalYear: z.number().int(),
    minProjectsPerDepartment: z.number().int(),
    keyProjectCycleYears: z.number().int(),
    keyProjectThresholdFen: z.number().int(),
    departments: z.number().int(),
    covered: z.number().int(),
    participating: z.number().int(),
    rate: z.string().describe("达到要求的部门占比"),
    rows: z.array(
      z.object({
        departmentId: Id,
        departmentCode: z.string(),
        departmentName: z.string(),
        projects: z.number().int(),
        evaluations: z.number().int(),
        finalised: z.number().int(),
        meets: z.boolean(),
      }),
    ),
    keyProjectsDue: z.array(
      z.object({
        projectCode: z.string(),
        name: z.string(),
        adjustedFen: Fen,
        evaluatedYears: z.array(z.number().int()),
      }),
    ),
  })
  .meta({ id: "EvaluationCoverage" });

export const getEvaluationCoverage = operation("evaluation.read", {
  operationId: "getEvaluationCoverage",
  tags: TAGS,
  summary: "部门评价覆盖情况（按主管部门）及周期内尚未评价的重点项目",
  querystring: z.object({ year: YearQuery }),
  response: responses({ 200: EvaluationCoverage }),
});

const LedgerEntry = z.object({
  id: Id,
  fiscalYear: z.number().int(),
  firm: OrgRef,
  evaluation: z.object({ id: Id, projectCode: z.string(), projectName: z.string() }),
  onTime: z.boolean(),
  reworks: z.number().int(),
  rating: z.enum(FIRM_RATINGS),
  note: z.string(),
  updatedAt: Instant,
  version: z.number().int(),
});

export const recordFirmWork = operation("evaluation.manage", {
  operationId: "recordFirmWork",
  tags: TAGS,
  summary: "记录第三方机构在某项财政重点评价中的履职情况（是否按时、返工次数、报告评级）",
  params: IdParam,
  body: z.object({
    onTime: z.boolean(),
    reworks: z.number().int().min(0, "返工次数须在 0–99 之间").max(99, "返工次数须在 0–99 之间"),
    rating: z.enum(FIRM_RATINGS),
    note: Text(500, "说明").default(""),
  }),
  response: responses({ 200: LedgerEntry }),
});

export const getFirmLedger = operation("evaluation.manage", {
  operationId: "getFirmLedger",
  tags: TAGS,
  summary: "第三方机构履职台账：按机构汇总（评价数、按时数、返工次数、各评级数）",
  querystring: z.object({ year: YearQuery.optional(), firmId: IdQuery.optional() }),
  response: responses({
    200: z.object({
      firms: z.array(
        z.object({
          firm: OrgRef,
          evaluations: z.number().int(),
          onTime: z.number().int(),
          reworks: z.number().int(),
          ratings: z.object({
            excellent: z.number().int(),
            good: z.number().int(),
            fair: z.number().int(),
            poor: z.number().int(),
          }),
          entries: z.array(LedgerEntry),
        }),
      ),
    }),
  }),
});

export const getEvaluationFiles = operation("evaluation.read", {
  operationId: "getEvaluationFiles",
  tags: TAGS,
  summary: "部门评价的佐证材料，及当前用户能否上传、删除（部门在评价退回或提交前）",
  params: IdParam,
  response: responses({ 200: z.object({ files: z.array(AttachmentInfo), canAttach: z.boolean() }) }),
});

export const getEvaluationHistory = operation("evaluation.read", {
  operationId: "getEvaluationHistory",
  tags: TAGS,
  summary: "评价的变更记录（最近 200 条）；修改前后的内容（含评分）只对财政和审计可见",
  params: IdParam,
  response: responses({ 200: z.object({ rows: z.array(AuditEntry) }) }),
});
