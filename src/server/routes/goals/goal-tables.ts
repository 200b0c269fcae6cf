import { z } from "zod";
import { actOnGoalTable } from "../../../app/goals/act-on-goal-table";
import { getGoalTable, listGoalTables } from "../../../app/goals/get-goal-table";
import { saveGoalTable } from "../../../app/goals/save-goal-table";
import { INDICATOR_KINDS, INDICATOR_UID_PATTERN, OPERATORS } from "../../../core/goals/types";
import { GOAL_ACTIONS, GOAL_STATUSES } from "../../../core/goals/workflow";
import { type Api, actorOf, type ServerContext } from "../../context";
import { idParam, paging, yearQuery } from "../query";

const indicator = z.object({
  uid: z.string().regex(INDICATOR_UID_PATTERN).optional(),
  level1: z.string().trim().max(20),
  level2: z.string().trim().max(30),
  name: z.string().trim().max(100),
  kind: z.enum(INDICATOR_KINDS),
  operator: z.enum(OPERATORS).nullable(),
  target: z.string().trim().max(100),
  unit: z.string().trim().max(20).nullable(),
  weight: z.number().min(0).max(1000),
  explanation: z.string().trim().max(500).nullable(),
});

export default function goalTableRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/goals/tables",
    {
      config: { access: "goal.read" },
      schema: {
        operationId: "listGoalTables",
        tags: ["goals"],
        summary: "绩效目标表列表（本人可见范围，附智能审核问题数）",
        querystring: z.object({
          year: yearQuery,
          status: z.enum(GOAL_STATUSES).optional(),
          departmentId: z.coerce.number().int().positive().optional(),
          subjectKind: z.enum(["project", "deptWide"]).optional(),
          q: z.string().trim().max(100).optional(),
          ...paging,
        }),
      },
    },
    async (req) => {
      const { year, page, pageSize, q, ...rest } = req.query;
      const found = await listGoalTables(
        ctx.deps,
        actorOf(req),
        { fiscalYear: year, q: q || undefined, ...rest },
        page,
        pageSize,
      );
      return { ...found, page, pageSize };
    },
  );
  app.get(
    "/api/v1/goals/tables/:id",
    {
      config: { access: "goal.read" },
      schema: {
        operationId: "getGoalTable",
        tags: ["goals"],
        summary: "绩效目标表：指标、智能审核结果、审核记录、可执行的操作",
        params: idParam,
      },
    },
    async (req) => getGoalTable(ctx.deps, actorOf(req), req.params.id),
  );
  app.put(
    "/api/v1/goals/tables/:id",
    {
      config: { access: "goal.write" },
      schema: {
        operationId: "saveGoalTable",
        tags: ["goals"],
        summary: "保存绩效目标表（草稿或被退回时；须带 version）",
        params: idParam,
        body: z.object({
          version: z.number().int().positive(),
          overallGoal: z.string().max(2000),
          indicators: z.array(indicator).max(100, "指标不能超过 100 个"),
        }),
      },
    },
    async (req) => saveGoalTable(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/goals/tables/:id/actions",
    {
      config: { access: "goal.write" },
      schema: {
        operationId: "actOnGoalTable",
        tags: ["goals"],
        summary: "提交、审核通过、退回（须填意见，可逐项指标）、撤回、调整（须填理由）",
        params: idParam,
        body: z.object({
          version: z.number().int().positive(),
          action: z.enum(GOAL_ACTIONS),
          comment: z.string().max(2000).optional(),
          indicatorComments: z.record(z.string().regex(INDICATOR_UID_PATTERN), z.string().max(500)).optional(),
        }),
      },
    },
    async (req) => actOnGoalTable(ctx.deps, actorOf(req), req.params.id, req.body),
  );
}
