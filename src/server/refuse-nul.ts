import type { FastifyInstance } from "fastify";
import { AppError } from "../core/errors";

/**
 * PostgreSQL text cannot hold U+0000, nor jsonb a lone UTF-16 surrogate ("\ud800" is valid JSON but no
 * character): either in any query or JSON field would reach the database and fail there (a 500). Every
 * text the API takes is refused here instead, naming the field.
 */
export function registerNulRefusal(app: FastifyInstance): void {
  app.addHook("preValidation", async (req) => {
    // The public portal checks every address part against a pattern before any query and answers its own 404.
    if (req.routeOptions.url?.startsWith("/public")) return;
    for (const [part, value] of [
      ["querystring", req.query],
      ["params", req.params],
      ["body", req.body],
    ] as const) {
      const found = unstorableAt(value, part);
      if (found) {
        const message = found.what === "nul" ? "含有空字符（U+0000）" : "含有无效的字符（不成对的 UTF-16 代理项）";
        throw new AppError("validation", "REQUEST_INVALID", `请求参数有误：${found.field} ${message}`, {
          issues: [{ field: found.field, message }],
        });
      }
    }
  });
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const badText = (s: string): "nul" | "surrogate" | null =>
  s.includes("\u0000") ? "nul" : LONE_SURROGATE.test(s) ? "surrogate" : null;

/** The path of the first string (or key) holding U+0000 or a lone surrogate in a parsed request part. */
export function unstorableAt(
  value: unknown,
  path: string,
  depth = 0,
): { field: string; what: "nul" | "surrogate" } | null {
  if (typeof value === "string") {
    const what = badText(value);
    return what ? { field: path, what } : null;
  }
  if (depth > 32 || value === null || typeof value !== "object" || Buffer.isBuffer(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    const what = badText(key);
    if (what) return { field: `${path}.${key.replaceAll("\u0000", "\\0")}`, what };
    const found = unstorableAt(child, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}
