import { z } from "zod";
import { COMMENT_STAGES, ROUND_OUTCOMES } from "../core/review/outcome";
import { Id, Instant } from "./common";

/**
 * The shapes of the shared declare → review loop (core/review, app/review): snapshots of a record,
 * what changed between two of them, its rounds and the comment threads on its items. Every module's
 * review operations answer with these.
 */

const Value = z.union([z.string(), z.number()]).nullable();
const Values = z.record(z.string(), Value);

export const ReviewSnapshot = z
  .object({
    fields: Values.describe("记录本身的字段"),
    items: z.array(
      z.object({
        key: z.string().describe("条目的稳定标识（目标表：指标 uid）"),
        label: z.string(),
        group: z.string(),
        values: Values,
      }),
    ),
  })
  .meta({ id: "ReviewSnapshot" });

const ValueChange = z.object({ field: z.string(), before: Value, after: Value });
const ItemHead = { key: z.string(), label: z.string(), group: z.string() };

export const SnapshotDiff = z
  .object({
    fields: z.array(ValueChange),
    items: z.array(
      z.discriminatedUnion("status", [
        z.object({ status: z.literal("added"), ...ItemHead, after: Values }),
        z.object({ status: z.literal("removed"), ...ItemHead, before: Values }),
        z.object({ status: z.literal("changed"), ...ItemHead, changes: z.array(ValueChange) }),
      ]),
    ),
    counts: z.object({
      added: z.number().int(),
      removed: z.number().int(),
      changed: z.number().int(),
      fields: z.number().int(),
    }),
  })
  .meta({ id: "SnapshotDiff" });

export const ReviewRound = z
  .object({
    id: Id,
    seq: z.number().int().describe("第几次提交"),
    note: z.string().nullable().describe("提交时的修改说明"),
    submitterName: z.string(),
    submittedAt: Instant,
    outcome: z.enum(ROUND_OUTCOMES),
    closedByName: z.string().nullable(),
    closedAt: Instant.nullable(),
  })
  .meta({ id: "ReviewRound" });

export const ReviewComment = z
  .object({
    id: Id,
    roundId: Id.nullable(),
    roundSeq: z.number().int().nullable().describe("意见所在的提交轮次；早于轮次记录的意见为 null"),
    roundOutcome: z.enum(ROUND_OUTCOMES).nullable(),
    itemKey: z.string().nullable().describe("所指条目（目标表：指标 uid）；整体意见为 null"),
    itemLabel: z.string().describe("写意见时条目的名称"),
    stage: z.enum(COMMENT_STAGES).describe("return：随退回；approve：随审核通过"),
    authorName: z.string(),
    reviewer: z.enum(["department", "finance"]),
    body: z.string(),
    createdAt: Instant,
    answer: z.string().nullable().describe("填报单位的答复"),
    answeredByName: z.string().nullable(),
    answeredAt: Instant.nullable(),
    answerable: z.boolean().describe("当前用户现在能否答复"),
    version: z.number().int(),
  })
  .meta({ id: "ReviewComment" });

/** A comparison base: the snapshot it starts from and what changed from it to the record as stored. */
export const ComparisonBase = { snapshot: ReviewSnapshot, diff: SnapshotDiff };
