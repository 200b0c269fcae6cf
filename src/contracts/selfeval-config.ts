import { z } from "zod";
import { OPERATORS } from "../core/goals/types";
import { DEPT_WIDE_LIMITS } from "../core/selfeval/dept-template";
import { GRADES } from "../core/selfeval/grade";
import { QUALITATIVE_TIERS } from "../core/selfeval/rules";
import { Id, Instant, operation, responses, YearQuery } from "./common";

/** The year's self-evaluation rules (评分规则): their shape here, their sense in core/selfeval/validate-rules.ts. */

const Num = z.number().min(-1e6).max(1e6);
const Name = z.string().max(50, "名称不能超过 50 字");

const Formula = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ratio"), operator: z.enum(OPERATORS), target: Num, unit: z.string().max(20) }),
  z.object({
    kind: z.literal("deductPerPoint"),
    direction: z.enum(["over", "under"]),
    limitPercent: Num,
    perPoint: Num,
  }),
  z.object({
    kind: z.literal("bands"),
    unit: z.string().max(20),
    scale: z.enum(["points", "percentOfWeight"]),
    bands: z.array(z.object({ min: Num.nullable(), max: Num.nullable(), value: Num })).max(DEPT_WIDE_LIMITS.bands),
  }),
  z.object({
    kind: z.literal("checklist"),
    items: z
      .array(z.object({ key: z.string().max(40), text: z.string().max(200), deduction: Num }))
      .max(DEPT_WIDE_LIMITS.checklistItems),
  }),
  z.object({ kind: z.literal("tiers") }),
]);

export const RulesBody = {
  project: z.object({
    executionWeight: Num,
    execution: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("linear") }),
      z.object({
        kind: z.literal("bands"),
        bands: z.array(z.object({ minRatePercent: Num, percentOfWeight: Num })).max(20),
      }),
    ]),
    levels: z
      .array(z.object({ level1: Name, weight: Num }))
      .min(1)
      .max(10),
    satisfactionLevel1: Name,
    withoutSatisfaction: z.array(z.object({ level1: Name, weight: Num })).max(10),
    tiers: z.array(z.object({ tier: z.enum(QUALITATIVE_TIERS), label: Name, minPercent: Num, maxPercent: Num })).max(3),
    requireDeviationNote: z.boolean(),
  }),
  gradeLabels: z.record(z.enum(GRADES), z.string().max(10)),
  overrateThreshold: Num,
  deptWide: z.object({
    rows: z
      .array(
        z.object({
          key: z.string().max(40),
          level1: Name,
          level2: Name,
          name: z.string().max(100),
          weight: Num,
          formula: Formula,
          explanation: z.string().max(1000),
          source: z.enum(["executionRate"]).nullable(),
        }),
      )
      .max(DEPT_WIDE_LIMITS.rows),
  }),
};

export const SelfEvalRulesView = z
  .object({
    fiscalYear: z.number().int(),
    version: z.string(),
    ...RulesBody,
    setForYear: z.number().int().nullable().describe("规则所属年度；为空表示使用系统默认"),
    locked: z.boolean().describe("本年度（或沿用本年度规则的以后年度）单位自评已开启，规则不能再修改"),
    lockedBy: z.number().int().nullable().describe("使规则冻结的已开启年度：本年度，或沿用本年度规则的以后年度"),
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
  .meta({ id: "SelfEvalRules" });

export const getSelfEvalRules = operation("selfeval.read", {
  operationId: "getSelfEvalRules",
  tags: ["selfeval"],
  summary: "某年度的自评评分规则（分值、计分方法、定性档次、部门整体支出评价表、等级）及各版本",
  querystring: z.object({ year: YearQuery }),
  response: responses({ 200: SelfEvalRulesView }),
});

export const saveSelfEvalRules = operation("selfeval.manage", {
  operationId: "saveSelfEvalRules",
  tags: ["selfeval"],
  summary: "保存自评评分规则为新版本（须填修改说明；单位自评开启后不能再改）",
  querystring: z.object({ year: YearQuery }),
  body: z.object({ ...RulesBody, reason: z.string().max(500, "修改说明不能超过 500 字") }),
  response: responses({ 200: SelfEvalRulesView }),
});
