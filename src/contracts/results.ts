import { z } from "zod";
import { ADJUSTMENT_SORTS } from "../core/results/list";
import {
  ADJUSTMENT_ACTIONS,
  EXEMPTION_KINDS,
  RECTIFICATION_TRIGGERS,
  RULE_KIND_LABELS,
  type RuleKind,
} from "../core/results/rules";
import { GRADES } from "../core/selfeval/grade";
import {
  Fen,
  FenTotal,
  fileResponse,
  Id,
  IdParam,
  IdQuery,
  Instant,
  operation,
  Paging,
  page,
  responses,
  XLSX,
  YearQuery,
} from "./common";

/** 结果应用: rule sets, simulations and their comparison, adoption and the frozen adjustment list. */

const Percent = z.number().describe("比例（%），0–100，最多两位小数");
const Priority = z.number().int().describe("优先级：1 最先适用；同一项目只适用一条调整规则");
const Action = z.enum(ADJUSTMENT_ACTIONS);
const KINDS = Object.keys(RULE_KIND_LABELS) as RuleKind[];

/**
 * The shape only: grades, actions, percentages and priorities are checked by the rules, whose messages name the
 * rule and the field in Chinese (RESULT_RULES_INVALID), so they are plain strings and numbers here. Left without a
 * component id: a request body's schema differs from its output form, and one id for both breaks /api/openapi.json.
 */
export const ResultRuleInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("grade"),
    priority: Priority,
    grade: z
      .string()
      .max(20)
      .describe(`等级：${GRADES.join("、")}`),
    action: z
      .string()
      .max(20)
      .describe(`处理方式：${ADJUSTMENT_ACTIONS.join("、")}`),
    percent: Percent.optional(),
    capFen: Fen.optional().describe("增加预算的上限（分）"),
  }),
  z.object({ kind: z.literal("departmentScore"), priority: Priority, percent: Percent }),
  z.object({
    kind: z.literal("rectification"),
    priority: Priority,
    trigger: z
      .string()
      .max(20)
      .describe(`整改情形：${RECTIFICATION_TRIGGERS.join("、")}`),
    action: z.string().max(20).describe("处理方式：cut、suspend"),
    percent: Percent.optional(),
  }),
  z.object({
    kind: z.literal("monitoring"),
    priority: Priority,
    action: z.string().max(20).describe("处理方式：cut、suspend"),
    percent: Percent.optional(),
  }),
  z.object({
    kind: z.literal("exemption"),
    exempt: z
      .string()
      .max(20)
      .describe(`豁免类别：${EXEMPTION_KINDS.join("、")}`),
    codes: z.array(z.string().max(64)).max(2000).optional(),
    note: z.string().max(500).optional(),
  }),
]);

/** A stored rule: it passed `validateRuleSet`, so its grades, actions and kinds are the known ones. */
export const ResultRule = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("grade"),
      priority: Priority,
      grade: z.enum(GRADES),
      action: Action,
      percent: Percent.optional(),
      capFen: Fen.optional(),
    }),
    z.object({ kind: z.literal("departmentScore"), priority: Priority, percent: Percent }),
    z.object({
      kind: z.literal("rectification"),
      priority: Priority,
      trigger: z.enum(RECTIFICATION_TRIGGERS),
      action: z.enum(["cut", "suspend"]),
      percent: Percent.optional(),
    }),
    z.object({
      kind: z.literal("monitoring"),
      priority: Priority,
      action: z.enum(["cut", "suspend"]),
      percent: Percent.optional(),
    }),
    z.object({
      kind: z.literal("exemption"),
      exempt: z.enum(EXEMPTION_KINDS),
      codes: z.array(z.string()).optional(),
      note: z.string().optional(),
    }),
  ])
  .meta({ id: "ResultRule" });

const RuleSetVersion = z.object({
  id: Id,
  fiscalYear: z.number().int(),
  name: z.string(),
  version: z.number().int(),
  rules: z.array(ResultRule),
  note: z.string(),
  createdAt: Instant,
  createdByName: z.string().nullable(),
});

export const listResultRuleSets = operation("results.manage", {
  operationId: "listResultRuleSets",
  tags: ["results"],
  summary: "年度结果应用规则集：每个规则集的现行版本与历次版本",
  querystring: z.object({ year: YearQuery }),
  response: responses({
    200: z.object({
      fiscalYear: z.number().int(),
      budgetYear: z.number().int(),
      ruleSets: z.array(RuleSetVersion.extend({ earlier: z.array(RuleSetVersion) })),
    }),
  }),
});

export const saveResultRuleSet = operation("results.manage", {
  operationId: "saveResultRuleSet",
  tags: ["results"],
  summary: "保存结果应用规则集：新名称为第 1 版，修改已有规则集写入下一版（须给出 baseVersion 与修改说明）",
  description: "规则有误时为 422 RESULT_RULES_INVALID，details.issues 指出第几条规则、哪个字段；不写入任何数据。",
  body: z.object({
    fiscalYear: z.number().int().min(2000).max(2100).describe("评价结果所属年度（规则调整其下一年度的预算申请）"),
    name: z.string().min(1).max(60),
    rules: z.array(ResultRuleInput).max(50),
    note: z.string().max(500).default(""),
    baseVersion: z.number().int().positive().optional(),
  }),
  response: responses({ 201: z.object({ id: Id, name: z.string(), version: z.number().int() }) }),
});

const RuleRef = z.object({ index: z.number().int(), label: z.string() });
const Sums = {
  projects: z.number().int(),
  adjusted: z.number().int().describe("有核减或增加的项目数"),
  request: FenTotal,
  cut: FenTotal,
  raise: FenTotal,
  newAmount: FenTotal,
};
const Totals = z.object({
  ...Sums,
  suspended: FenTotal,
  cancelled: FenTotal,
  byDepartment: z.array(z.object({ departmentId: Id, departmentName: z.string(), ...Sums })),
  byRule: z.array(z.object({ index: z.number().int(), kind: z.enum(KINDS), label: z.string(), ...Sums })),
});
const Evidence = z.array(z.object({ label: z.string(), link: z.string() })).describe("调整依据及其链接");
const AdjustmentLine = {
  projectId: Id,
  projectCode: z.string(),
  projectName: z.string(),
  departmentId: Id,
  departmentName: z.string(),
  unitId: Id,
  request: Fen.describe("申请数（分）"),
  action: Action,
  cut: Fen.describe("核减（分）"),
  raise: Fen.describe("增加（分）"),
  newAmount: Fen.describe("调整后金额（分）"),
  ruleIndex: z.number().int().nullable(),
  ruleLabel: z.string().nullable(),
  reason: z.string(),
  evidence: Evidence,
};
const RuleSetRef = z.object({ id: Id, name: z.string(), version: z.number().int() });
const Points = z.string().nullable().describe("得分，两位小数");

export const simulateResultRuleSet = operation("results.manage", {
  operationId: "simulateResultRuleSet",
  tags: ["results"],
  summary: "模拟：规则集按当前数据会调整哪些部门和项目、核减多少（合计、分部门、分规则），不写入任何数据",
  body: z.object({ fiscalYear: z.number().int().min(2000).max(2100), ruleSetId: Id }),
  response: responses({
    200: z.object({
      fiscalYear: z.number().int(),
      budgetYear: z.number().int(),
      ruleSet: RuleSetRef,
      average: Points.describe("全区部门平均得分"),
      deptScoreVersion: z.string(),
      totals: Totals,
      rows: z.array(z.object({ ...AdjustmentLine, alsoMet: z.array(RuleRef) })),
    }),
  }),
});

const ComparedFigures = { request: FenTotal, cut: FenTotal, raise: FenTotal, newAmount: FenTotal };

export const compareResultRuleSets = operation("results.manage", {
  operationId: "compareResultRuleSets",
  tags: ["results"],
  summary: "比较 2–6 个规则集的模拟结果：合计、分部门、分项目（标出结果不同的项目）",
  body: z.object({ fiscalYear: z.number().int().min(2000).max(2100), ruleSetIds: z.array(Id).min(2).max(6) }),
  response: responses({
    200: z.object({
      fiscalYear: z.number().int(),
      budgetYear: z.number().int(),
      ruleSets: z.array(RuleSetRef),
      average: Points,
      labels: z.array(z.string()),
      totals: z.array(z.object(Sums)),
      byRule: z.array(Totals.shape.byRule),
      departments: z.array(
        z.object({
          departmentId: Id,
          departmentName: z.string(),
          figures: z.array(z.object({ ...ComparedFigures, adjusted: z.number().int() }).nullable()),
          newAmountDiff: z.array(z.number()),
        }),
      ),
      projects: z.array(
        z.object({
          projectCode: z.string(),
          projectName: z.string(),
          departmentName: z.string(),
          figures: z.array(
            z
              .object({ ...ComparedFigures, action: Action, rule: z.string().nullable(), reason: z.string() })
              .nullable(),
          ),
          newAmountDiff: z.array(z.number()),
          differs: z.boolean(),
        }),
      ),
    }),
  }),
});

export const ResultAdoption = z
  .object({
    id: Id,
    fiscalYear: z.number().int(),
    seq: z.number().int().describe("第几次采纳"),
    status: z.enum(["current", "superseded"]),
    reason: z.string(),
    ruleSet: RuleSetRef,
    average: Points,
    deptScoreVersion: z.string(),
    adoptedAt: Instant,
    adoptedByName: z.string().nullable(),
    supersededAt: Instant.nullable(),
    ...Sums,
  })
  .meta({ id: "ResultAdoption" });

export const adoptResultRuleSet = operation("results.manage", {
  operationId: "adoptResultRuleSet",
  tags: ["results"],
  summary: "采纳规则集：按当前数据生成并冻结调整清单，向被调整项目的单位发出预算调整告知",
  description:
    "年度已有现行采纳时须给出 replaces（现行采纳的编号）与理由，否则为 409 RESULT_ALREADY_ADOPTED；两人同时采纳只有一人成功。",
  body: z.object({
    fiscalYear: z.number().int().min(2000).max(2100),
    ruleSetId: Id,
    replaces: Id.optional(),
    reason: z.string().max(500).default(""),
  }),
  response: responses({ 201: ResultAdoption }),
});

export const listResultAdoptions = operation("results.read", {
  operationId: "listResultAdoptions",
  tags: ["results"],
  summary: "年度历次采纳（现行与已被替换的）",
  querystring: z.object({ year: YearQuery }),
  response: responses({ 200: z.object({ fiscalYear: z.number().int(), adoptions: z.array(ResultAdoption) }) }),
});

const bool = z
  .enum(["true", "false"])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "true"));

export const AdjustmentQuery = z.object({
  year: YearQuery,
  adoptionId: IdQuery.optional().describe("不填为现行采纳"),
  departmentId: IdQuery.optional(),
  action: Action.optional(),
  adjustedOnly: bool,
  q: z.string().max(100).optional(),
  sort: z.enum(ADJUSTMENT_SORTS).default("department"),
  order: z.enum(["asc", "desc"]).default("asc"),
});

export const ResultAdjustment = z
  .object({
    id: Id,
    adoptionId: Id,
    unitName: z.string(),
    taskId: Id.nullable(),
    taskStatus: z.string().nullable(),
    ...AdjustmentLine,
  })
  .meta({ id: "ResultAdjustment" });

export const listResultAdjustments = operation("results.read", {
  operationId: "listResultAdjustments",
  tags: ["results"],
  summary: "调整清单（按数据范围）：已采纳清单的各行，冻结不变",
  querystring: AdjustmentQuery.extend(Paging),
  response: responses({
    200: page(ResultAdjustment).extend({
      fiscalYear: z.number().int(),
      adoption: ResultAdoption.nullable(),
      adoptions: z.array(ResultAdoption),
    }),
  }),
});

export const exportResultAdjustments = operation("results.read", {
  operationId: "exportResultAdjustments",
  tags: ["results"],
  summary: "导出调整清单（Excel，按当前筛选）",
  description:
    "符合筛选条件的行超过 20000 条时为 400 RESULT_EXPORT_TOO_MANY（不导出不完整的清单），请按主管部门等筛选后分别导出。",
  querystring: AdjustmentQuery,
  response: responses({ 200: fileResponse(XLSX, "预算调整清单") }),
});

export const exportResultAdjustmentsJson = operation("results.read", {
  operationId: "exportResultAdjustmentsJson",
  tags: ["results"],
  summary: "导出调整清单（JSON，供预算管理一体化系统导入）：金额为分与元",
  description:
    "符合筛选条件的行超过 20000 条时为 400 RESULT_EXPORT_TOO_MANY（不导出不完整的清单），请按主管部门等筛选后分别导出。",
  querystring: AdjustmentQuery,
  response: responses({
    200: z.object({
      budgetYear: z.number().int(),
      adoption: ResultAdoption,
      rows: z.array(
        z.object({
          projectCode: z.string(),
          projectName: z.string(),
          departmentName: z.string(),
          unitName: z.string(),
          action: Action,
          requestFen: Fen,
          cutFen: Fen,
          raiseFen: Fen,
          newAmountFen: Fen,
          request: z.string().describe("元，两位小数"),
          newAmount: z.string().describe("元，两位小数"),
          reason: z.string(),
        }),
      ),
    }),
  }),
});

export const getResultAdjustment = operation("results.read", {
  operationId: "getResultAdjustment",
  tags: ["results"],
  summary: "一条调整：申请数、核减、调整后金额、理由及依据",
  params: IdParam,
  response: responses({ 200: ResultAdjustment.extend({ adoption: ResultAdoption }) }),
});

export const acknowledgeResultAdjustment = operation("results.read", {
  operationId: "acknowledgeResultAdjustment",
  tags: ["results"],
  summary: "项目单位确认已阅预算调整告知（任务办结）",
  params: IdParam,
  response: responses({ 200: ResultAdjustment.extend({ adoption: ResultAdoption }) }),
});

export const getResultsSummary = operation("results.read", {
  operationId: "getResultsSummary",
  tags: ["results"],
  summary: "结果应用情况：现行采纳的规则集、调整项目数、核减合计（万元）与分部门表",
  querystring: z.object({ year: YearQuery }),
  response: responses({
    200: z.object({
      fiscalYear: z.number().int(),
      budgetYear: z.number().int(),
      adoption: z
        .object({
          id: Id,
          seq: z.number().int(),
          ruleSet: RuleSetRef,
          adoptedAt: Instant,
          adoptedByName: z.string().nullable(),
          reason: z.string(),
          average: Points,
          deptScoreVersion: z.string(),
        })
        .nullable(),
      adoptions: z.number().int(),
      projects: z.number().int(),
      projectsAdjusted: z.number().int(),
      totalRequest: z.number().describe("万元"),
      totalCut: z.number().describe("万元，两位小数"),
      totalRaise: z.number(),
      totalNew: z.number(),
      fen: z.object({ request: FenTotal, cut: FenTotal, raise: FenTotal, newAmount: FenTotal }),
      byDepartment: z.array(
        z.object({
          departmentId: Id,
          departmentName: z.string(),
          ...Sums,
          requestWan: z.string(),
          cutWan: z.string(),
          raiseWan: z.string(),
          newAmountWan: z.string(),
        }),
      ),
    }),
  }),
});
