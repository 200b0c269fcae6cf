import type { ErrorCode } from "./error-codes";

/**
 * Domain errors carry a stable code and a kind; the server maps the kind to an HTTP status once,
 * at the edge, so the core never knows about HTTP.
 */
export type ErrorKind =
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "too_large"
  | "unavailable";

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string, id: string | number) =>
  new AppError("not_found", "NOT_FOUND", `${what}不存在：${id}`, { what, id });

export const forbidden = (message = "无权执行此操作") => new AppError("forbidden", "FORBIDDEN", message);

export const staleVersion = (what: string) =>
  new AppError("conflict", "STALE_VERSION", `${what}已被他人修改，请刷新后重试`);
