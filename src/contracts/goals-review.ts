import { z } from "zod";
import { GOAL_STATUSES } from "../core/goals/workflow";
import {
  CalendarDate,
  Id,
  IdParam,
  IdQuery,
  Instant,
  OrgRef,
  operation,
  responses,
  Version,
  YearQuery,
} from "./common";

/** 目标现场会审: the rolling draw of departments, and what the on-site review found and changed. */

const code = z.string().trim().min(1).max(32);

const Candidate = z.object({
  code: z.string(),
  name: z.string(),
  reviewedYears: z.array(z.number().int()).describe("以前被抽中会审的年度"),
});

const DrawParams = z.object({
  year: z.number().int(),
  count: z.number().int(),
  lookbackYears: z.number().int(),
  seed: z.string().describe("系统在抽取时生成的种子"),
  seedMethod: z.string().optional().describe("种子的生成方式"),
  forced: z.array(z.string()),
  excluded: z.array(z.string()),
});

const DrawResult = {
  algorithm: z.string(),
  params: DrawParams,
  populationSize: z.number().int(),
  picks: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      reason: z.enum(["forced", "never_reviewed", "not_recently", "rotation"]),
      lastReviewed: z.number().int().nullable(),
      rank: z.number().int(),
    }),
  ),
  notes: z.array(z.string()),
};

export const createReviewDraw = operation("goal.review", {
  operationId: "createReviewDraw",
  tags: ["goals"],
  summary: "目标现场会审：滚动抽取本年度的部门（记录总体与参数，可复现）",
  description: "每年只能抽取一次（再次抽取返回 409 DRAW_EXISTS）；种子由系统生成并记录，不能指定。",
  body: z.object({
    year: YearQuery,
    count: z.number().int(),
    lookbackYears: z.number().int(),
    seed: z.string().max(100).optional().describe("不接受：填写时返回 400 DRAW_SEED_NOT_ALLOWED"),
    forced: z.array(code).max(100).default([]).describe("必抽的部门编码"),
    excluded: z.array(code).max(100).default([]).describe("不抽的部门编码"),
  }),
  response: responses({ 201: z.object({ id: Id, ...DrawResult }) }),
});

export const ReviewDraw = z
  .object({
    id: Id,
    fiscalYear: z.number().int(),
    algorithm: z.string(),
    params: DrawParams,
    population: z.array(Candidate),
    result: z.object(DrawResult),
    createdAt: Instant,
  })
  .meta({ id: "ReviewDraw" });

export const listReviewDraws = operation("goal.lint", {
  operationId: "listReviewDraws",
  tags: ["goals"],
  summary: "历年目标现场会审抽取记录",
  querystring: z.object({ year: YearQuery.optional() }),
  response: responses({ 200: z.object({ rows: z.array(ReviewDraw) }) }),
});

export const getReviewDrawPopulation = operation("goal.lint", {
  operationId: "getReviewDrawPopulation",
  tags: ["goals"],
  summary: "新抽取将使用的总体：全部部门及其历年被抽中的年度",
  response: responses({ 200: z.object({ rows: z.array(Candidate) }) }),
});

export const replayReviewDraw = operation("goal.lint", {
  operationId: "replayReviewDraw",
  tags: ["goals"],
  summary: "按记录重新运行抽取并核对结果",
  params: IdParam,
  response: responses({
    200: z.object({ id: Id, matches: z.boolean(), differences: z.array(z.string()) }),
  }),
});

export const ReviewVisit = z
  .object({
    id: Id,
    drawId: Id,
    fiscalYear: z.number().int(),
    department: OrgRef,
    reviewedOn: CalendarDate.nullable(),
    findings: z.string().describe("发现的问题"),
    guidance: z.string().describe("指导建议"),
    version: z.number().int(),
    tables: z.array(
      z.object({
        goalTableId: Id,
        subjectCode: z.string(),
        subjectName: z.string().describe("项目名称，部门整体目标表为部门名称"),
        status: z.enum(GOAL_STATUSES),
        revision: z.number().int(),
        actedOn: z.boolean().describe("是否落实了指导建议"),
        note: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "ReviewVisit" });

export const listReviewVisits = operation("goal.lint", {
  operationId: "listReviewVisits",
  tags: ["goals"],
  summary: "被抽中部门的会审发现、指导建议及关联的目标表",
  params: IdParam,
  response: responses({ 200: z.object({ rows: z.array(ReviewVisit) }) }),
});

export const updateReviewVisit = operation("goal.review", {
  operationId: "updateReviewVisit",
  tags: ["goals"],
  summary: "记录现场会审发现的问题和指导建议（须带 version）",
  params: IdParam,
  body: z.object({
    version: Version,
    reviewedOn: z.string().nullable().describe("会审日期 YYYY-MM-DD"),
    findings: z.string().max(5000),
    guidance: z.string().max(5000),
  }),
  response: responses({ 200: z.object({ id: Id, version: z.number().int() }) }),
});

export const linkReviewVisitTable = operation("goal.review", {
  operationId: "linkReviewVisitTable",
  tags: ["goals"],
  summary: "关联部门修改后的目标表，并标明是否落实了指导建议",
  params: IdParam,
  body: z.object({
    goalTableId: Id,
    actedOn: z.boolean(),
    note: z.string().max(500).nullable().default(null),
  }),
  response: responses({ 200: ReviewVisit }),
});

export const unlinkReviewVisitTable = operation("goal.review", {
  operationId: "unlinkReviewVisitTable",
  tags: ["goals"],
  summary: "取消会审记录与目标表的关联（误关联时使用）",
  params: z.object({ id: IdQuery, goalTableId: IdQuery }),
  response: responses({ 200: ReviewVisit }),
});
