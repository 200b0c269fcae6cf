import { z } from "zod";
import { GOAL_STATUSES } from "../core/goals/workflow";
import { Id, IdQuery, Instant, operation, responses, Version } from "./common";
import { ComparisonBase, ReviewComment, ReviewRound } from "./review";

/** 目标表的版本、审核轮次与逐项意见: what changed, and the comments with their answers. */

export const GoalTableReview = z
  .object({
    id: Id,
    revision: z.number().int(),
    revisions: z.array(
      z.object({
        id: Id,
        revision: z.number().int(),
        status: z.enum(GOAL_STATUSES),
        isCurrent: z.boolean(),
        inForce: z.boolean().describe("现行有效的版本（最近批复的一版）"),
        revisionReason: z.string().nullable(),
        updatedAt: Instant,
        approvedAt: Instant.nullable(),
      }),
    ),
    rounds: z.array(ReviewRound),
    comments: z.array(ReviewComment),
    returned: z
      .object({ seq: z.number().int(), at: Instant, by: z.string().nullable(), ...ComparisonBase })
      .nullable()
      .describe("最近一次被退回时提交的内容，及与之相比的变化（与退回时对比）"),
    previous: z
      .object({ id: Id, revision: z.number().int(), status: z.enum(GOAL_STATUSES), ...ComparisonBase })
      .nullable()
      .describe("上一版，及与之相比的变化（与上一版对比）"),
  })
  .meta({ id: "GoalTableReview" });

export const getGoalTableReview = operation("goal.read", {
  operationId: "getGoalTableReview",
  tags: ["goals"],
  summary: "目标表的版本、审核轮次、逐项意见及答复、与退回时和上一版的对比",
  params: z.object({ id: IdQuery }),
  response: responses({ 200: GoalTableReview }),
});

export const answerGoalComment = operation("goal.write", {
  operationId: "answerGoalComment",
  tags: ["goals"],
  summary: "答复审核意见（目标表退回修改期间；空文字清除答复）",
  params: z.object({ id: IdQuery, commentId: IdQuery }),
  body: z.object({
    version: Version.describe("该意见的版本号"),
    answer: z.string().max(1000, "答复不能超过 1000 字"),
  }),
  response: responses({
    200: z.object({ id: Id, version: z.number().int(), answer: z.string().nullable() }),
  }),
});
