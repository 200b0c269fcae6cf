import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isErrorCode } from "../core/error-codes";
import { AppError, type ErrorKind } from "../core/errors";
import { sqlState } from "../db/errors";

/**
 * SQLSTATEs of a value the database cannot take: a number or date out of range, a malformed date, a
 * character it cannot store.
 */
const OUT_OF_RANGE = new Set(["22003", "22007", "22008", "22009", "22021", "22P05"]);

/** The one place where domain error kinds become HTTP statuses. */
const STATUS: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
  unavailable: 503,
};

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      const status = err.code === "IMPORT_INVALID" ? 422 : STATUS[err.kind];
      return reply.status(status).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        field: [err.validationContext, ...String(v.instancePath).split("/").filter(Boolean)].join("."),
        message: v.message,
      }));
      const first = issues[0];
      return reply.status(400).send({
        error: {
          code: "REQUEST_INVALID",
          message: first ? `请求参数有误：${first.field} ${first.message}` : "请求参数有误",
          details: { issues },
        },
      });
    }
    if (err.code === "FST_REQ_FILE_TOO_LARGE" || err.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return reply.status(413).send({ error: { code: "IMPORT_FILE_TOO_LARGE", message: "上传的文件超过 10 MB 上限" } });
    }
    if (err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return reply.status(415).send({ error: { code: "UNSUPPORTED_MEDIA_TYPE", message: "不支持的内容类型" } });
    }
    if (err.code === "FST_ERR_CTP_INVALID_JSON_BODY" || err instanceof SyntaxError) {
      return reply.status(400).send({ error: { code: "REQUEST_INVALID", message: "请求体不是有效的 JSON" } });
    }
    const state = sqlState(err);
    if (state === "23505" || state === "40001" || state === "40P01") {
      // Two writers added the same code at once, or collided (serialization failure, deadlock; possible on
      // PostgreSQL): the later one is refused whole.
      return reply.status(409).send({
        error: { code: "CONCURRENT_CHANGE", message: "数据正被他人同时修改，本次未写入任何数据，请刷新后重试" },
      });
    }
    if (state !== undefined && OUT_OF_RANGE.has(state)) {
      // A number out of a column's range or a character the database cannot store: the contracts refuse
      // these first; this is the net for any field they miss, so it is never a 500.
      req.log.warn({ err }, "request value refused by the database");
      return reply
        .status(400)
        .send({ error: { code: "REQUEST_INVALID", message: "请求中的数值超出范围或含有无法保存的字符" } });
    }
    if (err.statusCode && err.statusCode < 500) {
      return reply
        .status(err.statusCode)
        .send({ error: { code: isErrorCode(err.code) ? err.code : "REQUEST_INVALID", message: err.message } });
    }
    req.log.error(err);
    return reply.status(500).send({ error: { code: "INTERNAL", message: "服务器内部错误，请稍后重试或联系管理员" } });
  });
  app.setNotFoundHandler((req, reply) =>
    reply
      .status(404)
      .send({ error: { code: "NOT_FOUND", message: `接口不存在：${req.method} ${req.url.split("?")[0]}` } }),
  );
}
