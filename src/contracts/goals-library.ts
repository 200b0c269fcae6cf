import { z } from "zod";
import { LIBRARY_SORTS } from "../core/goals/indicator-library";
import { INDICATOR_KINDS, OPERATORS } from "../core/goals/types";
import { fileResponse, Id, IdParam, Instant, operation, Paging, responses, Version, XLSX, YearQuery } from "./common";

/** 指标库: the indicator library, finance's curation of it, and suggestions for the declaration form. */

const bool = z.enum(["true", "false"]).transform((v) => v === "true");

export const LibraryFilterQuery = z.object({
  sector: z.string().trim().max(40).optional(),
  level1: z.string().trim().max(20).optional(),
  level2: z.string().trim().max(30).optional(),
  q: z.string().trim().max(100).optional(),
  curated: bool.optional().describe("true：财政推荐；false：仅来自已批复目标表"),
  retired: bool.optional(),
  sort: z.enum(LIBRARY_SORTS).default("recommended"),
  order: z.enum(["asc", "desc"]).default("desc"),
});
export type LibraryFilterQuery = z.output<typeof LibraryFilterQuery>;

export const PastTargets = z
  .object({
    fiscalYear: z.number().int(),
    commonTarget: z.string().describe("最常见的目标值"),
    minTarget: z.number().nullable(),
    maxTarget: z.number().nullable(),
    tables: z.number().int().describe("当年使用该指标的已批复目标表数"),
  })
  .meta({ id: "PastTargets" });

export const PastActuals = z
  .object({ fiscalYear: z.number().int(), commonActual: z.string(), tables: z.number().int() })
  .describe("自评结果（单位自评模块上线前为空）")
  .meta({ id: "PastActuals" });

const EntryFields = {
  level1: z.string(),
  level2: z.string(),
  name: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  operator: z.enum(OPERATORS).nullable(),
  unit: z.string().nullable(),
  explanation: z.string().nullable(),
};

export const LibraryEntry = z
  .object({
    id: Id,
    sector: z.string(),
    ...EntryFields,
    curated: z.boolean().describe("财政推荐"),
    retired: z.boolean().describe("已停用"),
    uses: z.number().int().describe("已批复目标表使用次数"),
    lastYear: z.number().int().nullable(),
    version: z.number().int(),
    updatedAt: Instant,
  })
  .meta({ id: "LibraryEntry" });

export const LibraryEntryWithHistory = LibraryEntry.extend({
  targets: z.array(PastTargets).describe("各年度目标值，新年度在前"),
  actuals: z.array(PastActuals),
}).meta({ id: "LibraryEntryWithHistory" });

export const listLibrary = operation("goal.read", {
  operationId: "listLibrary",
  tags: ["goals"],
  summary: "指标库：按行业、一级/二级指标、名称、来源、状态筛选，排序分页，附往年目标值",
  querystring: LibraryFilterQuery.extend(Paging),
  response: responses({
    200: z.object({
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
      rows: z.array(LibraryEntryWithHistory),
      sectors: z.array(z.string()).describe("指标库中的全部行业，供筛选"),
    }),
  }),
});

export const exportLibrary = operation("goal.read", {
  operationId: "exportLibrary",
  tags: ["goals"],
  summary: "导出当前筛选的指标库为 Excel",
  querystring: LibraryFilterQuery,
  response: responses({ 200: fileResponse(XLSX, "指标库 Excel") }),
});

// Lengths, markup and the template are checked by the use case, with messages naming the field.
const EntryBody = z.object({
  fiscalYear: YearQuery.optional().describe("按该年度指标体系检查一级、二级指标（默认今年）"),
  sector: z.string().max(200),
  level1: z.string().max(200),
  level2: z.string().max(200),
  name: z.string().max(1000),
  kind: z.enum(INDICATOR_KINDS),
  operator: z.enum(OPERATORS).nullable().default(null),
  unit: z.string().max(200).nullable().default(null),
  explanation: z.string().max(5000).nullable().default(null),
});
const VersionBody = z.object({ version: Version });

export const createLibraryEntry = operation("goal.configure", {
  operationId: "createLibraryEntry",
  tags: ["goals"],
  summary: "财政新增指标库指标（财政推荐）；一级、二级指标须在该年度指标体系中",
  body: EntryBody,
  response: responses({ 200: LibraryEntry }),
});

export const updateLibraryEntry = operation("goal.configure", {
  operationId: "updateLibraryEntry",
  tags: ["goals"],
  summary: "财政修改指标（修改后即为财政推荐；须带 version）",
  params: IdParam,
  body: EntryBody.extend(VersionBody.shape),
  response: responses({ 200: LibraryEntry }),
});

export const retireLibraryEntry = operation("goal.configure", {
  operationId: "retireLibraryEntry",
  tags: ["goals"],
  summary: "停用指标：不再推荐，记录保留",
  params: IdParam,
  body: VersionBody,
  response: responses({ 200: LibraryEntry }),
});

export const restoreLibraryEntry = operation("goal.configure", {
  operationId: "restoreLibraryEntry",
  tags: ["goals"],
  summary: "恢复已停用的指标",
  params: IdParam,
  body: VersionBody,
  response: responses({ 200: LibraryEntry }),
});

export const IndicatorSuggestion = z
  .object({
    id: Id,
    sector: z.string().nullable().describe("不限行业时同名指标合并，行业为 null"),
    ...EntryFields,
    curated: z.boolean(),
    uses: z.number().int(),
    lastYear: z.number().int().nullable(),
    years: z.array(z.number().int()).describe("使用过的年度，旧年度在前"),
    commonTarget: z.string(),
    minTarget: z.number().nullable(),
    maxTarget: z.number().nullable(),
    targets: z.array(PastTargets),
    actuals: z.array(PastActuals),
  })
  .meta({ id: "IndicatorSuggestion" });

export const suggestIndicators = operation("goal.read", {
  operationId: "suggestIndicators",
  tags: ["goals"],
  summary: "指标库建议：未停用的指标，财政推荐的在前，再按使用次数；附各年度目标值（actuals 待单位自评模块填入）",
  querystring: z.object({
    sector: z.string().trim().max(40).optional(),
    level2: z.string().trim().max(30).optional(),
    q: z.string().trim().max(50).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  }),
  response: responses({ 200: z.object({ rows: z.array(IndicatorSuggestion) }) }),
});
