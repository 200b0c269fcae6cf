import { z } from "zod";
import { Id, IdQuery, Instant, operation, responses, Version } from "./common";
import { ComparisonBase, ReviewComment, ReviewRound } from "./review";

/** 自评表的审核轮次与逐项意见: the rounds of submission and review, the comments with the unit's answers. */

export const SelfEvalFormReview = z
  .object({
    id: Id,
    rounds: z.array(ReviewRound),
    comments: z.array(ReviewComment),
    returned: z
      .object({ seq: z.number().int(), at: Instant, by: z.string().nullable(), ...ComparisonBase })
      .nullable()
      .describe("最近一次被退回时提交的内容，及与之相比的变化（与退回时对比）"),
  })
  .meta({ id: "SelfEvalFormReview" });

export const getSelfEvalFormReview = operation("selfeval.read", {
  operationId: "getSelfEvalFormReview",
  tags: ["selfeval"],
  summary: "自评表的审核轮次、逐项审核意见及填报单位的答复、与退回时的对比",
  params: z.object({ id: IdQuery }),
  response: responses({ 200: SelfEvalFormReview }),
});

export const answerSelfEvalComment = operation("selfeval.write", {
  operationId: "answerSelfEvalComment",
  tags: ["selfeval"],
  summary: "答复审核意见（自评表退回修改期间；空文字清除答复）",
  params: z.object({ id: IdQuery, commentId: IdQuery }),
  body: z.object({
    version: Version.describe("该意见的版本号"),
    answer: z.string().max(1000, "答复不能超过 1000 字"),
  }),
  response: responses({
    200: z.object({ id: Id, version: z.number().int(), answer: z.string().nullable() }),
  }),
});
