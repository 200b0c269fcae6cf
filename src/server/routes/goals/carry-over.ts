import { z } from "zod";
import { carryOverGoalTable } from "../../../app/goals/carry-over";
import { comparePreviousGoalTable } from "../../../app/goals/compare-previous";
import { type Api, actorOf, type ServerContext } from "../../context";
import { idParam } from "../query";

/** Last year's goal table of the same subject, compared with this one, and the carry-over from it. */
export default function carryOverRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/goals/tables/:id/previous",
    {
      config: { access: "goal.read" },
      schema: {
        operationId: "getPreviousGoalTable",
        tags: ["goals"],
        summary: "与上年对比：同一项目或部门上年度的绩效目标表及逐项变化（没有上年目标表时 previous 为 null）",
        params: idParam,
      },
    },
    async (req) => comparePreviousGoalTable(ctx.deps, actorOf(req), req.params.id),
  );
  app.post(
    "/api/v1/goals/tables/:id/carry-over",
    {
      config: { access: "goal.write" },
      schema: {
        operationId: "carryOverGoalTable",
        tags: ["goals"],
        summary: "从上年结转：以上年度目标表的总体目标和指标替换本表（草稿或被退回时；须带 version）",
        params: idParam,
        body: z.object({ version: z.number({ error: "请提供 version（目标表的版本号）" }).int().positive() }),
      },
    },
    async (req) => carryOverGoalTable(ctx.deps, actorOf(req), req.params.id, req.body),
  );
}
