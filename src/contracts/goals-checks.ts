import { z } from "zod";
import { DEFAULT_GOAL_POLICY } from "../core/goals/quality-policy";
import { GOAL_STATUSES } from "../core/goals/workflow";
import { TASK_STATUSES } from "../core/tasks/tasks";
import { CalendarDate, fileResponse, Id, Instant, operation, Paging, responses, XLSX, YearQuery } from "./common";
import { GoalFinding } from "./goals";

/** 智能审核 over the region, and the year's indicator template and check policy (目标审核规则). */

const Summary = z
  .object({
    byRule: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        severity: z.enum(["error", "warning"]),
        count: z.number().int(),
        tables: z.number().int().describe("有此问题的目标表数"),
      }),
    ),
    byDepartment: z.array(
      z.object({
        departmentCode: z.string(),
        departmentName: z.string(),
        errors: z.number().int(),
        warnings: z.number().int(),
        tables: z.number().int(),
        tablesWithErrors: z.number().int(),
      }),
    ),
    totals: z.object({
      tables: z.number().int(),
      tablesWithErrors: z.number().int(),
      tablesWithWarnings: z.number().int(),
      errors: z.number().int(),
      warnings: z.number().int(),
    }),
  })
  .meta({ id: "FindingsSummary" });

export const lintGoals = operation("goal.lint", {
  operationId: "lintGoals",
  tags: ["goals"],
  summary: "全区绩效目标表智能审核：按规则、按部门汇总（问题明细见 /goals/lint/findings）",
  querystring: z.object({ year: YearQuery }),
  response: responses({
    200: z.object({ fiscalYear: z.number().int(), rulesVersion: z.string(), summary: Summary }),
  }),
});

export const FindingFilterQuery = z.object({
  year: YearQuery,
  rule: z.string().max(60).optional(),
  department: z.string().max(20).optional().describe("主管部门编码"),
  severity: z.enum(["error", "warning"]).optional(),
  status: z.enum(GOAL_STATUSES).optional().describe("目标表状态"),
  q: z.string().max(60).optional().describe("项目或部门的编码、名称中的文字"),
});
export type FindingFilterQuery = z.output<typeof FindingFilterQuery>;

const FindingRow = z.object({
  table: z.object({
    id: Id.describe("目标表编号（不是项目编号）"),
    subjectKind: z.string(),
    subjectCode: z.string(),
    subjectName: z.string(),
    departmentCode: z.string(),
    departmentName: z.string(),
    status: z.enum(GOAL_STATUSES),
    revision: z.number().int().describe("第几版"),
    errors: z.number().int().describe("该表的错误数"),
  }),
  finding: GoalFinding,
  revisionTask: z
    .object({ id: Id, status: z.enum(TASK_STATUSES), dueOn: CalendarDate })
    .nullable()
    .describe("财政要求调整该表时下达的任务（任何状态）；未要求时为 null"),
});

export const listGoalFindings = operation("goal.lint", {
  operationId: "listGoalFindings",
  tags: ["goals"],
  summary: "智能审核问题明细：按规则、部门、级别、项目筛选，分页",
  querystring: FindingFilterQuery.extend(Paging),
  response: responses({
    200: z.object({
      fiscalYear: z.number().int(),
      rulesVersion: z.string(),
      total: z.number().int().describe("符合筛选的问题数"),
      tables: z.number().int().describe("这些问题所在的目标表数"),
      rows: z.array(FindingRow),
    }),
  }),
});

export const exportGoalFindings = operation("goal.lint", {
  operationId: "exportGoalFindings",
  tags: ["goals"],
  summary: "导出当前筛选的问题明细为 Excel",
  querystring: FindingFilterQuery,
  response: responses({ 200: fileResponse(XLSX, "问题明细 Excel") }),
});

const words = z.array(z.string().max(20)).max(200);
const Template = z.object({
  version: z.string(),
  totalWeight: z.number(),
  levels: z.array(z.object({ level1: z.string(), level2: z.array(z.string()) })),
});
const Policy = z.object({
  version: z.string(),
  minIndicators: z.number(),
  maxQualitativeShare: z.number(),
  vagueWords: z.array(z.string()),
  moneyUnits: z.array(z.string()),
  inputWords: z.array(z.string()),
  satisfactionWords: z.array(z.string()),
  rateWords: z.array(z.string()),
  processWords: z.array(z.string()),
  multiYearWords: z.array(z.string()),
  expectedBenefits: z.array(z.object({ sector: z.string(), level2: z.array(z.string()) })),
});
const RulesInEffect = {
  version: z.string(),
  template: Template,
  policy: Policy,
  id: Id.nullable().describe("所用规则集；为 null 时用系统默认"),
  setForYear: z.number().int().nullable().describe("规则设定的年度（未重新设定时沿用以前年度）"),
};

export const getGoalRules = operation("goal.read", {
  operationId: "getGoalRules",
  tags: ["goals"],
  summary: "某年度的指标体系（一级、二级指标与权重合计）和智能审核规则，以及本年度各版本",
  querystring: z.object({ year: YearQuery }),
  response: responses({
    200: z.object({
      fiscalYear: z.number().int(),
      ...RulesInEffect,
      history: z.array(
        z.object({
          id: Id,
          fiscalYear: z.number().int(),
          module: z.string(),
          version: z.string(),
          createdAt: Instant,
          createdByName: z.string().nullable(),
          note: z.string().nullable().describe("修改说明"),
        }),
      ),
    }),
  }),
});

/** A proposed template and policy, as finance edits them (bounded: 10 level 1 × 20 level 2, 4 × 200 words). */
const ProposedRules = {
  fiscalYear: YearQuery,
  template: z.object({
    totalWeight: z.number(),
    levels: z.array(z.object({ level1: z.string().max(20), level2: z.array(z.string().max(30)).max(20) })).max(10),
  }),
  policy: z.object({
    minIndicators: z.number(),
    maxQualitativeShare: z.number(),
    vagueWords: words,
    moneyUnits: words,
    inputWords: words,
    satisfactionWords: words,
    // Lists added after rules were first saved: a client that does not send them keeps the defaults.
    rateWords: words.default(DEFAULT_GOAL_POLICY.rateWords),
    processWords: words.default(DEFAULT_GOAL_POLICY.processWords),
    multiYearWords: words.default(DEFAULT_GOAL_POLICY.multiYearWords),
    expectedBenefits: z
      .array(z.object({ sector: z.string().max(40), level2: z.array(z.string().max(30)).max(20) }))
      .max(100)
      .default(DEFAULT_GOAL_POLICY.expectedBenefits)
      .describe("各行业应有的效益类二级指标；行业为空的一项适用于未列出的行业"),
  }),
};

export const updateGoalRules = operation("goal.configure", {
  operationId: "updateGoalRules",
  tags: ["goals"],
  summary: "财政设定某年度的指标体系和审核规则（每次保存为新版本，须填写修改说明）",
  body: z.object({
    ...ProposedRules,
    reason: z
      .string()
      .trim()
      .min(1, "请填写修改说明")
      .max(500, "修改说明不超过 500 字")
      .describe("修改说明：随新版本记录，并写入审计日志"),
  }),
  response: responses({ 200: z.object({ fiscalYear: z.number().int(), ...RulesInEffect }) }),
});

const CheckTotals = z.object({
  errors: z.number().int(),
  warnings: z.number().int(),
  tablesWithErrors: z.number().int(),
  tablesWithWarnings: z.number().int(),
});

export const previewGoalRules = operation("goal.configure", {
  operationId: "previewGoalRules",
  tags: ["goals"],
  summary: "试算：拟保存的指标体系和审核规则对本年度现行目标表的影响（只读，不保存）",
  body: z.object(ProposedRules),
  response: responses({
    200: z.object({
      fiscalYear: z.number().int(),
      rulesVersion: z.string().describe("现行规则的版本（对比的基准）"),
      tables: z.number().int().describe("本年度现行目标表数"),
      before: CheckTotals.describe("按现行规则"),
      after: CheckTotals.describe("按拟保存的规则"),
      tablesGainingFindings: z.number().int().describe("新增问题的目标表数"),
      tablesLosingFindings: z.number().int().describe("有问题不再出现的目标表数"),
      tablesNewlyBlocked: z.number().int().describe("原无错误、将有错误（不能按原样提交）的目标表数"),
      byRule: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          severity: z.enum(["error", "warning"]),
          before: z.number().int(),
          after: z.number().int(),
        }),
      ),
    }),
  }),
});
