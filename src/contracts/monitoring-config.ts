import { z } from "zod";
import { KEY_REASONS } from "../core/monitoring/key-candidates";
import { LIGHTS } from "../core/monitoring/types";
import { KEY_DRAW_STRATIFY } from "../core/sampling/key-draw";
import { Fen, Id, IdParam, IdQuery, Instant, OrgRef, operation, responses, YearQuery } from "./common";

/** 财政重点监控的排序与抽取，及监控预警规则（按年度、分版本）. */

const Reason = z.enum(KEY_REASONS);

export const KeyCandidate = z
  .object({
    subjectKind: z.literal("project"),
    id: Id,
    code: z.string(),
    name: z.string(),
    department: OrgRef,
    unit: OrgRef,
    budget: Fen,
    executed: Fen,
    rate: z.string().nullable(),
    lagPoints: z.string().nullable().describe("执行率低于时间进度的百分点"),
    isKey: z.boolean(),
    reasons: z.array(Reason),
    reasonText: z.string(),
    priority: z.number().int(),
    rank: z.number().int(),
    goalTableId: Id.nullable(),
    report: z.object({ id: Id, kind: z.enum(["department", "key"]) }).nullable(),
  })
  .meta({ id: "KeyCandidate" });

export const listKeyCandidates = operation("monitoring.manage", {
  operationId: "listKeyCandidates",
  tags: ["monitoring"],
  summary: "财政重点监控候选项目：按执行滞后、预算规模、以往绩效、重点项目排序",
  params: IdParam,
  querystring: z.object({
    reason: Reason.optional(),
    departmentId: IdQuery.optional(),
    largeBudgetWan: z.coerce.number().min(0).max(1_000_000).optional().describe("预算规模大的标准（万元），默认 500"),
  }),
  response: responses({ 200: z.array(KeyCandidate) }),
});

const DrawPick = z.object({
  code: z.string(),
  name: z.string(),
  departmentCode: z.string(),
  budget: Fen,
  reasons: z.array(Reason),
  reason: z.enum(["forced", "sampled"]),
  stratum: z.string().nullable(),
  rank: z.number().int(),
});

export const KeyDraw = z
  .object({
    id: Id,
    roundId: Id,
    algorithm: z.string(),
    params: z.object({
      year: z.number().int(),
      count: z.number().int(),
      seed: z.string(),
      seedMethod: z.string().optional(),
      forced: z.array(z.string()),
      excluded: z.array(z.string()),
      onlyWithReasons: z.array(Reason),
      stratify: z.enum(KEY_DRAW_STRATIFY),
      budgetBands: z.array(Fen).optional(),
    }),
    populationSize: z.number().int(),
    eligibleSize: z.number().int(),
    picks: z.array(DrawPick),
    notes: z.array(z.string()),
    createdAt: Instant,
    createdByName: z.string().nullable(),
  })
  .meta({ id: "KeyDraw" });

export const drawKeyMonitoring = operation("monitoring.manage", {
  operationId: "drawKeyMonitoring",
  tags: ["monitoring"],
  summary: "抽取财政重点监控项目（服务器生成种子，记录总体与参数，可复算），并下达监控任务",
  params: IdParam,
  body: z.object({
    count: z.number().int().min(1, "抽取数量至少为 1").max(1000, "抽取数量不能超过 1000"),
    forced: z.array(z.string().max(40)).max(200).default([]),
    excluded: z.array(z.string().max(40)).max(2000).default([]),
    onlyWithReasons: z.array(Reason).max(4).default([]),
    stratify: z.enum(KEY_DRAW_STRATIFY).default("none"),
    largeBudgetWan: z.number().min(0).max(1_000_000).optional(),
  }),
  response: responses({ 201: KeyDraw.extend({ created: z.number().int(), converted: z.number().int() }) }),
});

export const getKeyDraw = operation("monitoring.oversee", {
  operationId: "getKeyDraw",
  tags: ["monitoring"],
  summary: "本轮次的重点监控抽取记录及复算结果（未抽取为空；仅限财政和审计查看）",
  params: IdParam,
  response: responses({
    200: z.object({
      draw: KeyDraw.nullable(),
      replay: z.object({ matches: z.boolean(), differences: z.array(z.string()) }).nullable(),
    }),
  }),
});

const RulesBody = {
  redGapPoints: z.number().min(0.01, "红灯阈值须大于 0").max(100, "红灯阈值不能超过 100 个百分点"),
  possibleMakesYellow: z.boolean(),
  causeCategories: z.array(z.string().max(20, "偏差原因名称不能超过 20 字")).min(1, "至少要有一个偏差原因").max(20),
};

export const MonitoringRulesView = z
  .object({
    fiscalYear: z.number().int(),
    version: z.string(),
    ...RulesBody,
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
  .meta({ id: "MonitoringRules" });

export const getMonitoringRules = operation("monitoring.read", {
  operationId: "getMonitoringRules",
  tags: ["monitoring"],
  summary: "某年度的监控预警规则（红灯阈值、偏差原因分类）及本年度各版本",
  querystring: z.object({ year: YearQuery }),
  response: responses({ 200: MonitoringRulesView }),
});

export const saveMonitoringRules = operation("monitoring.manage", {
  operationId: "saveMonitoringRules",
  tags: ["monitoring"],
  summary: "保存监控预警规则为新版本（须填修改说明）",
  querystring: z.object({ year: YearQuery }),
  body: z.object({ ...RulesBody, reason: z.string().max(500, "修改说明不能超过 500 字") }),
  response: responses({ 200: MonitoringRulesView }),
});

export const previewMonitoringRules = operation("monitoring.manage", {
  operationId: "previewMonitoringRules",
  tags: ["monitoring"],
  summary: "试算：拟保存的预警规则对本年度各轮次监控表亮灯的影响（只读）",
  querystring: z.object({ year: YearQuery }),
  body: z.object(RulesBody),
  response: responses({
    200: z.object({
      fiscalYear: z.number().int(),
      rulesVersion: z.string(),
      reports: z.number().int(),
      before: z.record(z.enum(LIGHTS), z.number().int()),
      after: z.record(z.enum(LIGHTS), z.number().int()),
      changed: z
        .array(z.object({ id: Id, code: z.string(), name: z.string(), before: z.enum(LIGHTS), after: z.enum(LIGHTS) }))
        .describe("亮灯改变的监控表（最多 200 个）"),
    }),
  }),
});
