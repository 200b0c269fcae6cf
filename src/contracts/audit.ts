import { z } from "zod";
import { Id, Instant, InstantQuery, operation, Paging, page, responses } from "./common";

export const AuditEntry = z
  .object({
    id: Id,
    at: Instant,
    actorId: Id.nullable(),
    actorName: z.string(),
    regionCode: z.string().nullable(),
    action: z.string().describe("create、update、submit、approve、import、login ……"),
    entity: z.string().describe("被操作的对象类型，如 project、goal_table、user"),
    entityId: z.string(),
    before: z.unknown().describe("操作前的值（新建时为 null）"),
    after: z.unknown().describe("操作后的值"),
    reason: z.string().nullable(),
  })
  .meta({ id: "AuditEntry" });

export const listAudit = operation("audit.read", {
  operationId: "listAudit",
  tags: ["audit"],
  summary: "审计日志",
  querystring: z.object({
    entity: z.string().max(40).optional(),
    entityId: z.string().max(64).optional(),
    actor: z.string().max(64).optional(),
    action: z.string().max(40).optional(),
    hideLogins: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional()
      .describe("true：不列登录、退出记录（分页和总数按过滤后的结果）"),
    from: InstantQuery.optional(),
    to: InstantQuery.optional(),
    ...Paging,
  }),
  response: responses({ 200: page(AuditEntry) }),
});

export const verifyAudit = operation("audit.read", {
  operationId: "verifyAudit",
  tags: ["audit"],
  summary: "校验审计日志哈希链是否完整",
  response: responses({
    200: z.object({
      ok: z.boolean(),
      checked: z.number().int().describe("已核对的条数"),
      brokenAt: Id.nullable().describe("第一处断链的日志编号"),
    }),
  }),
});
