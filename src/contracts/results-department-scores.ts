import { z } from "zod";
import { DEPT_SCORE_COMPONENTS } from "../core/results/department-score";
import { GRADES } from "../core/selfeval/grade";
import { CalendarDate, fileResponse, Id, Instant, OrgRef, operation, responses, XLSX, YearQuery } from "./common";

/** 部门绩效考核: the department scores for the government's assessment, and their versioned template. */

const TAGS = ["results"];

const Component = z.enum(DEPT_SCORE_COMPONENTS);
const Weight = z.number().describe("权重（大于 0、不超过 100，最多两位小数；各项合计 100）");

export const DepartmentScoreComponent = z.object({
  key: Component,
  label: z.string(),
  weight: z.number(),
  value: z.number().nullable().describe("该项得分（0–100，两位小数）；为空表示无数据，不参与计分"),
  count: z.number().int().describe("计分依据的数量：已确认复核的自评表、已定稿的评价、应计整改事项或应计任务"),
  part: z.number().int().nullable().describe("其中已验收的整改事项或按期完成的任务；平均分类为空"),
  pending: z.number().int().describe("暂不计入的整改事项或任务（未到期限且未完成）"),
  how: z.string().describe("计算说明"),
});

export const DepartmentScoreRow = z.object({
  rank: z.number().int().nullable().describe("名次；同分同名次（1, 2, 2, 4）；无得分的部门为空"),
  department: OrgRef,
  components: z.array(DepartmentScoreComponent),
  score: z.number().nullable().describe("综合得分：Σ 权重 × 得分 ÷ 有数据各项的权重之和，四舍五入两位小数"),
  grade: z.enum(GRADES).nullable(),
  gradeLabel: z.string().nullable(),
  belowAverage: z.boolean().describe("严格低于全区平均分（等于平均分不算低于）"),
});

export const DepartmentScores = z
  .object({
    fiscalYear: z.number().int(),
    today: CalendarDate.describe("判断期限是否已过所依据的日期（北京时间）"),
    templateVersion: z.string().describe("考核模板版本；default 为系统默认"),
    template: z.array(z.object({ key: Component, label: z.string(), weight: z.number() })),
    average: z.number().nullable().describe("全区平均分：有得分部门的综合得分简单平均，四舍五入两位小数"),
    departments: z.number().int().describe("全区部门数"),
    scored: z.number().int().describe("有得分的部门数"),
    belowAverageCount: z.number().int().describe("低于平均分的部门数"),
    rows: z.array(DepartmentScoreRow).describe("财政看全部部门；部门看本部门，单位看所属部门"),
  })
  .meta({ id: "DepartmentScores" });

export const getDepartmentScores = operation("results.read", {
  operationId: "getDepartmentScores",
  tags: TAGS,
  summary:
    "部门绩效考核：各部门的自评质量、部门评价、重点评价、整改落实、任务完成及时性得分，综合得分、排名、等级与全区平均分",
  querystring: z.object({ year: YearQuery }),
  response: responses({ 200: DepartmentScores }),
});

export const exportDepartmentScores = operation("results.read", {
  operationId: "exportDepartmentScores",
  tags: TAGS,
  summary: "导出部门绩效考核 Excel：排名表与各项计分依据（两位小数）",
  querystring: z.object({ year: YearQuery }),
  response: responses({ 200: fileResponse(XLSX, "部门绩效考核") }),
});

const TemplateComponents = z.array(z.object({ key: Component, weight: z.number() }));

export const DeptScoreTemplateView = z
  .object({
    fiscalYear: z.number().int(),
    version: z.string().describe("模板版本；default 为系统默认"),
    components: TemplateComponents,
    setForYear: z.number().int().nullable().describe("模板所属年度；为空表示使用系统默认"),
    history: z.array(
      z.object({
        id: Id,
        fiscalYear: z.number().int(),
        version: z.string(),
        createdAt: Instant,
        createdByName: z.string().nullable(),
        note: z.string().nullable(),
        components: TemplateComponents,
      }),
    ),
  })
  .meta({ id: "DeptScoreTemplate" });

export const getDeptScoreTemplate = operation("results.read", {
  operationId: "getDeptScoreTemplate",
  tags: TAGS,
  summary: "某年度的部门绩效考核模板（考核内容与权重）及本年度各版本",
  querystring: z.object({ year: YearQuery }),
  response: responses({ 200: DeptScoreTemplateView }),
});

export const saveDeptScoreTemplate = operation("results.manage", {
  operationId: "saveDeptScoreTemplate",
  tags: TAGS,
  summary: "保存部门绩效考核模板为新版本（各项权重合计 100；须填修改说明）",
  querystring: z.object({ year: YearQuery }),
  body: z.object({
    components: z
      .array(z.object({ key: z.string().max(40, "考核内容代码过长"), weight: Weight }))
      .max(20, "考核内容不能超过 20 项"),
    basedOn: z.string().max(40).describe("编辑所依据的现行版本；期间已有新版本时拒绝保存"),
    reason: z.string().max(500, "修改说明不能超过 500 字"),
  }),
  response: responses({ 200: DeptScoreTemplateView }),
});
