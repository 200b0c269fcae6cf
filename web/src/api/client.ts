/** A small fetch wrapper for /api/v1: JSON in and out, the CSRF header on writes, typed errors. */

export const API_BASE = "/api/v1";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** Chinese message of any error, for message.error() and Alerts. */
export function errorMessage(e: unknown, fallback = "操作失败，请稍后重试"): string {
  if (e instanceof ApiError) return e.message || fallback;
  if (e instanceof TypeError) return "无法连接服务器，请检查网络后重试";
  if (e instanceof Error && e.message) return e.message;
  return fallback;
}

let onUnauthorized: (() => void) | null = null;
/** Called on any 401 other than the login attempt itself (the session expired or was revoked). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds "?a=1&b=2", leaving out empty values. */
export function queryString(query: Query | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === "") continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

export const apiUrl = (path: string, query?: Query): string => `${API_BASE}${path}${queryString(query)}`;

interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  query?: Query;
  body?: unknown;
  /** Do not treat a 401 as an expired session (login form, the initial /auth/me). */
  expect401?: boolean;
  signal?: AbortSignal;
}

/** The error an API answer carries (for calls that read a file rather than JSON). */
export const errorFromResponse = (res: Response): Promise<ApiError> => parseError(res);

async function parseError(res: Response): Promise<ApiError> {
  let code = `HTTP_${res.status}`;
  let message = defaultMessage(res.status);
  let details: unknown;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    if (body?.error) {
      code = body.error.code ?? code;
      message = body.error.message || message;
      details = body.error.details;
    }
  } catch {
    // not JSON (proxy error page, empty body): keep the default message
  }
  return new ApiError(res.status, code, message, details);
}

function defaultMessage(status: number): string {
  if (status === 401) return "登录已过期，请重新登录";
  if (status === 403) return "无权执行此操作";
  if (status === 404) return "请求的记录不存在";
  if (status === 409) return "该记录已被他人修改，请刷新后重试";
  if (status === 413) return "文件过大";
  if (status === 429) return "请求过于频繁，请稍后再试";
  if (status >= 500) return "服务器内部错误，请稍后重试";
  return `请求失败（${status}）`;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json" };
  let body: BodyInit | undefined;
  if (method !== "GET") headers["X-Requested-With"] = "jixiao";
  if (opts.body instanceof FormData) {
    body = opts.body;
  } else if (opts.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(opts.body);
  }
  const res = await fetch(apiUrl(path, opts.query), {
    method,
    headers,
    body,
    credentials: "same-origin",
    signal: opts.signal,
  });
  if (!res.ok) {
    const err = await parseError(res);
    if (res.status === 401 && !opts.expect401) onUnauthorized?.();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
