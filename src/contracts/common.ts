import { z } from "zod";
import { ERROR_CODE_LIST, ERROR_CODES } from "../core/error-codes";
import type { Action } from "../core/permissions";

/**
 * What every contract shares: the one error shape, paging, ids and file downloads. A module's contract
 * (`contracts/<module>.ts`) declares each operation's request and responses with these; the server
 * validates requests and serialises responses through them, the OpenAPI document is generated from them
 * and the web app imports their inferred types.
 */

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODE_LIST).describe(
        `错误代码，取值固定：\n${Object.entries(ERROR_CODES)
          .map(([code, meaning]) => `- ${code}：${meaning}`)
          .join("\n")}`,
      ),
      message: z.string().describe("给用户看的中文说明，指出哪一行、哪一列或哪个字段有误"),
      details: z.unknown().optional().describe("随错误代码而定的补充信息"),
    }),
  })
  .meta({ id: "Error", description: "所有 4xx/5xx 响应的统一格式" });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The error responses every operation may give (access, validation, conflicts, limits, the server). */
const ERRORS = { "4xx": ErrorBody, "5xx": ErrorBody } as const;

/** An operation's responses: its 2xx bodies plus the shared error shape. */
export const responses = <R extends Record<number, z.ZodType | FileResponse>>(ok: R) => ({ ...ok, ...ERRORS });

interface FileResponse {
  description: string;
  content: Record<string, { schema: z.ZodType }>;
}

/** A 204 answer: no body. */
export const NoContent = z.undefined().describe("无响应体");

/** A file download of the given media type (the body is the file's bytes). */
export const fileResponse = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: z.any().meta({ type: "string", format: "binary" }) } },
});

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Ids and versions are PostgreSQL integers: a larger number is refused here, not by the database. */
export const INT4_MAX = 2_147_483_647;
export const Id = z.number().int().positive().max(INT4_MAX, "编号超出范围");
/** An id in a path or query string (text in the URL). */
export const IdQuery = z.coerce.number().int().positive("编号须为正整数").max(INT4_MAX, "编号超出范围");
export const IdParam = z.object({ id: IdQuery });
/** The version a client read, sent back with a change (optimistic locking). */
export const Version = z.number().int().positive().max(INT4_MAX, "版本号超出范围");

export const YearQuery = z.coerce
  .number()
  .int()
  .min(2000, "年度须在 2000–2100 之间")
  .max(2100, "年度须在 2000–2100 之间");

export const Paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, "每页最多 200 条").default(20),
};

/** A page of a list: the rows, how many there are in all, and which page this is. */
export const page = <T extends z.ZodType>(row: T) =>
  z.object({ rows: z.array(row), total: z.number().int().min(0), page: z.number().int(), pageSize: z.number().int() });

/** An instant as the API sends it: ISO 8601 with time zone. */
export const Instant = z.iso.datetime({ offset: true }).describe("时刻（ISO 8601）");
/**
 * An instant in a query string (a date or a date and time). Bounded to years 1900–9999: JavaScript takes
 * years far outside what PostgreSQL stores, which would fail in the database.
 */
export const InstantQuery = z.coerce
  .date({ error: "日期无效" })
  .min(new Date("1900-01-01T00:00:00Z"), "日期须在 1900–9999 年之间")
  .max(new Date("9999-12-31T23:59:59Z"), "日期须在 1900–9999 年之间");
/** A calendar date (YYYY-MM-DD). */
export const CalendarDate = z.iso.date();
/** Money is always an integer number of fen (分). */
export const Fen = z.number().int().describe("金额，单位：分");
/**
 * A sum of amounts over many rows, in fen. Each amount is capped at import (10^12 fen), but a region's
 * total can pass 2^53 fen (about 900 亿亿元, never in real budgets): it is then sent as the nearest
 * double rather than refusing the whole answer.
 */
export const FenTotal = z.number().describe("金额合计，单位：分");

/** Who may call an operation: anyone, any signed-in account, or the roles allowed an action. */
export type Access = "public" | "signed-in" | Action;

interface OperationSchema {
  operationId: string;
  summary: string;
  tags: string[];
  description?: string;
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response: Record<string, unknown>;
}

/**
 * One operation of the API: who may call it and its schema (request, responses, documentation). Routes
 * pass `schema` to fastify and `access` to the access hook; the web app infers its types from it.
 */
export const operation = <const A extends Access, S extends OperationSchema>(access: A, schema: S) => ({
  access,
  schema,
});

/** The body an operation answers with on success (status 200 unless given). */
export type ReplyOf<
  O extends { schema: { response: Record<string, unknown> } },
  S extends number = 200,
> = S extends keyof O["schema"]["response"]
  ? O["schema"]["response"][S] extends z.ZodType
    ? z.output<O["schema"]["response"][S]>
    : never
  : never;
/** A body of an operation as the server uses it after validation (defaults filled); a client may send it as is. */
export type BodyOf<O extends { schema: { body?: z.ZodType } }> = O["schema"]["body"] extends z.ZodType
  ? z.output<O["schema"]["body"]>
  : never;

/** An organisation named in a row: id, code and name. */
export const OrgRef = z.object({ id: Id, code: z.string(), name: z.string() }).meta({ id: "OrgRef" });
